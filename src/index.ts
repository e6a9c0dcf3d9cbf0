export type {
  AnalyzeInput,
  Report,
  ReasonReport,
  Finding,
  Strength,
  Suggestion,
  SentenceReport,
  Balance,
  Span,
  Reason,
  QuestionType,
  Verdict,
  StarLabel,
  Severity,
} from './core/types.js';
export { REASONS, QUESTION_TYPES, STAR_LABELS } from './core/types.js';
export { StarlError } from './core/errors.js';
export { analyze } from './core/analyze.js';
export { rules } from './core/rules/index.js';
export { extractContextTerms } from './core/context/terms.js';
export { MAX_ANSWER_LENGTH } from './core/validate.js';
