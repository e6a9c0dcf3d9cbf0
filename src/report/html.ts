import { REASONS, type Reason, type Report } from '../core/types.js';
import { REASON_LABELS } from '../core/types.js';
import { formatDuration } from '../format/duration.js';
import { highlightSegments } from '../format/highlight.js';
import type { SessionReport } from './session.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A half-circle gauge of a pass share, as inline SVG with its label and count. */
function gauge(reason: Reason, passed: number, judged: number): string {
  const share = judged === 0 ? 0 : passed / judged;
  // The arc runs from the left end (180°) to the right end (0°) of a half circle of radius 40.
  const angle = Math.PI * (1 - share);
  const x = (50 + 40 * Math.cos(angle)).toFixed(2);
  const y = (50 - 40 * Math.sin(angle)).toFixed(2);
  const colour = judged === 0 ? '#bbb' : share >= 0.5 ? '#2e7d32' : '#c62828';
  const value = judged === 0 ? 'n/a' : `${Math.round(share * 100)}%`;
  const arc = share > 0 ? `<path d="M10 50 A40 40 0 0 1 ${x} ${y}" stroke="${colour}" stroke-width="10" fill="none"/>` : '';
  return `<figure class="gauge" data-reason="${reason}"><svg viewBox="0 0 100 60" width="140" role="img" aria-label="${escapeHtml(REASON_LABELS[reason])}: ${value}">
<path d="M10 50 A40 40 0 0 1 90 50" stroke="#eee" stroke-width="10" fill="none"/>${arc}
<text x="50" y="48" text-anchor="middle" font-size="16">${value}</text></svg>
<figcaption>${escapeHtml(REASON_LABELS[reason])}<br><small>${judged === 0 ? 'not judged' : `${passed} of ${judged} passed`}</small></figcaption></figure>`;
}

function markedAnswer(answer: string, report: Report): string {
  return highlightSegments(answer, report)
    .map((segment) => {
      const missing = segment.insertBefore ? `<ins title="${escapeHtml(segment.insertBefore)}">⟨+ ${escapeHtml(segment.insertBefore)}⟩</ins>` : '';
      const text = escapeHtml(segment.text).replace(/\n/g, '<br>');
      if (segment.mark === 'plain' || !segment.text) return `${missing}${text}`;
      return `${missing}<mark class="${segment.mark}">${text}</mark>`;
    })
    .join('');
}

function judgement(answer: string, report: Report, seconds: number): string {
  const verdicts = REASONS.map((reason) => {
    const r = report.reasons[reason];
    return `<li class="${r.verdict === 'n/a' ? 'na' : r.verdict}"><b>${escapeHtml(REASON_LABELS[reason])}</b> ${r.verdict}${r.uncertain ? ' (uncertain)' : ''}${r.verdict === 'n/a' ? '' : `: ${escapeHtml(r.summary)}`}</li>`;
  }).join('');
  const suggestions = report.findings
    .map((f) => `<li>${escapeHtml(f.message)}${f.suggestions[0] ? ` <i>${escapeHtml(f.suggestions[0].text)}</i>` : ''}</li>`)
    .join('');
  return `<blockquote>${markedAnswer(answer, report)}</blockquote>
<p class="time">Time: ${formatDuration(seconds)}</p><ul class="verdicts">${verdicts}</ul>${suggestions ? `<ul class="suggestions">${suggestions}</ul>` : ''}`;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
.gauges{display:flex;gap:1rem;flex-wrap:wrap}.gauge{margin:0;text-align:center}
blockquote{margin:.5rem 0;padding:.5rem 1rem;border-left:4px solid #ccc;background:#fafafa}
mark.strength{background:#c8e6c9}mark.finding{background:#ffcdd2;text-decoration:underline wavy #c62828}
ins{color:#8a6d00;text-decoration:none;font-style:italic}.verdicts{list-style:none;padding:0}
.pass::before{content:"✔ ";color:#2e7d32}.miss::before{content:"✘ ";color:#c62828}.na{color:#888}
.time{color:#666;font-size:.9em}h2{margin-top:2.5rem;border-top:1px solid #eee;padding-top:1rem}`;

/** A session's report as one standalone HTML page: the four gauges, then every answer highlighted. */
export function sessionHtml(data: SessionReport): string {
  const { session } = data;
  const title = `${session.mode === 'drill' ? 'Drill' : 'Mock interview'} #${session.id}${session.role ? `: ${session.role}` : ''}${session.company ? ` at ${session.company}` : ''}`;
  const body = data.questions
    .map((question) => {
      const attempts = question.attempts
        .map((attempt) => {
          const head = question.attempts.length > 1 ? `<h3>Attempt ${attempt.attempt}</h3>` : '';
          const followUp = attempt.followUp
            ? `<h4>Follow-up: ${escapeHtml(attempt.followUp.question)}</h4><p>Judged together with the first answer:</p>${judgement(`${attempt.answer}\n${attempt.followUp.answer}`, attempt.followUp.report, attempt.followUp.seconds)}`
            : '';
          return `${head}${judgement(attempt.answer, attempt.report, attempt.seconds)}${followUp}`;
        })
        .join('');
      return `<section><h2>${question.position + 1}. ${escapeHtml(question.question)}</h2><p><i>${escapeHtml(question.questionType)}</i></p>${attempts || '<p>Not answered.</p>'}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Starl</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p>Started ${escapeHtml(session.startedAt)}${session.finishedAt ? `, finished ${escapeHtml(session.finishedAt)}` : ' (not finished)'}. Time answering: ${formatDuration(data.seconds)}.</p>
<div class="gauges">${REASONS.map((reason) => gauge(reason, data.totals[reason].passed, data.totals[reason].judged)).join('')}</div>
<p><mark class="strength">Green</mark> marks what worked; <mark class="finding">red</mark> marks words to fix.</p>
${body}
</body></html>
`;
}
