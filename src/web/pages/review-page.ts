import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { StarlError } from '../../core/errors.js';
import { REASONS } from '../../core/types.js';
import { renderReviewHtml } from '../../review/render-html.js';
import { candidateLabel, fewAnswersNote, FORMAT_LABELS, identificationLine, missCount, REASON_LABELS as REASON_MEANINGS, percent, shortQuote, unsureMissesNote, where } from '../../review/labels.js';
import { MAIN_REASON_DEFINITION } from '../../review/main-reason.js';
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

  const runReview = async (asCandidate: string): Promise<void> => {
    if (!file) return setError('Choose a transcript file first.');
    setBusy(true);
    setError(null);
    try {
      // Decoding here reads UTF-16 and byte-order marks the same way the command line does.
      const { text } = decodeTranscript(new Uint8Array(await file.arrayBuffer()), file.name);
      setReview(await sendJson<ReviewResult>('/api/reviews', { fileName: file.name, text, save, ...(asCandidate.trim() ? { candidate: asCandidate.trim() } : {}), ...(company ? { company } : {}) }));
    } catch (caught) {
      setReview(null);
      setError(caught instanceof StarlError ? caught.describe() : messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: Event): Promise<void> => {
    event.preventDefault();
    return runReview(candidate);
  };
  /** Picking the candidate after a review judges the transcript again with that speaker as the candidate. */
  const pick = (speaker: string): Promise<void> => {
    setCandidate(speaker);
    return runReview(speaker);
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
      ${review ? html`<${ReviewResultView} review=${review} busy=${busy} onPick=${pick} />` : null}
    </div>
  </section>`;
}

function ReviewResultView({ review, busy, onPick }: { review: ReviewResult; busy: boolean; onPick: (speaker: string) => Promise<void> }): VNode {
  const main = review.mainReason;
  return html`<div class="review-result">
    <${CandidatePicker} key=${review.candidate} review=${review} busy=${busy} onPick=${onPick} />
    <${MainReasonView} review=${review} />
    <div class="actions">
      <button type="button" onClick=${() => download('starl-review.html', renderReviewHtml(review), 'text/html')}>Export as HTML</button>
    </div>
    <p class="review-meta">
      ${FORMAT_LABELS[review.format]} · candidate <strong class="speaker">${candidateLabel(review)}</strong>
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
            <td>${missCount(tally)}${fewAnswersNote(tally) ? html` <span class="few-answers">(${fewAnswersNote(tally)})</span>` : null}</td>
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

/**
 * Who Starl took for the candidate, how sure it is and why; a choice of speaker to review the transcript
 * again as someone else. When Starl is unsure it says so first, so the user picks before reading on.
 */
function CandidatePicker({ review, busy, onPick }: { review: ReviewResult; busy: boolean; onPick: (speaker: string) => Promise<void> }): VNode {
  const speakers = [review.candidate, ...review.interviewers];
  const [chosen, setChosen] = useState(review.candidate);
  const { identification } = review;
  const unsure = identification.confidence === 'low';
  return html`<div class=${`candidate-pick${unsure ? ' candidate-unsure' : ''}`} role=${unsure ? 'alert' : null}>
    <p>
      ${unsure ? html`<strong>Starl is not sure who you are: ${identification.unsure}.</strong> ` : null}
      Reviewed as <strong class="speaker">${candidateLabel(review)}</strong> (${identificationLine(identification, review.candidateBasis)}).
    </p>
    <label for="pick-candidate">${unsure ? 'Which speaker are you?' : 'Not you? Pick the speaker you are'}</label>
    <select id="pick-candidate" value=${chosen} onChange=${(e: Event) => setChosen((e.target as HTMLSelectElement).value)}>
      ${speakers.map((speaker) => html`<option value=${speaker} key=${speaker}>${speaker}</option>`)}
    </select>
    <button type="button" disabled=${busy || chosen === review.candidate} onClick=${() => onPick(chosen)}>Review again as this speaker</button>
  </div>`;
}

/** The main reason with its count, the runner-up, how it is chosen, the moments and the drill. */
function MainReasonView({ review }: { review: ReviewResult }): VNode {
  const main = review.mainReason;
  if (main === null) {
    return html`<div class="main-reason main-reason-none"><h3>No reason stands out</h3><p>No answer missed any of the four reasons.</p><p class="definition">How the main reason is chosen: ${MAIN_REASON_DEFINITION}.</p></div>`;
  }
  const tally = review.tallies[main];
  const unsure = unsureMissesNote(review, main);
  const runnerUp = review.runnerUp;
  return html`<div class="main-reason">
    <h3>Main reason: ${REASON_LABELS[main]}</h3>
    <p>Most likely cost: ${REASON_MEANINGS[main].meaning}.</p>
    <p class="main-count">${REASON_MEANINGS[main].name}: ${missCount(tally)}${fewAnswersNote(tally) ? html`; <strong>${fewAnswersNote(tally)}</strong>, so take it as a hint, not yet a pattern` : null}.</p>
    ${unsure ? html`<p class="unsure-misses">${unsure}.</p>` : null}
    <p class="runner-up">Runner-up: ${runnerUp ? `${REASON_MEANINGS[runnerUp].name}: ${missCount(review.tallies[runnerUp])}${fewAnswersNote(review.tallies[runnerUp]) ? ` (${fewAnswersNote(review.tallies[runnerUp])})` : ''}` : 'none; no other reason missed'}.</p>
    <p class="definition">How it is chosen: ${MAIN_REASON_DEFINITION}.</p>
    ${review.worstMoments[main].length > 0
      ? html`<ul class="moments">${review.worstMoments[main].map((moment) => html`<li key=${moment.pair}><span class="pair-where">${where(moment.time, moment.line)}</span> “${shortQuote(moment.quote)}” ${moment.message}</li>`)}</ul>`
      : null}
    ${review.practice ? html`<p class="practice">Practise next: <code>${review.practice.command}</code></p>` : null}
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
