import { Worker } from 'node:worker_threads';
import type { Chunk } from './chunk.js';
import type { ChunkOutcome } from './line.js';

/** Judges chunks of lines, perhaps several at once; each promise settles with its own chunk's outcome. */
export interface ChunkJudge {
  /** How many chunks it judges at the same time. */
  readonly size: number;
  judge(chunk: Chunk): Promise<ChunkOutcome>;
  close(): Promise<void>;
}

interface Job {
  chunk: Chunk;
  resolve: (outcome: ChunkOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * The worker's entry. Built, it is worker.js. Run from source (tests, development), it is worker.ts,
 * and a worker thread does not inherit the main thread's TypeScript loader, so it loads tsx first.
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./worker.js', import.meta.url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const source = `const { tsImport } = await import(${JSON.stringify(tsx)}); await tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

/** The young generation of each worker's heap, twice V8's default on 64-bit machines. */
const YOUNG_GENERATION_MB = 96;

/** `size` worker threads, each judging one chunk at a time; chunks wait in a queue for the next free worker. */
export class WorkerPool implements ChunkJudge {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private failure: Error | null = null;

  constructor(readonly size: number) {
    const entry = workerEntry();
    for (let i = 0; i < size; i++) {
      // No heap limit: any cap on the old generation (even 512 MB) cost about 40% more CPU time in
      // collections, and memory stays flat without one, since at most a few chunks are in flight.
      // A young generation twice the default halves the scavenges an analysis's short-lived objects
      // cause (a fifth less time in them), for about 45 MB more per worker.
      const worker = new Worker(entry, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.on('message', (outcome: ChunkOutcome) => this.finish(worker, (job) => job.resolve(outcome)));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (this.busy.has(worker)) this.fail(new Error(`a batch worker stopped with code ${code}`));
      });
      this.idle.push(worker);
    }
  }

  judge(chunk: Chunk): Promise<ChunkOutcome> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ chunk, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.idle, ...this.busy.keys()].map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      // The packed bytes are handed over, not copied; the reader does not touch them again.
      worker.postMessage(job.chunk, [job.chunk.bytes.buffer as ArrayBuffer]);
    }
  }

  private finish(worker: Worker, settle: (job: Job) => void): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (job) settle(job);
    this.dispatch();
  }

  /** A worker that fails (out of memory, say) fails the whole batch: every waiting chunk is rejected. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of [...this.busy.values(), ...this.queue.splice(0)]) job.reject(this.failure);
    this.busy.clear();
  }
}
