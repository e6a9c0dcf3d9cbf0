import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { REASONS } from '../core/types.js';
import { REASON_LABELS } from '../core/types.js';
import type { ProgressSeries } from './series.js';

/** Eight levels of a sparkline, lowest to highest. */
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One bar for a share from 0 to 1. */
function bar(share: number): string {
  return BARS[Math.min(BARS.length - 1, Math.floor(share * BARS.length))]!;
}

/**
 * A chart for the terminal: one line per reason, one bar per day (oldest on the left, at most the
 * last `days`), then the latest day's share.
 */
export function terminalChart(series: ProgressSeries, days = 30): string {
  const lines = ['Share of passes per day (oldest → newest):'];
  for (const reason of REASONS) {
    const points = series[reason].slice(-days);
    const last = points.at(-1);
    const bars = points.map((point) => bar(point.share)).join('');
    lines.push(`  ${REASON_LABELS[reason].padEnd(16)} ${last ? `${bars.padEnd(Math.min(days, 30))}  ${Math.round(last.share * 100)}% on ${last.day}` : '(not judged yet)'}`);
  }
  return lines.join('\n');
}

/**
 * The same data as an SVG line chart, drawn by Vega-Lite on the server side (no browser or canvas
 * needed): share of passes per day, one line per reason.
 */
export async function svgChart(series: ProgressSeries): Promise<string> {
  const values = REASONS.flatMap((reason) =>
    series[reason].map((point) => ({ day: point.day, reason: REASON_LABELS[reason], share: point.share, judged: point.judged })),
  );
  const spec = vegaLite.compile({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Starl: share of passes per day',
    width: 560,
    height: 260,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'day', type: 'temporal', title: 'day', timeUnit: 'utcyearmonthdate' },
      y: { field: 'share', type: 'quantitative', title: 'passes', scale: { domain: [0, 1] }, axis: { format: '%' } },
      color: { field: 'reason', type: 'nominal', title: 'reason', sort: REASONS.map((r) => REASON_LABELS[r]) },
    },
  }).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
