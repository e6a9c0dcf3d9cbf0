import { REASONS } from '../core/types.js';
import type { Reason } from '../core/types.js';
import type { CohortCandidate } from './api.js';
import { REASON_LABELS } from './labels.js';

/** A column of the cohort table, each one sortable. */
export type CohortColumn = 'name' | 'weakestReason' | Reason | 'answersThisWeek' | 'lastPracticeAt';

/** The table's columns in order, with their headings. */
export const COHORT_COLUMNS: readonly { column: CohortColumn; title: string }[] = [
  { column: 'name', title: 'Candidate' },
  { column: 'weakestReason', title: 'Weakest reason' },
  ...REASONS.map((reason) => ({ column: reason, title: REASON_LABELS[reason] })),
  { column: 'answersThisWeek', title: 'Answers this week' },
  { column: 'lastPracticeAt', title: 'Last practice' },
];

/** How the table is sorted; the direction is what `aria-sort` says of the column. */
export interface CohortSort {
  column: CohortColumn;
  direction: 'ascending' | 'descending';
}

/** The order a cohort opens in: by name, as a class list reads. */
export const DEFAULT_SORT: CohortSort = { column: 'name', direction: 'ascending' };

/** What a column sorts by; null (never judged, never practised) sorts last whichever the direction. */
function sortValue(candidate: CohortCandidate, column: CohortColumn): string | number | null {
  switch (column) {
    case 'name':
      return candidate.name;
    case 'weakestReason':
      return candidate.weakestReason === null ? null : REASON_LABELS[candidate.weakestReason];
    case 'answersThisWeek':
      return candidate.answersThisWeek;
    case 'lastPracticeAt':
      return candidate.lastPracticeAt === null ? null : Date.parse(candidate.lastPracticeAt);
    default:
      return candidate.reasons[column].pass;
  }
}

function compareValues(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), undefined, { sensitivity: 'base', numeric: true });
}

/**
 * The candidates in the order `sort` asks for, a new array. Empty values go last in both directions,
 * so "lowest first" shows those who are stuck rather than those who have not started; ties keep a
 * stable order by name, then id.
 */
export function sortCandidates(candidates: readonly CohortCandidate[], sort: CohortSort): CohortCandidate[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: CohortCandidate, b: CohortCandidate): number => compareValues(a.name, b.name) || a.id - b.id;
  return [...candidates].sort((a, b) => {
    const left = sortValue(a, sort.column);
    const right = sortValue(b, sort.column);
    if (left === null || right === null) return left === right ? byName(a, b) : left === null ? 1 : -1;
    return sign * compareValues(left, right) || byName(a, b);
  });
}

/** The sort after a click on `column`'s heading: the same column turns around, another starts ascending (lowest share, fewest answers, longest ago first). */
export function nextSort(current: CohortSort, column: CohortColumn): CohortSort {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** What the table shows: a text to find in names and emails, and which weakest reason ('none': nothing judged yet). */
export interface CohortFilter {
  text: string;
  weakest: Reason | 'none' | 'any';
}

export const NO_FILTER: CohortFilter = { text: '', weakest: 'any' };

/** The candidates the filter lets through, in their order: the text in the name or email (any case), and the weakest reason. */
export function filterCandidates(candidates: readonly CohortCandidate[], filter: CohortFilter): CohortCandidate[] {
  const text = filter.text.trim().toLocaleLowerCase();
  return candidates.filter((candidate) => {
    if (text && !candidate.name.toLocaleLowerCase().includes(text) && !candidate.email.toLocaleLowerCase().includes(text)) return false;
    if (filter.weakest === 'any') return true;
    return filter.weakest === 'none' ? candidate.weakestReason === null : candidate.weakestReason === filter.weakest;
  });
}

/** A pass share (0..1) as a whole percentage, or a dash when nothing was judged. */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** A trend as the table shows it: an arrow and signed points, words for screen readers, and a direction for styling. */
export interface TrendLabel {
  arrow: '▲' | '▼' | '→' | '';
  /** Signed percentage points: "+12 pts", "−8 pts", "±0 pts", or a dash. */
  points: string;
  /** The same in words. */
  spoken: string;
  direction: 'up' | 'down' | 'flat' | 'none';
}

/**
 * A trend (the pass share of the last 14 days minus that of the 14 before, -1..1) in percentage
 * points. Arrow and sign carry the direction, so it reads without colour.
 */
export function formatTrend(trend: number | null): TrendLabel {
  if (trend === null) return { arrow: '', points: '–', spoken: 'no trend yet', direction: 'none' };
  // Rounded first, so a change too small to show as a point reads as no change, never as "+0".
  const points = Math.round(trend * 100);
  if (points > 0) return { arrow: '▲', points: `+${points} pts`, spoken: `up ${points} ${points === 1 ? 'point' : 'points'}`, direction: 'up' };
  if (points < 0) return { arrow: '▼', points: `−${-points} pts`, spoken: `down ${-points} ${points === -1 ? 'point' : 'points'}`, direction: 'down' };
  return { arrow: '→', points: '±0 pts', spoken: 'no change', direction: 'flat' };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a candidate last practised: the UTC day and how long ago, or "never". */
export function formatLastPractice(at: string | null, now: Date): string {
  if (at === null) return 'never';
  const when = new Date(at);
  if (Number.isNaN(when.getTime())) return 'unknown';
  const day = when.toISOString().slice(0, 10);
  const days = Math.floor((Date.parse(now.toISOString().slice(0, 10)) - Date.parse(day)) / DAY_MS);
  const ago = days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
  return `${day} (${ago})`;
}
