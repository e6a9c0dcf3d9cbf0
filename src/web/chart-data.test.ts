import { describe, expect, it } from 'vitest';
import { chartData, dayRange, daySplits } from './chart-data.js';

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
