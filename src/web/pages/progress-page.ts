import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import { REASONS } from '../../core/types.js';
import type { Reason } from '../../core/types.js';
import type { DeliveryPoint } from '../../progress/delivery-series.js';
import type { ProgressSeries } from '../../progress/series.js';
import type { JudgedAnswer } from '../../storage/records.js';
import { sendJson } from '../api.js';
import { submitOnCtrlEnter } from '../keys.js';
import { useDelete, useWrite } from '../write.js';
import { useLoad } from '../use-load.js';
import { DeliveryChart } from '../components/delivery-chart.js';
import { CoachComments, useMyComments } from '../components/comments.js';
import { ProgressChart } from '../components/progress-chart.js';
import { VerdictChips } from '../components/report-view.js';
import { DELIVERY_CHARTS } from '../chart-data.js';
import { openInAnalyze, useDraft } from '../draft.js';
import { REASON_LABELS } from '../labels.js';

interface Progress {
  judged: JudgedAnswer[];
  series: ProgressSeries;
  weakest: { reason: Reason; passed: number; judged: number; misses: { origin: string; id: number }[] } | null;
  delivery: DeliveryPoint[];
}

/** The Progress page: pass share per reason over time, the weakest reason now, and the answers behind each point. */
export function ProgressPage(): VNode {
  const load = useLoad<Progress>('/api/progress');
  const progress = load.data;
  const error = load.error;
  const [day, setDay] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const pickDay = useCallback((picked: string) => setDay(picked), []);
  const deleting = useDelete();
  const comments = useMyComments();
  const removeAnswer = (answer: JudgedAnswer) =>
    deleting.remove(`Delete your answer to "${answer.question}"? A follow-up to it goes too.`, `/api/sessions/${answer.sessionId}/answers/${answer.id}`, load.reload);

  if (error && !progress) return html`<section class="page"><h2>Progress</h2><p class="error" role="alert">${error}</p></section>`;
  if (!progress) return html`<section class="page"><h2>Progress</h2><p class="placeholder">Loading…</p></section>`;
  if (progress.judged.length === 0) {
    return html`<section class="page"><h2>Progress</h2><p class="placeholder">Nothing judged yet. Practise, or review a transcript with “Save for Progress” ticked.</p></section>`;
  }
  const shown = day ? progress.judged.filter((answer) => answer.at.startsWith(day)) : progress.judged;
  const weakest = progress.weakest;
  return html`<section class="page progress" aria-labelledby="progress-title">
    <h2 id="progress-title">Progress</h2>
    ${deleting.error ?? error ?? comments.error ? html`<p class="error" role="alert">${deleting.error ?? error ?? comments.error}</p>` : null}
    ${weakest
      ? html`<div class="main-reason">
          <h3>Weakest now: ${REASON_LABELS[weakest.reason]}</h3>
          <p>Passed ${weakest.passed} of your last ${weakest.judged} ${weakest.judged === 1 ? 'answer' : 'answers'} where it applies.</p>
        </div>`
      : null}
    <p class="hint">Share of answers that passed each reason, per day. Click a day to list its answers.</p>
    <${ProgressChart} series=${progress.series} onPickDay=${pickDay} />
    <${SeriesTable} series=${progress.series} onPickDay=${pickDay} />
    ${progress.delivery.length > 0 ? html`<${DeliveryProgress} points=${progress.delivery} onPickDay=${pickDay} />` : null}
    <h3>${day ? `Answers on ${day}` : 'All judged answers'}</h3>
    ${day ? html`<button type="button" class="link" onClick=${() => setDay(null)}>Show all answers</button>` : null}
    <ol class="judged">
      ${[...shown].reverse().map(
        (answer) => html`<li key=${`${answer.origin}-${answer.id}`}>
          <span class="judged-when">${answer.at.slice(0, 10)} · ${answer.origin === 'review' ? 'real interview' : 'practice'}</span>
          <span class="judged-question">${answer.question}</span>
          <${VerdictChips} verdicts=${answer.verdicts} />
          <button type="button" class="link" aria-label=${`Open in Analyze: ${answer.question}`} onClick=${() => openInAnalyze({ question: answer.question, answer: answer.answer, sessionId: answer.sessionId })}>Open in Analyze</button>
          ${answer.origin === 'practice' && answer.sessionId !== null
            ? html`<button type="button" class="link" aria-label=${`Edit the answer to: ${answer.question}`} aria-expanded=${editing === answer.id} onClick=${() => setEditing(editing === answer.id ? null : answer.id)}>Edit</button>
                <button type="button" class="link" aria-label=${`Delete the answer to: ${answer.question}`} disabled=${deleting.busy} onClick=${() => removeAnswer(answer)}>Delete</button>
                ${editing === answer.id ? html`<${AnswerEditor} answer=${answer} onSaved=${() => { setEditing(null); void load.reload(); }} />` : null}`
            : null}
          ${answer.origin === 'practice' ? html`<${CoachComments} comments=${comments.on(answer.id)} />` : null}
        </li>`,
      )}
    </ol>
  </section>`;
}

/** A practice answer's text to change; saving judges it again. The new text is a draft until saved. */
function AnswerEditor({ answer, onSaved }: { answer: JudgedAnswer; onSaved: () => void }): VNode {
  const [fields, setFields, clear] = useDraft(`progress.answer.${answer.id}`, { text: answer.answer });
  const write = useWrite();
  const id = `edit-answer-${answer.id}`;
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const body = { answer: fields.text };
    const saved = await write.run(body, () => sendJson(`/api/sessions/${answer.sessionId}/answers/${answer.id}`, body, 'PATCH'));
    if (!saved) return;
    clear();
    onSaved();
  };
  return html`<form class="answer-edit" onSubmit=${submit} aria-busy=${write.busy}>
    <label for=${id}>Your answer (judged again when saved)</label>
    <textarea id=${id} rows="5" value=${fields.text} onInput=${(e: Event) => setFields({ text: (e.target as HTMLTextAreaElement).value })} onKeyDown=${submitOnCtrlEnter}></textarea>
    ${write.error ? html`<p class="error" role="alert">${write.error}</p>` : null}
    <div class="actions"><button type="submit" class="primary" disabled=${write.busy}>${write.busy ? 'Saving…' : 'Save answer'}</button></div>
  </form>`;
}

/** The chart's numbers as a table, for screen readers and for reading exact values. */
function SeriesTable({ series, onPickDay }: { series: ProgressSeries; onPickDay: (day: string) => void }): VNode {
  const days = [...new Set(REASONS.flatMap((reason) => series[reason].map((point) => point.day)))].sort();
  return html`<details class="series-table">
    <summary>The chart as a table</summary>
    <table>
      <thead><tr><th scope="col">Day</th>${REASONS.map((reason) => html`<th scope="col">${REASON_LABELS[reason]}</th>`)}</tr></thead>
      <tbody>
        ${days.map(
          (day) => html`<tr key=${day}>
            <th scope="row"><button type="button" class="link" onClick=${() => onPickDay(day)}>${day}</button></th>
            ${REASONS.map((reason) => {
              const point = series[reason].find((p) => p.day === day);
              return html`<td>${point ? `${point.passed} of ${point.judged}` : '–'}</td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>
  </details>`;
}

/** How the recorded answers were delivered, day by day: pace, pauses and fillers, charted and as a table. */
function DeliveryProgress({ points, onPickDay }: { points: DeliveryPoint[]; onPickDay: (day: string) => void }): VNode {
  const estimated = points.reduce((sum, point) => sum + point.estimatedPaces, 0);
  return html`<section class="delivery-progress" aria-labelledby="delivery-progress-title">
    <h3 id="delivery-progress-title">Delivery of your recorded answers</h3>
    <p class="hint">
      The day's average of each recorded answer.${estimated > 0 ? ` ${estimated} ${estimated === 1 ? 'pace was' : 'paces were'} estimated from syllables, with no transcript to count words in.` : ''}
    </p>
    <div class="delivery-charts">
      ${DELIVERY_CHARTS.map((chart) => html`<${DeliveryChart} key=${chart.id} points=${points} chart=${chart} onPickDay=${onPickDay} />`)}
    </div>
    <details class="series-table">
      <summary>The delivery charts as a table</summary>
      <table>
        <thead>
          <tr><th scope="col">Day</th><th scope="col">Recorded answers</th><th scope="col">Words a minute</th><th scope="col">Pauses a minute</th><th scope="col">Longest pause</th><th scope="col">Silent</th><th scope="col">Fillers per 100 words</th></tr>
        </thead>
        <tbody>
          ${points.map(
            (point) => html`<tr key=${point.day}>
              <th scope="row"><button type="button" class="link" onClick=${() => onPickDay(point.day)}>${point.day}</button></th>
              <td>${point.answers}</td>
              <td>${point.wordsPerMinute ?? '–'}</td>
              <td>${point.pausesPerMinute}</td>
              <td>${point.longestPauseSeconds} s</td>
              <td>${Math.round(point.silentShare * 100)}%</td>
              <td>${point.fillersPer100Words ?? '–'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </section>`;
}
