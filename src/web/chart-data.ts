import { REASONS } from '../core/types.js';
import type { Reason } from '../core/types.js';
import { DELIVERY_RANGES } from '../delivery/index.js';
import type { DeliveryPoint } from '../progress/delivery-series.js';
import type { ProgressSeries } from '../progress/series.js';

const DAY_SECONDS = 24 * 60 * 60;

/** The x range to show for these days (Unix seconds): a week around a single day, half a day around several. */
export function dayRange(days: ArrayLike<number>): [number, number] {
  const first = days[0] ?? 0;
  const last = days[days.length - 1] ?? first;
  return first === last ? [first - 3 * DAY_SECONDS, last + 3 * DAY_SECONDS] : [first - DAY_SECONDS / 2, last + DAY_SECONDS / 2];
}

/** A `YYYY-MM-DD` day as uPlot's x value: Unix seconds at its UTC midnight. */
function daySeconds(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

/** Days (sorted) and each reason's pass share (0..1, null where none) on each, as uPlot's columns in percent. */
function shareColumns(days: readonly string[], shareOn: (reason: Reason, day: string) => number | null): [number[], ...(number | null)[][]] {
  const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 100));
  return [days.map(daySeconds), ...REASONS.map((reason) => days.map((day) => percent(shareOn(reason, day))))];
}

/** The series as uPlot's columns: days as Unix seconds, then each reason's pass share in percent (null on days without it). */
export function chartData(series: ProgressSeries): [number[], ...(number | null)[][]] {
  const days = [...new Set(REASONS.flatMap((reason) => series[reason].map((point) => point.day)))].sort();
  const byReason = new Map(REASONS.map((reason) => [reason, new Map(series[reason].map((point) => [point.day, point.share]))]));
  return shareColumns(days, (reason, day) => byReason.get(reason)?.get(day) ?? null);
}

/** One week of a cohort: its Monday (`YYYY-MM-DD`) and each reason's pass share, null when none was judged. */
export type WeekShares = { week: string } & Record<Reason, number | null>;

/** A cohort's weekly pass shares as uPlot's columns, like {@link chartData}'s days, oldest week first. */
export function weeklyChartData(weeks: readonly WeekShares[]): [number[], ...(number | null)[][]] {
  const byWeek = new Map(weeks.map((week) => [week.week.slice(0, 10), week]));
  return shareColumns([...byWeek.keys()].sort(), (reason, week) => byWeek.get(week)?.[reason] ?? null);
}

/** The width one day's label needs on the axis ("Dec 7"), in CSS pixels, with a gap. */
const DAY_LABEL_PIXELS = 48;

/**
 * The days to label on an axis `width` pixels wide: every day when they fit, so a phone shows each day
 * too, else every second, third… day, always starting from the first.
 */
export function daySplits(days: ArrayLike<number>, width: number): number[] {
  const all = Array.from(days);
  const step = Math.max(1, Math.ceil((all.length * DAY_LABEL_PIXELS) / Math.max(width, DAY_LABEL_PIXELS)));
  return all.filter((_, index) => index % step === 0);
}

/** One line of a delivery chart: what it shows, against which axis, and its value on a day. */
export interface DeliveryLine {
  label: string;
  /** `y` is the left axis, `y2` the right. */
  scale: 'y' | 'y2';
  value: (point: DeliveryPoint) => number | null;
}

/** A bound interviewers expect, drawn across the chart as a thin dashed rule with its label. */
export interface DeliveryGuide {
  label: string;
  scale: 'y' | 'y2';
  value: number;
}

/** A chart of delivery over time: its title, its axes' labels, its lines and its guides. */
export interface DeliveryChart {
  id: 'pace' | 'pauses' | 'fillers';
  title: string;
  axes: { y: string; y2?: string };
  lines: DeliveryLine[];
  guides: DeliveryGuide[];
}

const { wordsPerMinute: pace, pausesPerMinute, longestPauseSeconds } = DELIVERY_RANGES;

/** The Progress page's three delivery charts: pace against its range, pauses, and fillers. */
export const DELIVERY_CHARTS: readonly DeliveryChart[] = [
  {
    id: 'pace',
    title: 'Pace',
    axes: { y: 'words a minute' },
    lines: [{ label: 'Your pace', scale: 'y', value: (point) => point.wordsPerMinute }],
    guides: [
      { label: `${pace.min}, the slowest advised`, scale: 'y', value: pace.min },
      { label: `${pace.max}, the fastest advised`, scale: 'y', value: pace.max },
    ],
  },
  {
    id: 'pauses',
    title: 'Pauses',
    axes: { y: 'pauses a minute', y2: 'longest pause (s)' },
    lines: [
      { label: 'Pauses a minute', scale: 'y', value: (point) => point.pausesPerMinute },
      { label: 'Longest pause (s)', scale: 'y2', value: (point) => point.longestPauseSeconds },
    ],
    guides: [
      { label: `${pausesPerMinute.min} a minute, the fewest advised`, scale: 'y', value: pausesPerMinute.min },
      { label: `${longestPauseSeconds.max} s, the longest pause advised`, scale: 'y2', value: longestPauseSeconds.max },
    ],
  },
  {
    id: 'fillers',
    title: 'Fillers',
    axes: { y: 'fillers per 100 words' },
    lines: [{ label: 'Fillers per 100 words', scale: 'y', value: (point) => point.fillersPer100Words }],
    guides: [],
  },
];

/** A delivery chart's data as uPlot's columns: days as Unix seconds, then each line's value per day. */
export function deliveryChartData(points: readonly DeliveryPoint[], chart: DeliveryChart): [number[], ...(number | null)[][]] {
  return [points.map((point) => daySeconds(point.day)), ...chart.lines.map((line) => points.map((point) => line.value(point)))];
}

/** The top of a delivery chart's axis: room above its highest value and its guides, from zero up. */
export function deliveryAxisTop(values: readonly (number | null)[], guides: readonly number[]): number {
  return Math.max(1, ...values.filter((value): value is number => value !== null), ...guides) * 1.15;
}
