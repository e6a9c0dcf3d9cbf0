import { StarlError } from '../core/errors.js';
import { MAX_TRANSCRIPT_BYTES } from './parse.js';

/** The encodings a transcript file may come in; Windows tools write UTF-16 with a byte order mark. */
export type TranscriptEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/**
 * Turns a transcript file's bytes into text: UTF-8 with or without a BOM, or UTF-16 LE/BE with a BOM.
 * Throws a `StarlError` naming the problem and line for a file that is too large, binary, or not valid
 * UTF-8. Pure (uses only `TextDecoder`), so the browser can use it on a dropped file.
 */
export function decodeTranscript(bytes: Uint8Array, file?: string): { text: string; encoding: TranscriptEncoding } {
  const where = (line: number) => (file === undefined ? { line } : { file, line });
  if (bytes.length > MAX_TRANSCRIPT_BYTES) {
    throw new StarlError('E_INPUT_TOO_LONG', `the transcript is ${megabytes(bytes.length)} MB; the limit is ${megabytes(MAX_TRANSCRIPT_BYTES)} MB`, where(1));
  }
  const encoding = detectEncoding(bytes);
  const body = encoding === 'utf-8' ? bytes : bytes.subarray(encoding === 'utf-8-bom' ? 3 : 2);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    if (body.length % 2 !== 0) throw new StarlError('E_INPUT_FILE', 'the UTF-16 transcript ends in half a character', where(1));
    return { text: new TextDecoder(encoding, { fatal: false }).decode(body), encoding };
  }
  const nul = body.indexOf(0);
  if (nul !== -1) {
    const hint = looksLikeUtf16WithoutBom(body) ? ' (it looks like UTF-16 without a byte order mark: save it as UTF-8)' : '';
    throw new StarlError('E_INPUT_BINARY', `not a text file: found a NUL byte${hint}`, where(lineAt(body, nul)));
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding };
  } catch {
    const bad = firstInvalidUtf8(body);
    throw new StarlError('E_INPUT_NOT_UTF8', 'the transcript is not valid UTF-8 (save it as UTF-8 or UTF-16)', where(lineAt(body, bad)));
  }
}

function detectEncoding(bytes: Uint8Array): TranscriptEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** ASCII text in UTF-16 has a zero in every other byte. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 200);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return zeros >= sample.length / 3;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

/** The offset of the first byte that breaks UTF-8, found by decoding ever longer prefixes line by line. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lineStart = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(lineStart, index));
      } catch {
        return lineStart;
      }
      lineStart = index + 1;
    }
  }
  return bytes.length;
}

function megabytes(count: number): string {
  return (count / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}
