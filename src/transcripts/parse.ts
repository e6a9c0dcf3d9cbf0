import { parseTimedCues } from './cues.js';
import { transcriptError } from './errors.js';
import { MEET_TIME_LINE, OTTER_HEADER, parseMeet, parseNotes, parseOtter } from './paragraphs.js';
import { recurringSpeakers } from './speakers.js';
import type { ParsedTranscript } from './types.js';

/** The largest transcript Starl reads: 5 MB is about 80 hours of speech, far beyond any interview. */
export const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;

const ANY_TIMING = /-->/;

/** The family of file a text is, decided from its content; the extension is never trusted alone. */
export type DetectedKind = 'webvtt' | 'srt' | 'otter' | 'google-meet' | 'notes';

/** Decides which reader a transcript needs from its content, or `null` when it looks like none. */
export function detectKind(text: string): DetectedKind | null {
  const lines = text.split(/\r\n|\r|\n/);
  const nonEmpty = lines.map((line) => line.trim()).filter((line) => line !== '');
  if (/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) return 'webvtt';
  // Without the WEBVTT header, timed cues are read as SubRip, whichever decimal mark they use.
  if (nonEmpty.some((line) => ANY_TIMING.test(line))) return 'srt';
  if (lines.filter((line) => OTTER_HEADER.test(line.trimEnd())).length >= 2) return 'otter';
  if (nonEmpty.some((line) => MEET_TIME_LINE.test(line)) && recurringSpeakers(nonEmpty).size > 0) return 'google-meet';
  if (recurringSpeakers(nonEmpty).size > 0) return 'notes';
  return null;
}

/**
 * Reads a transcript in any supported format into cues, throwing a `StarlError` (`E_TRANSCRIPT`) that
 * names the problem and the line when the text is empty, not a transcript, or has broken timestamps.
 *
 * @example
 * parseTranscript('WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nAnna Lee: Hello!\n').cues[0]?.speaker; // 'Anna Lee'
 */
export function parseTranscript(input: string, file?: string): ParsedTranscript {
  // A byte order mark decoded into the text (as a browser's FileReader leaves it) is not content.
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw transcriptError('the transcript is empty', 1, file);
  const kind = detectKind(text);
  if (kind === null) {
    throw transcriptError(
      'not a transcript: found no timestamps, no "Name: text" lines and no "Q:"/"A:" lines (formats: Zoom or Teams .vtt, .srt, Google Meet, Otter.ai, notes)',
      firstContentLine(text),
      file,
    );
  }
  const parsed = readAs(kind, text, file);
  if (parsed.cues.length === 0) throw transcriptError('the transcript has no spoken text', firstContentLine(text), file);
  return parsed;
}

function readAs(kind: DetectedKind, text: string, file?: string): ParsedTranscript {
  switch (kind) {
    case 'webvtt':
    case 'srt':
      return parseTimedCues(text, kind, file);
    case 'otter':
      return parseOtter(text, file);
    case 'google-meet':
      return parseMeet(text, file);
    case 'notes':
      return parseNotes(text, file);
  }
}

function firstContentLine(text: string): number {
  const index = text.split(/\r\n|\r|\n/).findIndex((line) => line.trim() !== '');
  return index === -1 ? 1 : index + 1;
}
