// Speech to text on this device only, with the Web Speech API's on-device recognition (Chromium's
// `processLocally`, with `SpeechRecognition.available()` and `install()` for its language packs).
// A recognizer that cannot promise to stay on the device is never used: without `processLocally`,
// Chromium's recognizer sends the audio to a cloud service, and Starl sends the candidate's voice nowhere.

/** A word of the transcript with when it was said, in seconds from the recording's start. */
export interface TimedWord {
  word: string;
  start: number;
  end: number;
}

/** Whether speech can become text on this device: ready, once a language pack is installed, or not at all. */
export type SpeechSupport =
  | { state: 'checking' }
  | { state: 'on-device'; lang: string }
  | { state: 'installable'; lang: string }
  | { state: 'installing'; lang: string }
  | { state: 'unavailable'; reason: string };

/** The parts of the Web Speech API Starl uses; the DOM typings do not describe it. */
interface RecognitionResult {
  readonly isFinal: boolean;
  readonly length: number;
  readonly [index: number]: { transcript: string } | undefined;
}
interface RecognitionEvent {
  readonly resultIndex: number;
  readonly results: { readonly length: number; readonly [index: number]: RecognitionResult | undefined };
}
interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  processLocally: boolean;
  onresult: ((event: RecognitionEvent) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(track?: MediaStreamTrack): void;
  stop(): void;
  abort(): void;
}
interface RecognitionConstructor {
  new (): Recognition;
  readonly prototype: Recognition;
  available?(options: { langs: string[]; processLocally: boolean }): Promise<string>;
  install?(options: { langs: string[] }): Promise<boolean>;
}

/** The browser's SpeechRecognition, under its standard or its prefixed name, or null. */
function recognitionApi(): RecognitionConstructor | null {
  const scope = globalThis as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition ?? null;
}

/** The English the recognizer listens for: the browser's own English, else US English (Starl judges English answers). */
export function recognitionLanguage(languages: readonly string[] = globalThis.navigator?.languages ?? []): string {
  return languages.find((lang) => /^en(-|$)/i.test(lang) && lang.includes('-')) ?? 'en-US';
}

const NO_ON_DEVICE = 'This browser cannot turn speech into text on this device, so nothing is transcribed: type or correct your answer as you listen back.';

/** Whether this browser can turn speech into text on this device, for `lang`. Never asks for the microphone. */
export async function onDeviceSpeech(lang: string = recognitionLanguage()): Promise<Exclude<SpeechSupport, { state: 'checking' }>> {
  const api = recognitionApi();
  if (!api || !('processLocally' in api.prototype) || typeof api.available !== 'function') return { state: 'unavailable', reason: NO_ON_DEVICE };
  try {
    const status = await api.available({ langs: [lang], processLocally: true });
    if (status === 'available') return { state: 'on-device', lang };
    if (status === 'downloadable') return { state: 'installable', lang };
    if (status === 'downloading') return { state: 'installing', lang };
  } catch {
    // A permissions policy that blocks on-device recognition makes available() fail: it is unavailable.
  }
  return { state: 'unavailable', reason: NO_ON_DEVICE };
}

/**
 * Installs the browser's on-device language pack for `lang` (the browser downloads it from its maker,
 * once); true when it is ready. Only the pack comes down: no audio goes up.
 */
export async function installOnDeviceSpeech(lang: string): Promise<boolean> {
  const api = recognitionApi();
  if (!api?.install) return false;
  try {
    return await api.install({ langs: [lang] });
  } catch {
    return false;
  }
}

/**
 * `text`'s words spread over `start` to `end` by their length: the Web Speech API gives no word
 * times, only when each result arrives, so word times within a result are estimates.
 */
export function spreadWords(text: string, start: number, end: number): TimedWord[] {
  const words = text.split(/\s+/).filter(Boolean);
  const letters = words.reduce((sum, word) => sum + word.length, 0);
  let at = start;
  return words.map((word) => {
    const length = letters === 0 ? 0 : ((end - start) * word.length) / letters;
    const timed = { word, start: at, end: at + length };
    at += length;
    return timed;
  });
}

/** Adds a stretch of transcript to what the answer box holds, with a space between. */
export function appendHeard(text: string, heard: string): string {
  if (!heard.trim()) return text;
  return text.trim() === '' ? heard.trim() : `${text.replace(/\s+$/, '')} ${heard.trim()}`;
}

/** What a live transcriber tells the page. */
export interface TranscriberEvents {
  /** A finished stretch of speech, as text, to add to the answer. */
  heard(text: string): void;
  /** What is being said now, still open to change. */
  hearing(text: string): void;
  /** Recognition stopped for good, in words (the language pack went missing, say). */
  failed(message: string): void;
}

/** Why recognition stopped, in words, for the errors that end it; null for the ones it recovers from. */
function recognitionProblem(error: string): string | null {
  if (error === 'no-speech' || error === 'aborted') return null;
  if (error === 'language-not-supported') return 'The on-device speech pack for English is missing, so this recording is not transcribed; type your answer as you listen back.';
  if (error === 'not-allowed' || error === 'service-not-allowed') return 'Speech recognition was not allowed here, so this recording is not transcribed; type your answer as you listen back.';
  return 'On-device speech recognition stopped, so the rest of this recording is not transcribed; type or correct your answer as you listen back.';
}

/**
 * Turns the microphone's speech into text on this device while it records: continuous, with interim
 * results, restarted when the recognizer ends on a long silence. Each final result is timed from when
 * its first interim result arrived to when it was final, on the recording's clock.
 */
export class LiveTranscriber {
  private readonly recognition: Recognition;
  private readonly words: TimedWord[] = [];
  private readonly firstHeard = new Map<number, number>();
  private stopping = false;
  private ended: Promise<void> = Promise.resolve();
  private endNow: () => void = () => undefined;

  constructor(
    lang: string,
    private readonly track: MediaStreamTrack | null,
    private readonly clock: () => number,
    private readonly events: TranscriberEvents,
  ) {
    const api = recognitionApi();
    if (!api) throw new Error('no SpeechRecognition');
    this.recognition = new api();
    this.recognition.lang = lang;
    this.recognition.continuous = true;
    this.recognition.interimResults = true;
    // The one setting that keeps the voice here: recognition must happen on this device, or not at all.
    this.recognition.processLocally = true;
    this.recognition.onresult = (event) => this.read(event);
    this.recognition.onerror = (event) => {
      const problem = recognitionProblem(event.error);
      if (problem === null) return;
      this.stopping = true;
      this.events.failed(problem);
    };
    this.recognition.onend = () => {
      // A continuous recognizer still ends after a long silence; while recording, it listens again.
      if (!this.stopping) return this.listen();
      this.endNow();
    };
  }

  /** Starts listening. */
  start(): void {
    this.listen();
  }

  private listen(): void {
    this.firstHeard.clear();
    this.ended = new Promise((resolve) => (this.endNow = resolve));
    try {
      // Given the recording's own track, it hears what is recorded; a browser without that argument opens the microphone itself.
      if (this.track) this.recognition.start(this.track);
      else this.recognition.start();
    } catch {
      try {
        this.recognition.start();
      } catch {
        this.stopping = true;
        this.endNow();
      }
    }
  }

  private read(event: RecognitionEvent): void {
    let interim = '';
    for (let i = event.resultIndex; i < event.results.length; i++) {
      const result = event.results[i];
      const text = result?.[0]?.transcript.trim() ?? '';
      if (!result || !text) continue;
      const now = this.clock();
      if (!this.firstHeard.has(i)) this.firstHeard.set(i, now);
      if (!result.isFinal) {
        interim += `${text} `;
        continue;
      }
      const previousEnd = this.words.at(-1)?.end ?? 0;
      this.words.push(...spreadWords(text, Math.max(previousEnd, this.firstHeard.get(i)!), Math.max(previousEnd, now)));
      this.events.heard(text);
    }
    this.events.hearing(interim.trim());
  }

  /** Stops listening; resolves with every word heard once the last result is in (or after two seconds). */
  async stop(): Promise<TimedWord[]> {
    this.stopping = true;
    try {
      this.recognition.stop();
    } catch {
      this.endNow();
    }
    await Promise.race([this.ended, new Promise((resolve) => setTimeout(resolve, 2000))]);
    this.events.hearing('');
    return [...this.words];
  }
}
