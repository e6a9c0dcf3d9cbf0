import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { REASONS } from '../../core/types.js';
import type { ProgressSeries } from '../../progress/series.js';
import { chartData, dayRange, daySplits } from '../chart-data.js';
import { REASON_LABELS } from '../labels.js';

/** Each reason's line differs by dash pattern as well as colour, so the chart reads without colour. */
const LINE_STYLES: Record<(typeof REASONS)[number], { stroke: string; dash: number[] }> = {
  opportunity: { stroke: '#1d3557', dash: [] },
  memorable: { stroke: '#b42318', dash: [10, 5] },
  specificReason: { stroke: '#1a7f37', dash: [2, 4] },
  starl: { stroke: '#9a5b00', dash: [12, 4, 2, 4] },
};

/**
 * Pass share per reason over time, drawn by uPlot (bundled, no network). Clicking a day calls
 * `onPickDay` so the page can list the answers behind that point.
 */
export function ProgressChart({ series, onPickDay }: { series: ProgressSeries; onPickDay: (day: string) => void }): VNode {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const data = chartData(series);
    const options: uPlot.Options = {
      width: Math.max(280, element.clientWidth),
      height: 300,
      // Days are counted in UTC, so they are drawn in UTC too: a day never slides to the evening before.
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
      scales: {
        // From the data itself: for a single day uPlot would stretch the axis over years (it pads by
        // 86400 / ms seconds); a week around one day, or half a day either side of several, reads better.
        x: { time: true, range: () => dayRange(data[0]) },
        y: { range: [0, 100] },
      },
      axes: [{ splits: (u) => daySplits(data[0], u.width - 60), values: '{MMM} {D}' }, { label: 'passed (%)', values: (_, ticks) => ticks.map((tick) => `${tick}%`) }],
      series: [
        { label: 'Day', value: (_, seconds) => (seconds == null ? '–' : new Date(seconds * 1000).toISOString().slice(0, 10)) },
        ...REASONS.map((reason) => ({
          label: REASON_LABELS[reason],
          stroke: LINE_STYLES[reason].stroke,
          dash: LINE_STYLES[reason].dash,
          width: 2,
          spanGaps: true,
          points: { size: 7 },
          value: (_: uPlot, share: number | null) => (share == null ? '–' : `${share}%`),
        })),
      ],
    };
    const chart = new uPlot(options, data, element);
    const pick = (): void => {
      const index = chart.cursor.idx;
      const seconds = index == null ? undefined : data[0][index];
      if (seconds !== undefined) onPickDay(new Date(seconds * 1000).toISOString().slice(0, 10));
    };
    chart.over.addEventListener('click', pick);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(280, element.clientWidth), height: 300 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [series, onPickDay]);
  return html`<div class="progress-chart" ref=${holder} role="img" aria-label="Pass share per reason over time; the table below has the same numbers"></div>`;
}
