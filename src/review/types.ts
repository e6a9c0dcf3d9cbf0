import type { FindingReason, QuestionType, Reason, Report, Severity, Verdict } from '../core/types.js';
import type { Interview, Timing, TranscriptFormat } from '../transcripts/types.js';

/** One reason's verdict on one answer, as the review reports it. */
export interface ReasonVerdict {
  verdict: Verdict;
  score: number | null;
  /** The analyzer's one-line reason for the verdict: the evidence in words. */
  summary: string;
  /** How likely the verdict is right, 0 to 1, as the analyzer calibrates it. */
  confidence: number;
  /** The answer sits near the line: the verdict is a lean, not settled. */
  uncertain: boolean;
}

/** The `starl practice` drill for the main reason, and the question type it drills. */
export interface PracticeAdvice {
  reason: Reason;
  questionType: QuestionType;
  command: string;
}

/** A problem the analyzer found in an answer, placed in the interview: quote, time and line. */
export interface ReviewFinding {
  ruleId: string;
  reason: FindingReason;
  severity: Severity;
  message: string;
  /** The answer's own words the finding is about (empty when it marks where something is missing). */
  quote: string;
  /** The sentence those words are in, for quoting a moment when the words alone ("Fernway") say too little. */
  sentence: string;
  /** Seconds from the start of the recording when those words were said, or `null`. */
  time: number | null;
  /** 1-based line of the transcript where the words are. */
  line: number;
  suggestions: string[];
}

/** Something in an answer that counted for it, with the words. */
export interface ReviewStrength {
  reason: Reason;
  kind: string;
  quote: string;
}

/** Why an answer could not be judged: the analyzer refused it (too long, not English…). */
export interface PairProblem {
  code: string;
  message: string;
}

/** One question of the interview with its answer and what the analyzer made of it. */
export interface ReviewedPair {
  question: string;
  followUps: string[];
  answer: string;
  /** When the answer starts, in seconds, or `null` when the transcript has no times. */
  start: number | null;
  /** 1-based line of the question in the transcript. */
  line: number;
  /** 1-based line where the answer starts. */
  answerLine: number;
  questionType: QuestionType | null;
  reasons: Record<Reason, ReasonVerdict> | null;
  findings: ReviewFinding[];
  strengths: ReviewStrength[];
  /** What the job posting offered this answer: its terms the answer used, and those it could have. */
  context: { used: string[]; couldUse: string[] } | null;
  /** The question an interviewer would likely ask next. */
  followUp: string | null;
  words: number;
  /** Set when the answer could not be judged; the rest of the review goes on. */
  problem: PairProblem | null;
  /** The analyzer's full report, kept for saving; `null` when the answer could not be judged. */
  report: Report | null;
}

/** A reason's count over the interview: misses out of the answers where it applies. */
export interface Tally {
  misses: number;
  applicable: number;
}

/** A moment that shows a reason costing the candidate: the worst answers first. */
export interface Moment {
  pair: number;
  question: string;
  quote: string;
  message: string;
  score: number | null;
  time: number | null;
  line: number;
}

/** Delivery measured over the candidate's turns. */
export interface DeliveryStats {
  /** The candidate's share of the talking, 0 to 1, by speaking time where known, else by words. */
  talkTimeShare: number;
  talkTimeBasis: 'time' | 'words';
  candidateWords: number;
  /** Words per minute while the candidate spoke; `null` without per-turn times. */
  wordsPerMinute: number | null;
  fillers: number;
  /** Fillers per 100 words. */
  fillersPer100Words: number;
  /** `false` when the transcript looks cleaned of "um" and "uh", so the filler rate says little. */
  fillerRateReliable: boolean;
}

/** A whole interview judged: every pair, the tallies, the main reason and the delivery. */
export interface Review {
  format: TranscriptFormat;
  timing: Timing;
  candidate: string;
  interviewers: string[];
  candidateBasis: Interview['candidateBasis'];
  /** The candidate's name when the transcript gives one, how sure Starl is, and why. */
  identification: Interview['identification'];
  pairs: ReviewedPair[];
  tallies: Record<Reason, Tally>;
  /** The reason with the highest share of misses (see `MAIN_REASON_DEFINITION`), or `null`. */
  mainReason: Reason | null;
  /** The reason ranked next by the same definition, or `null` when no other reason missed. */
  runnerUp: Reason | null;
  /** What to practise next for the main reason, or `null` when there is none. */
  practice: PracticeAdvice | null;
  worstMoments: Record<Reason, Moment[]>;
  delivery: DeliveryStats;
}
