import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnalyzeInput } from '../core/types.js';
import { isEmptyDraft, type Analysis } from './analysis.js';
import type { AnalysisRequest, AnalysisResult } from './analysis-worker.js';

export type { Analysis } from './analysis.js';

/** A hook's end of the worker: where its results go, and the number of the newest draft it sent. */
interface Listener {
  deliver(seq: number, analysis: Analysis): void;
  newest(): number;
}

/** One analyzer worker for the whole page, shared by every hook; each hook talks on its own channel. */
let worker: Worker | null = null;
const listeners = new Map<number, Listener>();
let channels = 0;

const FAILED: Analysis = { state: 'error', message: 'Starl could not run its analyzer in this page; type again or reload the page to retry.' };

function analyzer(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
  started.addEventListener('message', (event: MessageEvent<AnalysisResult>) => listeners.get(event.data.channel)?.deliver(event.data.seq, event.data.analysis));
  // A worker that fails (it could not load, say) answers nothing more: every waiting hook says so, and the next draft starts a new one.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    console.warn('Starl analyzer worker failed:', event.message);
    if (worker === started) worker = null;
    started.terminate();
    for (const listener of listeners.values()) listener.deliver(listener.newest(), FAILED);
  });
  worker = started;
  return started;
}

/**
 * Analyses the draft in a Web Worker as the candidate types, so typing never waits for the analyzer.
 * The last result stays on screen until the next one arrives, and a result older than the one shown
 * is dropped: drafts are numbered, and only a higher number replaces what is shown.
 */
export function useAnalysis(input: AnalyzeInput): Analysis {
  const [shown, setShown] = useState<Analysis>({ state: 'pending' });
  const state = useRef({ channel: 0, requested: 0, shown: 0 });
  useEffect(() => {
    const own = state.current;
    own.channel = ++channels;
    listeners.set(own.channel, {
      deliver: (seq, analysis) => {
        if (seq <= own.shown) return;
        own.shown = seq;
        setShown(analysis);
      },
      newest: () => own.requested,
    });
    return () => {
      listeners.delete(own.channel);
    };
  }, []);
  useEffect(() => {
    const own = state.current;
    const seq = ++own.requested;
    // Nothing to judge needs no analyzer, and a late result for an earlier draft must not replace it.
    if (isEmptyDraft(input)) {
      own.shown = seq;
      setShown({ state: 'empty' });
      return;
    }
    const request: AnalysisRequest = { channel: own.channel, seq, input };
    analyzer().postMessage(request);
  }, [input.question, input.answer, input.context, input.company?.name]);
  return shown;
}
