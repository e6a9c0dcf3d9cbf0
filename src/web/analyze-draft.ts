import { analyze } from '../core/analyze.js';
import { StarlError } from '../core/errors.js';
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

/** Analyzes a draft, turning the analyzer's input errors into a message for the page. */
export function analyzeDraft(input: AnalyzeInput): Analysis {
  if (isEmptyDraft(input)) return { state: 'empty' };
  try {
    return { state: 'report', report: analyze(input), answer: input.answer };
  } catch (error) {
    if (error instanceof StarlError) return { state: 'error', message: error.message };
    console.error(error);
    return { state: 'error', message: 'Starl could not analyse this answer; the browser console has the details.' };
  }
}
