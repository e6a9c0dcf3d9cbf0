import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { dayRange, daySplits } from '../chart-data.js';

/** The date column in the legend, named `label`: the day itself, in UTC. */
export function dateLegend(label: string): uPlot.Series {
  return { label, value: (_, seconds) => (seconds == null ? '–' : new Date(seconds * 1000).toISOString().slice(0, 10)) };
}

/** The day column's value in the legend. */
export const dayLegend: uPlot.Series = dateLegend('Day');

/**
 * Draws a uPlot chart over days (the first column, Unix seconds) into the returned element, redrawn
 * when `data` changes and resized with its holder. `options` gives the chart's own scales, axes and
 * series (and any drawing hooks); the day axis, its range and UTC days come from here. Clicking a day calls `onPickDay`.
 */
export function useDayChart(
  data: uPlot.AlignedData,
  options: (days: ArrayLike<number>) => Pick<uPlot.Options, 'series' | 'axes' | 'scales' | 'hooks'> & { height: number },
  onPickDay?: (day: string) => void,
): { current: HTMLDivElement | null } {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const days = data[0];
    const own = options(days);
    const chart = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height: own.height,
        // Days are counted in UTC, so they are drawn in UTC too: a day never slides to the evening before.
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        series: own.series,
        scales: {
          // From the data itself: for a single day uPlot would stretch the axis over years (it pads by
          // 86400 / ms seconds); a week around one day, or half a day either side of several, reads better.
          x: { time: true, range: () => dayRange(days) },
          ...own.scales,
        },
        axes: [{ splits: (u) => daySplits(days, u.width - 60), values: '{MMM} {D}' }, ...(own.axes ?? [])],
        ...(own.hooks ? { hooks: own.hooks } : {}),
      },
      data,
      element,
    );
    const pick = (): void => {
      const index = chart.cursor.idx;
      const seconds = index == null ? undefined : days[index];
      if (seconds !== undefined && onPickDay) onPickDay(new Date(seconds * 1000).toISOString().slice(0, 10));
    };
    chart.over.addEventListener('click', pick);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(280, element.clientWidth), height: own.height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [data, onPickDay]);
  return holder;
}
