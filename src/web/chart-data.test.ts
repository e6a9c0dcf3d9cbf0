import { describe, expect, it } from 'vitest';
import { chartData, dayRange, daySplits, DELIVERY_CHARTS, deliveryAxisTop, deliveryChartData, weeklyChartData } from './chart-data.js';

const DAY = 86_400;

describe('chartData', () => {
  it('aligns every reason on the union of days, with null where a reason had no applicable answer', () => {
    const point = (day: string, share: number) => ({ day, passed: 1, judged: 1, share });
    const [days, opportunity, memorable, specificReason, starl] = chartData({
      opportunity: [point('2026-11-01', 0.5), point('2026-11-03', 1)],
      memorable: [point('2026-11-03', 0.25)],
      specificReason: [],
      starl: [point('2026-11-01', 2 / 3)],
    });
    expect(days).toEqual([Date.UTC(2026, 10, 1) / 1000, Date.UTC(2026, 10, 3) / 1000]);
    expect(opportunity).toEqual([50, 100]);
    expect(memorable).toEqual([null, 25]);
    expect(specificReason).toEqual([null, null]);
    expect(starl).toEqual([67, null]);
  });
});

describe('weeklyChartData', () => {
  it('charts a cohort week by week in percent, oldest first, with gaps where a reason was not judged', () => {
    const week = (monday: string, opportunity: number | null, memorable: number | null) => ({ week: monday, opportunity, memorable, specificReason: null, starl: 0.5, answers: 3 });
    const [weeks, opportunity, memorable, specificReason, starl] = weeklyChartData([week('2026-11-30', 0.25, null), week('2026-11-23T00:00:00.000Z', 2 / 3, 1)]);
    expect(weeks).toEqual([Date.UTC(2026, 10, 23) / 1000, Date.UTC(2026, 10, 30) / 1000]);
    expect(opportunity).toEqual([67, 25]);
    expect(memorable).toEqual([100, null]);
    expect(specificReason).toEqual([null, null]);
    expect(starl).toEqual([50, 50]);
  });
});

describe('dayRange', () => {
  it('shows a week around a single day and half a day around several', () => {
    expect(dayRange([10 * DAY])).toEqual([7 * DAY, 13 * DAY]);
    expect(dayRange([10 * DAY, 12 * DAY])).toEqual([9.5 * DAY, 12.5 * DAY]);
  });
});

describe('daySplits', () => {
  it('labels each day when they fit, as on a phone with a few days of practice', () => {
    const days = [1, 2, 3, 4, 5].map((d) => d * DAY);
    expect(daySplits(days, 300)).toEqual(days);
  });

  it('labels every few days when there are more days than room', () => {
    const days = Array.from({ length: 20 }, (_, i) => i * DAY);
    expect(daySplits(days, 300)).toEqual([0, 4, 8, 12, 16].map((d) => d * DAY));
  });
});

describe('deliveryChartData', () => {
  const point = (day: string, wordsPerMinute: number | null, fillersPer100Words: number | null) => ({
    day,
    answers: 1,
    wordsPerMinute,
    estimatedPaces: 0,
    pausesPerMinute: 6,
    longestPauseSeconds: 1.5,
    silentShare: 0.2,
    fillersPer100Words,
  });
  const points = [point('2026-11-01', 172, 4), point('2026-11-03', 150, null)];
  const chart = (id: string) => DELIVERY_CHARTS.find((c) => c.id === id)!;

  it('charts the pace against the 120–160 range interviewers expect', () => {
    const pace = chart('pace');
    const [days, words] = deliveryChartData(points, pace);
    expect(days).toEqual([Date.UTC(2026, 10, 1) / 1000, Date.UTC(2026, 10, 3) / 1000]);
    expect(words).toEqual([172, 150]);
    expect(pace.guides.map((guide) => [guide.value, guide.label])).toEqual([[120, '120, the slowest advised'], [160, '160, the fastest advised']]);
  });

  it('charts pauses a minute and the longest pause on their own axes, each with its bound, and fillers with gaps where there was no transcript', () => {
    const pauses = chart('pauses');
    expect(deliveryChartData(points, pauses).slice(1)).toEqual([[6, 6], [1.5, 1.5]]);
    expect(pauses.lines.map((line) => line.scale)).toEqual(['y', 'y2']);
    expect(pauses.guides.map((guide) => [guide.scale, guide.value])).toEqual([['y', 4], ['y2', 3]]);
    expect(deliveryChartData(points, chart('fillers'))[1]).toEqual([4, null]);
  });
});

describe('deliveryAxisTop', () => {
  it('leaves room above the highest value or guide, whichever is higher, and ignores days without a value', () => {
    expect(deliveryAxisTop([172, null, 150], [120, 160])).toBeCloseTo(172 * 1.15);
    expect(deliveryAxisTop([100], [120, 160])).toBeCloseTo(160 * 1.15);
    expect(deliveryAxisTop([null], [])).toBeCloseTo(1.15);
  });
});
