import { REASONS } from '../core/types.js';
import type { Reason } from '../core/types.js';
import type { Tally } from './types.js';

/** How the main reason is chosen, word for word as the README and the report state it. */
export const MAIN_REASON_DEFINITION =
  'the reason with the highest share of misses among the answers it applies to; ties go to the first of opportunity, memorable, specific reason, STAR(L); none when no answer misses';

/** A share resting on this many answers or fewer is said to be thin: one answer more could change it. */
export const FEW_ANSWERS = 2;

/**
 * The reasons that missed at least once, highest share of misses first; ties keep the order of the four
 * (opportunity, memorable, specificReason, starl). The first is the main reason, the second the runner-up.
 */
export function rankReasons(tallies: Record<Reason, Tally>): Reason[] {
  const share = (reason: Reason) => tallies[reason].misses / Math.max(1, tallies[reason].applicable);
  return REASONS.filter((reason) => tallies[reason].misses > 0).sort((a, b) => share(b) - share(a) || REASONS.indexOf(a) - REASONS.indexOf(b));
}

/**
 * The reason with the highest share of misses among the answers where it applies; ties go to the
 * earlier of opportunity, memorable, specificReason, starl; `null` when no answer misses anything.
 */
export function mainReason(tallies: Record<Reason, Tally>): Reason | null {
  return rankReasons(tallies)[0] ?? null;
}

/** Whether a reason's share rests on one or two answers, so the report says so plainly. */
export function restsOnFewAnswers(tally: Tally): boolean {
  return tally.applicable > 0 && tally.applicable <= FEW_ANSWERS;
}
