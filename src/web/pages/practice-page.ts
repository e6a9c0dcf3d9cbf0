import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { QUESTION_TYPES } from '../../core/types.js';
import type { QuestionType } from '../../core/types.js';
import type { Company, Session, Story, StoredAnswer } from '../../storage/records.js';
import { getJson, messageOf, sendJson } from '../api.js';
import { BalanceBar, Evidence, FindingList, Gauges } from '../components/report-view.js';
import { QUESTION_TYPE_LABELS } from '../labels.js';
import { useAnalysis } from '../use-analysis.js';
import { useSessionJudging } from '../use-judging-context.js';

type PlannedSession = Session & { aimSeconds: number[] };

/** m:ss, for the timer. */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The Practice page: a mock interview in the browser, judged live while typing and saved on submit. */
export function PracticePage(): VNode {
  const [session, setSession] = useState<PlannedSession | null>(null);
  const [position, setPosition] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [resumable, setResumable] = useState<PlannedSession[]>([]);

  useEffect(() => {
    getJson<PlannedSession[]>('/api/sessions').then(
      (sessions) => setResumable(sessions.filter((s) => s.status === 'active')),
      (caught: unknown) => setError(messageOf(caught)),
    );
  }, []);

  const resume = async (chosen: PlannedSession): Promise<void> => {
    const detail = await getJson<{ session: PlannedSession; answers: StoredAnswer[] }>(`/api/sessions/${chosen.id}`);
    const answered = new Set(detail.answers.filter((a) => a.followUpOf === null).map((a) => a.position));
    setSession(detail.session);
    const firstOpen = detail.session.questions.findIndex((q) => !answered.has(q.position));
    // With every question answered but the session not closed, reopen the last one so it can be finished.
    setPosition(firstOpen === -1 ? detail.session.questions.length - 1 : firstOpen);
  };

  if (session && position < session.questions.length) {
    const next = async (): Promise<void> => {
      if (position + 1 < session.questions.length) return setPosition(position + 1);
      try {
        setSession(await sendJson<PlannedSession>(`/api/sessions/${session.id}/finish`, {}));
        setPosition(session.questions.length);
      } catch (caught) {
        setError(messageOf(caught));
      }
    };
    return html`<section class="page practice" aria-labelledby="practice-title">
      <h2 id="practice-title">${session.mode === 'drill' ? 'Drill' : 'Mock interview'} #${session.id}${session.role ? ` for ${session.role}` : ''}</h2>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <${QuestionRound} key=${`${session.id}-${position}`} session=${session} position=${position} onNext=${next} />
    </section>`;
  }

  return html`<section class="page practice" aria-labelledby="practice-title">
    <h2 id="practice-title">Practice</h2>
    ${session ? html`<p class="session-done" role="status">Session #${session.id} finished: every answer is saved and counts in Progress.</p>` : null}
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <${StartForm} onStart=${(started: PlannedSession) => { setSession(started); setPosition(0); setError(null); }} onError=${setError} />
    ${resumable.length > 0
      ? html`<h3>Unfinished sessions</h3>
          <ul class="resumable">
            ${resumable.map((s) => html`<li key=${s.id}><button type="button" onClick=${() => resume(s).catch((caught: unknown) => setError(messageOf(caught)))}>Resume #${s.id}${s.role ? ` (${s.role})` : ''}, started ${s.startedAt.slice(0, 10)}</button></li>`)}
          </ul>`
      : null}
  </section>`;
}

function StartForm({ onStart, onError }: { onStart: (session: PlannedSession) => void; onError: (message: string) => void }): VNode {
  const [role, setRole] = useState('');
  const [company, setCompany] = useState('');
  const [only, setOnly] = useState<QuestionType | ''>('');
  const [count, setCount] = useState('');
  const [busy, setBusy] = useState(false);
  const [companies, setCompanies] = useState<Company[]>([]);
  useEffect(() => {
    getJson<Company[]>('/api/companies').then(setCompanies, (caught: unknown) => onError(messageOf(caught)));
  }, []);
  const start = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    try {
      onStart(await sendJson<PlannedSession>('/api/sessions', { ...(role.trim() ? { role: role.trim() } : {}), ...(company.trim() ? { company: company.trim() } : {}), ...(only ? { only } : {}), ...(count ? { count: Number(count) } : {}) }));
    } catch (caught) {
      onError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="start" onSubmit=${start}>
    <label for="role">Role (optional)</label>
    <input id="role" type="text" value=${role} placeholder="e.g. data analyst" onInput=${(e: Event) => setRole((e.target as HTMLInputElement).value)} />
    <label for="practice-company">Company (answers are judged with its posting and facts)</label>
    <select id="practice-company" value=${company} onChange=${(e: Event) => setCompany((e.target as HTMLSelectElement).value)}>
      <option value="">None</option>
      ${companies.map((c) => html`<option value=${c.name} key=${c.id}>${c.name}</option>`)}
    </select>
    <label for="only">Questions</label>
    <select id="only" value=${only} onChange=${(e: Event) => setOnly((e.target as HTMLSelectElement).value as QuestionType | '')}>
      <option value="">A whole interview</option>
      ${QUESTION_TYPES.filter((type) => type !== 'other').map((type) => html`<option value=${type}>A drill of ${QUESTION_TYPE_LABELS[type]} questions</option>`)}
    </select>
    <label for="count">How many questions</label>
    <select id="count" value=${count} onChange=${(e: Event) => setCount((e.target as HTMLSelectElement).value)}>
      <option value="">The usual (8 for an interview, 5 for a drill)</option>
      ${[1, 2, 3, 5, 8, 10].map((n) => html`<option value=${String(n)}>${n}</option>`)}
    </select>
    <div class="actions"><button type="submit" class="primary" disabled=${busy}>Start</button></div>
  </form>`;
}

/** The titles of the bank's stories that fit a behavioral question; empty for other questions or an empty bank. */
function useFittingStories(question: string | null): string[] {
  const [titles, setTitles] = useState<string[]>([]);
  useEffect(() => {
    if (!question) return;
    // A hint only: if the bank cannot be read, the question is asked without it.
    getJson<{ stories: Story[]; fits: { storyId: number }[] }>(`/api/stories?question=${encodeURIComponent(question)}`).then(
      ({ stories, fits }) => setTitles(fits.flatMap((fit) => stories.filter((story) => story.id === fit.storyId).map((story) => story.title))),
      () => setTitles([]),
    );
  }, [question]);
  return titles;
}

/** Seconds since the component appeared, ticking once a second. */
function useElapsed(): number {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.floor((now - started) / 1000);
}

/** One question: the timer, the answer box with live feedback, then the saved verdict, the follow-up and a retry. */
function QuestionRound({ session, position, onNext }: { session: PlannedSession; position: number; onNext: () => void }): VNode {
  const question = session.questions[position]!;
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<StoredAnswer | null>(null);
  const [followUp, setFollowUp] = useState<StoredAnswer | null>(null);
  const last = position + 1 === session.questions.length;
  const fitting = useFittingStories(question.questionType === 'behavioral' ? question.text : null);
  return html`<div class="round">
    <p class="round-count">Question ${position + 1} of ${session.questions.length} · ${QUESTION_TYPE_LABELS[question.questionType as QuestionType] ?? question.questionType}</p>
    <p class="round-question" id="round-question">${question.text}</p>
    ${fitting.length > 0 ? html`<p class="hint">Stories from your bank that fit: ${fitting.map((title, i) => html`${i > 0 ? ', ' : ''}<q>${title}</q>`)}</p>` : null}
    ${saved
      ? html`<${SavedAnswer} answer=${saved} title=${`Attempt ${saved.attempt}, saved`} heard=${saved.answer} />
          ${saved.report.followUp && !followUp
            ? html`<${AnswerBox} key=${`follow-${saved.id}`} session=${session} position=${position} prompt=${`The interviewer follows up: ${saved.report.followUp}`} question=${question.text} aim=${60} followUpOf=${saved} onSaved=${setFollowUp} />`
            : null}
          ${followUp && saved.report.followUp
            ? html`<${SavedAnswer} answer=${followUp} title="Follow-up, judged together with your first answer" asked=${`The interviewer asked: ${saved.report.followUp}`} heard=${`${saved.answer}\n${followUp.answer}`} />`
            : null}
          <div class="actions">
            <button type="button" onClick=${() => { setSaved(null); setFollowUp(null); setAttempt(attempt + 1); }}>Retry this question</button>
            <button type="button" class="primary" onClick=${onNext}>${last ? 'Finish' : 'Next question'}</button>
          </div>`
      : html`<${AnswerBox} key=${`attempt-${attempt}`} session=${session} position=${position} prompt="Your answer" question=${question.text} aim=${session.aimSeconds[position] ?? 90} followUpOf=${null} onSaved=${setSaved} />`}
  </div>`;
}

function AnswerBox(props: {
  session: PlannedSession;
  position: number;
  prompt: string;
  question: string;
  aim: number;
  followUpOf: StoredAnswer | null;
  onSaved: (answer: StoredAnswer) => void;
}): VNode {
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const elapsed = useElapsed();
  // A follow-up is judged with the answer it follows, live as on submit.
  const judged = props.followUpOf ? `${props.followUpOf.answer}\n${answer}` : answer;
  // Judged live with the session's company, as the server judges it on submit.
  const judging = useSessionJudging(props.session);
  const analysis = useAnalysis({ question: props.question, answer: answer.trim() ? judged : '', ...judging });
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!answer.trim()) return setError('Type an answer first.');
    setBusy(true);
    try {
      props.onSaved(
        await sendJson<StoredAnswer>(`/api/sessions/${props.session.id}/answers`, { position: props.position, answer, seconds: elapsed, followUpOf: props.followUpOf?.id ?? null }),
      );
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  };
  const id = `answer-${props.followUpOf ? 'follow-up' : 'first'}`;
  return html`<form class="answer-box" onSubmit=${submit}>
    <div class="timer-row">
      <label for=${id}>${props.prompt}</label>
      <span class=${elapsed > props.aim ? 'timer over' : 'timer'} role="timer" aria-label=${`Time taken ${clock(elapsed)}, aim about ${clock(props.aim)}`}>
        ${clock(elapsed)} <span class="aim">/ aim ${clock(props.aim)}</span>
      </span>
    </div>
    <textarea id=${id} rows="8" value=${answer} onInput=${(e: Event) => setAnswer((e.target as HTMLTextAreaElement).value)}></textarea>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <div class="actions"><button type="submit" class="primary" disabled=${busy}>${busy ? 'Saving…' : 'Submit answer'}</button></div>
    <div class="live" aria-live="off">
      ${analysis.state === 'report'
        ? html`<${Gauges} report=${analysis.report} applicableOnly=${true} />
            ${analysis.report.balance ? html`<${BalanceBar} balance=${analysis.report.balance} />` : null}
            <${Evidence} answer=${analysis.answer} report=${analysis.report} />`
        : null}
      ${analysis.state === 'error' ? html`<p class="hint">${analysis.message}</p>` : null}
    </div>
  </form>`;
}

/** A saved answer with the server's verdict; `heard` is the text it was judged on (a follow-up includes the first answer). */
function SavedAnswer({ answer, title, asked, heard }: { answer: StoredAnswer; title: string; asked?: string; heard: string }): VNode {
  return html`<div class="saved-answer">
    <h3>${title} · took ${clock(Math.round(answer.seconds))}</h3>
    ${asked ? html`<p class="asked">${asked}</p>` : null}
    <${Gauges} report=${answer.report} applicableOnly=${true} />
    <${Evidence} answer=${heard} report=${answer.report} />
    <details><summary>Findings (${answer.report.findings.length})</summary><${FindingList} findings=${answer.report.findings} /></details>
  </div>`;
}
