import { html } from 'htm/preact';
import { Fragment, type VNode } from 'preact';
import { memo } from 'preact/compat';
import { REASONS, STAR_LABELS } from '../../core/types.js';
import type { Balance, Finding, Reason, Report, Verdict } from '../../core/types.js';
import type { AnswerDelivery } from '../../delivery/index.js';
import { classesFor, layoutHighlights } from '../highlights.js';
import { DeliveryPanel } from './delivery-panel.js';
import type { Mark, SentenceRun } from '../highlights.js';
import { QUESTION_TYPE_LABELS, REASON_LABELS, STAR_NAMES, VERDICT_LABELS } from '../labels.js';

/**
 * The four gauges: verdict in words and symbol, score as a meter, and the one-line summary. With
 * `applicableOnly`, reasons that do not apply to the question are left out, for long lists of answers.
 */
export function Gauges({ report, applicableOnly = false }: { report: Report; applicableOnly?: boolean }): VNode {
  const shown = applicableOnly ? REASONS.filter((reason) => report.reasons[reason].verdict !== 'n/a') : REASONS;
  return html`<ul class="gauges" aria-label="Verdicts on the four reasons">
    ${shown.map((reason) => {
      const result = report.reasons[reason];
      const verdict = VERDICT_LABELS[result.verdict];
      const score = result.score ?? 0;
      return html`<li class=${`gauge verdict-${result.verdict === 'n/a' ? 'na' : result.verdict}`} data-reason=${reason} key=${reason}>
        <div class="gauge-head">
          <span class="gauge-name">${REASON_LABELS[reason]}</span>
          <span class="gauge-verdict"><span aria-hidden="true">${verdict.symbol} </span>${verdict.text}${result.uncertain ? html` <span class="gauge-uncertain" title="Starl is not sure of this verdict: the answer sits near the line">(uncertain)</span>` : ''}</span>
        </div>
        ${result.score === null
          ? html`<div class="gauge-track gauge-off" aria-hidden="true"></div>`
          : html`<div class="gauge-track" role="meter" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(score)} aria-label=${`${REASON_LABELS[reason]} score`}>
              <div class="gauge-fill" style=${{ width: `${Math.max(0, Math.min(100, score))}%` }}></div>
              <div class="gauge-line" aria-hidden="true"></div>
            </div>`}
        <p class="gauge-summary">${result.summary}</p>
      </li>`;
    })}
  </ul>`;
}

/** The verdict of each reason that applies, as a chip with its symbol, for one line of a list of answers. */
export function VerdictChips({ verdicts }: { verdicts: Record<Reason, Verdict> }): VNode {
  return html`<span class="judged-verdicts">
    ${REASONS.filter((reason) => verdicts[reason] !== 'n/a').map(
      (reason) => html`<span class=${`verdict-chip verdict-${verdicts[reason]}`} key=${reason}>${VERDICT_LABELS[verdicts[reason]].symbol} ${REASON_LABELS[reason]}</span>`,
    )}
  </span>`;
}

/** The STAR(L) balance bar: each part's share of the words, with the limit for situation plus task. */
export function BalanceBar({ balance }: { balance: Balance }): VNode {
  const percent = (share: number): number => Math.round(share * 100);
  return html`<figure class="balance">
    <figcaption>
      STAR(L) balance: situation and task take ${percent(balance.situationTaskShare)}% of ${balance.words} words
      (at most ${percent(balance.maxSituationTaskShare)}%)${balance.ok ? ' ✓' : ' ✗ too much set-up'}
    </figcaption>
    <div class="balance-bar" role="img" aria-label=${STAR_LABELS.map((l) => `${STAR_NAMES[l]} ${percent(balance.shares[l])}%`).join(', ')}>
      ${STAR_LABELS.filter((label) => balance.shares[label] > 0).map(
        (label) => html`<div class=${`balance-part star-${label}`} style=${{ flexGrow: balance.shares[label] }} key=${label} title=${`${STAR_NAMES[label]}: ${percent(balance.shares[label])}%`}>
          <span>${label} ${percent(balance.shares[label])}%</span>
        </div>`,
      )}
      <div class="balance-limit" style=${{ left: `${percent(balance.maxSituationTaskShare)}%` }} aria-hidden="true"></div>
    </div>
  </figure>`;
}

function markTitle(marks: readonly Mark[]): string {
  return marks
    .map((m) => (m.kind === 'finding' ? `${m.severity}: ${m.finding.message}` : `strength (${REASON_LABELS[m.strength.reason]}): ${m.strength.kind}`))
    .join('\n');
}

function SentenceView({ sentence }: { sentence: SentenceRun }): VNode {
  const insertionsAt = (at: number) =>
    sentence.insertions
      .filter((i) => i.at === at)
      .map((i) => html`<span class="mark-insertion" title=${i.finding.message} role="note" aria-label=${`Missing here: ${i.finding.message}`}>‸</span>`);
  return html`<span class=${sentence.star ? `sentence star-${sentence.star}` : 'sentence'} data-star=${sentence.star}>
    ${sentence.star ? html`<span class="star-tag" title=${STAR_NAMES[sentence.star]}>${sentence.star}</span>` : null}
    ${sentence.segments.map(
      (seg) => html`${insertionsAt(seg.start)}${seg.marks.length > 0
        ? html`<mark class=${classesFor(seg.marks)} title=${markTitle(seg.marks)}>${seg.text}</mark>`
        : seg.text}`,
    )}${insertionsAt(sentence.end)}
  </span>`;
}

/** What a sentence shows, wherever it stands in the answer: two sentences with the same look alike. */
const looks = new WeakMap<SentenceRun, string>();
function lookOf(sentence: SentenceRun): string {
  let look = looks.get(sentence);
  if (look === undefined) {
    const missing = (at: number): string => sentence.insertions.filter((i) => i.at === at).map((i) => i.finding.message).join('\u0002');
    const parts = sentence.segments.map((seg) => `${missing(seg.start)}\u0001${seg.text}\u0001${classesFor(seg.marks)}\u0001${markTitle(seg.marks)}`);
    look = `${sentence.star ?? ''}\u0000${parts.join('\u0000')}\u0000${missing(sentence.end)}`;
    looks.set(sentence, look);
  }
  return look;
}

/** A sentence is drawn again only when it looks different, so a new report redraws only what changed. */
const Sentence = memo(SentenceView, (before, after) => lookOf(before.sentence) === lookOf(after.sentence));

/**
 * The answer with its evidence marked: findings underlined by severity, strengths filled, sentences
 * tagged S/T/A/R/L/O. Sentences are keyed by their text, not their position, so typing in one
 * sentence leaves the others' elements alone even as their offsets move.
 */
function EvidenceView({ answer, report }: { answer: string; report: Report }): VNode {
  const seen = new Map<string, number>();
  const keyOf = (kind: string, text: string): string => {
    const count = (seen.get(kind + text) ?? 0) + 1;
    seen.set(kind + text, count);
    return `${kind}${count}:${text}`;
  };
  return html`<div class="evidence" aria-label="The answer with its evidence marked">
    ${layoutHighlights(answer, report).map((run) =>
      run.type === 'gap'
        ? html`<${Fragment} key=${keyOf('gap', run.text)}>${run.text}</${Fragment}>`
        : html`<${Sentence} sentence=${run.sentence} key=${keyOf('sentence', answer.slice(run.sentence.start, run.sentence.end))} />`,
    )}
  </div>`;
}

/** The evidence, laid out again only for a new answer or report (not when the page redraws around it). */
export const Evidence = memo(EvidenceView);

/** A legend for the highlight styles, which differ by underline and fill, not only colour. */
export function Legend(): VNode {
  return html`<ul class="legend" aria-label="Highlight styles">
    <li><mark class="mark-error">wavy underline</mark> a problem</li>
    <li><mark class="mark-warning">dashed underline</mark> a warning</li>
    <li><mark class="mark-info">dotted underline</mark> a hint</li>
    <li><mark class="mark-strength">solid fill</mark> a strength</li>
    <li><span class="mark-insertion">‸</span> something missing</li>
  </ul>`;
}

/** The findings as a list: what is wrong, the words in question, and what to do. */
export function FindingList({ findings, onShow }: { findings: readonly Finding[]; onShow?: (finding: Finding) => void }): VNode {
  if (findings.length === 0) return html`<p class="findings-none">No findings.</p>`;
  return html`<ol class="findings">
    ${findings.map(
      (finding) => html`<li class=${`finding severity-${finding.severity}`} key=${finding.fingerprint}>
        <span class="finding-severity">${finding.severity}</span>
        <span class="finding-message">${finding.message}</span>
        ${finding.actual ? html` <q class="finding-actual">${finding.actual}</q>` : null}
        ${finding.suggestions.map((s) => html`<div class="finding-suggestion">${s.text}</div>`)}
        ${onShow ? html`<button type="button" class="link" onClick=${() => onShow(finding)}>Show in answer</button>` : null}
      </li>`,
    )}
  </ol>`;
}

/**
 * The whole report: question type, gauges, how a recorded answer was delivered (when `delivery` is
 * given), balance, evidence, findings and the likely follow-up.
 */
function ReportViewOf({ answer, report, delivery, onShow }: { answer: string; report: Report; delivery?: AnswerDelivery | null; onShow?: (finding: Finding) => void }): VNode {
  return html`<div class="report">
    <p class="question-type">Question type: <strong>${QUESTION_TYPE_LABELS[report.questionType]}</strong> · ${report.words} words</p>
    <${Gauges} report=${report} />
    ${delivery ? html`<${DeliveryPanel} delivery=${delivery} report=${report} />` : null}
    ${report.balance ? html`<${BalanceBar} balance=${report.balance} />` : null}
    <h3>Evidence</h3>
    <${Legend} />
    <${Evidence} answer=${answer} report=${report} />
    <h3>Findings</h3>
    <${FindingList} findings=${report.findings} onShow=${onShow} />
    ${report.followUp ? html`<h3>The interviewer might ask next</h3><p class="follow-up">${report.followUp}</p>` : null}
    ${report.context && report.context.couldUse.length > 0
      ? html`<h3>From the company text, you could use</h3><p class="could-use">${report.context.couldUse.join(' · ')}</p>`
      : null}
  </div>`;
}

/**
 * The report, drawn again only when its answer, report or delivery changes: while the candidate types,
 * the page redraws on every key, and the last report stays as it is until the next arrives. `onShow`
 * may be a new function each time; the one it replaces does the same.
 */
export const ReportView = memo(ReportViewOf, (before, after) => before.answer === after.answer && before.report === after.report && before.delivery === after.delivery);
