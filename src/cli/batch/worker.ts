import { parentPort } from 'node:worker_threads';
import type { Chunk } from './chunk.js';
import { judgeChunk } from './line.js';

// A batch worker thread: judges each chunk it is sent and answers with the outcome, its reports' bytes handed over, not copied.
parentPort?.on('message', (chunk: Chunk) => {
  const outcome = judgeChunk(chunk);
  parentPort?.postMessage(outcome, [outcome.reports.buffer as ArrayBuffer]);
});
