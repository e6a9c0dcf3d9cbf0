import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import data from './bank.json' with { type: 'json' };
import { StarlError, type ErrorCode } from '../core/errors.js';
import { QUESTION_TYPES, type QuestionType } from '../core/types.js';
import {
  COMPETENCIES,
  FIELDS,
  bank,
  fieldForRole,
  fillPlaceholders,
  parseBank,
  placeholdersOf,
  planInterview,
  questionsByType,
  questionsFor,
  type InterviewPlan,
} from './index.js';

function caught(action: () => unknown): StarlError {
  try {
    action();
  } catch (error) {
    if (error instanceof StarlError) return error;
    throw error;
  }
  throw new Error('expected a StarlError, but nothing was thrown');
}

function expectStarlError(action: () => unknown, code: ErrorCode, message: RegExp): StarlError {
  const error = caught(action);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  return error;
}

const types = (plan: InterviewPlan) => plan.questions.map((planned) => planned.question.type);
const ids = (plan: InterviewPlan) => plan.questions.map((planned) => planned.question.id);
const STAGE_ORDER: readonly QuestionType[] = ['opener', 'introduction', 'personal', 'motivation', 'behavioral', 'other', 'closing'];

describe('the bank', () => {
  it('validates and holds at least 220 questions', () => {
    expect(parseBank(data)).toHaveLength(bank.length);
    expect(bank.length).toBeGreaterThanOrEqual(220);
  });

  it.each([
    ['opener', 20],
    ['introduction', 15],
    ['personal', 25],
    ['motivation', 30],
    ['behavioral', 100],
    ['closing', 12],
    ['other', 20],
  ] as const)('has at least the required number of %s questions (%i)', (type, minimum) => {
    expect(questionsByType(type).length).toBeGreaterThanOrEqual(minimum);
  });

  it.each(COMPETENCIES)('has at least six behavioral questions probing %s', (competency) => {
    expect(questionsFor({ type: 'behavioral', competency }).length).toBeGreaterThanOrEqual(6);
  });

  it('gives every question a unique id', () => {
    const duplicates = bank.map((question) => question.id).filter((id, index, all) => all.indexOf(id) !== index);
    expect(duplicates).toEqual([]);
  });

  it('gives every behavioral question one or two follow-ups that are questions', () => {
    for (const question of questionsByType('behavioral')) {
      expect(question.followUps?.length ?? 0, question.id).toBeGreaterThanOrEqual(1);
      for (const followUp of question.followUps ?? []) expect(followUp, question.id).toMatch(/\?$/);
    }
  });

  it('has motivation questions that name the company and the role', () => {
    const motivation = questionsByType('motivation');
    expect(motivation.filter((question) => placeholdersOf(question).includes('company')).length).toBeGreaterThanOrEqual(3);
    expect(motivation.filter((question) => placeholdersOf(question).includes('role')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(FIELDS.filter((field) => field !== 'any'))('has behavioral questions written for the %s field', (field) => {
    const own = questionsFor({ type: 'behavioral', field }).filter((question) => question.fields.includes(field));
    expect(own.length).toBeGreaterThanOrEqual(1);
  });

  it('cannot be changed by a caller', () => {
    const [first] = bank;
    expect(Object.isFrozen(bank)).toBe(true);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.fields)).toBe(true);
  });
});

describe('parseBank', () => {
  const valid = { id: 'open-01', type: 'opener', text: 'How are you?', competencies: [], fields: ['any'] };

  it.each([
    ['an unknown type', [{ ...valid, type: 'smalltalk' }], /Question 1 \("open-01"\) is invalid/, 'type'],
    ['a blank text', [{ ...valid, text: '' }], /the text is empty/, 'text'],
    ['an unknown placeholder', [{ ...valid, id: 'mot-01', type: 'motivation', text: 'Why {employer}?' }], /unknown placeholder \{employer\}/, 'text'],
    ['follow-ups on an opener', [{ ...valid, followUps: ['And then?'] }], /only behavioral questions have follow-ups/, 'followUps'],
    ['a behavioral question without a competency', [{ ...valid, id: 'beh-x-01', type: 'behavioral' }], /needs a competency/, 'competencies'],
    ['an id that does not match the type', [{ ...valid, id: 'intro-01' }], /must start with "open-"/, 'id'],
    ['"any" mixed with a field', [{ ...valid, fields: ['any', 'retail'] }], /"any" cannot be combined/, 'fields'],
    ['an unknown field', [{ ...valid, fields: ['farming'] }], /expected one of "any"\|"software"/, 'fields.0'],
    ['a repeated id', [valid, { ...valid, text: 'How is your day?' }], /Question 2 repeats the id "open-01"/, 'id'],
  ])('rejects %s, naming the file, the question and the field', (_, raw, message, field) => {
    const error = expectStarlError(() => parseBank(raw, 'my-bank.json'), 'E_INPUT_BAD_FIELD', message);
    expect(error.where).toEqual({ file: 'my-bank.json', field });
  });

  it('rejects data that is not a list of questions', () => {
    expectStarlError(() => parseBank({ questions: [] }), 'E_INPUT_BAD_FIELD', /The question bank is invalid/);
    expectStarlError(() => parseBank([]), 'E_INPUT_BAD_FIELD', /the bank is empty/);
  });
});

describe('questionsByType and questionsFor', () => {
  it('returns only questions of the asked type', () => {
    const closing = questionsByType('closing');
    expect(closing.length).toBeGreaterThan(0);
    expect(closing.every((question) => question.type === 'closing')).toBe(true);
  });

  it('keeps a field\'s own questions and the general ones, but not other fields\'', () => {
    const teaching = questionsFor({ type: 'behavioral', competency: 'conflict', field: 'teaching' });
    const idsFound = teaching.map((question) => question.id);
    expect(idsFound).toContain('beh-conflict-06');
    expect(idsFound).toContain('beh-conflict-01');
    expect(idsFound).not.toContain('beh-conflict-07');
    expect(teaching.every((question) => question.fields.includes('any') || question.fields.includes('teaching'))).toBe(true);
  });

  it('rejects unknown filters with the accepted values', () => {
    expectStarlError(() => questionsByType('smalltalk' as QuestionType), 'E_USAGE', /Unknown question type "smalltalk"; use one of: opener/);
    const error = expectStarlError(
      () => questionsFor({ competency: 'leadrship' as never }),
      'E_USAGE',
      /Unknown competency "leadrship"; use one of: leadership, conflict/,
    );
    expect(error.where?.field).toBe('competency');
    expectStarlError(() => questionsFor({ field: 'farming' as never }), 'E_USAGE', /Unknown field "farming"/);
  });
});

describe('fillPlaceholders', () => {
  it('fills the company and the role', () => {
    const question = { id: 'mot-x', text: 'Why {company}, and why the {role} role at {company}?' };
    expect(fillPlaceholders(question, { company: ' Northwind ', role: 'support engineer' })).toBe(
      'Why Northwind, and why the support engineer role at Northwind?',
    );
  });

  it('inserts names literally, even with characters that replace() treats specially', () => {
    expect(fillPlaceholders({ id: 'mot-x', text: 'Why {company}?' }, { company: "Ben & Jerry's $& Co" })).toBe(
      "Why Ben & Jerry's $& Co?",
    );
  });

  it('leaves a question without placeholders as it is', () => {
    const [question] = questionsByType('opener');
    expect(question && fillPlaceholders(question, {})).toBe(question?.text);
  });

  it('names the question and the missing value', () => {
    const error = expectStarlError(
      () => fillPlaceholders({ id: 'mot-02', text: 'Why {company}?' }, { company: '  ', role: 'nurse' }),
      'E_USAGE',
      /Question "mot-02" needs a company name to fill \{company\}/,
    );
    expect(error.where?.field).toBe('company');
  });
});

describe('planInterview', () => {
  it('runs the way a real interview does', () => {
    const plan = planInterview({ seed: 7, company: 'Northwind', role: 'support engineer' });
    expect(types(plan)).toEqual([
      'opener',
      'introduction',
      'personal',
      'motivation',
      'behavioral',
      'behavioral',
      'behavioral',
      'closing',
    ]);
    for (const planned of plan.questions) {
      expect(planned.text).not.toMatch(/[{}]/);
      expect(planned.competency === null).toBe(planned.question.type !== 'behavioral');
    }
  });

  it('gives the same plan for the same seed and different plans for other seeds', () => {
    expect(planInterview({ seed: 42, field: 'retail' })).toEqual(planInterview({ seed: 42, field: 'retail' }));
    const plans = new Set(Array.from({ length: 10 }, (_, seed) => ids(planInterview({ seed })).join(' ')));
    expect(plans.size).toBe(10);
  });

  it('chooses the behavioral questions for the competencies asked, each once', () => {
    const plan = planInterview({ seed: 3, competencies: ['conflict', 'failure', 'data'] });
    const behavioral = plan.questions.filter((planned) => planned.question.type === 'behavioral');
    expect(behavioral.map((planned) => planned.competency).sort()).toEqual(['conflict', 'data', 'failure']);
    for (const planned of behavioral) expect(planned.question.competencies).toContain(planned.competency);
  });

  it('guesses the field from the role and keeps out questions written for other fields', () => {
    for (let seed = 0; seed < 20; seed += 1) {
      const plan = planInterview({ seed, role: 'Staff Nurse', count: 12 });
      expect(plan.field).toBe('healthcare');
      for (const { question } of plan.questions) {
        expect(question.fields.includes('any') || question.fields.includes('healthcare'), question.id).toBe(true);
      }
    }
  });

  it('prefers the field\'s own questions across many plans', () => {
    const own = Array.from({ length: 30 }, (_, seed) => planInterview({ seed, field: 'teaching', only: 'behavioral' }))
      .flatMap((plan) => plan.questions)
      .filter((planned) => planned.question.fields.includes('teaching'));
    expect(own.length).toBeGreaterThan(0);
  });

  it('favours the field\'s usual competencies when none are asked', () => {
    const plan = planInterview({ seed: 11, field: 'support', only: 'behavioral', count: 5 });
    expect(plan.competencies).toEqual(['customer', 'communication', 'pressure', 'ownership', 'problem-solving']);
    expect(new Set(plan.questions.map((planned) => planned.competency))).toEqual(new Set(plan.competencies));
  });

  it('leaves out questions naming the company or the role when they are not given', () => {
    for (let seed = 0; seed < 30; seed += 1) {
      const plan = planInterview({ seed, only: 'motivation', count: 10 });
      for (const { question } of plan.questions) expect(placeholdersOf(question), question.id).toEqual([]);
    }
  });

  it('fills the company into the questions that name it', () => {
    const plan = planInterview({ seed: 5, only: 'motivation', count: 33, company: 'Northwind', role: 'barista' });
    const named = plan.questions.filter(({ question }) => placeholdersOf(question).includes('company'));
    expect(named.length).toBeGreaterThan(0);
    for (const planned of named) expect(planned.text).toContain('Northwind');
  });

  it('drills one type with five questions by default, or as many as asked', () => {
    expect(types(planInterview({ seed: 1, only: 'closing' }))).toEqual(Array(5).fill('closing'));
    expect(types(planInterview({ seed: 1, only: 'opener', count: 3 }))).toEqual(Array(3).fill('opener'));
  });

  it('uses every competency before repeating one', () => {
    const plan = planInterview({ seed: 9, only: 'behavioral', count: COMPETENCIES.length + 4 });
    const competencies = plan.questions.map((planned) => planned.competency);
    expect(new Set(competencies.slice(0, COMPETENCIES.length)).size).toBe(COMPETENCIES.length);
    expect(new Set(ids(plan)).size).toBe(plan.questions.length);
  });

  it.each([
    [1, ['behavioral']],
    [2, ['introduction', 'behavioral']],
    [4, ['introduction', 'motivation', 'behavioral', 'closing']],
    [6, ['opener', 'introduction', 'motivation', 'behavioral', 'behavioral', 'closing']],
    [9, ['opener', 'introduction', 'personal', 'motivation', 'behavioral', 'behavioral', 'behavioral', 'other', 'closing']],
  ] as const)('shapes an interview of %i questions', (count, expected) => {
    expect(types(planInterview({ seed: 2, count }))).toEqual(expected);
  });

  it('keeps the order, the count and unique questions for any seed and count', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 40 }), (seed, count) => {
        const plan = planInterview({ seed, count });
        expect(plan.questions).toHaveLength(count);
        expect(new Set(ids(plan)).size).toBe(count);
        const order = types(plan).map((type) => STAGE_ORDER.indexOf(type));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['a count of 0', { seed: 1, count: 0 }, /The count must be a whole number of at least 1, got 0/, 'count'],
    ['a fractional count', { seed: 1, count: 2.5 }, /The count must be a whole number of at least 1, got 2.5/, 'count'],
    ['a seed that is not a number', { seed: Number.NaN }, /The seed must be a whole number, got NaN/, 'seed'],
    ['an unknown competency', { seed: 1, competencies: ['leadrship'] }, /Unknown competency "leadrship"; use one of: leadership/, 'competencies'],
    ['an unknown field', { seed: 1, field: 'farming' }, /Unknown field "farming"/, 'field'],
    ['an unknown drill type', { seed: 1, only: 'trivia' }, /Unknown question type "trivia"/, 'only'],
    ['more questions than the bank has', { seed: 1, only: 'closing', count: 50 }, /needs 50 closing questions, but only 13 fit/, 'count'],
  ])('rejects %s with a clear message', (_, options, message, field) => {
    const error = expectStarlError(() => planInterview(options as never), 'E_USAGE', message);
    expect(error.where?.field).toBe(field);
  });
});

describe('fieldForRole', () => {
  it.each([
    ['Senior Software Engineer', 'software'],
    ['Mechanical engineer', 'engineering'],
    ['Data engineer', 'data'],
    ['Sales assistant', 'retail'],
    ['Account executive', 'sales'],
    ['Financial analyst', 'finance'],
    ['Warehouse operative', 'logistics'],
    ['Customer service advisor', 'support'],
    ['UI designer', 'design'],
    ['Teaching assistant', 'teaching'],
    ['Policy officer', 'public-sector'],
  ] as const)('reads %s as %s', (role, field) => {
    expect(fieldForRole(role)).toBe(field);
  });

  it('finds no field in a title that names none, nor in words that merely contain a hint', () => {
    expect(fieldForRole('Astronaut')).toBeUndefined();
    expect(fieldForRole('Tour guide')).toBeUndefined();
  });
});

describe('QUESTION_TYPES coverage', () => {
  it('has questions of every type the analyzer knows', () => {
    expect(QUESTION_TYPES.filter((type) => questionsByType(type).length === 0)).toEqual([]);
  });
});
