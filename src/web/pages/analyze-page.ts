import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../core/types.js';
import type { Company } from '../../storage/records.js';
import { getJson, messageOf } from '../api.js';
import { RecorderPanel } from '../components/recorder-panel.js';
import { ReportView } from '../components/report-view.js';
import { appendHeard } from '../recording/transcriber.js';
import { useRecordingDraft } from '../recording/use-recording-draft.js';
import { ANALYZE_DRAFT, EMPTY_ANALYZE, mayReplace, useDraft } from '../draft.js';
import { download, exportReportHtml } from '../export-html.js';
import { useAnalysis } from '../use-analysis.js';
import { deliveryNote, useDelivery } from '../use-delivery.js';
import { fetchJudging, type Judging } from '../use-judging-context.js';

const EXAMPLE = {
  question: 'Tell me about a time you solved a difficult problem at work.',
  answer:
    'At my last job we had a warehouse scanner system that kept dropping orders. My task was to find out why before the holiday rush. ' +
    'I logged every failed scan for a week and found that the Wi-Fi dropped near the cold-storage doors. ' +
    'I moved two access points and wrote a retry queue for the scanners. ' +
    'As a result, lost orders fell from 40 a day to none, and the holiday rush went smoothly. ' +
    'I learned to measure before guessing.',
};

/** The Analyze page: any question and answer, judged live in the page while the candidate types. */
export function AnalyzePage(): VNode {
  // Kept in the browser as it is typed, so a page switch, Back or a reload loses nothing.
  const [draft, setDraft, clearDraft] = useDraft(ANALYZE_DRAFT, EMPTY_ANALYZE);
  const { question, answer, companyName, context } = draft;
  const setQuestion = (value: string) => setDraft({ question: value });
  const setAnswer = (value: string) => setDraft({ answer: value });
  const setCompanyName = (value: string) => setDraft({ companyName: value });
  const setContext = (value: string) => setDraft({ context: value });
  const [companies, setCompanies] = useState<Company[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const answerBox = useRef<HTMLTextAreaElement>(null);
  // A recording made here stays in this browser, as the typed draft does: Analyze saves nothing.
  const recording = useRecordingDraft(ANALYZE_DRAFT);
  const typed = useRef(answer);
  typed.current = answer;
  const hear = (text: string): void => {
    typed.current = appendHeard(typed.current, text);
    setAnswer(typed.current);
  };
  const clearAll = (): void => {
    clearDraft();
    recording.forget();
  };
  useEffect(() => {
    // The page works without the server too (an exported copy, say); saved companies are a bonus.
    getJson<Company[]>('/api/companies').then(setCompanies, () => setCompanies([]));
  }, []);
  // A saved company brings its aliases and competitors too, so the verdict here is the one saved elsewhere.
  const [savedCompany, setSavedCompany] = useState<Judging['company']>(null);
  const fillFromCompany = async (id: string | number): Promise<void> => {
    if (!id) return;
    try {
      const judgeWith = await fetchJudging(Number(id));
      setCompanyName(judgeWith.company?.name ?? '');
      setSavedCompany(judgeWith.company ?? null);
      setContext(judgeWith.context ?? '');
      setLoadError(null);
    } catch (caught) {
      setLoadError(messageOf(caught));
    }
  };
  useEffect(() => {
    // An answer opened from Progress is judged with its practice session's company, as it was saved; once.
    if (!draft.fromSession) return;
    getJson<{ session: { companyId: number | null } }>(`/api/sessions/${draft.fromSession}`).then(
      ({ session }) => (session.companyId === null ? undefined : fillFromCompany(session.companyId)),
      () => undefined,
    );
    setDraft({ fromSession: '' });
  }, []);
  const name = companyName.trim();
  const company = name ? (savedCompany?.name === name ? savedCompany : { name }) : null;
  const analysis = useAnalysis({ question, answer, context: context.trim() || null, company });
  // The recording's delivery, measured with the answer's text and shown beside the four reasons.
  const delivery = useDelivery(recording.audio, answer, analysis.state === 'report' ? analysis.report : null);
  const measuring = deliveryNote(delivery);

  const showInAnswer = (finding: Finding): void => {
    const box = answerBox.current;
    if (!box) return;
    box.focus();
    box.setSelectionRange(finding.span.start, finding.span.end);
  };
  const exportHtml = (): void => {
    if (analysis.state !== 'report') return;
    download('starl-report.html', exportReportHtml({ question, answer: analysis.answer, report: analysis.report }), 'text/html');
  };

  return html`<section class="page analyze" aria-labelledby="analyze-title">
    <h2 id="analyze-title">Analyze an answer</h2>
    <p class="hint">Type or paste a question and your answer, or say it out loud; the report updates as you go. Nothing leaves this computer: a recording made here stays in this browser, and Practice keeps recordings with your saved answers.</p>
    <div class="columns">
      <form class="draft" onSubmit=${(e: Event) => e.preventDefault()}>
        <label for="question">Question</label>
        <input id="question" name="question" type="text" autocomplete="off" value=${question} onInput=${(e: Event) => setQuestion((e.target as HTMLInputElement).value)} />
        <label for="answer">Your answer</label>
        <textarea id="answer" name="answer" rows="12" ref=${answerBox} value=${answer} onInput=${(e: Event) => setAnswer((e.target as HTMLTextAreaElement).value)}></textarea>
        <${RecorderPanel} audio=${recording.audio} onRecorded=${recording.keep} onDelete=${recording.forget} onHeard=${hear} />
        <details>
          <summary>Company (optional)</summary>
          ${companies.length > 0
            ? html`<label for="saved-company">Fill from a saved company</label>
                <select id="saved-company" onChange=${(e: Event) => void fillFromCompany((e.target as HTMLSelectElement).value)}>
                  <option value="">Choose…</option>
                  ${companies.map((c) => html`<option value=${String(c.id)} key=${c.id}>${c.name}</option>`)}
                </select>`
            : null}
          ${loadError ? html`<p class="error" role="alert">${loadError}</p>` : null}
          <label for="company-name">Company name</label>
          <input id="company-name" name="company-name" type="text" autocomplete="organization" value=${companyName} onInput=${(e: Event) => setCompanyName((e.target as HTMLInputElement).value)} />
          <label for="context">Job posting or company text</label>
          <textarea id="context" name="context" rows="5" value=${context} onInput=${(e: Event) => setContext((e.target as HTMLTextAreaElement).value)}></textarea>
        </details>
        <div class="actions">
          <button type="button" onClick=${() => mayReplace(draft, EXAMPLE) && setDraft(EXAMPLE)}>Try an example</button>
          <button type="button" onClick=${clearAll} disabled=${!question && !answer && !companyName && !context && !recording.audio}>Clear</button>
          <button type="button" onClick=${exportHtml} disabled=${analysis.state !== 'report'}>Export as HTML</button>
        </div>
      </form>
      <div class="result" aria-live="polite">
        ${analysis.state === 'empty' ? html`<p class="placeholder">The report appears here once there is a question and an answer.</p>` : null}
        ${analysis.state === 'error' ? html`<p class="error" role="alert">${analysis.message}</p>` : null}
        ${measuring ? html`<p class="hint delivery-note">${measuring}</p>` : null}
        ${analysis.state === 'report' ? html`<${ReportView} answer=${analysis.answer} report=${analysis.report} delivery=${delivery.state === 'ready' ? delivery.delivery : null} onShow=${showInAnswer} />` : null}
      </div>
    </div>
  </section>`;
}
