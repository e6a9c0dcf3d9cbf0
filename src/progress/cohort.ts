import { REASONS, type Reason } from '../core/types.js';
import type { JudgedAnswer } from '../storage/records.js';
import { weakestReason } from './series.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back each half of a trend looks. */
const TREND_DAYS = 14;

/** The share of answers judged on `reason` that pass it; null when none was judged on it. */
export function passShare(answers: readonly JudgedAnswer[], reason: Reason): number | null {
  const judged = answers.filter((answer) => answer.verdicts[reason] !== 'n/a');
  return judged.length === 0 ? null : judged.filter((answer) => answer.verdicts[reason] === 'pass').length / judged.length;
}

/** The Monday (UTC) of the week `at` falls in, as `YYYY-MM-DD`. */
export function weekOf(at: string | Date): string {
  const day = new Date(typeof at === 'string' ? at : at.getTime());
  day.setUTCHours(0, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** Where one candidate stands, as a coach's table shows it. */
export interface CandidateStanding {
  weakestReason: Reason | null;
  reasons: Record<Reason, { pass: number | null; trend: number | null }>;
  answersThisWeek: number;
  lastPracticeAt: string | null;
}

/**
 * A candidate's standing from their judged answers (oldest first): the weakest reason now (as their
 * own Progress page says), the pass share per reason over everything, its trend (the last 14 days
 * against the 14 before), the answers given since Monday and the last practice answer's time.
 */
export function candidateStanding(judged: readonly JudgedAnswer[], now: Date): CandidateStanding {
  const since = (days: number) => now.getTime() - days * DAY_MS;
  const recent = judged.filter((answer) => Date.parse(answer.at) > since(TREND_DAYS));
  const before = judged.filter((answer) => Date.parse(answer.at) > since(2 * TREND_DAYS) && Date.parse(answer.at) <= since(TREND_DAYS));
  const reasons = Object.fromEntries(
    REASONS.map((reason) => {
      const [late, early] = [passShare(recent, reason), passShare(before, reason)];
      return [reason, { pass: passShare(judged, reason), trend: late === null || early === null ? null : late - early }];
    }),
  ) as CandidateStanding['reasons'];
  const monday = weekOf(now);
  const practice = judged.filter((answer) => answer.origin === 'practice');
  return {
    weakestReason: weakestReason(judged)?.reason ?? null,
    reasons,
    answersThisWeek: judged.filter((answer) => answer.at.slice(0, 10) >= monday).length,
    lastPracticeAt: practice.length === 0 ? null : practice.reduce((latest, answer) => (answer.at > latest ? answer.at : latest), practice[0]!.at),
  };
}

/** One week of a cohort: the pass share per reason of every answer given in it, and how many there were. */
export type CohortWeek = { week: string; answers: number } & Record<Reason, number | null>;

/** A cohort's pass share per reason week by week, oldest first, over all its candidates' answers. */
export function cohortSeries(judged: readonly JudgedAnswer[]): CohortWeek[] {
  const weeks = new Map<string, JudgedAnswer[]>();
  for (const answer of judged) {
    const week = weekOf(answer.at);
    weeks.set(week, [...(weeks.get(week) ?? []), answer]);
  }
  return [...weeks.keys()].sort().map((week) => {
    const answers = weeks.get(week)!;
    return { week, answers: answers.length, ...(Object.fromEntries(REASONS.map((reason) => [reason, passShare(answers, reason)])) as Record<Reason, number | null>) };
  });
}
