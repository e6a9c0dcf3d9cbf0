import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { REASONS, type QuestionType, type Reason, type Verdict } from '../core/types.js';
import { MAIN_REASON_DEFINITION, rankReasons, restsOnFewAnswers } from './main-reason.js';
import { practiceFor } from './practice.js';
import type { ReviewedPair, Tally } from './types.js';

const tallies = (misses: number[], applicable: number[]): Record<Reason, Tally> =>
  Object.fromEntries(REASONS.map((reason, index) => [reason, { misses: misses[index] ?? 0, applicable: applicable[index] ?? 0 }])) as Record<Reason, Tally>;

describe('rankReasons', () => {
  test.each([
    ['share first: 1 of 1 beats 3 of 4', [1, 3, 1, 0], [6, 4, 1, 1], ['specificReason', 'memorable', 'opportunity']],
    ['equal shares keep the order of the four', [2, 2, 0, 1], [4, 4, 1, 2], ['opportunity', 'memorable', 'starl']],
    ['reasons that never missed are not ranked', [0, 1, 0, 0], [6, 4, 1, 2], ['memorable']],
    ['no misses, no ranking', [0, 0, 0, 0], [6, 4, 1, 2], []],
  ] as const)('%s', (_name, misses, applicable, expected) => {
    expect(rankReasons(tallies([...misses], [...applicable]))).toEqual(expected);
  });
});

test.each([
  [{ misses: 1, applicable: 1 }, true],
  [{ misses: 0, applicable: 2 }, true],
  [{ misses: 2, applicable: 3 }, false],
  [{ misses: 0, applicable: 0 }, false],
])('a share of %j rests on few answers: %s', (tally, expected) => {
  expect(restsOnFewAnswers(tally)).toBe(expected);
});

describe('practiceFor', () => {
  const pair = (questionType: QuestionType, verdicts: Partial<Record<Reason, Verdict>>): ReviewedPair =>
    ({
      questionType,
      reasons: Object.fromEntries(REASONS.map((reason) => [reason, { verdict: verdicts[reason] ?? 'n/a', score: null, summary: '' }])),
    }) as unknown as ReviewedPair;
  const interview = [
    pair('opener', { opportunity: 'pass' }),
    pair('personal', { opportunity: 'miss', memorable: 'miss' }),
    pair('introduction', { opportunity: 'pass', memorable: 'miss' }),
    pair('closing', { opportunity: 'miss' }),
    pair('closing', { opportunity: 'miss' }),
    pair('behavioral', { opportunity: 'pass', memorable: 'pass', starl: 'miss' }),
  ];

  test.each([
    ['opportunity', 'starl practice --only closing'],
    ['memorable', 'starl practice --only personal'],
    ['starl', 'starl practice --only behavioral'],
    ['specificReason', 'starl practice --only motivation'],
  ] as const)('%s → %s', (reason, command) => {
    expect(practiceFor(reason, interview).command).toBe(command);
  });

  test('a specific reason is drilled for the company the review was for', () => {
    expect(practiceFor('specificReason', interview, 'Fenwick & Lowe').command).toBe('starl practice --only motivation --company "Fenwick & Lowe"');
  });
});

test('the README states the main reason exactly as the report does', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  expect(readme).toContain(`The **main reason** is ${MAIN_REASON_DEFINITION}.`);
});
