import { REASONS, type Report } from '../core/types.js';
import { REASON_LABELS } from '../core/types.js';
import { formatDuration } from '../format/duration.js';
import { highlightSegments } from '../format/highlight.js';
import { markdownText as md } from './markdown-text.js';
import type { SessionReport } from './session.js';

/**
 * The answer in Markdown: strengths in bold, a finding's words struck through, missing parts in
 * brackets. Every piece of text is escaped, so only these marks are markup.
 */
function markedAnswer(answer: string, report: Report): string {
  return highlightSegments(answer, report)
    .map((segment) => {
      const missing = segment.insertBefore ? ` *[missing: ${md(segment.insertBefore)}]* ` : '';
      const text = md(segment.text);
      if (!segment.text.trim() || segment.mark === 'plain') return `${missing}${text}`;
      return `${missing}${segment.mark === 'strength' ? `**${text}**` : `~~${text}~~`}`;
    })
    .join('');
}

function verdictTable(report: Report): string[] {
  return [
    '| reason | verdict | why |',
    '| --- | --- | --- |',
    ...REASONS.map((reason) => {
      const r = report.reasons[reason];
      return `| ${REASON_LABELS[reason]} | ${r.verdict} | ${r.verdict === 'n/a' ? '' : md(r.summary)} |`;
    }),
  ];
}

function judgement(answer: string, report: Report, seconds: number): string[] {
  const lines = ['', `> ${markedAnswer(answer, report).replace(/\n/g, '\n> ')}`, '', `Time: ${formatDuration(seconds)}`, '', ...verdictTable(report)];
  if (report.findings.length > 0) {
    lines.push('', 'Suggestions:');
    for (const finding of report.findings) lines.push(`- ${md(finding.message)}${finding.suggestions[0] ? ` ${md(finding.suggestions[0].text)}` : ''}`);
  }
  return lines;
}

/** A session's report as Markdown: totals, then every question with each attempt and follow-up. */
export function sessionMarkdown(data: SessionReport): string {
  const { session } = data;
  const title = `${session.mode === 'drill' ? 'Drill' : 'Mock interview'} #${session.id}`;
  const about = [session.role && md(session.role), session.company && `at ${md(session.company)}`].filter(Boolean).join(' ');
  const lines = [`# ${title}${about ? `: ${about}` : ''}`, '', `Started ${session.startedAt}${session.finishedAt ? `, finished ${session.finishedAt}` : ' (not finished)'}. Time answering: ${formatDuration(data.seconds)}.`, ''];
  lines.push('| reason | passed |', '| --- | --- |');
  for (const reason of REASONS) {
    const t = data.totals[reason];
    lines.push(`| ${REASON_LABELS[reason]} | ${t.judged === 0 ? 'n/a' : `${t.passed} of ${t.judged}`} |`);
  }
  lines.push('', 'In the answers, **bold** marks what worked and ~~struck~~ words are what to fix.');
  for (const question of data.questions) {
    lines.push('', `## ${question.position + 1}. ${md(question.question)}`, '', `*${md(question.questionType)}*`);
    if (question.attempts.length === 0) lines.push('', 'Not answered.');
    for (const attempt of question.attempts) {
      if (question.attempts.length > 1) lines.push('', `### Attempt ${attempt.attempt}`);
      lines.push(...judgement(attempt.answer, attempt.report, attempt.seconds));
      if (attempt.followUp) {
        const combined = `${attempt.answer}\n${attempt.followUp.answer}`;
        lines.push('', `**Follow-up:** ${md(attempt.followUp.question)}`, '', 'Judged together with the first answer:');
        lines.push(...judgement(combined, attempt.followUp.report, attempt.followUp.seconds));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
