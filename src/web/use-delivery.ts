import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Report } from '../core/types.js';
import { timePerStarPart, type AnswerDelivery, type DeliveryMeasures } from '../delivery/index.js';
import type { DeliveryRequest, DeliveryResult } from './delivery-worker.js';
import { decodeToMono, type MonoAudio } from './recording/decode.js';
import type { RecordedAudio } from './recording/recorder.js';

/** How long the answer must stay unchanged before its recording is measured again with the new text. */
const TEXT_SETTLE_MS = 400;

/** One measuring worker for the whole page, started on the first recording. */
let worker: Worker | null = null;
let requests = 0;
const pending = new Map<number, { resolve: (measures: DeliveryMeasures | null) => void; reject: (error: Error) => void }>();

function measurer(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./delivery-worker.ts', import.meta.url), { type: 'module' });
  started.addEventListener('message', (event: MessageEvent<DeliveryResult>) => {
    const result = event.data;
    const waiting = pending.get(result.seq);
    pending.delete(result.seq);
    if ('measures' in result) waiting?.resolve(result.measures);
    else if ('error' in result) waiting?.reject(new Error(result.error));
    else waiting?.resolve(null);
  });
  // A worker that fails answers nothing more: every waiting request says so, and the next one starts a new worker.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    console.warn('Starl delivery worker failed:', event.message);
    if (worker === started) worker = null;
    started.terminate();
    for (const waiting of pending.values()) waiting.reject(new Error('Starl could not measure the recording in this page; record again or reload the page to retry.'));
    pending.clear();
  });
  worker = started;
  return started;
}

/** Each recording is decoded once, however often its text changes. */
const decoded = new WeakMap<Blob, Promise<MonoAudio>>();
/** The newest measuring of each recording, with the text it was for: asking again for the same text waits on it. */
const lastMeasured = new WeakMap<Blob, { text: string; measures: Promise<DeliveryMeasures | null> }>();

function decode(audio: RecordedAudio): Promise<MonoAudio> {
  let mono = decoded.get(audio.blob);
  if (!mono) {
    mono = decodeToMono(audio.blob).catch(() => {
      decoded.delete(audio.blob);
      throw new Error('This browser could not decode the recording, so its delivery is not measured.');
    });
    decoded.set(audio.blob, mono);
  }
  return mono;
}

/**
 * A recording's delivery measures, with the answer's `text` (its words and fillers) when it has any:
 * decoded in the page, measured in a Web Worker. Null when a newer request replaced this one first.
 */
export function measureRecording(audio: RecordedAudio, text: string): Promise<DeliveryMeasures | null> {
  const last = lastMeasured.get(audio.blob);
  if (last?.text === text) return last.measures;
  const measures = decode(audio).then(
    ({ samples, sampleRate }) =>
      new Promise<DeliveryMeasures | null>((resolve, reject) => {
        const seq = ++requests;
        pending.set(seq, { resolve, reject });
        // A copy goes to the worker, so the decoded samples stay here for the next text.
        const request: DeliveryRequest = { seq, samples, sampleRate, transcript: text.trim() ? { text } : null };
        measurer().postMessage(request);
      }),
  );
  lastMeasured.set(audio.blob, { text, measures });
  // A failed or skipped measuring is asked again next time.
  void measures.then(
    (found) => found === null && lastMeasured.get(audio.blob)?.measures === measures && lastMeasured.delete(audio.blob),
    () => lastMeasured.get(audio.blob)?.measures === measures && lastMeasured.delete(audio.blob),
  );
  return measures;
}

/** A recording's delivery for saving: measured again if need be, never lost to a newer request. */
export async function deliveryOf(audio: RecordedAudio, text: string, report: Pick<Report, 'sentences'> | null): Promise<AnswerDelivery> {
  const measures = (await measureRecording(audio, text)) ?? (await measureRecording(audio, text));
  if (!measures) throw new Error('Starl could not measure the recording; submit again to retry.');
  return { measures, starParts: starPartsOf(audio, report) };
}

/** The seconds per STAR(L) part, when the recording has word times and the report labels a story. */
function starPartsOf(audio: RecordedAudio, report: Pick<Report, 'sentences'> | null): AnswerDelivery['starParts'] {
  return report && audio.words && audio.words.length > 0 ? timePerStarPart(report.sentences, audio.words) : null;
}

/** What the Delivery panel shows for the recording being made: nothing yet, its delivery (and the text it was measured with), or why there is none. */
export type DeliveryState = { state: 'none' } | { state: 'measuring' } | { state: 'ready'; delivery: AnswerDelivery; forText: string } | { state: 'error'; message: string };

/**
 * The delivery of the recording made for an answer, measured again (off the main thread) once the
 * answer's text settles, so typing never waits. The last measures stay shown while new ones are made.
 */
export function useDelivery(audio: RecordedAudio | null, text: string, report: Pick<Report, 'sentences'> | null): DeliveryState {
  const [measured, setMeasured] = useState<{ audio: RecordedAudio; text: string; measures: DeliveryMeasures } | { audio: RecordedAudio; error: string } | null>(null);
  useEffect(() => {
    if (!audio) return;
    let current = true;
    // A new recording is measured at once; a change of text waits until typing pauses.
    const timer = setTimeout(
      () =>
        void measureRecording(audio, text).then(
          (measures) => current && measures && setMeasured({ audio, text, measures }),
          (error: Error) => current && setMeasured({ audio, error: error.message }),
        ),
      measured?.audio === audio ? TEXT_SETTLE_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [audio, text]);
  // The same delivery object while nothing changed, so the report it is shown in is not drawn again.
  return useMemo((): DeliveryState => {
    if (!audio) return { state: 'none' };
    if (!measured || measured.audio !== audio) return { state: 'measuring' };
    if ('error' in measured) return { state: 'error', message: measured.error };
    return { state: 'ready', delivery: { measures: measured.measures, starParts: starPartsOf(audio, report) }, forText: measured.text };
  }, [audio, measured, report]);
}

/** A line on the recording's delivery while it is measured or when it cannot be; nothing otherwise. */
export function deliveryNote(delivery: DeliveryState): string | null {
  if (delivery.state === 'measuring') return 'Measuring the delivery of your recording…';
  if (delivery.state === 'error') return delivery.message;
  return null;
}
