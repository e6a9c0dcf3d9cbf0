/**
 * Starl's question bank for mock interviews: the questions (bank.json, validated when loaded), queries
 * over them, and interview plans drawn from them in the order real interviews run.
 */
export { bank, questionsByType, questionsFor, type QuestionFilter } from './bank.js';
export { parseBank, type BankQuestion } from './schema.js';
export { fillPlaceholders, placeholdersOf, PLACEHOLDERS, type Placeholder, type PlaceholderValues } from './placeholders.js';
export { DEFAULT_DRILL_COUNT, DEFAULT_INTERVIEW_COUNT, planInterview, type InterviewPlan, type PlanOptions, type PlannedQuestion } from './plan.js';
export { COMPETENCIES, FIELDS, fieldForRole, type Competency, type Field } from './taxonomy.js';
