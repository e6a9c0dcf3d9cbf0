import { MAX_ANSWER_LENGTH } from '../../core/validate.js';

/** A line may hold the longest answer plus a long context and the JSON around them. */
export const MAX_LINE_BYTES = MAX_ANSWER_LENGTH * 4 + 200_000;

/** A line as the reader yields it: its number, and its bytes or null when it was over the limit. */
export interface NumberedLine {
  line: number;
  bytes: Uint8Array | null;
}

/**
 * Lines judged together, packed into one buffer so that one message to a worker carries many of
 * them and the buffer can be transferred rather than copied. `ends[i]` is where line i stops in
 * `bytes`, or -1 when it was over the limit.
 */
export interface Chunk {
  lines: number[];
  ends: number[];
  bytes: Uint8Array;
}

/** Packs lines into one chunk. */
export function packChunk(lines: readonly NumberedLine[]): Chunk {
  const bytes = new Uint8Array(lines.reduce((sum, l) => sum + (l.bytes?.length ?? 0), 0));
  const ends: number[] = [];
  let at = 0;
  for (const { bytes: line } of lines) {
    if (line === null) {
      ends.push(-1);
      continue;
    }
    bytes.set(line, at);
    at += line.length;
    ends.push(at);
  }
  return { lines: lines.map((l) => l.line), ends, bytes };
}
