import type { QuestionType, Reason } from '../core/types.js';
import type { SessionReport } from './session.js';

// The shape of a session summary, kept with the reports so the web app can read it; `summarizeSession`
// in src/practice builds it.

/** One answer as the summary quotes it: the question, what was said, and the verdict's one line for a reason. */
export interface SummaryAnswer {
  position: number;
  question: string;
  answer: string;
  /** Why the answer passed or missed the reason in question. */
  why: string;
}

/** What a finished session teaches, shown by the web app after Finish and by `starl practice` at its end. */
export interface SessionSummary {
  sessionId: number;
  mode: string;
  company: string | null;
  role: string | null;
  planned: number;
  answered: number;
  /** Per reason, passes among the answered questions it applied to (the try that counts for each). */
  totals: SessionReport['totals'];
  /** The reason passed least often, with the answers that missed it; null when nothing was judged. */
  weakest: { reason: Reason; passed: number; judged: number; misses: SummaryAnswer[] } | null;
  /** The answer with the highest average score over the reasons it was judged on. */
  best: (SummaryAnswer & { score: number; passed: Reason[] }) | null;
  /** Every follow-up the interviewer asked, with the candidate's reply. */
  followUps: { position: number; question: string; followUp: string; answer: string }[];
  /** Seconds spent on each answered question (the try that counts, with its follow-up). */
  times: { position: number; question: string; seconds: number }[];
  /** A short drill of the question type where the weakest reason was missed most. */
  drill: { reason: Reason; only: QuestionType; count: number } | null;
  /** Seconds spent answering in all. */
  seconds: number;
}
