import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { REASONS } from '../../core/types.js';
import type { SessionSummary } from '../../report/summary.js';
import { QUESTION_TYPE_LABELS, REASON_LABELS } from '../labels.js';
import { clock } from '../clock.js';

/** What a finished session teaches: verdicts per reason, the weakest reason and its answers, the best answer, follow-ups, times, the full report and a drill. */
export function SessionSummaryView({ summary, onDrill, drilling }: { summary: SessionSummary; onDrill: () => void; drilling: boolean }): VNode {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { weakest, best, drill } = summary;
  const report = `/api/sessions/${summary.sessionId}/report`;
  return html`<article class="summary" aria-labelledby="summary-title">
    <h3 id="summary-title" tabindex="-1" ref=${heading}>${summary.mode === 'drill' ? 'Drill' : 'Mock interview'} #${summary.sessionId} finished: ${summary.answered} of ${summary.planned} questions answered in ${clock(Math.round(summary.seconds))}</h3>
    <table class="summary-verdicts">
      <caption>Verdict per reason across the session</caption>
      <thead><tr><th scope="col">Reason</th><th scope="col">Passed</th></tr></thead>
      <tbody>
        ${REASONS.map((reason) => {
          const { passed, judged } = summary.totals[reason];
          return html`<tr key=${reason}><th scope="row">${REASON_LABELS[reason]}</th><td>${judged === 0 ? 'not judged' : `${passed} of ${judged}`}</td></tr>`;
        })}
      </tbody>
    </table>
    ${weakest && weakest.misses.length > 0
      ? html`<section class="main-reason">
          <h4>Weakest: ${REASON_LABELS[weakest.reason]}, passed in ${weakest.passed} of ${weakest.judged}</h4>
          <p>The answers that show it:</p>
          <ul class="summary-answers">
            ${weakest.misses.map((miss) => html`<li key=${miss.position}><strong>${miss.position + 1}. ${miss.question}</strong><blockquote>${miss.answer}</blockquote><p>${miss.why}</p></li>`)}
          </ul>
        </section>`
      : weakest
        ? html`<p class="session-done">Every reason passed wherever it applied.</p>`
        : null}
    ${drill
      ? html`<div class="actions"><button type="button" class="primary" onClick=${onDrill} disabled=${drilling}>${drilling ? 'Starting…' : `Drill ${REASON_LABELS[drill.reason]}: ${drill.count} ${QUESTION_TYPE_LABELS[drill.only]} questions`}</button></div>`
      : null}
    ${best
      ? html`<section><h4>Best answer (${best.score} of 100)</h4><p><strong>${best.position + 1}. ${best.question}</strong></p><blockquote>${best.answer}</blockquote>${best.why ? html`<p>${best.why}</p>` : null}</section>`
      : null}
    ${summary.followUps.length > 0
      ? html`<section><h4>Follow-ups the interviewer asked</h4><ul>${summary.followUps.map((f, i) => html`<li key=${i}>${f.followUp} <span class="hint">(after question ${f.position + 1})</span></li>`)}</ul></section>`
      : null}
    <section>
      <h4>Time per answer</h4>
      <ul class="summary-times">${summary.times.map((t) => html`<li key=${t.position}><span class="time">${clock(Math.round(t.seconds))}</span> ${t.position + 1}. ${t.question}</li>`)}</ul>
    </section>
    <p>The full report, every answer marked: <a href=${`${report}?format=html`} download>download as HTML</a> · <a href=${`${report}?format=md`} download>download as Markdown</a></p>
  </article>`;
}
