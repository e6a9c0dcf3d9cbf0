import type { AnalyzeInput } from '../core/types.js';
import { analyzeDraft, type Analysis } from './analyze-draft.js';

/** A draft to analyse, from one hook (`channel`), numbered in the order it was typed. */
export interface AnalysisRequest {
  channel: number;
  seq: number;
  input: AnalyzeInput;
}

/** The analysis of one request, sent back to the page. */
export interface AnalysisResult {
  channel: number;
  seq: number;
  analysis: Analysis;
}

/** The worker's side of its messages (the project's types describe a window, not a worker). */
const scope = self as unknown as {
  postMessage(result: AnalysisResult): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalysisRequest>) => void): void;
};

/**
 * The analyzer, off the page's main thread. Requests that arrive while it is busy wait; a newer one
 * from the same channel replaces an older one still waiting, so after a burst of typing only the
 * latest draft is analysed.
 */
const waiting = new Map<number, AnalysisRequest>();
let scheduled = false;

function next(): void {
  scheduled = false;
  const [channel, request] = waiting.entries().next().value ?? [];
  if (channel === undefined || !request) return;
  waiting.delete(channel);
  scope.postMessage({ channel, seq: request.seq, analysis: analyzeDraft(request.input) });
  schedule();
}

function schedule(): void {
  if (scheduled || waiting.size === 0) return;
  scheduled = true;
  // A task, not a microtask: messages that arrived during the last analysis are read first.
  setTimeout(next, 0);
}

scope.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  waiting.delete(event.data.channel);
  waiting.set(event.data.channel, event.data);
  schedule();
});
