/** The shape of bank.json, checked when the bank loads: each question's id, type, text, tags and follow-ups. */
import { z } from 'zod';
import { StarlError } from '../core/errors.js';
import { QUESTION_TYPES, type QuestionType } from '../core/types.js';
import { PLACEHOLDER_PATTERN, PLACEHOLDERS } from './placeholders.js';
import { COMPETENCIES, FIELDS } from './taxonomy.js';

/** How each type's ids begin; behavioral ids also name their first competency (`beh-conflict-01`). */
const ID_PREFIX: Readonly<Record<QuestionType, string>> = {
  opener: 'open',
  introduction: 'intro',
  personal: 'pers',
  motivation: 'mot',
  behavioral: 'beh',
  closing: 'close',
  other: 'oth',
};

const questionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z]+(?:-[a-z]+)*-\d{2}$/, 'an id looks like "beh-conflict-01"'),
    type: z.enum(QUESTION_TYPES),
    text: z
      .string()
      .min(1, 'the text is empty')
      .regex(/^\S(?:.*\S)?$/s, 'the text must not start or end with spaces')
      .regex(/[.?]$/, 'the text must end with "?" or "."'),
    competencies: z.array(z.enum(COMPETENCIES)),
    fields: z.array(z.enum(FIELDS)).min(1, 'name at least one field, or "any"'),
    followUps: z.array(z.string().min(1)).min(1).max(2).optional(),
  })
  .superRefine((question, ctx) => {
    const [firstCompetency] = question.competencies;
    if (question.type === 'behavioral' && firstCompetency === undefined) {
      ctx.addIssue({ code: 'custom', path: ['competencies'], message: 'a behavioral question needs a competency' });
      return;
    }
    const prefix =
      question.type === 'behavioral' ? `${ID_PREFIX.behavioral}-${firstCompetency}-` : `${ID_PREFIX[question.type]}-`;
    if (!question.id.startsWith(prefix)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `a ${question.type} question's id must start with "${prefix}"` });
    }
    if (question.type !== 'behavioral' && question.followUps) {
      ctx.addIssue({ code: 'custom', path: ['followUps'], message: 'only behavioral questions have follow-ups' });
    }
    if (question.fields.includes('any') && question.fields.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['fields'], message: '"any" cannot be combined with other fields' });
    }
    for (const [, name] of question.text.matchAll(PLACEHOLDER_PATTERN)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(name ?? '')) {
        ctx.addIssue({ code: 'custom', path: ['text'], message: `unknown placeholder {${name}}; use {company} or {role}` });
      }
    }
  });

const bankSchema = z.array(questionSchema).min(1, 'the bank is empty');

/** One question of the bank, as bank.json holds it. */
export type BankQuestion = Readonly<z.infer<typeof questionSchema>>;

/**
 * Validates raw bank data and returns its questions, frozen. `source` names the file in errors.
 *
 * @throws StarlError `E_INPUT_BAD_FIELD` naming the file, the question and the field that is wrong.
 */
export function parseBank(raw: unknown, source = 'src/questions/bank.json'): readonly BankQuestion[] {
  const result = bankSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path ?? [];
    const index = typeof path[0] === 'number' ? path[0] : undefined;
    const entry = index === undefined ? undefined : (raw as unknown[])[index];
    const id = typeof (entry as { id?: unknown } | undefined)?.id === 'string' ? ` ("${(entry as { id: string }).id}")` : '';
    const at = index === undefined ? 'The question bank' : `Question ${index + 1}${id}`;
    throw new StarlError('E_INPUT_BAD_FIELD', `${at} is invalid: ${issue?.message ?? 'unknown problem'}`, {
      file: source,
      // The field within the question the message names, since the message already says which question.
      field: path.slice(index === undefined ? 0 : 1).map(String).join('.') || undefined,
    });
  }
  const seen = new Set<string>();
  for (const [index, question] of result.data.entries()) {
    if (seen.has(question.id)) {
      throw new StarlError('E_INPUT_BAD_FIELD', `Question ${index + 1} repeats the id "${question.id}"`, {
        file: source,
        field: 'id',
      });
    }
    seen.add(question.id);
  }
  return Object.freeze(result.data.map(freezeQuestion));
}

function freezeQuestion(question: z.infer<typeof questionSchema>): BankQuestion {
  Object.freeze(question.competencies);
  Object.freeze(question.fields);
  if (question.followUps) Object.freeze(question.followUps);
  return Object.freeze(question);
}
