/**
 * Starl's question bank for mock interviews: the questions (bank.json, validated when loaded), queries
 * over them, and interview plans drawn from them in the order real interviews run.
 */
import { z } from 'zod';
import data from './bank.json' with { type: 'json' };
import { StarlError } from '../core/errors.js';
import { QUESTION_TYPES, type QuestionType } from '../core/types.js';
import { createRandom, pickWeighted, shuffled, type Random } from './random.js';
import { COMPETENCIES, FIELDS, FIELD_COMPETENCIES, fieldForRole, type Competency, type Field } from './taxonomy.js';

export { COMPETENCIES, FIELDS, fieldForRole, type Competency, type Field } from './taxonomy.js';

/** The placeholders a question's text may hold, filled by {@link fillPlaceholders}. */
export const PLACEHOLDERS = ['company', 'role'] as const;
/** A placeholder's name, as written between braces in a question's text. */
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{([^{}]*)\}/g;

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

/** Every question in Starl's bank, validated when this module loads. */
export const bank: readonly BankQuestion[] = parseBank(data);

const byType = new Map<QuestionType, readonly BankQuestion[]>(
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

/** The placeholders that a question's text holds, each once, in order of first appearance. */
export function placeholdersOf(question: Pick<BankQuestion, 'text'>): Placeholder[] {
  const names = [...question.text.matchAll(PLACEHOLDER_PATTERN)].map(([, name]) => name as Placeholder);
  return [...new Set(names)];
}

/** The values for a question's placeholders. */
export interface PlaceholderValues {
  company?: string | undefined;
  role?: string | undefined;
}

/**
 * A question's text with `{company}` and `{role}` replaced by the given values (trimmed).
 *
 * @example fillPlaceholders(question, { company: 'Northwind', role: 'support engineer' })
 * @throws StarlError `E_USAGE` when the text holds a placeholder whose value is missing or blank.
 */
export function fillPlaceholders(question: Pick<BankQuestion, 'id' | 'text'>, values: PlaceholderValues): string {
  return question.text.replace(PLACEHOLDER_PATTERN, (_, name: string) => {
    const value = (values as Record<string, string | undefined>)[name]?.trim();
    if (!value) {
      throw new StarlError('E_USAGE', `Question "${question.id}" needs a ${name} name to fill {${name}}`, { field: name });
    }
    return value;
  });
}

/** What a plan is drawn for. */
export interface PlanOptions {
  /** The role's title, used to fill `{role}` and, when `field` is not given, to guess the field. */
  role?: string;
  /** The company's name, used to fill `{company}`; without it, questions that name the company are left out. */
  company?: string;
  /** The field whose questions the plan prefers; guessed from `role`, else `any`. */
  field?: Field;
  /** The competencies the behavioral questions probe first; by default the field's usual ones. */
  competencies?: readonly Competency[];
  /** How many questions; default 8 for an interview, 5 for a drill. */
  count?: number;
  /** A drill of one question type instead of a whole interview. */
  only?: QuestionType;
  /** The same seed gives the same plan. A whole number. */
  seed: number;
}

/** One question of a plan. */
export interface PlannedQuestion {
  question: BankQuestion;
  /** The question's text with its placeholders filled, as the interviewer asks it. */
  text: string;
  /** The competency a behavioral question was chosen for; `null` for the other types. */
  competency: Competency | null;
}

/** A mock interview: its questions in the order they are asked, and what they were chosen for. */
export interface InterviewPlan {
  seed: number;
  field: Field;
  /** The competencies the plan favoured (empty when all were open). */
  competencies: readonly Competency[];
  questions: readonly PlannedQuestion[];
}

/** An interview of eight questions: opener, introduction, personal, motivation, three stories, closing. */
export const DEFAULT_INTERVIEW_COUNT = 8;
/** A drill of five questions of one type: enough to practise, short enough for one sitting. */
export const DEFAULT_DRILL_COUNT = 5;

/**
 * The order in which an interview gains questions as `count` grows: a story first (the most telling
 * question), then the introduction and motivation every interview has, the closing and the opener, a
 * second story, the personal question, a third story (the guide's "two or three"), then a question of
 * the other type (salary, availability, a hypothetical); past that, more stories.
 */
const STAGES_BY_PRIORITY: readonly QuestionType[] = [
  'behavioral',
  'introduction',
  'motivation',
  'closing',
  'opener',
  'behavioral',
  'personal',
  'behavioral',
  'other',
];

/** The order in which the stages of an interview are asked. */
const STAGE_ORDER: readonly QuestionType[] = ['opener', 'introduction', 'personal', 'motivation', 'behavioral', 'other', 'closing'];

/**
 * How much likelier a question written for the plan's field is to be drawn than one for any field: a
 * field has only a handful of its own questions per type, so they are favoured without crowding out
 * the general ones (and so plans for one field still differ across seeds).
 */
const FIELD_QUESTION_WEIGHT = 3;

/**
 * Draws an interview plan: the stages in the order real interviews run (opener small talk, "tell me
 * about yourself", a personal question, motivation for this company, two or three behavioral questions
 * for the role's competencies and field, "any questions for us?"), or with `only` a drill of one type.
 * The same options and seed always give the same plan. No question repeats, nor a competency while an
 * unused one has questions left.
 *
 * @example planInterview({ role: 'staff nurse', company: 'St Anne\'s', seed: 42 })
 * @throws StarlError `E_USAGE` for an unknown field, competency or type, a seed or count that is not a
 *   whole number (count at least 1), or a count the bank cannot fill without repeating questions.
 */
export function planInterview(options: PlanOptions): InterviewPlan {
  const seed = requireWholeNumber(options.seed, 'seed', Number.MIN_SAFE_INTEGER);
  const only = options.only === undefined ? undefined : requireOneOf(options.only, QUESTION_TYPES, 'question type', 'only');
  const count = requireWholeNumber(options.count ?? (only ? DEFAULT_DRILL_COUNT : DEFAULT_INTERVIEW_COUNT), 'count', 1);
  const role = options.role?.trim() || undefined;
  const company = options.company?.trim() || undefined;
  const field =
    options.field === undefined ? (role && fieldForRole(role)) || 'any' : requireOneOf(options.field, FIELDS, 'field', 'field');
  const chosen = (options.competencies ?? []).map((competency) =>
    requireOneOf(competency, COMPETENCIES, 'competency', 'competencies'),
  );
  const competencies = chosen.length > 0 ? [...new Set(chosen)] : FIELD_COMPETENCIES[field];

  const stages = only ? Array.from({ length: count }, () => only) : interviewStages(count);
  const usable = (question: BankQuestion) =>
    suitsField(question, field) &&
    placeholdersOf(question).every((name) => (name === 'company' ? company : role) !== undefined);
  requireEnoughQuestions(stages, usable, count, field);

  const random = createRandom(seed);
  const weight = (question: BankQuestion) => (question.fields.includes(field) && field !== 'any' ? FIELD_QUESTION_WEIGHT : 1);
  const asked = new Set<string>();
  const competencyQueue = new CompetencyQueue(competencies, random);
  const questions = stages.map((stage): PlannedQuestion => {
    const open = (question: BankQuestion) => usable(question) && !asked.has(question.id);
    let competency: Competency | null = null;
    let pool = byType.get(stage)?.filter(open) ?? [];
    if (stage === 'behavioral') {
      competency = competencyQueue.next((candidate) => pool.some((question) => question.competencies.includes(candidate)));
      pool = pool.filter((question) => question.competencies.includes(competency as Competency));
    }
    const question = pickWeighted(pool, weight, random) as BankQuestion;
    asked.add(question.id);
    return { question, text: fillPlaceholders(question, { company, role }), competency };
  });
  return { seed, field, competencies, questions };
}

/** The stages of an interview of `count` questions, in the order they are asked. */
function interviewStages(count: number): QuestionType[] {
  const stages = Array.from({ length: count }, (_, index) => STAGES_BY_PRIORITY[index] ?? 'behavioral');
  return stages.sort((a, b) => STAGE_ORDER.indexOf(a) - STAGE_ORDER.indexOf(b));
}

/**
 * Hands out competencies: the favoured ones first, then the rest, each in a seeded order, and only
 * starts over once every competency with questions left has been used.
 */
class CompetencyQueue {
  private readonly order: readonly Competency[];
  private readonly used = new Set<Competency>();

  constructor(favoured: readonly Competency[], random: Random) {
    const rest = COMPETENCIES.filter((competency) => !favoured.includes(competency));
    this.order = [...shuffled(favoured, random), ...shuffled(rest, random)];
  }

  /** The next competency that `hasQuestions`; the caller has checked that one exists. */
  next(hasQuestions: (competency: Competency) => boolean): Competency {
    const available = this.order.filter(hasQuestions);
    const fresh = available.find((competency) => !this.used.has(competency));
    if (fresh === undefined) this.used.clear();
    const competency = fresh ?? (available[0] as Competency);
    this.used.add(competency);
    return competency;
  }
}

function requireEnoughQuestions(
  stages: readonly QuestionType[],
  usable: (question: BankQuestion) => boolean,
  count: number,
  field: Field,
): void {
  for (const type of QUESTION_TYPES) {
    const needed = stages.filter((stage) => stage === type).length;
    const available = byType.get(type)?.filter(usable).length ?? 0;
    if (needed > available) {
      throw new StarlError(
        'E_USAGE',
        `A plan of ${count} questions needs ${needed} ${type} questions, but only ${available} fit (field "${field}"); ask for fewer`,
        { field: 'count' },
      );
    }
  }
}

/** Whether a question suits a field: written for it, or for any field. */
function suitsField(question: BankQuestion, field: Field): boolean {
  return question.fields.includes('any') || question.fields.includes(field);
}

function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], what: string, field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new StarlError('E_USAGE', `Unknown ${what} ${JSON.stringify(value)}; use one of: ${allowed.join(', ')}`, { field });
}

function requireWholeNumber(value: unknown, field: string, minimum: number): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum) return value;
  const wanted = minimum === 1 ? 'a whole number of at least 1' : 'a whole number';
  const got = typeof value === 'number' ? String(value) : JSON.stringify(value);
  throw new StarlError('E_USAGE', `The ${field} must be ${wanted}, got ${got}`, { field });
}
