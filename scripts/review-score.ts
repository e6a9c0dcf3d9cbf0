/**
 * Scores transcript reviews against the gold files in `eval/review/`: who the candidate is, which
 * question-answer pairs were found, and the question types, verdicts and main reason on them.
 * Pure: `eval-review.ts` reads the files and runs Starl; the tests call these functions directly.
 */
import { REASONS, type QuestionType, type Reason, type Verdict } from '../src/core/types.js';

/** One question and its answer as the labelling guide reads the transcript. */
export interface GoldPair {
  /** Words of the question as asked (part of the interviewer's turn is enough). */
  question: string;
  /** The first and last words of the whole answer, follow-ups included. */
  answerStarts: string;
  answerEnds: string;
  questionType: QuestionType;
  reasons: Record<Reason, Verdict>;
}

/** A transcript's gold labels. */
export interface Gold {
  transcript: string;
  format: string;
  /** The person's name when the transcript gives one, and the transcript's label for them, if any. */
  candidate: { name: string | null; speaker: string | null };
  pairs: GoldPair[];
  mainReason: Reason | null;
  note: string;
}

/** What Starl made of a transcript, in the few fields the scorer reads. */
export interface Predicted {
  /** The speaker label Starl chose as the candidate. */
  speaker: string;
  /** The person's name Starl reports, or `null` when it reports none. */
  name: string | null;
  /** Whether Starl said it was unsure and asked to be told the candidate. */
  asked: boolean;
  pairs: { question: string; answer: string; questionType: QuestionType | null; reasons: Record<Reason, Verdict> | null }[];
  mainReason: Reason | null;
}

/** Labels that name a side, not a person: reporting one of these is reporting no name. */
const UNNAMED = /^(?:candidate|interviewee|me|a|answer|speaker \d+)$/i;

/** Lower case, words only: transcripts differ from the gold in punctuation and spacing, not words. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** Whether a predicted pair is the gold pair: its question contains the gold question, its answer has the gold ends. */
export function pairMatches(gold: GoldPair, predicted: Predicted['pairs'][number]): boolean {
  const answer = normalize(predicted.answer);
  return normalize(predicted.question).includes(normalize(gold.question)) && answer.startsWith(normalize(gold.answerStarts)) && answer.endsWith(normalize(gold.answerEnds));
}

/** How the candidate was identified: the right person, asked (unsure, and said so), or wrong without asking. */
export type CandidateOutcome = 'right' | 'asked' | 'wrong';

/** Whether Starl found the candidate: the gold name when one is given, else the gold side, with no invented name. */
export function candidateOutcome(gold: Gold, predicted: Predicted): CandidateOutcome {
  const reported = predicted.name ?? predicted.speaker;
  let right: boolean;
  if (gold.candidate.name !== null) right = normalize(reported) === normalize(gold.candidate.name);
  else if (gold.candidate.speaker !== null) right = predicted.speaker === gold.candidate.speaker && (predicted.name === null || UNNAMED.test(predicted.name));
  else right = UNNAMED.test(reported);
  if (right) return 'right';
  return predicted.asked ? 'asked' : 'wrong';
}

/** The pair counts that add up over transcripts. */
interface PairCounts {
  goldPairs: number;
  found: number;
  spurious: number;
  typesRight: number;
  verdicts: number;
  verdictsRight: number;
}

/** One transcript scored. */
export interface FileScore extends PairCounts {
  transcript: string;
  candidate: CandidateOutcome;
  mainReasonRight: boolean;
  /** The gold pairs not found, by question, for reading. */
  missed: string[];
}

/** Scores one transcript: each gold pair is matched to at most one predicted pair, in order. */
export function scoreFile(gold: Gold, predicted: Predicted): FileScore {
  const used = new Set<number>();
  let typesRight = 0;
  let verdicts = 0;
  let verdictsRight = 0;
  const missed: string[] = [];
  for (const goldPair of gold.pairs) {
    const index = predicted.pairs.findIndex((pair, at) => !used.has(at) && pairMatches(goldPair, pair));
    const pair = predicted.pairs[index];
    if (!pair) {
      missed.push(goldPair.question);
      continue;
    }
    used.add(index);
    if (pair.questionType === goldPair.questionType) typesRight++;
    for (const reason of REASONS) {
      verdicts++;
      if (pair.reasons?.[reason] === goldPair.reasons[reason]) verdictsRight++;
    }
  }
  return {
    transcript: gold.transcript,
    candidate: candidateOutcome(gold, predicted),
    goldPairs: gold.pairs.length,
    found: used.size,
    spurious: predicted.pairs.length - used.size,
    typesRight,
    verdicts,
    verdictsRight,
    mainReasonRight: predicted.mainReason === gold.mainReason,
    missed,
  };
}

/** The five measures of the review's evaluation over all transcripts. */
export interface Totals extends PairCounts {
  files: number;
  candidateRight: number;
  candidateAsked: number;
  candidateWrong: number;
  mainReasonRight: number;
}

/** Sums the per-transcript scores. */
export function total(scores: readonly FileScore[]): Totals {
  const sum = (pick: (score: FileScore) => number) => scores.reduce((acc, score) => acc + pick(score), 0);
  return {
    files: scores.length,
    candidateRight: sum((s) => (s.candidate === 'right' ? 1 : 0)),
    candidateAsked: sum((s) => (s.candidate === 'asked' ? 1 : 0)),
    candidateWrong: sum((s) => (s.candidate === 'wrong' ? 1 : 0)),
    goldPairs: sum((s) => s.goldPairs),
    found: sum((s) => s.found),
    spurious: sum((s) => s.spurious),
    typesRight: sum((s) => s.typesRight),
    verdicts: sum((s) => s.verdicts),
    verdictsRight: sum((s) => s.verdictsRight),
    mainReasonRight: sum((s) => (s.mainReasonRight ? 1 : 0)),
  };
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? '–' : (part / whole).toFixed(2);
}

/** The five measures as a Markdown table, in the order the table uses. */
export function renderTotals(totals: Totals): string {
  const rows = [
    ['candidate identified', ratio(totals.candidateRight, totals.files), `${totals.candidateRight} of ${totals.files} right, ${totals.candidateAsked} asked, ${totals.candidateWrong} wrong without asking`],
    ['gold pairs found', ratio(totals.found, totals.goldPairs), `${totals.found} of ${totals.goldPairs}, plus ${totals.spurious} spurious`],
    ['question type of paired questions', ratio(totals.typesRight, totals.found), `${totals.typesRight} of ${totals.found}`],
    ['verdicts on paired answers', ratio(totals.verdictsRight, totals.verdicts), `${totals.verdictsRight} of ${totals.verdicts}`],
    ['main reason', ratio(totals.mainReasonRight, totals.files), `${totals.mainReasonRight} of ${totals.files}`],
  ];
  return ['| measure | score | counts |', '| --- | --- | --- |', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}
