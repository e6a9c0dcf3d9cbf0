import type { QuestionType, Reason } from '../core/types.js';
import type { PracticeAdvice, ReviewedPair } from './types.js';

/**
 * The question type whose drill works on each reason when the interview does not say better: motivation
 * questions are where a specific reason is judged and behavioral ones where STAR(L) is; opportunity and
 * memorable apply to several types, so the type missed most in this interview is drilled.
 */
const DRILL: Record<Reason, QuestionType> = { opportunity: 'opener', memorable: 'personal', specificReason: 'motivation', starl: 'behavioral' };
/** Types `starl practice --only` drills; `other` has no drill of its own. */
const DRILLABLE: readonly QuestionType[] = ['opener', 'introduction', 'personal', 'motivation', 'behavioral', 'closing'];

/**
 * What to practise next for a reason: the `starl practice --only TYPE` drill of the question type where the
 * reason was missed most (ties to the earliest in the interview), with `--company` for a specific reason.
 *
 * @example practiceFor('starl', review.pairs).command; // 'starl practice --only behavioral'
 */
export function practiceFor(reason: Reason, pairs: readonly ReviewedPair[], company: string | null = null): PracticeAdvice {
  const missed = pairs.filter((pair) => pair.reasons?.[reason].verdict === 'miss' && pair.questionType !== null && DRILLABLE.includes(pair.questionType));
  const counts = new Map<QuestionType, number>();
  for (const pair of missed) counts.set(pair.questionType!, (counts.get(pair.questionType!) ?? 0) + 1);
  const fixed = reason === 'specificReason' || reason === 'starl';
  const questionType = fixed ? DRILL[reason] : ([...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? DRILL[reason]);
  const withCompany = reason === 'specificReason' && company !== null ? ` --company ${quoteArgument(company)}` : '';
  return { reason, questionType, command: `starl practice --only ${questionType}${withCompany}` };
}

/** A shell argument quoted only when it needs to be. */
function quoteArgument(value: string): string {
  return /^[\w.-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}
