import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { StarlError } from '../core/errors.js';
import { decodeTranscript } from './decode.js';
import { MAX_TRANSCRIPT_BYTES } from './parse.js';

const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/transcripts/${name}`, import.meta.url)));

function thrown(run: () => unknown): StarlError {
  try {
    run();
  } catch (error) {
    if (error instanceof StarlError) return error;
    throw error;
  }
  throw new Error('expected a StarlError');
}

describe('decodeTranscript', () => {
  test.each([
    ['teams-customer-success.utf16le.vtt', 'utf-16le', 'teams-customer-success.vtt'],
    ['notes-qa.utf16be.md', 'utf-16be', 'notes-qa.md'],
    ['zoom-backend-engineer.bom.vtt', 'utf-8-bom', 'zoom-backend-engineer.vtt'],
    ['zoom-backend-engineer.vtt', 'utf-8', 'zoom-backend-engineer.vtt'],
  ])('%s decodes as %s to the same text as the UTF-8 file', (name, encoding, plain) => {
    const decoded = decodeTranscript(bytes(name));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.replace(/\r\n/g, '\n')).toBe(readFileSync(new URL(`../../test/fixtures/transcripts/${plain}`, import.meta.url), 'utf8'));
  });

  test('Latin-1 bytes are refused with the line they are on', () => {
    const error = thrown(() => decodeTranscript(bytes('latin1-notes.txt'), 'notes.txt'));
    expect(error.code).toBe('E_INPUT_NOT_UTF8');
    expect(error.where).toEqual({ file: 'notes.txt', line: 2 });
  });

  test('UTF-16 without a byte order mark is named as such', () => {
    const utf16 = new Uint8Array(Buffer.from('WEBVTT\n\nhello', 'utf16le'));
    const error = thrown(() => decodeTranscript(utf16));
    expect(error.code).toBe('E_INPUT_BINARY');
    expect(error.message).toMatch(/UTF-16 without a byte order mark/);
  });

  test('a file over the limit is refused before decoding', () => {
    const error = thrown(() => decodeTranscript(new Uint8Array(MAX_TRANSCRIPT_BYTES + 1), 'huge.vtt'));
    expect(error.code).toBe('E_INPUT_TOO_LONG');
    expect(error.message).toMatch(/limit is 5 MB/);
  });
});
