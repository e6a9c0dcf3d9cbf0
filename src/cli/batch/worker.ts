import { parentPort } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import type { Chunk } from './chunk.js';
import { judgeChunk } from './line.js';

// Patterns built from a company's name are new to each batch and every scan runs one at least twice (the
// last run finds nothing), so V8 would compile each twice, for its interpreter and then to machine code;
// compiling to machine code at once halves what a new company costs. The flag changes speed only.
setFlagsFromString('--no-regexp-tier-up');

// A batch worker thread: judges each chunk it is sent and answers with the outcome, its reports' bytes handed over, not copied.
parentPort?.on('message', (chunk: Chunk) => {
  const outcome = judgeChunk(chunk);
  parentPort?.postMessage(outcome, [outcome.reports.buffer as ArrayBuffer]);
});
