import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerAnalyze } from '../../src/cli/commands/analyze.js';
import { registerCompany } from '../../src/cli/commands/company.js';
import { registerExport } from '../../src/cli/commands/export.js';
import { registerImport } from '../../src/cli/commands/import.js';
import { registerReview } from '../../src/cli/commands/review.js';
import { registerStories } from '../../src/cli/commands/stories.js';
import { runAsMain } from '../practice/inprocess.js';

const dir = mkdtempSync(join(tmpdir(), 'starl-files-cli-'));
const STORY =
  'Last spring our returns queue hit 900 parcels. I was asked to clear it before the sale. I set up a second packing bench and trained two temps on the scanner, and we cleared the backlog in four days instead of ten. I learned to ask for help early.';
const POSTING = 'Fernleaf Books runs a Saturday reading club in every branch and is hiring a children\'s bookseller.';
const TRANSCRIPT = readFileSync(new URL('../fixtures/transcripts/notes-qa.md', import.meta.url), 'utf8');
let exported = '';

/** A command that reads a file: how to run it on one, what the file holds, and what it prints when the file is read. */
interface FileCommand {
  register: (program: Command) => void;
  args: (file: string, db: string) => string[];
  content: () => string;
  readOut: RegExp;
}

const COMMANDS: Record<string, FileCommand> = {
  'analyze --answer-file': {
    register: registerAnalyze,
    args: (file) => ['analyze', '-q', 'Tell me about a time you fixed a backlog.', '--answer-file', file],
    content: () => STORY,
    readOut: /^STAR\(L\)\s+✔ pass/m,
  },
  'analyze --context-file': {
    register: registerAnalyze,
    args: (file) => ['analyze', '-q', 'Why do you want to work here?', '-a', 'I love the Saturday reading club: I ran one at my shop.', '--context-file', file, '--json'],
    content: () => POSTING,
    readOut: /"usedTerms"|"context": \{/,
  },
  'analyze --jsonl': {
    register: registerAnalyze,
    args: (file) => ['analyze', '--jsonl', file],
    content: () => `${JSON.stringify({ id: 'café', question: 'How are you?', answer: 'Great, thanks, I have been looking forward to this!' })}\n`,
    readOut: /^\{"id":"café","questionType":"opener"/,
  },
  'company add --file': {
    register: registerCompany,
    args: (file, db) => ['company', 'add', 'Fernleaf', '--file', file, '--db', db],
    content: () => POSTING,
    readOut: /^Saved Fernleaf with its posting from /,
  },
  'stories add --file': {
    register: registerStories,
    args: (file, db) => ['stories', 'add', '--title', 'The returns backlog', '--file', file, '--db', db],
    content: () => STORY,
    readOut: /The returns backlog/,
  },
  import: {
    register: registerImport,
    args: (file, db) => ['import', file, '--db', db],
    content: () => exported,
    readOut: /^Imported: .*stories 1/,
  },
  review: {
    register: registerReview,
    args: (file) => ['review', file],
    content: () => TRANSCRIPT,
    readOut: /answers reviewed/,
  },
};

/** UTF-16 with its byte order mark, little- or big-endian, as Windows tools write it. */
function utf16(text: string, order: 'le' | 'be'): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  if (order === 'be') for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]);
}

let counter = 0;
/** A fresh database path per run, so each command starts empty. */
const freshDb = () => join(dir, `starl-${++counter}.db`);

function write(name: string, bytes: Buffer): string {
  const file = join(dir, `${++counter}-${name}`);
  writeFileSync(file, bytes);
  return file;
}

beforeAll(async () => {
  // An export with one story in it, to import.
  const db = freshDb();
  expect((await runAsMain(registerStories, COMMANDS['stories add --file']!.args(write('story.txt', Buffer.from(STORY)), db))).code).toBe(0);
  exported = (await runAsMain(registerExport, ['export', '--db', db])).stdout;
});

/** Each command that reads a file, run in-process as `starl` runs it: what is tested is the reading and the message. */
describe.each(Object.entries(COMMANDS))('starl %s', (_, command) => {
  const run = (file: string) => runAsMain(command.register, command.args(file, freshDb()));

  it.each([
    ['UTF-8', (text: string) => Buffer.from(text)],
    ['UTF-8 with a byte order mark', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16 LE with a byte order mark', (text: string) => utf16(text, 'le')],
    ['UTF-16 BE with a byte order mark', (text: string) => utf16(text, 'be')],
  ])('reads %s', async (_encoding, encode) => {
    const result = await run(write('input.txt', encode(command.content())));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(command.readOut);
  });

  it('refuses a directory by name, with no stack trace', async () => {
    const result = await run(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^starl: ${dir}: cannot read the [a-zA-Z ]+: it is a directory \\[E_INPUT_FILE\\]\\n$`));
  });

  it('calls a binary file binary', async () => {
    const result = await run(write('picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^starl: \S+picture\.png(:\d+)?: the [a-zA-Z ]+ is a binary file, not text \[E_INPUT_BINARY\]\n$/);
  });

  it.skipIf(!existsSync('/dev/zero'))('stops reading /dev/zero at once', async () => {
    const result = await run('/dev/zero');
    expect(result.code).toBe(2);
    // A file read whole stops at its size limit; a batch, read line by line, sees the binary bytes first.
    expect(result.stderr).toMatch(/^starl: \/dev\/zero: the [a-zA-Z ]+ is (more than [\d.]+ MB; the limit is [\d.]+ MB \[E_INPUT_TOO_LONG\]|a binary file, not text \[E_INPUT_BINARY\])\n$/);
  });
});

describe('limits', () => {
  it('holds a story file to the size of an answer file', async () => {
    const result = await runAsMain(registerStories, ['stories', 'add', '--title', 'Long', '--file', write('long.txt', Buffer.alloc(1024 * 1024 + 1, 0x61)), '--db', freshDb()]);
    expect(result.stderr).toMatch(/the story file is more than 1 MB; the limit is 1 MB \[E_INPUT_TOO_LONG\]/);
  });

  it.skipIf(!existsSync('/dev/urandom'))('refuses /dev/urandom as a context file with a size error', async () => {
    const result = await runAsMain(registerAnalyze, ['analyze', '-q', 'How are you?', '--context-file', '/dev/urandom', '-a', 'Fine.']);
    expect(result.stderr).toBe('starl: /dev/urandom: the context file is more than 1 MB; the limit is 1 MB [E_INPUT_TOO_LONG]\n');
  });
});
