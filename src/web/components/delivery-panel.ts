import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Balance, QuestionType } from '../../core/types.js';
import { deliveryAdvice, type AnswerDelivery } from '../../delivery/index.js';
import { deliveryRows, starPartSeconds } from '../delivery-view.js';
import { STAR_NAMES } from '../labels.js';

/**
 * How a recorded answer was delivered, shown beside the four reasons: pace, length, pauses, silence,
 * syllables and fillers against the ranges interviewers expect, the seconds spent in each STAR(L)
 * part of a story, and what to change. `report` is the analyzer's report of the answer, when there is
 * one: it says whether the answer is a story and how much set-up the guide allows.
 */
export function DeliveryPanel({ delivery, report }: { delivery: AnswerDelivery; report?: { questionType: QuestionType; balance: Balance | null } | null }): VNode {
  const { measures, starParts } = delivery;
  if (measures.speech === null) {
    return html`<section class="delivery" aria-label="Delivery"><h3>Delivery</h3><p class="hint">No speech was heard in the recording, so there is nothing to measure.</p></section>`;
  }
  const advice = deliveryAdvice(measures, { report: report ?? null, starParts });
  const rows = deliveryRows(measures, advice, report?.questionType ?? null);
  const parts = starParts ? starPartSeconds(starParts) : [];
  return html`<section class="delivery" aria-label="Delivery">
    <h3>Delivery</h3>
    <table class="delivery-table">
      <thead><tr><th scope="col">Measure</th><th scope="col">Yours</th><th scope="col">Interviewers expect</th></tr></thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr key=${row.id} data-measure=${row.id} class=${row.ok === false ? 'out-of-range' : ''}>
            <th scope="row">${row.label}</th>
            <td>${row.value}</td>
            <td>${row.expected === null ? '–' : html`${row.expected}${row.ok === null ? '' : row.ok ? ' ✓ in range' : ' ✗ out of range'}`}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${parts.length > 0
      ? html`<figure class="balance star-time">
          <figcaption>Time per STAR(L) part: ${parts.map((part) => `${STAR_NAMES[part.label]} ${part.seconds} s`).join(' · ')}</figcaption>
          <div class="balance-bar" role="img" aria-label=${parts.map((part) => `${STAR_NAMES[part.label]} ${part.seconds} seconds`).join(', ')}>
            ${parts.map(
              (part) => html`<div class=${`balance-part star-${part.label}`} style=${{ flexGrow: part.share }} key=${part.label} title=${`${STAR_NAMES[part.label]}: ${part.seconds} s`}>
                <span>${part.label} ${part.seconds} s</span>
              </div>`,
            )}
          </div>
        </figure>`
      : null}
    ${advice.length > 0
      ? html`<ol class="findings delivery-advice" aria-label="What to change in your delivery">
          ${advice.map(
            (finding) => html`<li class=${`finding severity-${finding.severity}`} key=${finding.id}>
              <span class="finding-severity">${finding.severity}</span>
              <span class="finding-message">${finding.message}</span>
              ${finding.suggestions.map((suggestion) => html`<div class="finding-suggestion" key=${suggestion.id}>${suggestion.text}</div>`)}
            </li>`,
          )}
        </ol>`
      : html`<p class="delivery-fine">Your delivery is within what interviewers expect.</p>`}
  </section>`;
}
