import { clip } from './cues.js';
import { transcriptError } from './errors.js';
import { recurringSpeakers, splitSpeakerLabel } from './speakers.js';
import { parseClock } from './time.js';
import type { Cue, ParsedTranscript } from './types.js';

/** Otter's paragraph header: the speaker, two spaces, and the time (`Jordan Kim  0:03`). */
export const OTTER_HEADER = /^(\S.*?) {2,}(\d{1,3}:\d{2}(?::\d{2})?)\s*$/;
/** Google Meet prints the elapsed time alone on a line every few minutes. */
export const MEET_TIME_LINE = /^\d{1,2}:\d{2}:\d{2}$/;
const OTTER_FOOTER = /^Transcribed by https?:\/\/otter\.ai/i;
const MEET_ENDED = /^Meeting ended after /i;
/** Something that looks like a time but is not well-formed, such as `00:61:00` or `0:3`. */
const BROKEN_TIME = /^\d{1,2}:\d{1,2}(?::\d{1,2})?$/;

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Reads an Otter.ai text export: `Name  0:03` headers, each followed by its paragraph. */
export function parseOtter(text: string, file?: string): ParsedTranscript {
  const cues: Cue[] = [];
  const header: string[] = [];
  let current: Cue | null = null;
  lines(text).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || OTTER_FOOTER.test(line)) return;
    const paragraph = OTTER_HEADER.exec(raw.trimEnd());
    if (paragraph) {
      const start = parseClock(paragraph[2] ?? '');
      if (start === null) throw transcriptError(`broken timestamp "${clip(paragraph[2] ?? '')}"`, index + 1, file);
      current = { speaker: (paragraph[1] ?? '').trim(), text: '', start, end: null, line: index + 2 };
      cues.push(current);
      return;
    }
    // Otter puts the title and date above the first speaker.
    if (current === null) return void header.push(line);
    current.text = current.text ? `${current.text} ${line}` : line;
  });
  return { format: 'otter', timing: 'turn', hasSpeakers: true, header, cues: cues.filter((cue) => cue.text !== '') };
}

/**
 * Reads a Google Meet transcript saved as text: a title, "Attendees", the attendees, "Transcript", then
 * `Name: text` paragraphs with the elapsed time on its own line every few minutes.
 */
export function parseMeet(text: string, file?: string): ParsedTranscript {
  const all = lines(text);
  const transcriptAt = all.findIndex((line) => line.trim() === 'Transcript');
  const bodyStart = transcriptAt === -1 ? 0 : transcriptAt + 1;
  const attendeesAt = all.findIndex((line) => line.trim() === 'Attendees');
  const header = all.slice(0, attendeesAt === -1 ? Math.max(0, transcriptAt) : attendeesAt).map((line) => line.trim()).filter(Boolean);
  const names = recurringSpeakers(all.slice(bodyStart));
  const cues: Cue[] = [];
  let time: number | null = null;
  for (let index = bodyStart; index < all.length; index++) {
    const line = (all[index] ?? '').trim();
    if (!line || MEET_ENDED.test(line)) continue;
    if (MEET_TIME_LINE.test(line) || BROKEN_TIME.test(line)) {
      time = parseClock(line);
      if (time === null) throw transcriptError(`broken timestamp "${line}"`, index + 1, file);
      continue;
    }
    const label = splitSpeakerLabel(line);
    const previous = cues[cues.length - 1];
    if (label && names.has(label.speaker)) cues.push({ speaker: label.speaker, text: label.text, start: time, end: null, line: index + 1 });
    else if (previous) previous.text = `${previous.text} ${line}`;
  }
  return { format: 'google-meet', timing: 'coarse', hasSpeakers: true, header, cues };
}

/**
 * Reads hand-typed notes: `Q:`/`A:`, `Interviewer:`/`Me:` or any `Name:` lines; a line without a label
 * continues the one before it.
 */
export function parseNotes(text: string, file?: string): ParsedTranscript {
  const all = lines(text);
  const names = recurringSpeakers(all);
  const cues: Cue[] = [];
  const header: string[] = [];
  all.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const label = splitSpeakerLabel(line);
    const previous = cues[cues.length - 1];
    if (label && names.has(label.speaker)) {
      cues.push({ speaker: label.speaker, text: label.text, start: null, end: null, line: index + 1 });
    } else if (previous) previous.text = `${previous.text} ${line}`;
    else header.push(line);
  });
  if (cues.length === 0) throw transcriptError('no speaker lines found: expected lines like "Q: …" and "A: …" or "Name: …"', 1, file);
  return { format: 'notes', timing: 'none', hasSpeakers: true, header, cues };
}
