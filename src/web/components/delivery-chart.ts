import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import type { DeliveryPoint } from '../../progress/delivery-series.js';
import { deliveryAxisTop, deliveryChartData, type DeliveryChart as Chart } from '../chart-data.js';
import { dayLegend, useDayChart } from './day-chart.js';

/** Lines differ by dash as well as colour. */
const LINE_STYLES = [
  { stroke: '#1d3557', dash: [] },
  { stroke: '#9a5b00', dash: [10, 5] },
];
const GUIDE_COLOUR = '#57606a';

/** Draws each guide across the plot as a thin dashed rule, labelled at its left end. */
function drawGuides(chart: Chart): (u: uPlot) => void {
  return (u) => {
    const { ctx } = u;
    const { left, width } = u.bbox;
    ctx.save();
    ctx.strokeStyle = GUIDE_COLOUR;
    ctx.fillStyle = GUIDE_COLOUR;
    ctx.lineWidth = devicePixelRatio;
    ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
    // uPlot leaves the context aligned for its axis labels; a guide's label starts at the plot's left.
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    for (const guide of chart.guides) {
      const y = Math.round(u.valToPos(guide.value, guide.scale, true));
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      ctx.fillText(guide.label, left + 4 * devicePixelRatio, y - 3 * devicePixelRatio);
    }
    ctx.restore();
  };
}

function optionsFor(chart: Chart): (days: ArrayLike<number>) => Pick<uPlot.Options, 'series' | 'axes' | 'scales' | 'hooks'> & { height: number } {
  const top = (scale: 'y' | 'y2'): uPlot.Scale => ({
    range: (u) => [0, deliveryAxisTop(chart.lines.flatMap((line, i) => (line.scale === scale ? Array.from(u.data[i + 1] ?? [], (value) => value ?? null) : [])), chart.guides.filter((g) => g.scale === scale).map((g) => g.value))],
  });
  return () => ({
    height: 220,
    scales: { y: top('y'), ...(chart.axes.y2 ? { y2: top('y2') } : {}) },
    axes: [{ label: chart.axes.y, scale: 'y' }, ...(chart.axes.y2 ? [{ label: chart.axes.y2, scale: 'y2', side: 1 as const, grid: { show: false } }] : [])],
    series: [dayLegend, ...chart.lines.map((line, i) => ({ label: line.label, scale: line.scale, spanGaps: true, width: 2, points: { size: 7 }, ...LINE_STYLES[i % LINE_STYLES.length]! }))],
    hooks: { draw: [drawGuides(chart)] },
  });
}

/** One delivery measure over time (pace, pauses or fillers), with the bounds interviewers expect drawn across it. */
export function DeliveryChart({ points, chart, onPickDay }: { points: readonly DeliveryPoint[]; chart: Chart; onPickDay: (day: string) => void }): VNode {
  const data = useMemo(() => deliveryChartData(points, chart), [points, chart]);
  const options = useMemo(() => optionsFor(chart), [chart]);
  const holder = useDayChart(data, options, onPickDay);
  const guides = chart.guides.map((guide) => guide.label).join('; ');
  return html`<figure class="delivery-chart" data-chart=${chart.id}>
    <figcaption>${chart.title}</figcaption>
    <div class="progress-chart" ref=${holder} role="img" aria-label=${`${chart.title} over time${guides ? ` (${guides})` : ''}; the table below has the same numbers`}></div>
  </figure>`;
}
