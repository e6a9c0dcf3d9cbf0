import { z } from 'zod';
import { analyze } from '../core/analyze.js';
import { EXIT, StarlError } from '../core/errors.js';
import { MAX_ANSWER_LENGTH } from '../core/validate.js';
import { openTextStream } from '../files/read.js';
import { decodeUtf8, readLines } from './io.js';
import { Progress } from './progress.js';
import { printError } from './print.js';

/** One input line of `starl analyze --jsonl`. */
const BatchLine = z.object({
  id: z.union([z.string(), z.number()]),
  question: z.string(),
  answer: z.string(),
  context: z.string().nullable().optional(),
});

/** A line may hold the longest answer plus a long context and the JSON around them. */
const MAX_LINE_BYTES = MAX_ANSWER_LENGTH * 4 + 200_000;

export interface BatchResult {
  written: number;
  skipped: number;
}

/**
 * Judges a JSONL stream line by line in constant memory, writing one report per line with the same id.
 * A bad line is reported on `errors` with its line number and skipped; the others are still written.
 */
export async function runBatch(
  input: AsyncIterable<Buffer | string>,
  write: (line: string) => boolean | Promise<void>,
  options: { file: string; errors: (message: string) => void; progress?: Progress | null },
): Promise<BatchResult> {
  const result: BatchResult = { written: 0, skipped: 0 };
  for await (const { line, bytes } of readLines(input, MAX_LINE_BYTES)) {
    try {
      if (bytes === null) throw new StarlError('E_INPUT_TOO_LONG', `the line is over ${MAX_LINE_BYTES} bytes`);
      const text = decodeUtf8(bytes).trim();
      if (!text) continue;
      const record = parseLine(text);
      const report = analyze({ question: record.question, answer: record.answer, context: record.context ?? null });
      const ok = write(`${JSON.stringify({ id: record.id, ...report })}\n`);
      if (ok instanceof Promise) await ok;
      result.written++;
    } catch (error) {
      result.skipped++;
      const message = error instanceof StarlError ? `${error.message}${error.where?.field ? ` (${error.where.field})` : ''} [${error.code}]` : String(error);
      options.errors(`${options.file}:${line}: ${message}`);
    }
    options.progress?.tick(line, bytes?.length ?? 0);
  }
  options.progress?.done();
  return result;
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

/** `starl analyze --jsonl [FILE]`: judges FILE (or standard input) to standard output; the exit code. */
export async function analyzeBatch(file: string | null): Promise<number> {
  const opened = file ? await openTextStream(file, 'JSONL file') : null;
  const input = opened?.chunks ?? process.stdin;
  const total = opened?.size ?? null;
  const write = (line: string): boolean | Promise<void> =>
    process.stdout.write(line) ? true : new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  const result = await runBatch(input, write, {
    file: file ?? '<stdin>',
    errors: (message) => printError(`starl: ${message}\n`),
    progress: Progress.forStderr(total),
  });
  if (result.skipped) process.stderr.write(`starl: ${result.skipped} line(s) skipped, ${result.written} written\n`);
  return result.skipped ? EXIT.error : EXIT.ok;
}
