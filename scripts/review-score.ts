/**
 * Scores transcript reviews against the gold files in `eval/review/`: who the candidate is, which
 * question-answer pairs were found, and the question types, verdicts and main reason on them.
 * Pure: `eval-review.ts` reads the files and runs Starl; the tests call these functions directly.
 */
import { REASONS, type QuestionType, type Reason, type Verdict } from '../src/core/types.js';
import { countOf } from '../src/format/plural.js';
import { rankReasons, type Tally } from '../src/review/index.js';

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
  pairs: PredictedPair[];
  mainReason: Reason | null;
}

/** One pair as Starl reviewed it: its question type, verdicts and how sure each verdict is. */
export interface PredictedPair {
  question: string;
  answer: string;
  questionType: QuestionType | null;
  reasons: Record<Reason, Verdict> | null;
  /** Each verdict's calibrated confidence and whether Starl called it uncertain; absent when not reported. */
  sureness?: Record<Reason, { confidence: number; uncertain: boolean }> | null;
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
export function pairMatches(gold: GoldPair, predicted: PredictedPair): boolean {
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

/**
 * Which predicted pair each gold pair is, by index into `predicted.pairs`, or -1 when none is: each
 * gold pair takes the first unused predicted pair that matches it.
 */
export function matchPairs(gold: Gold, predicted: Predicted): number[] {
  const used = new Set<number>();
  return gold.pairs.map((goldPair) => {
    const index = predicted.pairs.findIndex((pair, at) => !used.has(at) && pairMatches(goldPair, pair));
    if (index >= 0) used.add(index);
    return index;
  });
}

/** Scores one transcript: each gold pair is matched to at most one predicted pair, in order. */
export function scoreFile(gold: Gold, predicted: Predicted): FileScore {
  const matches = matchPairs(gold, predicted);
  const used = new Set(matches.filter((index) => index >= 0));
  let typesRight = 0;
  let verdicts = 0;
  let verdictsRight = 0;
  const missed: string[] = [];
  for (const [at, goldPair] of gold.pairs.entries()) {
    const pair = predicted.pairs[matches[at]!];
    if (!pair) {
      missed.push(goldPair.question);
      continue;
    }
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

/** The five measures as a Markdown table, in the order the issue's table uses. */
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

/** Each reason's misses among the answers it applies to, over one set of verdicts per answer. */
export function tallyVerdicts(answers: readonly (Record<Reason, Verdict> | null)[]): Record<Reason, Tally> {
  const tallies = Object.fromEntries(REASONS.map((reason) => [reason, { misses: 0, applicable: 0 }])) as Record<Reason, Tally>;
  for (const verdicts of answers) {
    if (!verdicts) continue;
    for (const reason of REASONS) {
      if (verdicts[reason] === 'n/a') continue;
      tallies[reason].applicable++;
      if (verdicts[reason] === 'miss') tallies[reason].misses++;
    }
  }
  return tallies;
}

/** One verdict on a gold pair Starl found, beside the gold one. */
export interface VerdictCheck {
  question: string;
  reason: Reason;
  predicted: Verdict | null;
  gold: Verdict;
  confidence: number | null;
  uncertain: boolean | null;
}

/**
 * Where a wrong main reason comes from: `verdicts` when the gold verdicts on Starl's own pairs give
 * the gold main reason (the rule and the pairing are not at fault), `pairs` when they do not (a pair
 * missed or invented moved the shares), `gold` when the gold main reason does not follow from the gold
 * verdicts by the rule (a labelling slip, which the fixture test catches).
 */
export type MainReasonCause = 'verdicts' | 'pairs' | 'gold';

/** A transcript's main reason, gold and predicted, with what it rests on. */
export interface MainReasonCheck {
  transcript: string;
  gold: Reason | null;
  predicted: Reason | null;
  goldTallies: Record<Reason, Tally>;
  predictedTallies: Record<Reason, Tally>;
  /** The rule's main reason on Starl's pairs with the gold verdicts put in wherever a gold pair was found. */
  withGoldVerdicts: Reason | null;
  /** `null` when the main reason is right. */
  cause: MainReasonCause | null;
  /** Every verdict on the gold pairs found, except where both sides say `n/a`. */
  verdicts: VerdictCheck[];
}

/** Checks one transcript's main reason and says where an error in it comes from. */
export function checkMainReason(gold: Gold, predicted: Predicted): MainReasonCheck {
  const matches = matchPairs(gold, predicted);
  const goldOf = new Map(matches.map((index, at) => [index, gold.pairs[at]!] as const).filter(([index]) => index >= 0));
  const withGoldVerdicts = rankReasons(tallyVerdicts(predicted.pairs.map((pair, index) => goldOf.get(index)?.reasons ?? pair.reasons)))[0] ?? null;
  const goldTallies = tallyVerdicts(gold.pairs.map((pair) => pair.reasons));
  const verdicts: VerdictCheck[] = [];
  for (const [index, goldPair] of goldOf) {
    const pair = predicted.pairs[index]!;
    for (const reason of REASONS) {
      const verdict = pair.reasons?.[reason] ?? null;
      if (verdict === 'n/a' && goldPair.reasons[reason] === 'n/a') continue;
      const sure = pair.sureness?.[reason];
      verdicts.push({ question: pair.question, reason, predicted: verdict, gold: goldPair.reasons[reason], confidence: sure?.confidence ?? null, uncertain: sure?.uncertain ?? null });
    }
  }
  let cause: MainReasonCause | null = null;
  if (predicted.mainReason !== gold.mainReason) {
    if ((rankReasons(goldTallies)[0] ?? null) !== gold.mainReason) cause = 'gold';
    else cause = withGoldVerdicts === gold.mainReason ? 'verdicts' : 'pairs';
  }
  return { transcript: gold.transcript, gold: gold.mainReason, predicted: predicted.mainReason, goldTallies, predictedTallies: tallyVerdicts(predicted.pairs.map((pair) => pair.reasons)), withGoldVerdicts, cause, verdicts };
}

const REASON_NAMES: Record<Reason, string> = { opportunity: 'opportunity', memorable: 'memorable', specificReason: 'specific reason', starl: 'STAR(L)' };
const reasonName = (reason: Reason | null): string => (reason === null ? 'none' : REASON_NAMES[reason]);
const tallyLine = (tallies: Record<Reason, Tally>): string => REASONS.map((reason) => `${REASON_NAMES[reason]} ${tallies[reason].misses}/${tallies[reason].applicable}`).join(', ');
const sureness = (check: VerdictCheck): string => (check.confidence === null ? '' : ` (${check.confidence.toFixed(2)}${check.uncertain ? ', uncertain' : ''})`);
const mean = (values: readonly number[]): string => (values.length === 0 ? '–' : (values.reduce((a, b) => a + b, 0) / values.length).toFixed(2));

/**
 * The error listing of the main reason, for reading: per transcript the gold main reason beside
 * Starl's, both tallies, where a wrong one comes from and the wrong verdicts with their confidence
 * (`*` on the verdicts of the two reasons in question); then the counts per reason and the
 * confidence of right and wrong verdicts.
 */
export function renderMainReasonErrors(checks: readonly MainReasonCheck[]): string {
  const lines: string[] = [];
  for (const check of checks) {
    const wrong = check.verdicts.filter((verdict) => verdict.predicted !== verdict.gold);
    if (check.cause === null) {
      lines.push(`${check.transcript}: ${reasonName(check.gold)}, right${wrong.length > 0 ? ` (${countOf(wrong.length, 'wrong verdict')} did not change it)` : ''}`);
      continue;
    }
    const why = check.cause === 'verdicts' ? `from the verdicts: with the gold verdicts on Starl's pairs the rule gives ${reasonName(check.withGoldVerdicts)}` : check.cause === 'pairs' ? `from the pairs: even with the gold verdicts on Starl's pairs the rule gives ${reasonName(check.withGoldVerdicts)}` : 'the gold main reason does not follow from the gold verdicts';
    lines.push(`${check.transcript}: ${reasonName(check.gold)}, Starl said ${reasonName(check.predicted)} (${why})`);
    lines.push(`    gold   ${tallyLine(check.goldTallies)}`);
    lines.push(`    Starl  ${tallyLine(check.predictedTallies)}`);
    for (const verdict of wrong) {
      const decisive = verdict.reason === check.gold || verdict.reason === check.predicted ? '*' : ' ';
      lines.push(`   ${decisive} ${REASON_NAMES[verdict.reason]} on "${verdict.question}": ${verdict.predicted ?? 'not judged'}${sureness(verdict)}, gold ${verdict.gold}`);
    }
  }
  const wrongFiles = checks.filter((check) => check.cause !== null);
  const causes = (['verdicts', 'pairs', 'gold'] as const).map((cause) => `${wrongFiles.filter((check) => check.cause === cause).length} from the ${cause}`);
  lines.push('', `Main reason wrong on ${wrongFiles.length} of ${checks.length}: ${causes.join(', ')}.`);
  const outcomes = [...REASONS, null].map((reason) => {
    const gold = checks.filter((check) => check.gold === reason);
    const saidWrongly = wrongFiles.filter((check) => check.predicted === reason).length;
    return `  ${reasonName(reason).padEnd(16)} gold in ${gold.length}, missed in ${gold.filter((check) => check.cause !== null).length}; said wrongly in ${saidWrongly}`;
  });
  lines.push('Per main reason:', ...outcomes);
  const all = checks.flatMap((check) => check.verdicts);
  lines.push('Wrong verdicts per reason (false miss = Starl said miss, gold pass or n/a):');
  for (const reason of REASONS) {
    const wrong = all.filter((verdict) => verdict.reason === reason && verdict.predicted !== verdict.gold);
    const falseMisses = wrong.filter((verdict) => verdict.predicted === 'miss').length;
    const falsePasses = wrong.filter((verdict) => verdict.predicted === 'pass').length;
    const applies = wrong.length - falseMisses - falsePasses;
    lines.push(`  ${REASON_NAMES[reason].padEnd(16)} ${wrong.length} of ${all.filter((verdict) => verdict.reason === reason).length}: ${falseMisses} false misses, ${falsePasses} false passes, ${applies} n/a where gold judges`);
  }
  for (const [label, part] of [['right', all.filter((verdict) => verdict.predicted === verdict.gold)], ['wrong', all.filter((verdict) => verdict.predicted !== verdict.gold)]] as const) {
    const sure = part.filter((verdict) => verdict.confidence !== null);
    lines.push(`Confidence of the ${part.length} ${label} verdicts: mean ${mean(sure.map((verdict) => verdict.confidence!))}, ${sure.filter((verdict) => verdict.uncertain).length} flagged uncertain`);
  }
  return lines.join('\n');
}
