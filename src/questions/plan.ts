/** Interview plans drawn from the bank in the order real interviews run, or drills of one question type. */
import { StarlError } from '../core/errors.js';
import { QUESTION_TYPES, type QuestionType } from '../core/types.js';
import { byType, suitsField } from './bank.js';
import { requireOneOf, requireWholeNumber } from './checks.js';
import { CompetencyQueue } from './competency-queue.js';
import { fillPlaceholders, placeholdersOf } from './placeholders.js';
import { createRandom, pickWeighted } from './random.js';
import type { BankQuestion } from './schema.js';
import { COMPETENCIES, FIELDS, FIELD_COMPETENCIES, fieldForRole, type Competency, type Field } from './taxonomy.js';

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
