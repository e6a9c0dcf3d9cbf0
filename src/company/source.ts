import type { Readable } from 'node:stream';
import { StarlError } from '../core/errors.js';
import { readTextFile, readTextStream, type ReadLimit } from '../files/read.js';
import { DEFAULT_FETCH_MAX_BYTES, fetchPageText, type FetchLimits } from './fetch.js';
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

/** A posting from a file or standard input may be as large as a fetched page. */
const POSTING: ReadLimit = { what: 'posting', limit: DEFAULT_FETCH_MAX_BYTES };

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
    const text = plain(await readTextFile(from.file, POSTING));
    if (!text) throw new StarlError('E_INPUT_EMPTY_ANSWER', 'the posting file is empty', { file: from.file });
    return { text, source: from.file };
  }
  if (from.stdin && !from.stdin.isTTY) {
    const text = plain(await readTextStream(from.stdin, POSTING));
    return text ? { text, source: 'stdin' } : null;
  }
  return null;
}
