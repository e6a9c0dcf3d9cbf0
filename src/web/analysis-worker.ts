import { analyze } from '../core/analyze.js';
import { StarlError } from '../core/errors.js';
import type { AnalyzeInput } from '../core/types.js';
import { isEmptyDraft, type Analysis } from './analysis.js';

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

/** Analyzes a draft, turning the analyzer's input errors into a message for the page. */
function analyzeDraft(input: AnalyzeInput): Analysis {
  if (isEmptyDraft(input)) return { state: 'empty' };
  try {
    return { state: 'report', report: analyze(input), answer: input.answer };
  } catch (error) {
    if (error instanceof StarlError) return { state: 'error', message: error.message };
    console.error(error);
    return { state: 'error', message: 'Starl could not analyse this answer; the browser console has the details.' };
  }
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
