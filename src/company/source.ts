import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StarlError } from '../core/errors.js';
import { fetchPageText, type FetchLimits } from './fetch.js';
import { htmlToText, looksLikeHtml } from './html.js';

/** A job posting or company text, reduced to plain text, and where it came from. */
export interface Posting {
  text: string;
  source: string;
}

/** Where to read a posting from: a file, a URL, or standard input when it is not a terminal. */
export interface PostingSource {
  file?: string;
  url?: string;
  stdin?: Readable & { isTTY?: boolean };
  limits?: FetchLimits;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function plain(text: string): string {
  return looksLikeHtml(text) ? htmlToText(text) : text.trim();
}

/**
 * Reads a posting from the one source given. Returns null when there is none (no file, no URL and
 * standard input is a terminal or empty).
 */
export async function readPosting(from: PostingSource): Promise<Posting | null> {
  if (from.file && from.url) throw new StarlError('E_USAGE', 'give either --file or --url, not both');
  if (from.url) {
    const page = await fetchPageText(from.url, from.limits);
    return { text: page.text, source: page.url };
  }
  if (from.file) {
    let raw: Buffer;
    try {
      raw = await readFile(from.file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
      throw new StarlError('E_INPUT_FILE', `cannot read the posting: ${why}`, { file: from.file });
    }
    if (raw.subarray(0, 8000).includes(0)) throw new StarlError('E_INPUT_BINARY', 'the posting is not a text file', { file: from.file });
    const text = plain(raw.toString('utf8'));
    if (!text) throw new StarlError('E_INPUT_EMPTY_ANSWER', 'the posting file is empty', { file: from.file });
    return { text, source: from.file };
  }
  if (from.stdin && !from.stdin.isTTY) {
    const text = plain(await readAll(from.stdin));
    return text ? { text, source: 'stdin' } : null;
  }
  return null;
}
