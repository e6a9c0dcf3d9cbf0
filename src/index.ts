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
