/** Starl's question bank for mock interviews: the questions of bank.json, validated when loaded, and queries over them. */
import data from './bank.json' with { type: 'json' };
import { QUESTION_TYPES, type QuestionType } from '../core/types.js';
import { requireOneOf } from './checks.js';
import { parseBank, type BankQuestion } from './schema.js';
import { COMPETENCIES, FIELDS, type Competency, type Field } from './taxonomy.js';

/** Every question in Starl's bank, validated when this module loads. */
export const bank: readonly BankQuestion[] = parseBank(data);

/** The bank's questions grouped by type, each group in bank order. */
export const byType = new Map<QuestionType, readonly BankQuestion[]>(
  QUESTION_TYPES.map((type) => [type, Object.freeze(bank.filter((question) => question.type === type))]),
);

/**
 * The bank's questions of one type, in bank order.
 *
 * @throws StarlError `E_USAGE` for a type that is not one of {@link QUESTION_TYPES}.
 */
export function questionsByType(type: QuestionType): readonly BankQuestion[] {
  return byType.get(requireOneOf(type, QUESTION_TYPES, 'question type', 'type')) ?? [];
}

/** What {@link questionsFor} filters on; each filter left out matches everything. */
export interface QuestionFilter {
  type?: QuestionType;
  competency?: Competency;
  /** Keeps the questions for this field and those for any field. */
  field?: Field;
}

/**
 * The bank's questions that match every given filter, in bank order.
 *
 * @example questionsFor({ type: 'behavioral', competency: 'conflict', field: 'teaching' })
 * @throws StarlError `E_USAGE` for an unknown type, competency or field.
 */
export function questionsFor(filter: QuestionFilter): readonly BankQuestion[] {
  const type = filter.type === undefined ? undefined : requireOneOf(filter.type, QUESTION_TYPES, 'question type', 'type');
  const competency =
    filter.competency === undefined ? undefined : requireOneOf(filter.competency, COMPETENCIES, 'competency', 'competency');
  const field = filter.field === undefined ? undefined : requireOneOf(filter.field, FIELDS, 'field', 'field');
  return bank.filter(
    (question) =>
      (type === undefined || question.type === type) &&
      (competency === undefined || question.competencies.includes(competency)) &&
      (field === undefined || suitsField(question, field)),
  );
}

/** Whether a question suits a field: written for it, or for any field. */
export function suitsField(question: BankQuestion, field: Field): boolean {
  return question.fields.includes('any') || question.fields.includes(field);
}
