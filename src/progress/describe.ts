import { REASON_LABELS } from '../core/types.js';
import { excerpt } from '../format/excerpt.js';
import { countOf } from '../format/plural.js';
import type { JudgedAnswer } from '../storage/records.js';
import { terminalChart } from './chart.js';
import { progressSeries, weakestReason } from './series.js';


/** Everything `starl progress` prints: the chart, the weakest reason now, and the answers that show it. */
export function describeProgress(judged: readonly JudgedAnswer[]): string {
  if (judged.length === 0) return 'Nothing judged yet: run `starl practice`, or review a transcript.\n';
  const lines = [terminalChart(progressSeries(judged)), ''];
  const practice = judged.filter((a) => a.origin === 'practice').length;
  lines.push(`${countOf(judged.length, 'judged answer')} (${practice} from practice, ${judged.length - practice} from reviews).`);
  const weakest = weakestReason(judged);
  if (weakest) {
    const label = REASON_LABELS[weakest.reason];
    lines.push('', `Weakest now: ${label}, passed in ${weakest.passed} of the ${countOf(weakest.judged, 'recent answer')} it applied to.`);
    if (weakest.misses.length > 0) lines.push('Answers that show it:');
    for (const miss of weakest.misses.slice(-5).reverse()) {
      const where = miss.origin === 'practice' ? `session ${miss.sessionId}` : 'review';
      lines.push(`  • (${where}) ${excerpt(miss.question, 60)}`, `    "${excerpt(miss.answer)}"`);
    }
  }
  return `${lines.join('\n')}\n`;
}
