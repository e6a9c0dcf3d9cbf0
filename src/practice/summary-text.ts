import { REASONS, REASON_LABELS } from '../core/types.js';
import { countOf } from '../format/plural.js';
import { excerpt } from '../format/excerpt.js';
import { formatDuration } from '../format/duration.js';
import { printable } from '../text/printable.js';
import type { SessionSummary } from './summary.js';

/**
 * The session summary as plain lines, as `starl practice` prints it at the end; the questions, answers
 * and company name in it are made safe for a terminal (see {@link printable}).
 */
export function summaryText(summary: SessionSummary): string {
  const lines = REASONS.map((reason) => {
    const { passed, judged } = summary.totals[reason];
    return `${REASON_LABELS[reason].padEnd(16)} ${judged === 0 ? 'n/a' : `${passed} of ${judged} passed`}`;
  });
  const { weakest, best } = summary;
  if (weakest && weakest.misses.length > 0) {
    lines.push('', `Weakest: ${REASON_LABELS[weakest.reason]}, passed in ${weakest.passed} of ${weakest.judged}. The answers that show it:`);
    for (const miss of weakest.misses) lines.push(`  • ${miss.position + 1}. ${excerpt(miss.question, 60)}`, `    "${excerpt(miss.answer)}"`, `    ${miss.why}`);
  } else if (weakest) {
    lines.push('', 'Every reason passed wherever it applied.');
  }
  if (best) lines.push('', `Best answer (${best.score} of 100): ${best.position + 1}. ${excerpt(best.question, 60)}`, `  "${excerpt(best.answer)}"`);
  if (summary.followUps.length > 0) {
    lines.push('', 'Follow-ups the interviewer asked:');
    for (const followUp of summary.followUps) lines.push(`  • ${followUp.followUp}`);
  }
  lines.push('', 'Time per answer:');
  for (const time of summary.times) lines.push(`  ${formatDuration(time.seconds).padStart(5)}  ${time.position + 1}. ${excerpt(time.question, 60)}`);
  lines.push(`  ${formatDuration(summary.seconds).padStart(5)}  in all`);
  if (summary.drill) {
    lines.push('', `Next: drill ${REASON_LABELS[summary.drill.reason]} with ${countOf(summary.drill.count, `${summary.drill.only} question`)}: starl practice --only ${summary.drill.only} --count ${summary.drill.count}${summary.company ? ` --company "${summary.company}"` : ''}`);
  }
  return printable(lines.join('\n'));
}
