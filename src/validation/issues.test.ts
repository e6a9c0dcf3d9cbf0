import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { companyRequestSchema, sessionRequestSchema, storyRequestSchema } from '../server/schemas.js';
import { plainIssue } from './issues.js';

/** The sentence for the first problem `schema` finds in `input`. */
function firstProblem(schema: z.ZodType, input: unknown): string {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a problem');
  return plainIssue(parsed.error.issues[0]!, schema, input);
}

describe('plainIssue', () => {
  it.each([
    [companyRequestSchema, { name: 'x'.repeat(201) }, 'The company name is at most 200 characters.'],
    [companyRequestSchema, { name: '   ' }, 'The company name cannot be empty.'],
    [companyRequestSchema, {}, 'The company name is missing.'],
    [companyRequestSchema, { name: 'Acme', aliases: ['ok', ''] }, 'Each other name cannot be empty.'],
    [companyRequestSchema, { name: 'Acme', aliases: 'Acme Corp' }, 'The other names must be a list.'],
    [companyRequestSchema, { name: 'Acme', aliases: Array(21).fill('a') }, 'The other names can have at most 20 entries.'],
    [companyRequestSchema, { name: 'Acme', website: 'acme.example' }, 'The request has a field Starl does not know: "website".'],
    [storyRequestSchema, { title: 'T', text: 'A story.', clientId: 'short' }, 'The request key needs at least 8 characters.'],
    [sessionRequestSchema, { count: 2.5 }, 'The number of questions must be a whole number.'],
    [sessionRequestSchema, { count: 50 }, 'The number of questions is at most 20.'],
    [sessionRequestSchema, { only: 'trivia' }, 'The kind of question must be one of "opener", "introduction", "personal", "motivation", "behavioral", "closing", "other".'],
  ])('says what is wrong in words, never in the schema\'s terms (%#)', (schema, input, expected) => {
    expect(firstProblem(schema, input)).toBe(expected);
  });

  it('names an unlabelled field by its path', () => {
    const schema = z.object({ answers: z.array(z.object({ seconds: z.number() })) });
    expect(firstProblem(schema, { answers: [{ seconds: 1 }, { seconds: 'nine' }] })).toBe('The field "answers[1].seconds" must be a number.');
  });
});
