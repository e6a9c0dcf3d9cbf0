import { decodeText, type TextEncoding } from '../files/decode.js';
import { tooLargeError } from '../files/size.js';
import { MAX_TRANSCRIPT_BYTES } from './parse.js';

/** The encodings a transcript file may come in; Windows tools write UTF-16 with a byte order mark. */
export type TranscriptEncoding = TextEncoding;

/**
 * Turns a transcript file's bytes into text: UTF-8 with or without a BOM, or UTF-16 LE/BE with a BOM.
 * Throws a `StarlError` naming the problem and line for a file that is too large, binary, or not valid
 * UTF-8. Pure (uses only `TextDecoder`), so the browser can use it on a dropped file.
 */
export function decodeTranscript(bytes: Uint8Array, file?: string): { text: string; encoding: TranscriptEncoding } {
  if (bytes.length > MAX_TRANSCRIPT_BYTES) throw tooLargeError('transcript', bytes.length, MAX_TRANSCRIPT_BYTES, file === undefined ? undefined : { file });
  return decodeText(bytes, file === undefined ? { what: 'transcript' } : { what: 'transcript', file });
}
