import { describe, expect, it } from 'vitest';
import type { JudgedAnswer } from '../storage/records.js';
import { candidateStanding, cohortSeries, weekOf } from './cohort.js';

type Verdicts = JudgedAnswer['verdicts'];
const PASS_ALL: Verdicts = { opportunity: 'pass', memorable: 'pass', specificReason: 'n/a', starl: 'pass' };

function judged(at: string, verdicts: Partial<Verdicts> = {}, origin: JudgedAnswer['origin'] = 'practice'): JudgedAnswer {
  return { origin, id: 1, sessionId: origin === 'practice' ? 1 : null, question: 'q', answer: 'a', questionType: 'behavioral', verdicts: { ...PASS_ALL, ...verdicts }, at };
}

describe('weekOf', () => {
  it('is the Monday of the week in UTC, Sunday included', () => {
    expect(weekOf('2026-03-04T10:00:00.000Z')).toBe('2026-03-02');
    expect(weekOf('2026-03-08T23:59:59.000Z')).toBe('2026-03-02');
    expect(weekOf('2026-03-09T00:00:00.000Z')).toBe('2026-03-09');
  });
});

describe('a candidate\'s standing', () => {
  const now = new Date('2026-03-04T12:00:00.000Z');

  it('has pass shares over everything judged, a trend of the last 14 days against the 14 before, and the week\'s answers', () => {
    const answers = [
      judged('2026-02-10T09:00:00.000Z', { starl: 'miss' }),
      judged('2026-02-12T09:00:00.000Z', { starl: 'miss' }),
      judged('2026-02-27T09:00:00.000Z', { starl: 'pass' }),
      judged('2026-03-03T09:00:00.000Z', { starl: 'miss', memorable: 'miss' }),
      judged('2026-03-04T09:00:00.000Z', { starl: 'pass' }, 'review'),
    ];
    const standing = candidateStanding(answers, now);
    expect(standing.reasons.starl).toEqual({ pass: 2 / 5, trend: 2 / 3 - 0 });
    expect(standing.reasons.memorable).toEqual({ pass: 4 / 5, trend: 2 / 3 - 1 });
    expect(standing.reasons.specificReason).toEqual({ pass: null, trend: null });
    expect(standing.weakestReason).toBe('starl');
    expect(standing.answersThisWeek).toBe(2);
    expect(standing.lastPracticeAt).toBe('2026-03-03T09:00:00.000Z');
  });

  it('is empty for a candidate who has not practised', () => {
    expect(candidateStanding([], now)).toEqual({
      weakestReason: null,
      reasons: { opportunity: { pass: null, trend: null }, memorable: { pass: null, trend: null }, specificReason: { pass: null, trend: null }, starl: { pass: null, trend: null } },
      answersThisWeek: 0,
      lastPracticeAt: null,
    });
  });
});

describe('a cohort\'s series', () => {
  it('gives each week its pass share per reason and its number of answers, oldest first', () => {
    const series = cohortSeries([judged('2026-03-03T09:00:00.000Z', { opportunity: 'miss' }), judged('2026-02-24T09:00:00.000Z'), judged('2026-03-05T09:00:00.000Z')]);
    expect(series).toEqual([
      { week: '2026-02-23', answers: 1, opportunity: 1, memorable: 1, specificReason: null, starl: 1 },
      { week: '2026-03-02', answers: 2, opportunity: 0.5, memorable: 1, specificReason: null, starl: 1 },
    ]);
  });
});
