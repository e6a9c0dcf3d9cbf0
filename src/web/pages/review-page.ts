import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { StarlError } from '../../core/errors.js';
import { REASONS } from '../../core/types.js';
import { renderReviewHtml } from '../../review/render-html.js';
import { FORMAT_LABELS, REASON_LABELS as REASON_MEANINGS, percent, where } from '../../review/labels.js';
import type { Review, ReviewedPair } from '../../review/types.js';
import type { Company } from '../../storage/records.js';
import { decodeTranscript } from '../../transcripts/index.js';
import { getJson, messageOf, sendJson } from '../api.js';
import { Evidence, FindingList, Gauges } from '../components/report-view.js';
import { download } from '../export-html.js';
import { REASON_LABELS } from '../labels.js';

type ReviewResult = Review & { saved: number };

/** The Review page: upload a transcript and see it judged pair by pair, the main reason on top. */
export function ReviewPage(): VNode {
  const [file, setFile] = useState<File | null>(null);
  const [candidate, setCandidate] = useState('');
  const [save, setSave] = useState(true);
  const [company, setCompany] = useState('');
  const [companies, setCompanies] = useState<Company[]>([]);
  useEffect(() => {
    getJson<Company[]>('/api/companies').then(setCompanies, (caught: unknown) => setError(messageOf(caught)));
  }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [review, setReview] = useState<ReviewResult | null>(null);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!file) return setError('Choose a transcript file first.');
    setBusy(true);
    setError(null);
    try {
      // Decoding here reads UTF-16 and byte-order marks the same way the command line does.
      const { text } = decodeTranscript(new Uint8Array(await file.arrayBuffer()), file.name);
      setReview(await sendJson<ReviewResult>('/api/reviews', { fileName: file.name, text, save, ...(candidate.trim() ? { candidate: candidate.trim() } : {}), ...(company ? { company } : {}) }));
    } catch (caught) {
      setReview(null);
      setError(caught instanceof StarlError ? caught.describe() : messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return html`<section class="page review" aria-labelledby="review-title">
    <h2 id="review-title">Review an interview</h2>
    <p class="hint">Upload a transcript (Zoom, Teams, Google Meet, Otter, SubRip, WebVTT or your own notes) to see which reason most likely cost you.</p>
    <form class="upload" onSubmit=${submit}>
      <label for="transcript">Transcript file</label>
      <input id="transcript" name="transcript" type="file" accept=".vtt,.srt,.txt,.md,text/plain,text/vtt" onChange=${(e: Event) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
      <label for="candidate">Your name in the transcript (optional)</label>
      <input id="candidate" name="candidate" type="text" autocomplete="name" value=${candidate} onInput=${(e: Event) => setCandidate((e.target as HTMLInputElement).value)} />
      <label for="review-company">Company (its posting and facts judge the specific reason)</label>
      <select id="review-company" value=${company} onChange=${(e: Event) => setCompany((e.target as HTMLSelectElement).value)}>
        <option value="">None</option>
        ${companies.map((c) => html`<option value=${c.name} key=${c.id}>${c.name}</option>`)}
      </select>
      <label class="check"><input type="checkbox" checked=${save} onChange=${(e: Event) => setSave((e.target as HTMLInputElement).checked)} /> Save the judged answers for Progress</label>
      <div class="actions"><button type="submit" class="primary" disabled=${busy}>${busy ? 'Reviewing…' : 'Review'}</button></div>
    </form>
    <div aria-live="polite">
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      ${review ? html`<${ReviewResultView} review=${review} />` : null}
    </div>
  </section>`;
}

function ReviewResultView({ review }: { review: ReviewResult }): VNode {
  const main = review.mainReason;
  return html`<div class="review-result">
    <div class=${`main-reason${main ? '' : ' main-reason-none'}`}>
      <h3>${main ? html`Main reason: ${REASON_LABELS[main]}` : 'No reason stands out'}</h3>
      <p>${main ? `Most likely cost: ${REASON_MEANINGS[main].meaning}.` : 'No reason was missed more often than the others.'}</p>
    </div>
    <div class="actions">
      <button type="button" onClick=${() => download('starl-review.html', renderReviewHtml(review), 'text/html')}>Export as HTML</button>
    </div>
    <p class="review-meta">
      ${FORMAT_LABELS[review.format]} · candidate <strong class="speaker">${review.candidate}</strong>
      ${review.interviewers.length > 0 ? html` · interviewers ${review.interviewers.map((name, i) => html`${i > 0 ? ', ' : ''}<span class="speaker">${name}</span>`)}` : null}
      ${review.saved > 0 ? ` · ${review.saved} answers saved for Progress` : ''}
    </p>
    <table class="tallies">
      <caption>Misses per reason, over the answers where it applies</caption>
      <thead><tr><th scope="col">Reason</th><th scope="col">Missed</th><th scope="col">Share</th></tr></thead>
      <tbody>
        ${REASONS.map((reason) => {
          const tally = review.tallies[reason];
          return html`<tr key=${reason} class=${reason === main ? 'is-main' : ''}>
            <th scope="row">${REASON_LABELS[reason]}${reason === main ? ' ★' : ''}</th>
            <td>${tally.misses} of ${tally.applicable}</td>
            <td>${tally.applicable > 0 ? percent(tally.misses / tally.applicable) : '–'}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    <p class="delivery">
      You spoke ${percent(review.delivery.talkTimeShare)} of the ${review.delivery.talkTimeBasis === 'time' ? 'time' : 'words'}
      ${review.delivery.wordsPerMinute !== null ? `, at ${Math.round(review.delivery.wordsPerMinute)} words a minute` : ''}
      ${review.delivery.fillerRateReliable ? `, with ${review.delivery.fillersPer100Words.toFixed(1)} fillers per 100 words` : ''}.
    </p>
    <h3>Question by question</h3>
    <ol class="pairs">${review.pairs.map((pair, index) => html`<${PairView} pair=${pair} key=${index} />`)}</ol>
  </div>`;
}

function PairView({ pair }: { pair: ReviewedPair }): VNode {
  return html`<li class="pair">
    <h4><span class="pair-where">${where(pair.start, pair.line)}</span> ${pair.question}</h4>
    ${pair.problem ? html`<p class="error">${pair.problem.message}</p>` : null}
    ${pair.report
      ? html`<${Gauges} report=${pair.report} applicableOnly=${true} />
          <${Evidence} answer=${pair.answer} report=${pair.report} />
          <details><summary>Findings (${pair.report.findings.length})</summary><${FindingList} findings=${pair.report.findings} /></details>
          ${pair.followUp ? html`<p class="follow-up">Likely follow-up: ${pair.followUp}</p>` : null}`
      : html`<p class="evidence">${pair.answer}</p>`}
  </li>`;
}
