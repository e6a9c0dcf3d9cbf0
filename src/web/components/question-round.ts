import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuestionType } from '../../core/types.js';
import type { RecordingInfo, Session, Story, StoredAnswer } from '../../storage/records.js';
import { ApiError, deleteJson, getJson, messageOf, sendAudio, sendJson } from '../api.js';
import type { Comment } from '../api.js';
import { clock } from '../clock.js';
import { useDraft } from '../draft.js';
import { submitOnCtrlEnter } from '../keys.js';
import { QUESTION_TYPE_LABELS } from '../labels.js';
import { useAnalysis } from '../use-analysis.js';
import { deliveryNote, deliveryOf, useDelivery } from '../use-delivery.js';
import { useSessionJudging } from '../use-judging-context.js';
import { useWrite } from '../write.js';
import { DeliveryPanel } from './delivery-panel.js';
import type { RecordedAudio } from '../recording/recorder.js';
import { appendHeard } from '../recording/transcriber.js';
import { useRecordingDraft } from '../recording/use-recording-draft.js';
import { RecorderPanel } from './recorder-panel.js';
import { CoachComments, useMyComments } from './comments.js';
import { BalanceBar, Evidence, FindingList, Gauges } from './report-view.js';

/** A session as the API returns it, with how long each answer should take. */
export type PlannedSession = Session & { aimSeconds: number[] };

/** Moves focus to an element when it appears, so keyboard and screen reader users land on what is new. */
function useFocusOnMount<T extends HTMLElement>(): { current: T | null } {
  const element = useRef<T>(null);
  useEffect(() => element.current?.focus(), []);
  return element;
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

/** Seconds since `started` (milliseconds since the epoch), ticking once a second. */
function useElapsed(started: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.floor((now - started) / 1000);
}

/** The latest try at a question among its saved answers, with its follow-up: where a reload picks up. */
function latestTry(answers: readonly StoredAnswer[]): { saved: StoredAnswer | null; followUp: StoredAnswer | null } {
  const originals = answers.filter((a) => a.followUpOf === null);
  const saved = originals.at(-1) ?? null;
  return { saved, followUp: saved ? (answers.find((a) => a.followUpOf === saved.id) ?? null) : null };
}

/**
 * One question: the timer, the answer box with live feedback, then the saved verdict, the follow-up
 * and a retry. `answers` are those already saved for it, so a reload shows where the candidate was.
 */
export function QuestionRound(props: {
  session: PlannedSession;
  position: number;
  answers: readonly StoredAnswer[];
  /** The recordings of `answers`, without their audio. */
  recordings: readonly RecordingInfo[];
  onNext: () => void;
  finishing: boolean;
  /** Says what is new to screen readers through the page's live region. */
  announce: (text: string) => void;
}): VNode {
  const { session, position } = props;
  const question = session.questions[position]!;
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<StoredAnswer | null>(() => latestTry(props.answers).saved);
  const [followUp, setFollowUp] = useState<StoredAnswer | null>(() => latestTry(props.answers).followUp);
  const [recordings, setRecordings] = useState<ReadonlyMap<number, RecordingInfo>>(() => new Map(props.recordings.map((r) => [r.answerId, r])));
  const recorded = (answerId: number, info: RecordingInfo | null): void =>
    setRecordings((known) => {
      const next = new Map(known);
      if (info) next.set(answerId, info);
      else next.delete(answerId);
      return next;
    });
  const saveFirst = (answer: StoredAnswer, info: RecordingInfo | null): void => {
    recorded(answer.id, info);
    setSaved(answer);
  };
  const saveFollowUp = (answer: StoredAnswer, info: RecordingInfo | null): void => {
    recorded(answer.id, info);
    setFollowUp(answer);
  };
  const last = position + 1 === session.questions.length;
  const comments = useMyComments();
  const fitting = useFittingStories(question.questionType === 'behavioral' ? question.text : null);
  const heading = useFocusOnMount<HTMLParagraphElement>();
  useEffect(() => {
    if (!saved) props.announce(`Question ${position + 1} of ${session.questions.length}: ${question.text}`);
    else if (saved.report.followUp && !followUp) props.announce(`Answer saved. The interviewer follows up: ${saved.report.followUp}`);
    else props.announce(`Answer saved. ${last ? 'Finish when you are ready.' : 'Go on to the next question when you are ready.'}`);
  }, [position, saved?.id, followUp?.id]);
  return html`<div class="round">
    <p class="round-count">Question ${position + 1} of ${session.questions.length} · ${QUESTION_TYPE_LABELS[question.questionType as QuestionType] ?? question.questionType}</p>
    <p class="round-question" id="round-question" tabindex="-1" ref=${heading}>${question.text}</p>
    ${fitting.length > 0 ? html`<p class="hint">Stories from your bank that fit: ${fitting.map((title, i) => html`${i > 0 ? ', ' : ''}<q>${title}</q>`)}</p>` : null}
    ${saved
      ? html`<${SavedAnswer} key=${`saved-${saved.id}`} answer=${saved} recording=${recordings.get(saved.id) ?? null} onRecordingDeleted=${() => recorded(saved.id, null)} title=${`Attempt ${saved.attempt}, saved`} heard=${saved.answer} comments=${comments.on(saved.id)} focus=${!saved.report.followUp || followUp !== null} />
          ${saved.report.followUp && !followUp
            ? html`<${AnswerBox} key=${`follow-${saved.id}`} session=${session} position=${position} prompt=${`The interviewer follows up: ${saved.report.followUp}`} question=${question.text} aim=${60} followUpOf=${saved} onSaved=${saveFollowUp} />`
            : null}
          ${followUp && saved.report.followUp
            ? html`<${SavedAnswer} key=${`follow-${followUp.id}`} answer=${followUp} recording=${recordings.get(followUp.id) ?? null} onRecordingDeleted=${() => recorded(followUp.id, null)} title="Follow-up, judged together with your first answer" asked=${`The interviewer asked: ${saved.report.followUp}`} heard=${`${saved.answer}\n${followUp.answer}`} comments=${comments.on(followUp.id)} focus=${true} />`
            : null}
          <div class="actions">
            <button type="button" onClick=${() => { setSaved(null); setFollowUp(null); setAttempt(attempt + 1); }}>Retry this question</button>
            <button type="button" class="primary" onClick=${props.onNext} disabled=${props.finishing}>${last ? (props.finishing ? 'Finishing…' : 'Finish') : 'Next question'}</button>
          </div>`
      : html`<${AnswerBox} key=${`attempt-${attempt}`} session=${session} position=${position} prompt="Your answer" question=${question.text} aim=${session.aimSeconds[position] ?? 90} followUpOf=${null} onSaved=${saveFirst} />`}
  </div>`;
}

/** Saves a saved answer's recording; a refusal says the answer itself is saved and how to go on. */
async function uploadRecording(answer: StoredAnswer, audio: RecordedAudio): Promise<RecordingInfo> {
  try {
    return await sendAudio<RecordingInfo>(`/api/sessions/${answer.sessionId}/answers/${answer.id}/recording?seconds=${audio.seconds.toFixed(3)}`, audio.blob, audio.mediaType);
  } catch (error) {
    const code = error instanceof ApiError ? error.code : 'E_INTERNAL';
    const reason = messageOf(error).replace(/[.\s]*$/, '.');
    throw new ApiError(code, `Your answer is saved, but its recording is not: ${reason} Submit again to retry, or delete the recording to go on without it.`);
  }
}

function AnswerBox(props: {
  session: PlannedSession;
  position: number;
  prompt: string;
  question: string;
  aim: number;
  followUpOf: StoredAnswer | null;
  /** Called once the answer, and its recording if there is one, are saved. */
  onSaved: (answer: StoredAnswer, recording: RecordingInfo | null) => void;
}): VNode {
  // The draft survives a reload and a page switch until the answer is saved.
  const draftKey = `practice.${props.session.id}.${props.position}${props.followUpOf ? `.follow-${props.followUpOf.id}` : ''}`;
  // The clock's start is kept with the draft, so a reload does not restart the timer.
  const [draft, setDraft, clearDraft] = useDraft(draftKey, { answer: '', started: '' });
  const [shownAt] = useState(() => Date.now());
  const answer = draft.answer;
  // The recording, like the typed draft, is kept in the browser until the answer is saved.
  const recording = useRecordingDraft(draftKey);
  // The transcript arrives between renders: each stretch is added to the newest text, never a stale one.
  const typed = useRef(answer);
  typed.current = answer;
  const hear = (text: string): void => {
    typed.current = appendHeard(typed.current, text);
    setDraft({ answer: typed.current });
  };
  const started = Number(draft.started) || shownAt;
  useEffect(() => {
    if (!draft.started) setDraft({ started: String(shownAt) });
  }, []);
  const write = useWrite();
  const elapsed = useElapsed(started);
  const box = useRef<HTMLTextAreaElement>(null);
  const live = useRef<HTMLDivElement>(null);
  // A follow-up's prompt is the new question: focus lands in its box.
  useEffect(() => {
    if (props.followUpOf) box.current?.focus();
  }, []);
  // A follow-up is judged with the answer it follows, live as on submit.
  const judged = props.followUpOf ? `${props.followUpOf.answer}\n${answer}` : answer;
  // Judged live with the session's company, as the server judges it on submit.
  const judging = useSessionJudging(props.session);
  const analysis = useAnalysis({ question: props.question, answer: answer.trim() ? judged : '', ...judging });
  const report = analysis.state === 'report' ? analysis.report : null;
  // Measured with the answer's own text (a follow-up's, not the pair's), as it is saved with it.
  const delivery = useDelivery(recording.audio, answer, report);
  const measuring = deliveryNote(delivery);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!answer.trim()) return write.fail(recording.audio ? 'Type what you said, or correct the transcript, first: Starl judges the words.' : 'Type an answer first.');
    const body = { position: props.position, answer, seconds: elapsed, followUpOf: props.followUpOf?.id ?? null };
    const audio = recording.audio;
    // The answer and its recording are one write: a retry after a failed upload sends the answer again
    // with the same key, which returns the answer already saved, and then tries the recording again.
    const outcome = await write.run({ ...body, seconds: 0 }, async (clientId) => {
      // The delivery goes with the answer, so Progress charts it; it is ready unless the text just changed.
      // A recording this browser cannot measure (the panel said why) never holds the answer back.
      const measured = audio ? (delivery.state === 'ready' && delivery.forText === answer ? delivery.delivery : await deliveryOf(audio, answer, report).catch(() => null)) : null;
      const saved = await sendJson<StoredAnswer>(`/api/sessions/${props.session.id}/answers`, { ...body, delivery: measured, clientId });
      return { saved, info: audio ? await uploadRecording(saved, audio) : null };
    });
    if (outcome) {
      clearDraft();
      recording.forget();
      props.onSaved(outcome.saved, outcome.info);
    }
  };
  const id = `answer-${props.followUpOf ? 'follow-up' : 'first'}`;
  return html`<form class="answer-box" onSubmit=${submit} aria-busy=${write.busy}>
    <div class="timer-row">
      <label for=${id}>${props.prompt}</label>
      <span class=${elapsed > props.aim ? 'timer over' : 'timer'} role="timer" aria-label=${`Time taken ${clock(elapsed)}, aim about ${clock(props.aim)}`}>
        ${clock(elapsed)} <span class="aim">/ aim ${clock(props.aim)}</span>
      </span>
    </div>
    <textarea id=${id} rows="8" ref=${box} value=${answer} aria-describedby=${`${id}-how`} onInput=${(e: Event) => setDraft({ answer: (e.target as HTMLTextAreaElement).value })} onKeyDown=${submitOnCtrlEnter}></textarea>
    <p class="hint" id=${`${id}-how`}>Paste or type as many lines as you like, or answer out loud; Ctrl+Enter submits.</p>
    <${RecorderPanel} audio=${recording.audio} onRecorded=${recording.keep} onDelete=${recording.forget} onHeard=${hear} />
    ${write.error ? html`<p class="error" role="alert">${write.error}</p>` : null}
    <div class="actions">
      <button type="submit" class="primary" disabled=${write.busy}>${write.busy ? 'Saving…' : 'Submit answer'}</button>
      <button type="button" class="jump" onClick=${() => { live.current?.scrollIntoView({ block: 'start' }); live.current?.focus(); }}>See the live report</button>
    </div>
    <div class="live" id=${`${id}-live`} tabindex="-1" ref=${live} aria-label="Live report" aria-live="off">
      ${analysis.state === 'report'
        ? html`<${Gauges} report=${analysis.report} applicableOnly=${true} />
            ${analysis.report.balance ? html`<${BalanceBar} balance=${analysis.report.balance} />` : null}
            ${delivery.state === 'ready' ? html`<${DeliveryPanel} delivery=${delivery.delivery} report=${analysis.report} />` : null}
            <${Evidence} answer=${analysis.answer} report=${analysis.report} />`
        : null}
      ${measuring ? html`<p class="hint delivery-note">${measuring}</p>` : null}
      ${analysis.state === 'error' ? html`<p class="hint">${analysis.message}</p>` : null}
    </div>
  </form>`;
}

/** A saved answer's recording, played back from the server, with a way to delete it and keep the answer. */
function SavedRecording({ answer, recording, onDeleted }: { answer: StoredAnswer; recording: RecordingInfo; onDeleted: () => void }): VNode {
  const remove = useWrite();
  const path = `/api/sessions/${answer.sessionId}/answers/${answer.id}/recording`;
  const deleteIt = async (): Promise<void> => {
    if (!confirm('Delete the recording of this answer? The answer and its verdict stay.')) return;
    if (await remove.run({ delete: path }, () => deleteJson(path))) onDeleted();
  };
  return html`<div class="playback">
    <audio controls preload="metadata" src=${path} aria-label=${`Your recording of this answer, ${clock(Math.round(recording.seconds))} long`}></audio>
    <button type="button" class="link" disabled=${remove.busy} onClick=${deleteIt}>Delete the recording</button>
    ${remove.error ? html`<p class="error" role="alert">${remove.error}</p>` : null}
  </div>`;
}

/** A saved answer with the server's verdict; `heard` is the text it was judged on (a follow-up includes the first answer). */
function SavedAnswer({ answer, recording, onRecordingDeleted, title, asked, heard, comments, focus }: { answer: StoredAnswer; recording: RecordingInfo | null; onRecordingDeleted: () => void; title: string; asked?: string; heard: string; comments: readonly Comment[]; focus: boolean }): VNode {
  const heading = useRef<HTMLHeadingElement>(null);
  // Once saved with nothing more to answer, the verdict is what is new.
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, []);
  return html`<div class="saved-answer">
    <h3 tabindex="-1" ref=${heading}>${title} · took ${clock(Math.round(answer.seconds))}</h3>
    ${asked ? html`<p class="asked">${asked}</p>` : null}
    ${recording ? html`<${SavedRecording} answer=${answer} recording=${recording} onDeleted=${onRecordingDeleted} />` : null}
    <${Gauges} report=${answer.report} applicableOnly=${true} />
    ${answer.delivery ? html`<${DeliveryPanel} delivery=${answer.delivery} report=${answer.report} />` : null}
    <${Evidence} answer=${heard} report=${answer.report} />
    <details><summary>Findings (${answer.report.findings.length})</summary><${FindingList} findings=${answer.report.findings} /></details>
    <${CoachComments} comments=${comments} />
  </div>`;
}
