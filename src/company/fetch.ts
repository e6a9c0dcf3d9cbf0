import { StarlError } from '../core/errors.js';
import { htmlToText, looksLikeHtml } from './html.js';

/** Limits on fetching a page: a posting is a few hundred kilobytes at most. */
export interface FetchLimits {
  /** Give up after this long, headers and body together; default 15 000 ms. */
  timeoutMs?: number;
  /** Refuse a body larger than this; default 2 MiB. */
  maxBytes?: number;
}

/** How long a fetch may take, headers and body together: a slow careers site answers within seconds. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
/** The largest page Starl reads: a job posting's HTML is well under this, a 10 MB page is not a posting. */
export const DEFAULT_FETCH_MAX_BYTES = 2 * 1024 * 1024;

/** A fetched page reduced to text, and where it finally came from. */
export interface FetchedPage {
  url: string;
  text: string;
}

function networkError(url: string, message: string): StarlError {
  return new StarlError('E_NETWORK', `could not fetch ${url}: ${message}`);
}

/**
 * Fetches a page (http or https) within a time and size limit and reduces it to its text. The body is
 * read in chunks and the download stops as soon as it passes the limit, so a huge page never fills
 * memory.
 */
export async function fetchPageText(url: string, limits: FetchLimits = {}): Promise<FetchedPage> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StarlError('E_USAGE', `"${url}" is not a URL; give one like https://example.com/jobs/123`, { field: '--url' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new StarlError('E_USAGE', `only http and https URLs can be fetched, not ${parsed.protocol}`, { field: '--url' });
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const tooSlow = () => networkError(url, `no complete answer within ${timeoutMs / 1000} s`);
  const tooBig = () => networkError(url, `the page is larger than ${Math.round(maxBytes / 1024)} KiB; save the posting's text to a file and use --file`);
  try {
    let response: Response;
    try {
      response = await fetch(parsed, { signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      if (controller.signal.aborted) throw tooSlow();
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw networkError(url, cause?.code ?? cause?.message ?? (error as Error).message);
    }
    if (!response.ok) throw networkError(url, `the server answered ${response.status} ${response.statusText}`.trim());
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      controller.abort();
      throw tooBig();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    try {
      for (;;) {
        if (!reader) break;
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          controller.abort();
          throw tooBig();
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof StarlError) throw error;
      if (controller.signal.aborted) throw tooSlow();
      throw networkError(url, (error as Error).message);
    }
    const body = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
    const type = response.headers.get('content-type') ?? '';
    const text = type.includes('html') || looksLikeHtml(body) ? htmlToText(body) : body.trim();
    if (!text) throw networkError(url, 'the page has no text');
    return { url: response.url || url, text };
  } finally {
    clearTimeout(timer);
  }
}
