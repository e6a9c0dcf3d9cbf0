import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { StarlError } from '../core/errors.js';
import { parseTranscript } from './parse.js';
import type { TranscriptFormat, Timing } from './types.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/transcripts/${name}`, import.meta.url), 'utf8');

/** Catches the error a call throws, so a test can check its code, message and line. */
function thrown(run: () => unknown): StarlError {
  try {
    run();
  } catch (error) {
    if (error instanceof StarlError) return error;
    throw error;
  }
  throw new Error('expected a StarlError');
}

describe('format detection from content', () => {
  const cases: [string, TranscriptFormat, Timing, boolean][] = [
    ['zoom-backend-engineer.vtt', 'zoom-vtt', 'cue', true],
    ['teams-customer-success.vtt', 'teams-vtt', 'cue', true],
    ['meet-customer-success.txt', 'google-meet', 'coarse', true],
    ['otter-product-designer.txt', 'otter', 'turn', true],
    ['srt-customer-success.srt', 'srt', 'cue', false],
    ['webvtt-product-designer.vtt', 'webvtt', 'cue', false],
    ['notes-interviewer-me.txt', 'notes', 'none', true],
    ['notes-qa.md', 'notes', 'none', true],
  ];
  test.each(cases)('%s is read as %s', (name, format, timing, hasSpeakers) => {
    const parsed = parseTranscript(fixture(name));
    expect(parsed).toMatchObject({ format, timing, hasSpeakers });
    expect(parsed.cues.length).toBeGreaterThan(5);
    for (const cue of parsed.cues) expect(cue.text).not.toMatch(/<\/?v|-->|^\s|\s$/);
  });

  test('a renamed file is still read by its content', () => {
    expect(parseTranscript(fixture('otter-product-designer.txt'), 'interview.vtt').format).toBe('otter');
  });
});

describe('reading each format', () => {
  test('Teams: the speaker comes from the voice tag and tags are removed across wrapped lines', () => {
    const cues = parseTranscript(fixture('teams-customer-success.vtt')).cues;
    expect(cues[1]).toMatchObject({
      speaker: 'Sam Ortega',
      text: "It's been a good week, thanks! I actually spent part of yesterday going through",
      start: 8.431,
      end: 13.815,
    });
  });

  test('Zoom: the "Name: " prefix becomes the speaker and leaves the text', () => {
    const cues = parseTranscript(fixture('zoom-backend-engineer.vtt')).cues;
    expect(cues[3]).toMatchObject({ speaker: 'Jordan Kim', text: 'Good, good. Yeah. Thanks.', start: 14.838 });
  });

  test('Otter: each "Name  m:ss" header starts a paragraph and the footer is not speech', () => {
    const cues = parseTranscript(fixture('otter-product-designer.txt')).cues;
    expect(cues[0]).toMatchObject({ speaker: 'Tom Reyes', start: 1, end: null, line: 2 });
    expect(cues.some((cue) => cue.text.includes('otter.ai'))).toBe(false);
  });

  test('Google Meet: the header and the end line are not speech', () => {
    const cues = parseTranscript(fixture('meet-customer-success.txt')).cues;
    expect(cues[0]?.speaker).toBe('Dana Whitfield');
    expect(cues.some((cue) => /Attendees|Meeting ended/.test(cue.text))).toBe(false);
  });

  test('notes: a line without a label continues the line before it', () => {
    const cues = parseTranscript(fixture('notes-interviewer-me.txt')).cues;
    expect(cues[3]?.text).toContain('shrink report that the store managers');
    expect(cues[0]?.text).not.toContain('Notes from');
  });

  test('a one-off "Label:" inside an answer is not taken for a speaker', () => {
    const text = 'Q: Tell me about a win.\nA: We had a hard quarter.\nResult: we doubled sales.\nQ: Thanks. Why us?\nA: Your product.\n';
    const cues = parseTranscript(text).cues;
    expect(cues.map((cue) => cue.speaker)).toEqual(['Q', 'A', 'Q', 'A']);
    expect(cues[1]?.text).toBe('We had a hard quarter. Result: we doubled sales.');
  });

  test('WebVTT NOTE and header blocks are skipped, entities decoded', () => {
    const text = 'WEBVTT\nKind: captions\n\nNOTE written by hand\n\n00:01.000 --> 00:02.500\n<v Ann>Fish &amp; chips?</v>\n\n00:03.000 --> 00:04.000\n<v Bo>Yes.</v>\n';
    expect(parseTranscript(text).cues).toEqual([
      { speaker: 'Ann', text: 'Fish & chips?', start: 1, end: 2.5, line: 7 },
      { speaker: 'Bo', text: 'Yes.', start: 3, end: 4, line: 10 },
    ]);
  });
});

test('a NOTE line written right above a cue (Microsoft Stream) does not swallow the cue', () => {
  const text = 'WEBVTT\nNOTE duration:"00:10:00"\n\nNOTE Confidence: 0.93\n00:00:01.000 --> 00:00:02.000\n<v Ann>How are you?</v>\n\nNOTE Confidence: 0.88\n00:00:03.000 --> 00:00:04.000\n<v Bo>Great.</v>\n';
  expect(parseTranscript(text).cues.map((cue) => [cue.speaker, cue.text, cue.line])).toEqual([
    ['Ann', 'How are you?', 6],
    ['Bo', 'Great.', 10],
  ]);
});

describe('bad input gets a clear message with the line', () => {
  const cases: [string, string, RegExp, number][] = [
    ['empty file', '', /empty/, 1],
    ['only blank lines', '\n\n   \n', /empty/, 1],
    ['prose', fixture('not-a-transcript.txt'), /not a transcript/, 1],
    ['broken timestamp', fixture('broken-timestamp.vtt'), /broken timestamp "00:00:05.000 --> 00:0x:09.000"/, 8],
    ['cue ending before it starts', 'WEBVTT\n\n00:00:05.000 --> 00:00:02.000\n<v A>Hi?</v>\n', /ends before it starts/, 3],
    ['SubRip block without timing', '1\n00:00:01,000 --> 00:00:02,000\nHi?\n\n2\nno timing here\n', /expected a timing line/, 6],
    ['Otter header with a broken time', 'Ann  0:03\nHi?\n\nBo  0:75\nYes.\n', /broken timestamp/, 4],
    ['Google Meet time out of range', 'Transcript\n00:00:00\nAnn: Hi?\nBo: Yes.\n00:61:00\nAnn: Why us?\nBo: Because.\n', /broken timestamp "00:61:00"/, 5],
  ];
  test.each(cases)('%s', (_name, text, message, line) => {
    const error = thrown(() => parseTranscript(text, 'call.vtt'));
    expect(error.code).toBe('E_TRANSCRIPT');
    expect(error.message).toMatch(message);
    expect(error.where).toEqual({ file: 'call.vtt', line });
  });
});
