import { parentPort } from 'node:worker_threads';
import type { Chunk } from './chunk.js';
import { judgeChunk } from './line.js';

// A batch worker thread: judges each chunk it is sent and answers with the outcomes, in order.
parentPort?.on('message', (chunk: Chunk) => parentPort?.postMessage(judgeChunk(chunk)));
