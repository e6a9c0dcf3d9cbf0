import { useMemo } from 'preact/hooks';
import { analyze } from '../core/analyze.js';
import { StarlError } from '../core/errors.js';
import type { AnalyzeInput, Report } from '../core/types.js';

/** The outcome of analysing the current draft: a report, nothing to judge yet, or why it cannot be judged. */
export type Analysis = { state: 'report'; report: Report } | { state: 'empty' } | { state: 'error'; message: string };

/**
 * Runs the analyzer in the page on every change of the input, without a round trip to the server,
 * so the report follows the candidate's typing within a frame.
 */
export function useAnalysis(input: AnalyzeInput): Analysis {
  return useMemo(() => analyzeDraft(input), [input.question, input.answer, input.context, input.company?.name]);
}

/** Analyzes a draft, turning the analyzer's input errors into a message for the page. */
export function analyzeDraft(input: AnalyzeInput): Analysis {
  if (input.question.trim() === '' || input.answer.trim() === '') return { state: 'empty' };
  try {
    return { state: 'report', report: analyze(input) };
  } catch (error) {
    if (error instanceof StarlError) return { state: 'error', message: error.message };
    console.error(error);
    return { state: 'error', message: 'Starl could not analyse this answer; the browser console has the details.' };
  }
}
