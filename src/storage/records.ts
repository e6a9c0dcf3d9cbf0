import type { Report, Verdict } from '../core/types.js';
import type { AnswerDelivery } from '../delivery/types.js';

/** A company the candidate is preparing for, with what Starl extracted from its posting. */
export interface Company {
  id: number;
  name: string;
  aliases: string[];
  /** Other employers in the same market, for the swap test: would the answer still fit them? */
  competitors: string[];
  /** The job posting or company text the candidate gave, reduced to plain text. */
  contextText: string | null;
  /** Where `contextText` came from: a file path, a URL or `stdin`. */
  contextSource: string | null;
  /** The posting's distinctive terms, as the core extracted them. */
  terms: string[];
  createdAt: string;
  updatedAt: string;
}

/** One research fact about a company, with where the candidate found it. */
export interface CompanyFact {
  id: number;
  uid: string;
  companyId: number;
  kind: string;
  text: string;
  source: string;
  createdAt: string;
}

/** A question of a session's plan, in the order it is asked. */
export interface PlannedQuestion {
  position: number;
  bankId: string | null;
  questionType: string;
  text: string;
}

/** A mock interview or drill, with its plan. */
export interface Session {
  id: number;
  uid: string;
  companyId: number | null;
  role: string | null;
  field: string | null;
  mode: 'interview' | 'drill';
  status: 'active' | 'finished';
  startedAt: string;
  finishedAt: string | null;
  questions: PlannedQuestion[];
}

/** One submitted answer: a first try, a retry (attempt 2, 3, ...) or the answer to a follow-up. */
export interface StoredAnswer {
  id: number;
  uid: string;
  sessionId: number;
  position: number;
  attempt: number;
  /** The answer this one follows up; its report then judges both answers together. */
  followUpOf: number | null;
  question: string;
  answer: string;
  /** How long the candidate took to answer, in seconds. */
  seconds: number;
  report: Report;
  /** How the answer was delivered, measured from its recording; null when it was typed. */
  delivery: AnswerDelivery | null;
  createdAt: string;
}

/** What is known of a saved answer's recording without reading its audio. */
export interface RecordingInfo {
  answerId: number;
  /** The content type it was recorded in, codec included (`audio/webm;codecs=opus`). */
  mediaType: string;
  /** How long it lasts. */
  seconds: number;
  /** Its size in bytes. */
  bytes: number;
  createdAt: string;
}

/** A saved answer's recording with its audio, compressed as the browser recorded it. */
export interface Recording extends RecordingInfo {
  data: Uint8Array;
}

/** A STAR(L) story in the candidate's bank. */
export interface Story {
  id: number;
  uid: string;
  title: string;
  text: string;
  competencies: string[];
  /** The story's sentences as Starl labelled them. */
  parts: { text: string; star: string | null }[];
  sourceAnswerId: number | null;
  createdAt: string;
}

/** An answer judged from a real interview's transcript. */
export interface StoredReview {
  id: number;
  uid: string;
  sourceFile: string;
  question: string;
  answer: string;
  report: Report;
  /** When the answer was given, if the transcript says. */
  answeredAt: string | null;
  createdAt: string;
}

/** How one practice answer was delivered, for progress over time. */
export interface DeliveredAnswer {
  id: number;
  sessionId: number;
  question: string;
  delivery: AnswerDelivery;
  at: string;
}

/** The verdicts of one judged answer, from practice or a review, for progress over time. */
export interface JudgedAnswer {
  origin: 'practice' | 'review';
  id: number;
  /** The session (practice) the answer belongs to; null for a review. */
  sessionId: number | null;
  question: string;
  answer: string;
  questionType: string;
  verdicts: { opportunity: Verdict; memorable: Verdict; specificReason: Verdict; starl: Verdict };
  at: string;
}
