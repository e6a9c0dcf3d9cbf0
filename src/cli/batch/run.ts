import { EXIT } from '../../core/errors.js';
import { openTextStream } from '../../files/read.js';
import { readLines } from '../io.js';
import { printError } from '../print.js';
import { Progress } from '../progress.js';
import { MAX_LINE_BYTES, packChunk, type Chunk, type NumberedLine } from './chunk.js';
import type { ChunkOutcome } from './line.js';
import { WorkerPool, type ChunkJudge } from './pool.js';

export interface BatchResult {
  written: number;
  skipped: number;
}

/** Lines per chunk: enough that a message to a worker costs little beside judging them, few enough to keep workers busy. */
const CHUNK_LINES = 64;
/** A chunk is also cut at this many bytes, so long answers do not make one chunk hold megabytes. */
const CHUNK_BYTES = 256 * 1024;
/** Chunks in flight per worker: one being judged and one waiting, so no worker waits for the reader. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Judges a JSONL stream in constant memory, writing one report per line with the same id, in input
 * order. Lines go to `judge` in chunks, at most a fixed number in flight, so memory stays flat
 * however long the input. A bad line is reported on `errors` with its line number and skipped; the
 * others are still written.
 */
export async function runBatch(
  input: AsyncIterable<Buffer | string>,
  write: (bytes: Uint8Array) => boolean | Promise<void>,
  options: { file: string; judge: ChunkJudge; errors: (message: string) => void; progress?: Progress | null },
): Promise<BatchResult> {
  const result: BatchResult = { written: 0, skipped: 0 };
  const inFlight: { chunk: Chunk; sizes: number[]; outcome: Promise<ChunkOutcome> }[] = [];
  const send = (lines: NumberedLine[]): void => {
    const chunk = packChunk(lines);
    const outcome = options.judge.judge(chunk);
    // A failure is thrown when this chunk's turn comes; until then it must not count as unhandled.
    outcome.catch(() => undefined);
    // Sizes are kept apart: the chunk's bytes are handed to the worker.
    inFlight.push({ chunk, sizes: lines.map((l) => l.bytes?.length ?? 0), outcome });
  };
  const writeOldest = async (): Promise<void> => {
    const { chunk, sizes } = inFlight[0]!;
    const { reports, written, skipped } = await inFlight.shift()!.outcome;
    let ticked = 0;
    const tickUntil = (index: number): void => {
      for (; ticked < index; ticked++) options.progress?.tick(chunk.lines[ticked]!, sizes[ticked]!);
    };
    // The reports are written in runs, each cut where a skipped line's error is to be told.
    let from = 0;
    for (const line of skipped) {
      if (line.at > from) await write(reports.subarray(from, line.at));
      from = line.at;
      tickUntil(line.index);
      result.skipped++;
      options.errors(`${options.file}:${chunk.lines[line.index]}: ${line.message}`);
    }
    if (from < reports.length) await write(reports.subarray(from));
    tickUntil(chunk.lines.length);
    result.written += written;
  };

  let lines: NumberedLine[] = [];
  let bytes = 0;
  for await (const line of readLines(input, MAX_LINE_BYTES)) {
    lines.push(line);
    bytes += line.bytes?.length ?? 0;
    if (lines.length < CHUNK_LINES && bytes < CHUNK_BYTES) continue;
    send(lines);
    lines = [];
    bytes = 0;
    if (inFlight.length >= options.judge.size * IN_FLIGHT_PER_WORKER) await writeOldest();
  }
  if (lines.length) send(lines);
  while (inFlight.length) await writeOldest();
  options.progress?.done();
  return result;
}

/**
 * `starl analyze --jsonl [FILE]`: judges FILE (or standard input) to standard output on `workers`
 * threads, and returns the exit code. This thread only reads and writes; the workers judge.
 */
export async function analyzeBatch(file: string | null, workers: number): Promise<number> {
  const opened = file ? await openTextStream(file, 'JSONL file') : null;
  const input = opened?.chunks ?? process.stdin;
  const total = opened?.size ?? null;
  const write = (bytes: Uint8Array): boolean | Promise<void> =>
    process.stdout.write(bytes) ? true : new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  const judge = new WorkerPool(workers);
  try {
    const result = await runBatch(input, write, {
      file: file ?? '<stdin>',
      judge,
      errors: (message) => printError(`starl: ${message}\n`),
      progress: Progress.forStderr(total),
    });
    if (result.skipped) process.stderr.write(`starl: ${result.skipped} line(s) skipped, ${result.written} written\n`);
    return result.skipped ? EXIT.error : EXIT.ok;
  } finally {
    await judge.close();
  }
}
