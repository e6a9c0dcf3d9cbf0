import { describe, expect, it } from 'vitest';
import type { Reason } from '../core/types.js';
import type { CohortCandidate, ReasonShare } from './api.js';
import { COHORT_COLUMNS, filterCandidates, formatLastPractice, formatShare, formatTrend, nextSort, sortCandidates } from './cohort-table.js';

const share = (pass: number | null, trend: number | null = null): ReasonShare => ({ pass, trend });

function candidate(id: number, name: string, fields: Partial<Omit<CohortCandidate, 'reasons'>> & { reasons?: Partial<Record<Reason, ReasonShare>> } = {}): CohortCandidate {
  return {
    id,
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
    weakestReason: null,
    answersThisWeek: 0,
    lastPracticeAt: null,
    ...fields,
    reasons: { opportunity: share(null), memorable: share(null), specificReason: share(null), starl: share(null), ...fields.reasons },
  };
}

const ada = candidate(1, 'Ada Lovelace', { weakestReason: 'memorable', answersThisWeek: 4, lastPracticeAt: '2026-12-07T09:00:00Z', reasons: { memorable: share(0.25, -0.1), opportunity: share(0.9) } });
const bea = candidate(2, 'bea Okafor', { weakestReason: 'starl', answersThisWeek: 12, lastPracticeAt: '2026-12-01T18:30:00Z', reasons: { memorable: share(0.6, 0.2), starl: share(0.4) } });
const cy = candidate(3, 'Cy Tran', { email: 'cyt@school.example', weakestReason: 'memorable', answersThisWeek: 0, lastPracticeAt: '2026-11-20T08:00:00Z', reasons: { memorable: share(0.5) } });
const dee = candidate(4, 'Dee Novak');
const cohort = [dee, cy, bea, ada];
const names = (list: readonly CohortCandidate[]): string[] => list.map((c) => c.name);

describe('sortCandidates', () => {
  it('sorts names alphabetically whatever their case, and backwards', () => {
    expect(names(sortCandidates(cohort, { column: 'name', direction: 'ascending' }))).toEqual(['Ada Lovelace', 'bea Okafor', 'Cy Tran', 'Dee Novak']);
    expect(names(sortCandidates(cohort, { column: 'name', direction: 'descending' }))).toEqual(['Dee Novak', 'Cy Tran', 'bea Okafor', 'Ada Lovelace']);
  });

  it('sorts a reason by pass share, lowest first, with those never judged on it last in both directions', () => {
    expect(names(sortCandidates(cohort, { column: 'memorable', direction: 'ascending' }))).toEqual(['Ada Lovelace', 'Cy Tran', 'bea Okafor', 'Dee Novak']);
    expect(names(sortCandidates(cohort, { column: 'memorable', direction: 'descending' }))).toEqual(['bea Okafor', 'Cy Tran', 'Ada Lovelace', 'Dee Novak']);
  });

  it('sorts the weakest reason by its name, ties by candidate name, and no weakest reason last', () => {
    expect(names(sortCandidates(cohort, { column: 'weakestReason', direction: 'ascending' }))).toEqual(['Ada Lovelace', 'Cy Tran', 'bea Okafor', 'Dee Novak']);
    expect(names(sortCandidates(cohort, { column: 'weakestReason', direction: 'descending' }))).toEqual(['bea Okafor', 'Ada Lovelace', 'Cy Tran', 'Dee Novak']);
  });

  it('sorts answers this week as numbers and last practice as times, never practised last', () => {
    expect(names(sortCandidates(cohort, { column: 'answersThisWeek', direction: 'descending' }))).toEqual(['bea Okafor', 'Ada Lovelace', 'Cy Tran', 'Dee Novak']);
    expect(names(sortCandidates(cohort, { column: 'lastPracticeAt', direction: 'ascending' }))).toEqual(['Cy Tran', 'bea Okafor', 'Ada Lovelace', 'Dee Novak']);
    expect(names(sortCandidates(cohort, { column: 'lastPracticeAt', direction: 'descending' }))).toEqual(['Ada Lovelace', 'bea Okafor', 'Cy Tran', 'Dee Novak']);
  });

  it('leaves the list it was given as it was', () => {
    const before = names(cohort);
    sortCandidates(cohort, { column: 'name', direction: 'ascending' });
    expect(names(cohort)).toEqual(before);
  });

  it('can sort by every column of the table', () => {
    for (const { column } of COHORT_COLUMNS) {
      const sorted = sortCandidates(cohort, { column, direction: 'ascending' });
      expect(sorted.map((c) => c.id).sort()).toEqual([1, 2, 3, 4]);
    }
    expect(COHORT_COLUMNS.map((c) => c.title)).toEqual(['Candidate', 'Weakest reason', 'Opportunity', 'Memorable', 'Specific reason', 'STAR(L)', 'Answers this week', 'Last practice']);
  });
});

describe('nextSort', () => {
  it('turns the same column around and starts another ascending', () => {
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'name')).toEqual({ column: 'name', direction: 'descending' });
    expect(nextSort({ column: 'name', direction: 'descending' }, 'name')).toEqual({ column: 'name', direction: 'ascending' });
    expect(nextSort({ column: 'name', direction: 'descending' }, 'starl')).toEqual({ column: 'starl', direction: 'ascending' });
  });
});

describe('filterCandidates', () => {
  it('finds the text in names or emails, in any case, ignoring spaces around it', () => {
    expect(names(filterCandidates(cohort, { text: '  LOVE ', weakest: 'any' }))).toEqual(['Ada Lovelace']);
    expect(names(filterCandidates(cohort, { text: 'school.example', weakest: 'any' }))).toEqual(['Cy Tran']);
    expect(filterCandidates(cohort, { text: '', weakest: 'any' })).toEqual(cohort);
  });

  it('keeps the candidates whose weakest reason is the one picked, or who have none yet', () => {
    expect(names(filterCandidates(cohort, { text: '', weakest: 'memorable' }))).toEqual(['Cy Tran', 'Ada Lovelace']);
    expect(names(filterCandidates(cohort, { text: '', weakest: 'none' }))).toEqual(['Dee Novak']);
    expect(filterCandidates(cohort, { text: '', weakest: 'opportunity' })).toEqual([]);
  });

  it('applies both at once', () => {
    expect(names(filterCandidates(cohort, { text: 'cy', weakest: 'memorable' }))).toEqual(['Cy Tran']);
    expect(filterCandidates(cohort, { text: 'bea', weakest: 'memorable' })).toEqual([]);
  });
});

describe('formatTrend', () => {
  it('shows a rise and a fall as an arrow and signed percentage points, with words for screen readers', () => {
    expect(formatTrend(0.12)).toEqual({ arrow: '▲', points: '+12 pts', spoken: 'up 12 points', direction: 'up' });
    expect(formatTrend(-0.08)).toEqual({ arrow: '▼', points: '−8 pts', spoken: 'down 8 points', direction: 'down' });
    expect(formatTrend(0.01).spoken).toBe('up 1 point');
  });

  it('calls a change under half a point no change, and a missing trend a dash', () => {
    expect(formatTrend(0.004)).toEqual({ arrow: '→', points: '±0 pts', spoken: 'no change', direction: 'flat' });
    expect(formatTrend(-0.004).direction).toBe('flat');
    expect(formatTrend(null)).toEqual({ arrow: '', points: '–', spoken: 'no trend yet', direction: 'none' });
  });
});

describe('formatShare', () => {
  it('shows a share as a whole percentage and nothing judged as a dash', () => {
    expect(formatShare(2 / 3)).toBe('67%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(null)).toBe('–');
  });
});

describe('formatLastPractice', () => {
  const now = new Date('2026-12-08T01:00:00Z');
  it('gives the UTC day and how many days ago', () => {
    expect(formatLastPractice('2026-12-08T00:10:00Z', now)).toBe('2026-12-08 (today)');
    expect(formatLastPractice('2026-12-07T23:59:00Z', now)).toBe('2026-12-07 (yesterday)');
    expect(formatLastPractice('2026-11-20T08:00:00Z', now)).toBe('2026-11-20 (18 days ago)');
  });

  it('says never for a candidate who has not practised, and unknown for a time it cannot read', () => {
    expect(formatLastPractice(null, now)).toBe('never');
    expect(formatLastPractice('soon', now)).toBe('unknown');
  });
});
