import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import type { DeliveryPoint } from '../../progress/delivery-series.js';
import { deliveryChartData, type DeliveryChart as Chart } from '../chart-data.js';
import { dayLegend, useDayChart } from './day-chart.js';

/** Lines differ by dash as well as colour; the ranges interviewers expect are thin grey dashes. */
const LINE_STYLES = [
  { stroke: '#1d3557', dash: [] },
  { stroke: '#9a5b00', dash: [10, 5] },
];
const GUIDE = { stroke: '#8c959f', dash: [3, 3], width: 1 };

/** A scale from zero to a little above the highest value, so a flat line is not drawn at the very top. */
const fromZero: uPlot.Scale = { range: (_, _min, max) => [0, Math.max(max, 1) * 1.15] };

function optionsFor(chart: Chart): () => Pick<uPlot.Options, 'series' | 'axes' | 'scales'> & { height: number } {
  const measured = chart.lines.filter((line) => !line.guide);
  return () => ({
    height: 220,
    scales: { y: fromZero, ...(chart.axes.y2 ? { y2: fromZero } : {}) },
    axes: [{ label: chart.axes.y, scale: 'y' }, ...(chart.axes.y2 ? [{ label: chart.axes.y2, scale: 'y2', side: 1 as const, grid: { show: false } }] : [])],
    series: [
      dayLegend,
      ...chart.lines.map((line) => ({
        label: line.label,
        scale: line.scale,
        spanGaps: true,
        ...(line.guide ? { ...GUIDE, points: { show: false } } : { ...LINE_STYLES[measured.indexOf(line) % LINE_STYLES.length]!, width: 2, points: { size: 7 } }),
      })),
    ],
  });
}

/** One delivery measure over time (pace, pauses or fillers), with the range interviewers expect. */
export function DeliveryChart({ points, chart, onPickDay }: { points: readonly DeliveryPoint[]; chart: Chart; onPickDay: (day: string) => void }): VNode {
  const data = useMemo(() => deliveryChartData(points, chart), [points, chart]);
  const options = useMemo(() => optionsFor(chart), [chart]);
  const holder = useDayChart(data, options, onPickDay);
  return html`<figure class="delivery-chart" data-chart=${chart.id}>
    <figcaption>${chart.title}</figcaption>
    <div class="progress-chart" ref=${holder} role="img" aria-label=${`${chart.title} over time; the table below has the same numbers`}></div>
  </figure>`;
}
