import { readFile, stat } from 'node:fs/promises';
import { StarlError } from '../core/errors.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 strictly (a BOM is dropped), so a binary or wrongly encoded file is refused, not misread. */
export function decodeUtf8(bytes: Uint8Array, where: { file?: string; line?: number } = {}): string {
  try {
    return UTF8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new StarlError('E_INPUT_NOT_UTF8', 'not UTF-8 text', where);
  }
}

/** Reads a UTF-8 text file after checking its size, so an oversized file is refused without being loaded. */
export async function readTextFile(file: string, limit: number, what: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new StarlError('E_INPUT_FILE', `cannot read the ${what} file`, { file });
  }
  if (size > limit) throw new StarlError('E_INPUT_TOO_LONG', `the ${what} file is ${size} bytes; the limit is ${limit}`, { file });
  return decodeUtf8(await readFile(file), { file });
}

/** Reads all of standard input as UTF-8, up to `limit` bytes. */
export async function readStdin(limit: number, what: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new StarlError('E_INPUT_TOO_LONG', `the ${what} on standard input is over the limit of ${limit} bytes`, { file: '<stdin>' });
    chunks.push(chunk as Buffer);
  }
  return decodeUtf8(Buffer.concat(chunks), { file: '<stdin>' });
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
