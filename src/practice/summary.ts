import { REASONS, type QuestionType, type Reason } from '../core/types.js';
import type { SessionSummary, SummaryAnswer } from '../report/summary.js';
import { weakestReason } from '../progress/series.js';
import type { JudgedAnswer } from '../storage/index.js';
import { countingAttempt, type SessionReport } from '../report/session.js';

export type { SessionSummary, SummaryAnswer } from '../report/summary.js';

/** A drill short enough to do straight after an interview. */
const DRILL_QUESTIONS = 3;

/** The mean score over the reasons that applied; null when none had a score. */
function meanScore(scores: (number | null)[]): number | null {
  const known = scores.filter((score): score is number => score !== null);
  return known.length === 0 ? null : known.reduce((sum, score) => sum + score, 0) / known.length;
}

/**
 * What a session teaches, from its report: verdicts per reason, the weakest reason and the answers
 * that show it, the best answer, the follow-ups, the time per answer and a drill for the weakest reason.
 * Pure: the CLI prints it, the API returns it.
 */
export function summarizeSession(report: SessionReport): SessionSummary {
  const counted = report.questions.flatMap((question) => {
    const counting = countingAttempt(question);
    return counting ? [{ question, ...counting }] : [];
  });
  // The progress view's rule picks the weakest reason; each counted answer is judged once, keyed by its position.
  const judged: JudgedAnswer[] = counted.map(({ question, attempt, report: judgement }) => ({
    origin: 'practice',
    id: question.position,
    sessionId: report.session.id,
    question: question.question,
    answer: attempt.answer,
    questionType: question.questionType,
    verdicts: { opportunity: judgement.reasons.opportunity.verdict, memorable: judgement.reasons.memorable.verdict, specificReason: judgement.reasons.specificReason.verdict, starl: judgement.reasons.starl.verdict },
    at: attempt.at,
  }));
  const weakest = weakestReason(judged, judged.length);
  const quote = (position: number, reason: Reason | null): SummaryAnswer => {
    const entry = counted.find((c) => c.question.position === position)!;
    const why = reason ? entry.report.reasons[reason].summary : '';
    const answer = entry.attempt.followUp ? `${entry.attempt.answer}\n${entry.attempt.followUp.answer}` : entry.attempt.answer;
    return { position, question: entry.question.question, answer, why };
  };
  let best: SessionSummary['best'] = null;
  for (const entry of counted) {
    const score = meanScore(REASONS.map((reason) => entry.report.reasons[reason].score));
    if (score === null || (best && best.score >= score)) continue;
    const passed = REASONS.filter((reason) => entry.report.reasons[reason].verdict === 'pass');
    best = { ...quote(entry.question.position, null), why: passed.length > 0 ? entry.report.reasons[passed[0]!].summary : '', score: Math.round(score), passed };
  }
  let drill: SessionSummary['drill'] = null;
  if (weakest && weakest.misses.length > 0) {
    const types = weakest.misses.map((miss) => miss.questionType);
    const only = types.sort((a, b) => types.filter((t) => t === b).length - types.filter((t) => t === a).length)[0] as QuestionType;
    drill = { reason: weakest.reason, only, count: DRILL_QUESTIONS };
  }
  return {
    sessionId: report.session.id,
    mode: report.session.mode,
    company: report.session.company,
    role: report.session.role,
    planned: report.questions.length,
    answered: counted.length,
    totals: report.totals,
    weakest: weakest && { reason: weakest.reason, passed: weakest.passed, judged: weakest.judged, misses: weakest.misses.map((miss) => quote(miss.id, weakest.reason)) },
    best,
    followUps: report.questions.flatMap((question) =>
      question.attempts.flatMap((attempt) => (attempt.followUp ? [{ position: question.position, question: question.question, followUp: attempt.followUp.question, answer: attempt.followUp.answer }] : [])),
    ),
    times: counted.map(({ question, seconds }) => ({ position: question.position, question: question.question, seconds })),
    drill,
    seconds: report.seconds,
  };
}
