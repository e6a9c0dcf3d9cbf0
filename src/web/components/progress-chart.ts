import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { REASONS } from '../../core/types.js';
import type { ProgressSeries } from '../../progress/series.js';
import { REASON_LABELS } from '../labels.js';

/** Each reason's line differs by dash pattern as well as colour, so the chart reads without colour. */
const LINE_STYLES: Record<(typeof REASONS)[number], { stroke: string; dash: number[] }> = {
  opportunity: { stroke: '#1d3557', dash: [] },
  memorable: { stroke: '#b42318', dash: [10, 5] },
  specificReason: { stroke: '#1a7f37', dash: [2, 4] },
  starl: { stroke: '#9a5b00', dash: [12, 4, 2, 4] },
};

const DAY_SECONDS = 24 * 60 * 60;

/** The series as uPlot's columns: days as Unix seconds, then each reason's pass share in percent (null on days without it). */
export function chartData(series: ProgressSeries): uPlot.AlignedData {
  const days = [...new Set(REASONS.flatMap((reason) => series[reason].map((point) => point.day)))].sort();
  const byDay = (reason: (typeof REASONS)[number]) => new Map(series[reason].map((point) => [point.day, Math.round(point.share * 100)]));
  return [days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000), ...REASONS.map((reason) => days.map((day) => byDay(reason).get(day) ?? null))];
}

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
      scales: {
        // A single day would otherwise stretch the axis over years; show a week around it instead.
        x: { time: true, range: (_, min, max) => (min === max ? [min - 3 * DAY_SECONDS, max + 3 * DAY_SECONDS] : [min - DAY_SECONDS / 2, max + DAY_SECONDS / 2]) },
        y: { range: [0, 100] },
      },
      axes: [{}, { label: 'passed (%)', values: (_, ticks) => ticks.map((tick) => `${tick}%`) }],
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
