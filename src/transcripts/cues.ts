import { transcriptError } from './errors.js';
import { recurringSpeakers, splitSpeakerLabel } from './speakers.js';
import { parseClock } from './time.js';
import type { Cue, ParsedTranscript, TranscriptFormat } from './types.js';

/** A WebVTT or SubRip timing line: `00:00:01.000 --> 00:00:04.000`, settings allowed after it. */
const TIMING_LINE = /^\s*(\S+)\s+-->\s+(\S+)(?:\s+.*)?$/;
/** Teams' voice tag, `<v Name>`, which names the speaker of a cue. */
const VOICE_TAG = /<v(?:\.[\w.-]+)?\s+([^>]+)>/;
const ANY_TAG = /<[^>]*>/g;

interface RawCue {
  start: number;
  end: number;
  lines: string[];
  line: number;
}

/**
 * Reads the cues of a WebVTT (Zoom, Teams, or plain) or SubRip file. Speakers come from Teams' `<v Name>`
 * tags or from Zoom's `Name: ` prefix; a cue without either continues the previous speaker only when
 * the file names speakers at all.
 */
export function parseTimedCues(text: string, kind: 'webvtt' | 'srt', file?: string): ParsedTranscript {
  const rawCues = readBlocks(text, kind, file);
  if (rawCues.length === 0) {
    throw transcriptError(`no cues found: a ${kind === 'srt' ? 'SubRip' : 'WebVTT'} file needs timing lines like "00:00:01.000 --> 00:00:04.000"`, 1, file);
  }
  const hasVoiceTags = rawCues.some((cue) => cue.lines.some((line) => VOICE_TAG.test(line)));
  const names = hasVoiceTags ? new Set<string>() : recurringSpeakers(rawCues.flatMap((cue) => cue.lines.slice(0, 1)), true);
  let lastSpeaker: string | null = null;
  const cues: Cue[] = [];
  for (const raw of rawCues) {
    const joined = raw.lines.join(' ');
    let speaker: string | null = null;
    let body = joined;
    const voice = VOICE_TAG.exec(joined);
    if (voice) speaker = (voice[1] ?? '').trim();
    else if (names.size > 0) {
      const label = splitSpeakerLabel(joined);
      if (label && names.has(label.speaker)) {
        speaker = label.speaker;
        body = label.text;
      }
    }
    if (speaker === null && (hasVoiceTags || names.size > 0)) speaker = lastSpeaker;
    lastSpeaker = speaker;
    const clean = decodeEntities(body.replace(ANY_TAG, '')).replace(/\s+/g, ' ').trim();
    if (clean) cues.push({ speaker, text: clean, start: raw.start, end: raw.end, line: raw.line });
  }
  const hasSpeakers = hasVoiceTags || names.size > 0;
  return { format: vttFormat(kind, hasVoiceTags, names.size > 0), timing: 'cue', hasSpeakers, header: [], cues };
}

function vttFormat(kind: 'webvtt' | 'srt', hasVoiceTags: boolean, hasNames: boolean): TranscriptFormat {
  if (kind === 'srt') return 'srt';
  if (hasVoiceTags) return 'teams-vtt';
  return hasNames ? 'zoom-vtt' : 'webvtt';
}

/** Splits the file into blank-line separated blocks and reads each block's timing and text. */
function readBlocks(text: string, kind: 'webvtt' | 'srt', file?: string): RawCue[] {
  const lines = text.split(/\r\n|\r|\n/);
  const cues: RawCue[] = [];
  let index = 0;
  if (kind === 'webvtt') {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) throw transcriptError('a WebVTT file must start with "WEBVTT"', 1, file);
    index = 1;
  }
  while (index < lines.length) {
    while (index < lines.length && (lines[index] ?? '').trim() === '') index++;
    const blockAt = index;
    let block: string[] = [];
    while (index < lines.length && (lines[index] ?? '').trim() !== '') block.push(lines[index++] ?? '');
    if (block.length === 0) break;
    let first = block[0] ?? '';
    let blockStart = blockAt;
    if (kind === 'webvtt' && /^(NOTE|STYLE|REGION)\b/.test(first)) {
      // Microsoft Stream writes "NOTE Confidence: 0.93" right above a cue; the cue is still speech.
      const timingAt = block.findIndex((line) => line.includes('-->'));
      if (timingAt === -1) continue;
      block = block.slice(timingAt);
      blockStart += timingAt;
      first = block[0] ?? '';
    }
    const timingAt = block.findIndex((line) => line.includes('-->'));
    if (timingAt === -1) {
      // A header line that WebVTT allows right after "WEBVTT" (Kind:, Language:) is not a cue.
      if (kind === 'webvtt' && cues.length === 0 && block.every((line) => /^[\w-]+:/.test(line))) continue;
      // After a cue number or id, the timing line is the one that is missing.
      const at = block.length > 1 && /^\S+$/.test(first) ? 1 : 0;
      throw transcriptError(`expected a timing line like "00:00:01.000 --> 00:00:04.000", found "${clip(block[at] ?? '')}"`, blockStart + at + 1, file);
    }
    if (timingAt > 1) throw transcriptError(`expected a timing line, found "${clip(block[1] ?? '')}"`, blockStart + 2, file);
    const timingLine = block[timingAt] ?? '';
    const lineNumber = blockStart + timingAt + 1;
    const timing = TIMING_LINE.exec(timingLine);
    const start = timing ? parseClock(timing[1] ?? '') : null;
    const end = timing ? parseClock(timing[2] ?? '') : null;
    if (start === null || end === null) throw transcriptError(`broken timestamp "${clip(timingLine)}"`, lineNumber, file);
    if (end < start) throw transcriptError(`cue ends before it starts: "${clip(timingLine)}"`, lineNumber, file);
    cues.push({ start, end, lines: block.slice(timingAt + 1), line: lineNumber + 1 });
  }
  return cues;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': ' ', '&quot;': '"', '&#39;': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|nbsp|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Shortens a quoted line for an error message. */
export function clip(line: string, max = 60): string {
  const trimmed = line.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}
