import { StarlError } from '../core/errors.js';

/** The encodings a text file may come in; Windows tools write UTF-16 with a byte order mark. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** What a file holds ("transcript", "answer file"), for messages, and its name when there is one. */
export interface TextSource {
  what: string;
  file?: string;
}

/**
 * Turns a text file's bytes into text: UTF-8 with or without a byte order mark, or UTF-16 LE/BE with
 * one. A file with a NUL byte is binary; bytes that are not UTF-8 are refused with the line they are
 * on, never misread. Pure (only `TextDecoder`), so the browser decodes a dropped file the same way.
 *
 * @throws StarlError `E_INPUT_BINARY`, `E_INPUT_NOT_UTF8` or `E_INPUT_FILE` (UTF-16 cut in half).
 */
export function decodeText(bytes: Uint8Array, source: TextSource): { text: string; encoding: TextEncoding } {
  const where = (line: number) => (source.file === undefined ? { line } : { file: source.file, line });
  const encoding = detectEncoding(bytes);
  const body = encoding === 'utf-8' ? bytes : bytes.subarray(encoding === 'utf-8-bom' ? 3 : 2);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    if (body.length % 2 !== 0) throw new StarlError('E_INPUT_FILE', `the UTF-16 ${source.what} ends in half a character`, where(1));
    return { text: new TextDecoder(encoding, { fatal: false }).decode(body), encoding };
  }
  const nul = body.indexOf(0);
  if (nul !== -1) throw binaryError(body, source, lineAt(body, nul));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding };
  } catch {
    throw new StarlError('E_INPUT_NOT_UTF8', `the ${source.what} is not valid UTF-8 (save it as UTF-8 or UTF-16)`, where(lineAt(body, firstInvalidUtf8(body))));
  }
}

/** The encoding a byte order mark announces; UTF-8 without one. */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** The error for a file with a NUL byte, which text never has; UTF-16 without its mark is named as such. */
export function binaryError(bytes: Uint8Array, source: TextSource, line?: number): StarlError {
  const hint = looksLikeUtf16WithoutBom(bytes) ? ' (it looks like UTF-16 without a byte order mark: save it as UTF-8)' : '';
  const where = source.file === undefined ? (line === undefined ? undefined : { line }) : { file: source.file, ...(line === undefined ? {} : { line }) };
  return new StarlError('E_INPUT_BINARY', `the ${source.what} is a binary file, not text${hint}`, where);
}

/** ASCII text in UTF-16 has a zero in every other byte, and only there (all zeros is no text at all). */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 200);
  const zeros = [0, 0];
  sample.forEach((byte, index) => {
    if (byte === 0) zeros[index % 2]!++;
  });
  const half = sample.length / 2;
  const [even, odd] = zeros as [number, number];
  return half > 0 && Math.max(even, odd) >= 0.9 * half && Math.min(even, odd) <= 0.1 * half;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

/** The offset of the first line that breaks UTF-8, found by decoding line by line. */
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
