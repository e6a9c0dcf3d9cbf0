import { createRequire } from 'node:module';
import type { z } from 'zod';
import { analyze } from '../../core/analyze.js';
import { StarlError } from '../../core/errors.js';
import { decodeUtf8 } from '../io.js';
import { MAX_LINE_BYTES, type Chunk } from './chunk.js';

/** One input line of `starl analyze --jsonl`, as JSON.parse gives it once it is valid. */
interface BatchLine {
  id: string | number;
  question: string;
  answer: string;
  context?: string | null;
}

/** The schema that explains what is wrong with a line; loaded only for a bad line, since zod takes about 100 ms to load. */
let schema: z.ZodType<BatchLine> | null = null;
function batchLineSchema(): z.ZodType<BatchLine> {
  if (schema) return schema;
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  schema = z.object({
    id: z.union([z.string(), z.number()]),
    question: z.string(),
    answer: z.string(),
    context: z.string().nullable().optional(),
  });
  return schema;
}

/** The lines the schema accepts, checked by hand so that a good line never waits on zod. */
function isBatchLine(value: unknown): value is BatchLine {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { id, question, answer, context } = value as Record<string, unknown>;
  return (
    (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) &&
    typeof question === 'string' &&
    typeof answer === 'string' &&
    (context === undefined || context === null || typeof context === 'string')
  );
}

/** What became of one input line: its report as JSON on one line (without the "\n"), nothing (a blank line), or why it was skipped. */
export type LineOutcome = { kind: 'report'; json: string } | { kind: 'blank' } | { kind: 'error'; message: string };

/**
 * Judges one line of a batch: `bytes` is the line without its "\n", or null when it was over the limit.
 * Never throws: a bad line becomes an error outcome with the message the batch prints for it.
 */
export function judgeLine(bytes: Uint8Array | null): LineOutcome {
  try {
    if (bytes === null) throw new StarlError('E_INPUT_TOO_LONG', `the line is over ${MAX_LINE_BYTES} bytes`);
    const text = decodeUtf8(bytes).trim();
    if (!text) return { kind: 'blank' };
    const record = parseLine(text);
    const report = analyze({ question: record.question, answer: record.answer, context: record.context ?? null });
    return { kind: 'report', json: JSON.stringify({ id: record.id, ...report }) };
  } catch (error) {
    const message = error instanceof StarlError ? `${error.message}${error.where?.field ? ` (${error.where.field})` : ''} [${error.code}]` : String(error);
    return { kind: 'error', message };
  }
}

function parseLine(text: string): BatchLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StarlError('E_INPUT_BAD_JSON', 'not valid JSON');
  }
  if (isBatchLine(value)) return value;
  const parsed = batchLineSchema().safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'line';
    const what = issue.code === 'invalid_type' && issue.message.includes('undefined') ? 'is missing' : `is wrong: ${issue.message}`;
    throw new StarlError('E_INPUT_BAD_FIELD', `"${field}" ${what}`);
  }
  return parsed.data;
}

/** A line of a chunk that was skipped: its place in the chunk, where it falls in the reports' bytes, and why. */
export interface SkippedLine {
  index: number;
  at: number;
  message: string;
}

/**
 * What became of a chunk's lines, in a form that crosses between threads cheaply: all the reports as
 * one block of UTF-8 bytes, which can be transferred rather than cloned object by object, and the
 * skipped lines in order.
 */
export interface ChunkOutcome {
  reports: Uint8Array;
  written: number;
  skipped: SkippedLine[];
}

/** Judges every line of a chunk, in order. */
export function judgeChunk(chunk: Chunk): ChunkOutcome {
  const reports: string[] = [];
  const skipped: SkippedLine[] = [];
  let bytes = 0;
  let from = 0;
  chunk.ends.forEach((end, index) => {
    const outcome = judgeLine(end < 0 ? null : chunk.bytes.subarray(from, end));
    if (end >= 0) from = end;
    if (outcome.kind === 'report') {
      reports.push(outcome.json);
      bytes += Buffer.byteLength(outcome.json) + 1;
    } else if (outcome.kind === 'error') {
      skipped.push({ index, at: bytes, message: outcome.message });
    }
  });
  return { reports: joinLines(reports, bytes), written: reports.length, skipped };
}

/**
 * The lines in UTF-8, each ended by "\n", written one by one into a buffer of `bytes` bytes: joining
 * the strings first would copy every report once more before encoding it.
 */
function joinLines(lines: readonly string[], bytes: number): Uint8Array {
  // Memory of its own, not a slice of Node's shared pool, since it is handed to another thread.
  const buffer = Buffer.allocUnsafeSlow(bytes);
  let at = 0;
  for (const line of lines) {
    at += buffer.write(line, at);
    buffer[at++] = 0x0a;
  }
  return buffer;
}
