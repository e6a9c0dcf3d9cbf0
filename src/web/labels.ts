import type { QuestionType, StarLabel, Verdict } from '../core/types.js';

export { REASON_LABELS } from '../core/types.js';

/** Verdicts in words and with a symbol, so colour is never the only signal. */
export const VERDICT_LABELS: Record<Verdict, { text: string; symbol: string }> = {
  pass: { text: 'Pass', symbol: '✓' },
  miss: { text: 'Miss', symbol: '✗' },
  'n/a': { text: 'Not applicable', symbol: '–' },
};

/** STAR(L) part names, by sentence label. */
export const STAR_NAMES: Record<StarLabel, string> = {
  S: 'Situation',
  T: 'Task',
  A: 'Action',
  R: 'Result',
  L: 'Learning',
  O: 'Other',
};

/** Question types as a reader would say them. */
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  opener: 'small talk',
  introduction: 'introduction',
  personal: 'personal',
  motivation: 'motivation',
  behavioral: 'behavioral (a story)',
  closing: 'closing',
  other: 'other',
};
