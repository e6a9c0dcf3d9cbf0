import { StarlError } from '../core/errors.js';
import { MAX_RECORDING_BYTES, MAX_RECORDING_SECONDS, RECORDING_LIMIT_TEXT } from './limits.js';

/**
 * The containers a browser's MediaRecorder writes compressed audio in: WebM (Chromium, Firefox), Ogg
 * (Firefox) and MP4 (Safari). Starl keeps a recording in the container it was recorded in.
 */
export const RECORDING_MEDIA_TYPES = ['audio/webm', 'audio/ogg', 'audio/mp4'] as const;

/** One of {@link RECORDING_MEDIA_TYPES}. */
export type RecordingMediaType = (typeof RECORDING_MEDIA_TYPES)[number];

/**
 * What the page asks MediaRecorder for, best first: Opus is made for speech and compresses it best;
 * the bare containers let a browser pick its own codec.
 */
export const PREFERRED_RECORDER_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg'] as const;

/** A content type without its parameters, lower-cased: `audio/webm;codecs=opus` → `audio/webm`. */
export function baseMediaType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

function startsWith(bytes: Uint8Array, at: number, ascii: string): boolean {
  if (bytes.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/**
 * The container the bytes are in, by their signature, or null: WebM and Matroska start with the EBML
 * magic `1A 45 DF A3`, Ogg with `OggS`, MP4 has `ftyp` at byte 4. Twelve bytes are enough to tell.
 */
export function sniffRecordingType(bytes: Uint8Array): RecordingMediaType | null {
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'audio/webm';
  if (startsWith(bytes, 0, 'OggS')) return 'audio/ogg';
  if (startsWith(bytes, 4, 'ftyp')) return 'audio/mp4';
  return null;
}

/** What a recording is said to be, before it is kept. */
export interface RecordingClaim {
  /** The content type it was sent or exported with, parameters allowed (`audio/webm;codecs=opus`). */
  mediaType: string;
  /** Its length in seconds, as the page measured it. */
  seconds: number;
  /** How many bytes it has. */
  size: number;
  /** Its first bytes (twelve are enough), to check that they are what the type says. */
  head: Uint8Array;
}

/**
 * Checks a recording before it is kept: a type Starl keeps, bytes in that container, not empty, and
 * within {@link MAX_RECORDING_BYTES} and {@link MAX_RECORDING_SECONDS}. Returns the content type to
 * keep; throws a StarlError saying what was wrong, with `field` naming where.
 */
export function checkRecording(claim: RecordingClaim, field = 'recording'): string {
  const base = baseMediaType(claim.mediaType);
  if (!(RECORDING_MEDIA_TYPES as readonly string[]).includes(base)) {
    throw new StarlError('E_INPUT_BAD_FIELD', `a recording must be ${RECORDING_MEDIA_TYPES.join(', ')}, not "${claim.mediaType || 'no type'}"`, { field });
  }
  if (claim.size === 0) throw new StarlError('E_INPUT_BAD_FIELD', 'the recording is empty', { field });
  if (claim.size > MAX_RECORDING_BYTES) {
    const megabytes = (claim.size / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
    throw new StarlError('E_INPUT_TOO_LONG', `the recording is ${megabytes} MB; Starl keeps recordings up to ${RECORDING_LIMIT_TEXT}`, { field });
  }
  // A second's slack: the page's clock and the recorder's last chunk do not end on the same instant.
  if (!Number.isFinite(claim.seconds) || claim.seconds < 0 || claim.seconds > MAX_RECORDING_SECONDS + 1) {
    throw new StarlError('E_INPUT_BAD_FIELD', `a recording lasts 0 to ${MAX_RECORDING_SECONDS} seconds, not ${claim.seconds}`, { field });
  }
  const found = sniffRecordingType(claim.head);
  if (found !== base) {
    throw new StarlError('E_INPUT_BAD_FIELD', `the recording was sent as ${base} but its bytes are ${found ?? 'not audio Starl knows'}`, { field });
  }
  // Parameters are kept (they name the codec for the player), but nothing that could break a header.
  return /^[\w.+/-]+(\s*;\s*[\w.+-]+=("[\w.+, -]*"|[\w.+-]+))*$/.test(claim.mediaType.trim()) ? claim.mediaType.trim().toLowerCase() : base;
}
