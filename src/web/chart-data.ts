import { REASONS } from '../core/types.js';
import type { ProgressSeries } from '../progress/series.js';

const DAY_SECONDS = 24 * 60 * 60;

/** The x range to show for these days (Unix seconds): a week around a single day, half a day around several. */
export function dayRange(days: ArrayLike<number>): [number, number] {
  const first = days[0] ?? 0;
  const last = days[days.length - 1] ?? first;
  return first === last ? [first - 3 * DAY_SECONDS, last + 3 * DAY_SECONDS] : [first - DAY_SECONDS / 2, last + DAY_SECONDS / 2];
}

/** The series as uPlot's columns: days as Unix seconds, then each reason's pass share in percent (null on days without it). */
export function chartData(series: ProgressSeries): [number[], ...(number | null)[][]] {
  const days = [...new Set(REASONS.flatMap((reason) => series[reason].map((point) => point.day)))].sort();
  const byDay = (reason: (typeof REASONS)[number]) => new Map(series[reason].map((point) => [point.day, Math.round(point.share * 100)]));
  return [days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000), ...REASONS.map((reason) => days.map((day) => byDay(reason).get(day) ?? null))];
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
