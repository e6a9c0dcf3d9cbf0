import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { QUESTION_TYPES } from '../../core/types.js';
import type { QuestionType } from '../../core/types.js';
import type { SessionSummary } from '../../report/summary.js';
import type { Company, RecordingInfo, StoredAnswer } from '../../storage/records.js';
import { ApiError, getJson, messageOf, sendJson } from '../api.js';
import { QuestionRound } from '../components/question-round.js';
import type { PlannedSession } from '../components/question-round.js';
import { SessionSummaryView } from '../components/session-summary.js';
import { clearDraft, readDraft, useDraft, writeDraft } from '../draft.js';
import { QUESTION_TYPE_LABELS } from '../labels.js';
import { useLoad } from '../use-load.js';
import { useDelete, useWrite } from '../write.js';

/** Where the candidate is in a session, kept in the browser so a reload returns to the same question. */
const CURRENT = 'practice.current';

interface Current {
  session: PlannedSession;
  position: number;
  /** The answers already saved for this question, shown again after a reload. */
  answers: StoredAnswer[];
  /** Their recordings, without the audio. */
  recordings: RecordingInfo[];
}

/** What a new session asks the API for, from the start form's fields. */
function sessionRequest(fields: { role: string; company: string; only: string; count: string }): Record<string, unknown> {
  return {
    ...(fields.role.trim() ? { role: fields.role.trim() } : {}),
    ...(fields.company.trim() ? { company: fields.company.trim() } : {}),
    ...(fields.only ? { only: fields.only } : {}),
    ...(fields.count ? { count: Number(fields.count) } : {}),
  };
}

/** The Practice page: a mock interview in the browser, judged live while typing and saved on submit. */
export function PracticePage(): VNode {
  const [current, setCurrent] = useState<Current | null>(null);
  const [summary, setSummary] = useState<SessionSummary | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [restoring, setRestoring] = useState(() => readDraft(CURRENT, { sessionId: '', position: '' }).sessionId !== '');
  const sessions = useLoad<PlannedSession[]>('/api/sessions');
  const finish = useWrite();
  const drill = useWrite();
  const deleting = useDelete();
  const [error, setError] = useState<string | null>(null);

  const open = async (sessionId: number, position?: number): Promise<void> => {
    const detail = await getJson<{ session: PlannedSession; answers: StoredAnswer[]; recordings: RecordingInfo[] }>(`/api/sessions/${sessionId}`);
    if (detail.session.status !== 'active') return show(null);
    const answered = new Set(detail.answers.filter((a) => a.followUpOf === null).map((a) => a.position));
    const firstOpen = detail.session.questions.findIndex((q) => !answered.has(q.position));
    // With every question answered but the session not closed, reopen the last one so it can be finished.
    const at = position ?? (firstOpen === -1 ? detail.session.questions.length - 1 : firstOpen);
    const answers = detail.answers.filter((a) => a.position === at);
    show({ session: detail.session, position: at, answers, recordings: detail.recordings.filter((r) => answers.some((a) => a.id === r.answerId)) });
  };
  const show = (next: Current | null): void => {
    setCurrent(next);
    setError(null);
    if (next) {
      setSummary(null);
      writeDraft(CURRENT, { sessionId: String(next.session.id), position: String(next.position) });
    } else {
      clearDraft(CURRENT);
    }
  };

  // A reload (or a return from another page) goes back to the question being answered.
  useEffect(() => {
    const kept = readDraft(CURRENT, { sessionId: '', position: '' });
    if (!kept.sessionId) return;
    open(Number(kept.sessionId), Number(kept.position))
      .catch((caught: unknown) => {
        // A session deleted elsewhere is forgotten; a server that does not answer keeps the place for later.
        if (caught instanceof ApiError && caught.code === 'E_NOT_FOUND') clearDraft(CURRENT);
        else setError(messageOf(caught));
      })
      .finally(() => setRestoring(false));
  }, []);

  const startDrill = async (): Promise<void> => {
    if (!summary?.drill) return;
    const body = { only: summary.drill.only, count: summary.drill.count, ...(summary.company ? { company: summary.company } : {}), ...(summary.role ? { role: summary.role } : {}) };
    const started = await drill.run(body, (clientId) => sendJson<PlannedSession>('/api/sessions', { ...body, clientId }));
    if (started) show({ session: started, position: 0, answers: [], recordings: [] });
  };

  const live = html`<p class="visually-hidden" aria-live="polite">${announcement}</p>`;

  if (current && current.session.status === 'active') {
    const { session, position } = current;
    const next = async (): Promise<void> => {
      if (position + 1 < session.questions.length) return show({ session, position: position + 1, answers: [], recordings: [] });
      const done = await finish.run({ finish: session.id }, async () => {
        await sendJson<PlannedSession>(`/api/sessions/${session.id}/finish`, {});
        return getJson<SessionSummary>(`/api/sessions/${session.id}/summary`);
      });
      if (!done) return;
      show(null);
      setSummary(done);
      setAnnouncement(`Session ${session.id} finished.`);
      void sessions.reload();
    };
    return html`<section class="page practice" aria-labelledby="practice-title">
      <h2 id="practice-title">${session.mode === 'drill' ? 'Drill' : 'Mock interview'} #${session.id}${session.role ? ` for ${session.role}` : ''}</h2>
      ${live}
      ${finish.error ? html`<p class="error" role="alert">${finish.error}</p>` : null}
      <${QuestionRound} key=${`${session.id}-${position}`} session=${session} position=${position} answers=${current.answers} recordings=${current.recordings} onNext=${next} finishing=${finish.busy} announce=${setAnnouncement} />
    </section>`;
  }

  const resumable = (sessions.data ?? []).filter((s) => s.status === 'active');
  const abandon = (session: PlannedSession) =>
    deleting.remove(`Abandon session #${session.id}? Its plan and the answers saved in it are deleted.`, `/api/sessions/${session.id}`, sessions.reload);
  return html`<section class="page practice" aria-labelledby="practice-title">
    <h2 id="practice-title">Practice</h2>
    ${live}
    ${summary ? html`<${SessionSummaryView} summary=${summary} onDrill=${startDrill} drilling=${drill.busy} />` : null}
    ${drill.error ? html`<p class="error" role="alert">${drill.error}</p>` : null}
    ${error ?? deleting.error ?? sessions.error ? html`<p class="error" role="alert">${error ?? deleting.error ?? sessions.error}</p>` : null}
    ${restoring ? html`<p class="placeholder">Returning to your question…</p>` : html`<${StartForm} onStart=${(started: PlannedSession) => show({ session: started, position: 0, answers: [], recordings: [] })} />`}
    ${resumable.length > 0
      ? html`<h3>Unfinished sessions</h3>
          <ul class="resumable">
            ${resumable.map(
              (s) => html`<li key=${s.id}>
                <button type="button" onClick=${() => open(s.id).catch((caught: unknown) => setError(messageOf(caught)))}>Resume #${s.id}${s.role ? ` (${s.role})` : ''}, started ${s.startedAt.slice(0, 10)}</button>
                <button type="button" class="link" aria-label=${`Abandon session #${s.id}`} disabled=${deleting.busy} onClick=${() => abandon(s)}>Abandon</button>
              </li>`,
            )}
          </ul>`
      : null}
  </section>`;
}

function StartForm({ onStart }: { onStart: (session: PlannedSession) => void }): VNode {
  // The choices are a draft too: a reload keeps them.
  const [fields, setFields] = useDraft('practice.start', { role: '', company: '', only: '', count: '' });
  const companies = useLoad<Company[]>('/api/companies');
  const write = useWrite();
  const start = async (event: Event): Promise<void> => {
    event.preventDefault();
    const body = sessionRequest(fields);
    const session = await write.run(body, (clientId) => sendJson<PlannedSession>('/api/sessions', { ...body, clientId }));
    if (session) onStart(session);
  };
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return html`<form class="start" onSubmit=${start} aria-busy=${write.busy}>
    <label for="role">Role (optional)</label>
    <input id="role" type="text" value=${fields.role} placeholder="e.g. data analyst" onInput=${(e: Event) => setFields({ role: value(e) })} />
    <label for="practice-company">Company (answers are judged with its posting and facts)</label>
    <select id="practice-company" value=${fields.company} onChange=${(e: Event) => setFields({ company: value(e) })}>
      <option value="">None</option>
      ${(companies.data ?? []).map((c) => html`<option value=${c.name} key=${c.id}>${c.name}</option>`)}
    </select>
    ${companies.error ? html`<p class="error" role="alert">${companies.error}</p>` : null}
    <label for="only">Questions</label>
    <select id="only" value=${fields.only} onChange=${(e: Event) => setFields({ only: value(e) as QuestionType | '' })}>
      <option value="">A whole interview</option>
      ${QUESTION_TYPES.filter((type) => type !== 'other').map((type) => html`<option value=${type}>Drill: ${QUESTION_TYPE_LABELS[type]}</option>`)}
    </select>
    <label for="count">How many questions</label>
    <select id="count" value=${fields.count} onChange=${(e: Event) => setFields({ count: value(e) })}>
      <option value="">Usual: 8, or 5 in a drill</option>
      ${[1, 2, 3, 5, 8, 10].map((n) => html`<option value=${String(n)}>${n}</option>`)}
    </select>
    ${write.error ? html`<p class="error" role="alert">${write.error}</p>` : null}
    <div class="actions"><button type="submit" class="primary" disabled=${write.busy}>${write.busy ? 'Starting…' : 'Start'}</button></div>
  </form>`;
}
