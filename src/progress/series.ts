import { REASONS, type Reason } from '../core/types.js';
import type { JudgedAnswer } from '../storage/records.js';

/** The pass share of one reason on one day. */
export interface ProgressPoint {
  /** `YYYY-MM-DD` in UTC. */
  day: string;
  passed: number;
  judged: number;
  share: number;
}

/** Per reason, the pass share on each day something was judged for it, oldest first. */
export type ProgressSeries = Record<Reason, ProgressPoint[]>;

/** Groups judged answers by UTC day and counts, per reason, the passes among the answers it applied to. */
export function progressSeries(judged: readonly JudgedAnswer[]): ProgressSeries {
  const series = Object.fromEntries(REASONS.map((reason) => [reason, [] as ProgressPoint[]])) as ProgressSeries;
  const days = [...new Set(judged.map((answer) => answer.at.slice(0, 10)))].sort();
  for (const day of days) {
    const ofDay = judged.filter((answer) => answer.at.startsWith(day));
    for (const reason of REASONS) {
      const applicable = ofDay.filter((answer) => answer.verdicts[reason] !== 'n/a');
      if (applicable.length === 0) continue;
      const passed = applicable.filter((answer) => answer.verdicts[reason] === 'pass').length;
      series[reason].push({ day, passed, judged: applicable.length, share: passed / applicable.length });
    }
  }
  return series;
}

/**
 * How many of the latest judged answers decide the weakest reason "now": enough to cover a full mock
 * interview (eight questions) and a little more, few enough that old habits age out.
 */
export const RECENT_ANSWERS = 12;

/** The reason passed least often in the recent answers, with those answers that missed it. */
export interface WeakestReason {
  reason: Reason;
  passed: number;
  judged: number;
  misses: JudgedAnswer[];
}

/** The weakest reason now, or null when nothing has been judged yet. Ties go to the reason with more misses. */
export function weakestReason(judged: readonly JudgedAnswer[], recent = RECENT_ANSWERS): WeakestReason | null {
  const latest = judged.slice(-recent);
  let weakest: WeakestReason | null = null;
  for (const reason of REASONS) {
    const applicable = latest.filter((answer) => answer.verdicts[reason] !== 'n/a');
    if (applicable.length === 0) continue;
    const misses = applicable.filter((answer) => answer.verdicts[reason] === 'miss');
    const candidate = { reason, passed: applicable.length - misses.length, judged: applicable.length, misses };
    const share = (w: WeakestReason) => w.passed / w.judged;
    if (!weakest || share(candidate) < share(weakest) || (share(candidate) === share(weakest) && misses.length > weakest.misses.length)) {
      weakest = candidate;
    }
  }
  return weakest;
}
