import { analyze } from '../core/analyze.js';
import { StarlError } from '../core/errors.js';
import { REASONS, SEVERITIES } from '../core/types.js';
import type { AnalyzeInput, Finding, Reason, Report } from '../core/types.js';
import { withoutLeadIn } from '../transcripts/questions.js';
import type { AnswerSegment, Interview, QuestionAnswerPair } from '../transcripts/types.js';
import { measureDelivery } from './delivery.js';
import { rankReasons } from './main-reason.js';
import { practiceFor } from './practice.js';
import { shortQuote } from './labels.js';
import type { Moment, Review, ReviewedPair, ReviewFinding, Tally } from './types.js';

/** What the review passes to every analysis besides the question and answer. */
export interface ReviewOptions {
  /** Text from the job posting or the company's site, for the specific-reason check. */
  context?: string | null;
  company?: AnalyzeInput['company'];
}

/** How many moments to quote per reason: enough to see a pattern, few enough to read. */
const MOMENTS_PER_REASON = 3;

/**
 * Judges every answer of an interview with `analyze` and sums up which of the four reasons most likely
 * cost the second interview. An answer the analyzer refuses (or fails on) is recorded with its reason,
 * not fatal.
 *
 * @example
 * const review = buildReview(readInterview(text), { context: posting });
 * review.mainReason; // 'specificReason'
 */
export function buildReview(interview: Interview, options: ReviewOptions = {}): Review {
  const pairs = interview.pairs.map((pair) => reviewPair(interview, pair, options));
  const tallies = tally(pairs);
  const ranked = rankReasons(tallies);
  const main = ranked[0] ?? null;
  return {
    format: interview.format,
    timing: interview.timing,
    candidate: interview.candidate,
    interviewers: interview.interviewers,
    candidateBasis: interview.candidateBasis,
    identification: interview.identification,
    pairs,
    tallies,
    mainReason: main,
    runnerUp: ranked[1] ?? null,
    practice: main === null ? null : practiceFor(main, pairs, options.company?.name ?? null),
    worstMoments: Object.fromEntries(REASONS.map((reason) => [reason, worstMoments(pairs, reason)])) as Record<Reason, Moment[]>,
    delivery: measureDelivery(interview),
  };
}

function reviewPair(interview: Interview, pair: QuestionAnswerPair, options: ReviewOptions): ReviewedPair {
  const base = {
    question: pair.question,
    followUps: pair.followUps,
    answer: pair.answer,
    start: pair.start,
    line: pair.questionLine,
    answerLine: pair.segments[0]?.line ?? pair.questionLine,
    words: pair.answer.split(/\s+/).filter(Boolean).length,
  };
  let report: Report;
  try {
    // Spoken lead-ins ("And why Brightloop?") are not part of the question's type; the quote keeps them.
    report = analyze({ question: withoutLeadIn(pair.question), answer: pair.answer, context: options.context ?? null, company: options.company ?? null });
  } catch (error) {
    // One answer that cannot be judged (refused input, or a fault in the analyzer) must not lose the rest.
    const problem =
      error instanceof StarlError
        ? { code: error.code, message: error.message }
        : { code: 'E_INTERNAL', message: `internal error: ${error instanceof Error ? error.message : String(error)}` };
    return { ...base, questionType: null, reasons: null, findings: [], strengths: [], context: null, followUp: null, problem, report: null };
  }
  const reasons = Object.fromEntries(
    REASONS.map((reason) => {
      const { verdict, score, summary, confidence, uncertain } = report.reasons[reason];
      return [reason, { verdict, score, summary, confidence, uncertain }];
    }),
  ) as ReviewedPair['reasons'];
  return {
    ...base,
    questionType: report.questionType,
    reasons,
    findings: report.findings.map((finding) => placeFinding(interview, pair, finding, report)),
    strengths: report.strengths.map((strength) => ({ reason: strength.reason, kind: strength.kind, quote: strength.actual })),
    context: report.context ? { used: report.context.used, couldUse: report.context.couldUse } : null,
    followUp: report.followUp,
    problem: null,
    report,
  };
}

function placeFinding(interview: Interview, pair: QuestionAnswerPair, finding: Finding, report: Report): ReviewFinding {
  const segment = segmentAt(pair.segments, finding.span.start);
  const sentence = report.sentences.find((s) => finding.span.start >= s.start && finding.span.start < s.end);
  return {
    ruleId: finding.ruleId,
    reason: finding.reason,
    severity: finding.severity,
    message: finding.message,
    quote: finding.actual,
    sentence: finding.actual && sentence ? sentence.text : finding.actual,
    time: segment ? timeAt(interview, segment, finding.span.start) : null,
    line: segment?.line ?? pair.segments[0]?.line ?? pair.questionLine,
    suggestions: finding.suggestions.map((suggestion) => suggestion.text),
  };
}

function segmentAt(segments: readonly AnswerSegment[], offset: number): AnswerSegment | undefined {
  return segments.find((segment) => offset < segment.end + 1) ?? segments[segments.length - 1];
}

/** When words at `offset` were said: the turn's start plus the share of the turn spoken before them. */
function timeAt(interview: Interview, segment: AnswerSegment, offset: number): number | null {
  if (segment.time === null) return null;
  const seconds = interview.turns[segment.turnIndex]?.spokenSeconds;
  if (seconds == null) return segment.time;
  const fraction = Math.min(1, Math.max(0, (offset - segment.start) / Math.max(1, segment.end - segment.start)));
  return segment.time + fraction * seconds;
}

function tally(pairs: readonly ReviewedPair[]): Record<Reason, Tally> {
  const tallies = Object.fromEntries(REASONS.map((reason) => [reason, { misses: 0, applicable: 0 }])) as Record<Reason, Tally>;
  for (const pair of pairs) {
    if (!pair.reasons) continue;
    for (const reason of REASONS) {
      const { verdict } = pair.reasons[reason];
      if (verdict === 'n/a') continue;
      tallies[reason].applicable++;
      if (verdict === 'miss') tallies[reason].misses++;
    }
  }
  return tallies;
}

function worstMoments(pairs: readonly ReviewedPair[], reason: Reason): Moment[] {
  const missed = pairs
    .map((pair, index) => ({ pair, index }))
    .filter(({ pair }) => pair.reasons?.[reason].verdict === 'miss')
    .sort((a, b) => (a.pair.reasons?.[reason].score ?? 50) - (b.pair.reasons?.[reason].score ?? 50) || a.index - b.index);
  return missed.slice(0, MOMENTS_PER_REASON).map(({ pair, index }) => {
    const finding = mostSevere(pair.findings.filter((candidate) => candidate.reason === reason));
    // Without words to point at, the moment is the answer itself, from its start.
    // A few words ("Fernway") make a poor quote: the sentence around them shows the moment.
    const quote = finding?.quote ? (finding.quote.length < 30 ? finding.sentence : finding.quote) : shortQuote(pair.answer);
    return {
      pair: index,
      question: pair.question,
      quote,
      message: finding?.message ?? pair.report?.reasons[reason].summary ?? '',
      score: pair.reasons?.[reason].score ?? null,
      time: finding?.quote ? finding.time : pair.start,
      line: finding?.quote ? finding.line : pair.answerLine,
    };
  });
}

/** The finding to quote: the most severe, and among equals the one with words to show. */
function mostSevere(findings: readonly ReviewFinding[]): ReviewFinding | undefined {
  const rank = (finding: ReviewFinding) => SEVERITIES.indexOf(finding.severity) * 2 + (finding.quote ? 1 : 0);
  return [...findings].sort((a, b) => rank(b) - rank(a))[0];
}
