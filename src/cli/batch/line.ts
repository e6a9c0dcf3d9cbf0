import { z } from 'zod';
import { analyze } from '../../core/analyze.js';
import { StarlError } from '../../core/errors.js';
import { decodeUtf8 } from '../io.js';
import { MAX_LINE_BYTES, type Chunk } from './chunk.js';

/** One input line of `starl analyze --jsonl`. */
const BatchLine = z.object({
  id: z.union([z.string(), z.number()]),
  question: z.string(),
  answer: z.string(),
  context: z.string().nullable().optional(),
});

/** What became of one input line: its report as one JSON line, nothing (a blank line), or why it was skipped. */
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
    return { kind: 'report', json: `${JSON.stringify({ id: record.id, ...report })}\n` };
  } catch (error) {
    const message = error instanceof StarlError ? `${error.message}${error.where?.field ? ` (${error.where.field})` : ''} [${error.code}]` : String(error);
    return { kind: 'error', message };
  }
}

function parseLine(text: string): z.infer<typeof BatchLine> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StarlError('E_INPUT_BAD_JSON', 'not valid JSON');
  }
  const parsed = BatchLine.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'line';
    const what = issue.code === 'invalid_type' && issue.message.includes('undefined') ? 'is missing' : `is wrong: ${issue.message}`;
    throw new StarlError('E_INPUT_BAD_FIELD', `"${field}" ${what}`);
  }
  return parsed.data;
}

/** Judges every line of a chunk, in order. */
export function judgeChunk(chunk: Chunk): LineOutcome[] {
  let from = 0;
  return chunk.ends.map((end) => {
    if (end < 0) return judgeLine(null);
    const outcome = judgeLine(chunk.bytes.subarray(from, end));
    from = end;
    return outcome;
  });
}
