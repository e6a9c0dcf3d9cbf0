import type { AnalyzeInput, Report } from '../core/types.js';

/**
 * The outcome of analysing a draft: a report with the answer it was made from, nothing to judge
 * yet, why it cannot be judged, or (before the first result arrives) nothing to show.
 */
export type Analysis =
  | { state: 'report'; report: Report; answer: string }
  | { state: 'empty' }
  | { state: 'error'; message: string }
  | { state: 'pending' };

/** Whether a draft has anything to judge yet. */
export function isEmptyDraft(input: AnalyzeInput): boolean {
  return input.question.trim() === '' || input.answer.trim() === '';
}
