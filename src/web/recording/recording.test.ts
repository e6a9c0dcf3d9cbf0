import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRecordShortcut } from '../components/recorder-panel.js';
import { mixToMono } from './decode.js';
import { microphoneProblem, recorderType } from './support.js';
import { appendHeard, onDeviceSpeech, recognitionLanguage, spreadWords } from './transcriber.js';

afterEach(() => vi.unstubAllGlobals());

/** A SpeechRecognition as a browser might offer it: with or without on-device processing, and what `available()` answers. */
function recognizer(options: { processLocally: boolean; available?: string | Error }) {
  const calls: unknown[] = [];
  class Recognition {
    static available = options.available === undefined
      ? undefined
      : (asked: unknown) => {
          calls.push(asked);
          return options.available instanceof Error ? Promise.reject(options.available) : Promise.resolve(options.available);
        };
  }
  if (options.processLocally) (Recognition.prototype as { processLocally?: boolean }).processLocally = false;
  return { Recognition, calls };
}

describe('on-device speech recognition', () => {
  it('is used only where the browser can promise to keep the audio on the device', async () => {
    const ready = recognizer({ processLocally: true, available: 'available' });
    vi.stubGlobal('SpeechRecognition', ready.Recognition);
    expect(await onDeviceSpeech('en-GB')).toEqual({ state: 'on-device', lang: 'en-GB' });
    expect(ready.calls).toEqual([{ langs: ['en-GB'], processLocally: true }]);
  });

  it('offers to install the language pack the browser can download, and waits for one it is downloading', async () => {
    vi.stubGlobal('SpeechRecognition', recognizer({ processLocally: true, available: 'downloadable' }).Recognition);
    expect(await onDeviceSpeech('en-US')).toEqual({ state: 'installable', lang: 'en-US' });
    vi.stubGlobal('SpeechRecognition', recognizer({ processLocally: true, available: 'downloading' }).Recognition);
    expect(await onDeviceSpeech('en-US')).toEqual({ state: 'installing', lang: 'en-US' });
  });

  it('is unavailable, in one line, where recognition would go to a cloud service or is not there at all', async () => {
    // A recognizer without processLocally (Chromium's before on-device recognition) sends audio away.
    vi.stubGlobal('webkitSpeechRecognition', recognizer({ processLocally: false, available: 'available' }).Recognition);
    const cloud = await onDeviceSpeech('en-US');
    expect(cloud).toEqual({ state: 'unavailable', reason: expect.stringContaining('type or correct your answer as you listen back') });
    vi.stubGlobal('SpeechRecognition', recognizer({ processLocally: true, available: 'unavailable' }).Recognition);
    expect((await onDeviceSpeech('en-US')).state).toBe('unavailable');
    vi.stubGlobal('SpeechRecognition', recognizer({ processLocally: true, available: new Error('blocked by permissions policy') }).Recognition);
    expect((await onDeviceSpeech('en-US')).state).toBe('unavailable');
    vi.stubGlobal('SpeechRecognition', undefined);
    vi.stubGlobal('webkitSpeechRecognition', undefined);
    expect((await onDeviceSpeech('en-US')).state).toBe('unavailable');
  });

  it('listens for the browser\'s own English, else US English', () => {
    expect(recognitionLanguage(['de-DE', 'en-GB', 'en-US'])).toBe('en-GB');
    expect(recognitionLanguage(['en', 'fr-FR'])).toBe('en-US');
    expect(recognitionLanguage([])).toBe('en-US');
  });

  it('spreads a result\'s words over its time by their length, since the API gives no word times', () => {
    expect(spreadWords('I led teams', 10, 19)).toEqual([
      { word: 'I', start: 10, end: 11 },
      { word: 'led', start: 11, end: 14 },
      { word: 'teams', start: 14, end: 19 },
    ]);
    expect(spreadWords('  ', 0, 1)).toEqual([]);
  });

  it('adds what it heard to what was typed, with one space between', () => {
    expect(appendHeard('', ' At my last job ')).toBe('At my last job');
    expect(appendHeard('I typed this.  \n', 'Then I said this.')).toBe('I typed this. Then I said this.');
    expect(appendHeard('Kept as it is', '   ')).toBe('Kept as it is');
  });
});

describe('recording', () => {
  it('asks MediaRecorder for Opus in WebM, then Ogg, then whatever it writes that Starl keeps', () => {
    expect(recorderType(() => true)).toBe('audio/webm;codecs=opus');
    expect(recorderType((type) => type.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
    expect(recorderType((type) => type === 'audio/mp4')).toBe('audio/mp4');
    expect(recorderType(() => false)).toBeNull();
  });

  it('says what a refused or missing microphone means', () => {
    expect(microphoneProblem(new DOMException('denied', 'NotAllowedError'))).toMatch(/^Microphone access was refused/);
    expect(microphoneProblem(new DOMException('none', 'NotFoundError'))).toMatch(/^No microphone was found/);
    expect(microphoneProblem(new DOMException('busy', 'NotReadableError'))).toMatch(/another program may be using it/);
    expect(microphoneProblem(new Error('strange'))).toMatch(/could not be opened/);
  });

  it('starts and stops on Alt+R (Option+R on a Mac), by the key\'s place, and on nothing else', () => {
    const key = { altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, code: 'KeyR' };
    expect(isRecordShortcut(key)).toBe(true);
    expect(isRecordShortcut({ ...key, altKey: false })).toBe(false);
    expect(isRecordShortcut({ ...key, ctrlKey: true })).toBe(false);
    expect(isRecordShortcut({ ...key, shiftKey: true })).toBe(false);
    expect(isRecordShortcut({ ...key, code: 'KeyT' })).toBe(false);
  });

  it('averages a recording\'s channels into one for measuring', () => {
    expect(Array.from(mixToMono([Float32Array.from([0.5, -1]), Float32Array.from([0.25, 1])]))).toEqual([0.375, 0]);
    const mono = Float32Array.from([0.1, 0.2]);
    const copy = mixToMono([mono]);
    expect(copy).toEqual(mono);
    expect(copy).not.toBe(mono);
  });
});
