import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_RECORDING_SECONDS, RECORDING_LIMIT_TEXT } from '../../recording/index.js';
import { AnswerRecorder, type RecordedAudio, type StopReason } from '../recording/recorder.js';
import { microphoneProblem, microphoneSupport, type MicrophoneSupport } from '../recording/support.js';
import { installOnDeviceSpeech, LiveTranscriber, onDeviceSpeech, type SpeechSupport } from '../recording/transcriber.js';
import { clock } from '../clock.js';

/** The keyboard shortcut that starts and stops recording, as the page names it. */
export const RECORD_SHORTCUT = 'Alt+R';

/** Whether a key press is the record shortcut: Alt (Option on a Mac) with R, by the key's place, not its letter. */
export function isRecordShortcut(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyR';
}

/** What a recording that stopped by itself says; nothing when the candidate stopped it. */
const STOPPED_BECAUSE: Record<StopReason, string | null> = {
  asked: null,
  'time-limit': `Recording stopped at ${MAX_RECORDING_SECONDS / 60} minutes, the longest Starl keeps (${RECORDING_LIMIT_TEXT}).`,
  'size-limit': `Recording stopped: it reached the most Starl keeps (${RECORDING_LIMIT_TEXT}).`,
  'device-lost': 'Recording stopped: the microphone went away. What was recorded until then is kept.',
};

/** Whether recording works here, checked when the panel appears and again when a device is plugged in or out. */
function useMicrophoneSupport(): MicrophoneSupport {
  const [support, setSupport] = useState<MicrophoneSupport>({ state: 'checking' });
  useEffect(() => {
    let current = true;
    const check = () => void microphoneSupport().then((found) => current && setSupport(found));
    check();
    navigator.mediaDevices?.addEventListener?.('devicechange', check);
    return () => {
      current = false;
      navigator.mediaDevices?.removeEventListener?.('devicechange', check);
    };
  }, []);
  return support;
}

/** Whether speech can become text on this device, checked once when the panel appears. */
function useSpeechSupport(): [SpeechSupport, (next: SpeechSupport) => void] {
  const [speech, setSpeech] = useState<SpeechSupport>({ state: 'checking' });
  useEffect(() => {
    let current = true;
    void onDeviceSpeech().then((found) => current && setSpeech(found));
    return () => {
      current = false;
    };
  }, []);
  return [speech, setSpeech];
}

/** A blob: URL for the recording while it is shown, revoked when it changes or the panel goes. */
function usePlaybackUrl(audio: RecordedAudio | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!audio) return setUrl(null);
    const made = URL.createObjectURL(audio.blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [audio]);
  return url;
}

/** One line on whether speech is turned into text, and an offer to install the speech pack where the browser can. */
function SpeechLine({ speech, setSpeech }: { speech: SpeechSupport; setSpeech: (next: SpeechSupport) => void }): VNode | null {
  const install = async (lang: string): Promise<void> => {
    setSpeech({ state: 'installing', lang });
    setSpeech((await installOnDeviceSpeech(lang)) ? { state: 'on-device', lang } : await onDeviceSpeech(lang));
  };
  switch (speech.state) {
    case 'checking':
      return null;
    case 'on-device':
      return html`<p class="hint speech-line">What you say is turned into text on this device as you speak, and goes into the answer box.</p>`;
    case 'installing':
      return html`<p class="hint speech-line">The browser is installing its English speech pack for this device…</p>`;
    case 'installable':
      return html`<p class="hint speech-line">
        Nothing is transcribed yet, so type or correct your answer as you listen back. This browser can turn speech into text on this device once it has its English
        speech pack, downloaded once from the browser's maker (your voice is never sent):${' '}<button type="button" class="link" onClick=${() => void install(speech.lang)}>install the speech pack</button>.
      </p>`;
    case 'unavailable':
      return html`<p class="hint speech-line">${speech.reason}</p>`;
  }
}

/**
 * Answering out loud: a microphone button (and {@link RECORD_SHORTCUT}) starts and stops recording, a
 * level meter and the elapsed time show it is listening, and the recording plays back once made.
 * Where on-device speech recognition exists, what is said goes into the answer box as it is said.
 * Where recording cannot work (no microphone, no MediaRecorder, permission refused), one line says why.
 */
export function RecorderPanel(props: {
  /** The recording made so far for this answer, if any. */
  audio: RecordedAudio | null;
  onRecorded: (audio: RecordedAudio) => void;
  onDelete: () => void;
  /** A finished stretch of on-device transcript, to add to the answer. */
  onHeard: (text: string) => void;
}): VNode | null {
  const support = useMicrophoneSupport();
  const [speech, setSpeech] = useSpeechSupport();
  const [status, setStatus] = useState<'idle' | 'starting' | 'recording' | 'finishing'>('idle');
  const [elapsed, setElapsed] = useState(0);
  const [hearing, setHearing] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const recorder = useRef<AnswerRecorder | null>(null);
  const transcriber = useRef<LiveTranscriber | null>(null);
  const meter = useRef<HTMLSpanElement>(null);
  const playback = usePlaybackUrl(props.audio);
  // The newest props and state for the callbacks the recorder and the shortcut hold on to.
  const latest = useRef({ props, status, support, speech });
  latest.current = { props, status, support, speech };

  const finished = async (audio: RecordedAudio, reason: StopReason): Promise<void> => {
    const words = await transcriber.current?.stop();
    transcriber.current = null;
    recorder.current = null;
    latest.current.props.onRecorded(words && words.length > 0 ? { ...audio, words } : audio);
    setNotice(STOPPED_BECAUSE[reason]);
    setStatus('idle');
  };

  const start = async (): Promise<void> => {
    const { support: ready, speech: speaking } = latest.current;
    if (ready.state !== 'ready') return;
    setStatus('starting');
    setProblem(null);
    setNotice(null);
    setElapsed(0);
    try {
      const started = await AnswerRecorder.start(ready.mimeType, {
        level: (value) => meter.current?.style.setProperty('--level', value.toFixed(3)),
        stopped: (audio, reason) => void finished(audio, reason),
      });
      recorder.current = started;
      if (speaking.state === 'on-device') {
        const live = new LiveTranscriber(speaking.lang, started.track, () => started.elapsed(), {
          heard: (text) => latest.current.props.onHeard(text),
          hearing: setHearing,
          failed: setProblem,
        });
        live.start();
        transcriber.current = live;
      }
      setStatus('recording');
    } catch (error) {
      setStatus('idle');
      setProblem(microphoneProblem(error));
    }
  };

  const toggle = (): void => {
    const now = latest.current.status;
    if (now === 'idle') void start();
    else if (now === 'recording') {
      setStatus('finishing');
      recorder.current?.stop('asked');
    }
  };

  // The elapsed time ticks while recording; only this panel redraws, never the answer box.
  useEffect(() => {
    if (status !== 'recording') return;
    const timer = setInterval(() => setElapsed(recorder.current?.elapsed() ?? 0), 250);
    return () => clearInterval(timer);
  }, [status]);

  // The shortcut works from anywhere on the page, the answer box included, so speaking never needs the mouse.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!isRecordShortcut(event) || latest.current.support.state !== 'ready') return;
      event.preventDefault();
      toggle();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Leaving the page while recording stops it; the recording is still handed over and kept as a draft.
  useEffect(() => () => recorder.current?.stop('asked'), []);

  if (support.state === 'checking') return null;
  if (support.state === 'unavailable') return html`<p class="hint recorder-off" role="note"><span aria-hidden="true">🎙 </span>Answering out loud is off here. ${support.reason}</p>`;

  const recording = status === 'recording';
  const remove = (): void => {
    if (confirm('Delete this recording? It has not been saved anywhere else.')) props.onDelete();
  };
  return html`<section class="recorder" aria-label="Answer out loud">
    <div class="recorder-row">
      <button type="button" class=${recording ? 'record recording' : 'record'} aria-pressed=${recording} aria-keyshortcuts="Alt+R" disabled=${status === 'starting' || status === 'finishing'} onClick=${toggle}>
        <span aria-hidden="true">${recording ? '■ ' : '● '}</span>${recording ? 'Stop recording' : props.audio ? 'Record again' : 'Record your answer'}
      </button>
      ${recording || status === 'finishing'
        ? html`<span class="level" ref=${meter} role="img" aria-label="Microphone level"><span class="level-fill"></span></span>
            <span class="recording-time" role="timer" aria-label=${`Recording for ${clock(Math.floor(elapsed))}`}>${clock(Math.floor(elapsed))} <span class="aim">/ ${clock(MAX_RECORDING_SECONDS)}</span></span>`
        : null}
    </div>
    <p class="hint">${RECORD_SHORTCUT} starts and stops recording. Your voice stays on this computer.${props.audio && !recording ? ' Recording again replaces this recording.' : ''}</p>
    <${SpeechLine} speech=${speech} setSpeech=${setSpeech} />
    ${hearing ? html`<p class="hearing" aria-live="off">${hearing}…</p>` : null}
    ${notice ? html`<p class="notice" role="status">${notice}</p>` : null}
    ${problem ? html`<p class="error" role="alert">${problem}</p>` : null}
    ${props.audio && playback && !recording
      ? html`<div class="playback">
          <audio controls preload="metadata" src=${playback} aria-label="Your recording"></audio>
          <button type="button" class="link" onClick=${remove}>Delete recording</button>
        </div>`
      : null}
  </section>`;
}
