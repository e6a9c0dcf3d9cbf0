import { StarlError } from '../core/errors.js';
import { readTextStream } from '../files/read.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 strictly (a BOM is dropped), so a binary or wrongly encoded file is refused, not misread. */
export function decodeUtf8(bytes: Uint8Array, where: { file?: string; line?: number } = {}): string {
  try {
    return UTF8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new StarlError('E_INPUT_NOT_UTF8', 'not UTF-8 text', where);
  }
}

/**
 * Answer, question, posting and story files are read whole up to this size; an answer itself is then
 * held to MAX_ANSWER_LENGTH characters by the analyzer.
 */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

/** Reads all of standard input as text (UTF-8, or UTF-16 with a byte order mark), up to `limit` bytes. */
export async function readStdin(limit: number, what: string): Promise<string> {
  return readTextStream(process.stdin, { what, limit });
}

/**
 * Yields the lines of a byte stream with their numbers, in constant memory: lines are cut on "\n" bytes
 * and decoded one at a time, so one bad line cannot spoil the rest. A line longer than `maxLine` bytes
 * is yielded as `null` (with its number) and skipped without being held.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>, maxLine: number): AsyncGenerator<{ line: number; bytes: Buffer | null }> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let overflow = false;
  let line = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let at = buffer.indexOf(10, from); at >= 0; at = buffer.indexOf(10, from)) {
      line++;
      const part = buffer.subarray(from, at);
      if (!overflow && pendingSize + part.length <= maxLine) yield { line, bytes: pending.length ? Buffer.concat([...pending, part]) : part };
      else yield { line, bytes: null };
      pending = [];
      pendingSize = 0;
      overflow = false;
      from = at + 1;
    }
    const rest = buffer.subarray(from);
    if (rest.length) {
      if (pendingSize + rest.length > maxLine) {
        overflow = true;
        pending = [];
        pendingSize = 0;
      } else if (!overflow) {
        pending.push(Buffer.from(rest));
        pendingSize += rest.length;
      }
    }
  }
  if (pendingSize > 0 || overflow) {
    line++;
    yield { line, bytes: overflow ? null : Buffer.concat(pending) };
  }
}
