/** The transcript formats Starl reads, detected from the content. */
export const TRANSCRIPT_FORMATS = ['zoom-vtt', 'teams-vtt', 'webvtt', 'srt', 'google-meet', 'otter', 'notes'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

/**
 * How precise a transcript's times are: `cue` when every cue has a start and an end, `turn` when each
 * paragraph has a start only, `coarse` when a time is printed every few minutes, `none` without times.
 */
export const TIMINGS = ['cue', 'turn', 'coarse', 'none'] as const;
export type Timing = (typeof TIMINGS)[number];

/** One timed or untimed piece of speech as the file gives it, before merging. */
export interface Cue {
  /** Who spoke, as the file names them; `null` when the format has no speaker names. */
  speaker: string | null;
  text: string;
  /** Seconds from the start of the recording, or `null` when unknown. */
  start: number | null;
  end: number | null;
  /** 1-based line in the file where the cue's text begins, for error messages and quotes. */
  line: number;
}

/** A file's cues with what was learned about the file while reading it. */
export interface ParsedTranscript {
  format: TranscriptFormat;
  timing: Timing;
  /** Whether the file names its speakers; without names, speakers are inferred from questions. */
  hasSpeakers: boolean;
  /** The lines above the first speech (a title, "My notes (Ravi Kulkarni)"), which may name the candidate. */
  header: string[];
  cues: Cue[];
}

/** Consecutive cues of one speaker merged: what one person said before someone else spoke. */
export interface Turn {
  speaker: string;
  /** The merged text, tags and timestamps removed, cues joined by single spaces. */
  text: string;
  start: number | null;
  /** End of the last cue, when cues have ends. */
  end: number | null;
  /** Seconds actually spoken, summed over cues that have both ends; `null` when unknown. */
  spokenSeconds: number | null;
  line: number;
}

/**
 * A piece of an answer and where it came from: `answer.slice(start, end)` is `turns[turnIndex].text`, or
 * for the closing answer's last turn the start of it, up to the candidate's last question.
 */
export interface AnswerSegment {
  turnIndex: number;
  start: number;
  end: number;
  /** When this part of the answer was spoken, in seconds, or `null`. */
  time: number | null;
  line: number;
}

/** An interviewer's question with the candidate's answer, follow-ups included. */
export interface QuestionAnswerPair {
  question: string;
  /** The follow-up questions asked within this answer, in order. */
  followUps: string[];
  /** The candidate's turns joined by single spaces. */
  answer: string;
  segments: AnswerSegment[];
  /** When the answer starts, in seconds, or `null`. */
  start: number | null;
  /** 1-based line of the question in the file. */
  questionLine: number;
}

/** How sure Starl is of who the candidate is: `low` means it asks to be told (`--candidate`). */
export type CandidateConfidence = 'high' | 'medium' | 'low';

/** Who the candidate is as a person, and why Starl thinks so. */
export interface CandidateIdentification {
  /** The person's name when the transcript gives one (a label, a header, a greeting), else `null`. */
  name: string | null;
  confidence: CandidateConfidence;
  /** The clues that decided it, in words: "labelled \"A\"", "greeted as \"Lena\" (\"Nice to meet you, Lena\")". */
  clues: string[];
  /** Why Starl is unsure, when `confidence` is `low`; else `null`. */
  unsure: string | null;
}

/** Who the candidate is and how the decision was made. */
export interface CandidateChoice extends CandidateIdentification {
  /** The candidate's speaker label in the transcript ("Lena Park", "A", "Speaker 2", "Candidate"). */
  candidate: string;
  interviewers: string[];
  /** `override` when named with --candidate, `inferred` when picked from the transcript's clues. */
  basis: 'override' | 'inferred';
}

/** A transcript understood as an interview: who is who, their turns, and the question-answer pairs. */
export interface Interview {
  format: TranscriptFormat;
  timing: Timing;
  hasSpeakers: boolean;
  candidate: string;
  interviewers: string[];
  candidateBasis: CandidateChoice['basis'];
  identification: CandidateIdentification;
  turns: Turn[];
  pairs: QuestionAnswerPair[];
}
