import { StarlError } from '../core/errors.js';
import { measureDelivery, type DeliveryMeasures, type Transcript } from '../delivery/index.js';

/** A recording to measure, decoded to mono samples, with the answer's text when there is one. */
export interface DeliveryRequest {
  seq: number;
  samples: Float32Array;
  sampleRate: number;
  transcript: Transcript | null;
}

/** The measures of one request, why there are none, or that a newer request replaced it before it was measured. */
export type DeliveryResult = { seq: number; measures: DeliveryMeasures } | { seq: number; error: string } | { seq: number; skipped: true };

/** The worker's side of its messages (the project's types describe a window, not a worker). */
const scope = self as unknown as {
  postMessage(result: DeliveryResult): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DeliveryRequest>) => void): void;
};

/**
 * Delivery measured off the page's main thread: a two-minute recording takes long enough to be felt
 * in the answer box. Requests that arrive while it is busy wait, and only the newest is measured.
 */
let waiting: DeliveryRequest | null = null;
let scheduled = false;

function next(): void {
  scheduled = false;
  const request = waiting;
  waiting = null;
  if (!request) return;
  try {
    scope.postMessage({ seq: request.seq, measures: measureDelivery(request.samples, request.sampleRate, request.transcript ?? undefined) });
  } catch (error) {
    if (!(error instanceof StarlError)) console.error(error);
    scope.postMessage({ seq: request.seq, error: error instanceof StarlError ? error.message : 'Starl could not measure this recording; the browser console has the details.' });
  }
}

scope.addEventListener('message', (event: MessageEvent<DeliveryRequest>) => {
  if (waiting) scope.postMessage({ seq: waiting.seq, skipped: true });
  waiting = event.data;
  if (scheduled) return;
  scheduled = true;
  // A task, not a microtask: requests that arrived during the last measuring are read first.
  setTimeout(next, 0);
});
