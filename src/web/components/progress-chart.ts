import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import { REASONS } from '../../core/types.js';
import type { ProgressSeries } from '../../progress/series.js';
import { chartData } from '../chart-data.js';
import { REASON_LABELS } from '../labels.js';
import { dayLegend, useDayChart } from './day-chart.js';

/** Each reason's line differs by dash pattern as well as colour, so the chart reads without colour. */
const LINE_STYLES: Record<(typeof REASONS)[number], { stroke: string; dash: number[] }> = {
  opportunity: { stroke: '#1d3557', dash: [] },
  memorable: { stroke: '#b42318', dash: [10, 5] },
  specificReason: { stroke: '#1a7f37', dash: [2, 4] },
  starl: { stroke: '#9a5b00', dash: [12, 4, 2, 4] },
};

/** The chart's options, its first column (days or weeks) named in the legend by `dates`. */
const optionsWith = (dates: uPlot.Series) => (): Pick<uPlot.Options, 'series' | 'axes' | 'scales'> & { height: number } => ({
  height: 300,
  scales: { y: { range: [0, 100] } },
  axes: [{ label: 'passed (%)', values: (_, ticks) => ticks.map((tick) => `${tick}%`) }],
  series: [
    dates,
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
});

/**
 * Pass share per reason over time from uPlot columns (dates, then each reason in percent), drawn by
 * uPlot (bundled, no network); `description` is what a screen reader hears of it.
 */
export function ReasonShareChart({ data, dates = dayLegend, description, onPickDay }: { data: uPlot.AlignedData; dates?: uPlot.Series; description: string; onPickDay?: (day: string) => void }): VNode {
  const options = useMemo(() => optionsWith(dates), [dates]);
  const holder = useDayChart(data, options, onPickDay);
  return html`<div class="progress-chart" ref=${holder} role="img" aria-label=${description}></div>`;
}

/**
 * The candidate's pass share per reason over time. Clicking a day calls `onPickDay` so the page can
 * list the answers behind that point.
 */
export function ProgressChart({ series, onPickDay }: { series: ProgressSeries; onPickDay: (day: string) => void }): VNode {
  const data = useMemo(() => chartData(series), [series]);
  return html`<${ReasonShareChart} data=${data} description="Pass share per reason over time; the table below has the same numbers" onPickDay=${onPickDay} />`;
}
