import { copyFileSync, existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { openStore } from '../../storage/index.js';
import { reportError } from '../errors.js';
import { registerReview } from './review.js';

const fixture = (name: string) => new URL(`../../../test/fixtures/transcripts/${name}`, import.meta.url).pathname;

let stdout = '';
let stderr = '';
let dir = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  dir = mkdtempSync(join(tmpdir(), 'starl-review-'));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `starl review …` in-process the way main.ts does: returns the exit code. */
async function run(...args: string[]): Promise<number> {
  const program = new Command('starl').exitOverride().configureOutput({ writeErr: (text) => (stderr += text), writeOut: (text) => (stdout += text) });
  registerReview(program);
  try {
    await program.parseAsync(['review', ...args], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof Error && error.name === 'CommanderError') return 2;
    return reportError(error, false);
  }
}

describe('starl review', () => {
  test('prints the review of a Zoom transcript as text', async () => {
    expect(await run(fixture('zoom-backend-engineer.vtt'))).toBe(0);
    expect(stdout).toContain('Interview review: Jordan Kim');
    expect(stdout).toContain('Main reason: specific reason, no reason for this company and role tied to you.');
    expect(stdout).toContain('Practise next: starl practice --only motivation');
  });

  test('--json prints the fields the issue lists', async () => {
    expect(await run(fixture('teams-customer-success.vtt'), '--json')).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ candidate: 'Sam Ortega', interviewers: ['Dana Whitfield'] });
    expect(json.pairs[0]).toMatchObject({ question: "How's your week going so far?", questionType: 'opener' });
    expect(json.pairs[0].start).toBeCloseTo(8.431, 3);
    expect(Object.keys(json.tallies)).toEqual(['opportunity', 'memorable', 'specificReason', 'starl']);
    expect(json).toHaveProperty('mainReason');
    expect(json.pairs[0].context).toBeNull();
    expect(json.pairs[2]).toMatchObject({ question: 'And why Brightloop?', questionType: 'motivation' });
  });

  test('--candidate picks the speaker, --html writes a standalone page', async () => {
    const out = join(dir, 'review.html');
    expect(await run(fixture('zoom-backend-engineer.vtt'), '--candidate', 'jordan', '--html', out)).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>[\s\S]*Interview review: Jordan Kim/);
    expect(stderr).toContain(`wrote the HTML review to ${out}`);
  });

  test('when unsure of the candidate, asks for --candidate: at the top of the text, on stderr with --json', async () => {
    const notes = join(dir, 'both-ask.txt');
    writeFileSync(notes, 'Ann: How was your week?\nBo: Good. And yours?\nAnn: Busy. Tell me about your last project?\nBo: I built a billing export. What are you working on?\nAnn: A new checkout. Why did you choose it?\nBo: It was the biggest gap. Do you enjoy it?\n');
    expect(await run(notes)).toBe(0);
    expect(stdout.split('\n').slice(0, 4).join('\n')).toContain('If this is wrong, run it again with --candidate NAME (the speakers are');
    stdout = '';
    expect(await run(notes, '--json')).toBe(0);
    expect(JSON.parse(stdout).identification.confidence).toBe('low');
    expect(stderr).toMatch(/^starl: not sure who the candidate is: .*both ask and answer questions, and nothing names the candidate; reviewed "(Ann|Bo)", name the right one with --candidate/m);
    stderr = '';
    expect(await run(notes, '--json', '--candidate', 'Bo')).toBe(0);
    expect(stderr).toBe('');
  });

  test('UTF-16 from Windows is read like UTF-8', async () => {
    expect(await run(fixture('teams-customer-success.utf16le.vtt'), '--json')).toBe(0);
    expect(JSON.parse(stdout).candidate).toBe('Sam Ortega');
  });

  test('--context-file feeds the posting to the specific-reason check', async () => {
    const posting = join(dir, 'posting.txt');
    writeFileSync(posting, 'Fernway routing platform team: move the route optimizer onto the streaming pipeline so carriers can re-plan during the day.');
    expect(await run(fixture('zoom-backend-engineer.vtt'), '--json', '--context-file', posting)).toBe(0);
    const motivation = JSON.parse(stdout).pairs[2];
    expect(motivation.question).toBe('So, why are you interested in this role at Fernway?');
    expect(motivation.context.couldUse.length).toBeGreaterThan(0);
    expect(motivation.reasons.specificReason.verdict).toBe('miss');
  });

  test('--company brings the posting saved with the company', async () => {
    const db = join(dir, 'companies.db');
    const store = await openStore(db);
    try {
      await store.saveCompany({ name: 'Fernway', contextText: 'Fernway routing platform: streaming pipeline for carriers to re-plan routes during the day.' });
    } finally {
      await store.close();
    }
    expect(await run(fixture('zoom-backend-engineer.vtt'), '--json', '--db', db, '--company', 'fernway')).toBe(0);
    expect(JSON.parse(stdout).pairs[2].context.couldUse.length).toBeGreaterThan(0);
  });

  test('a directory is not a transcript', async () => {
    expect(await run(dir)).toBe(2);
    expect(stderr).toContain(`${dir}: cannot read the transcript: it is a directory [E_INPUT_FILE]`);
  });

  test('a missing --context-file is named', async () => {
    expect(await run(fixture('zoom-backend-engineer.vtt'), '--context-file', join(dir, 'missing.txt'))).toBe(2);
    expect(stderr).toMatch(/missing\.txt: cannot read the context file: no such file \[E_INPUT_FILE\]/);
  });

  test('--save uses $STARL_DB like every command', async () => {
    const db = join(dir, 'env.db');
    vi.stubEnv('STARL_DB', db);
    try {
      expect(await run(fixture('notes-qa.md'), '--save')).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    const store = await openStore(db);
    try {
      expect((await store.listReviews()).map((review) => review.question)).toEqual([
        'How was the drive in?',
        'What do you like to do for fun?',
        'Why should we hire you?',
        'Is there anything else we should know?',
      ]);
    } finally {
      await store.close();
    }
  });

  test('without --save or --db nothing is written', async () => {
    const db = join(dir, 'untouched.db');
    vi.stubEnv('STARL_DB', db);
    try {
      expect(await run(fixture('notes-qa.md'))).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(existsSync(db)).toBe(false);
  });

  test('--db saves every judged answer so progress includes the interview', async () => {
    const db = join(dir, 'starl.db');
    expect(await run(fixture('otter-product-designer.txt'), '--db', db)).toBe(0);
    expect(stderr).toContain('saved 6 reviewed answers');
    const store = await openStore(db);
    try {
      const saved = await store.listReviews();
      expect(saved.map((review) => review.question)).toContain('Do you have any questions for me?');
      expect(saved[0]?.sourceFile).toBe(fixture('otter-product-designer.txt'));
    } finally {
      await store.close();
    }
  });
});

test('--save twice keeps the interview once: the second save replaces the first, even from a copy of the file', async () => {
  const db = join(dir, 'starl.db');
  expect(await run(fixture('otter-product-designer.txt'), '--save', '--db', db)).toBe(0);
  const copy = join(dir, 'copy.txt');
  copyFileSync(fixture('otter-product-designer.txt'), copy);
  expect(await run(copy, '--save', '--db', db)).toBe(0);
  expect(stderr).toContain('saved 6 reviewed answers, replacing the earlier save of this interview');
  const store = await openStore(db);
  try {
    const saved = await store.listReviews();
    expect(saved).toHaveLength(6);
    expect(new Set(saved.map((review) => review.sourceFile))).toEqual(new Set([copy]));
    expect(await store.judgedAnswers()).toHaveLength(6);
  } finally {
    await store.close();
  }
});

describe('bad input: a clear message with file and line, exit code 2, no stack trace', () => {
  test.each([
    ['empty.txt', /empty\.txt:1: the transcript is empty \[E_TRANSCRIPT\]/],
    ['not-a-transcript.txt', /not-a-transcript\.txt:1: not a transcript/],
    ['broken-timestamp.vtt', /broken-timestamp\.vtt:8: broken timestamp "00:00:05\.000 --> 00:0x:09\.000" \[E_TRANSCRIPT\]/],
    ['single-speaker.vtt', /single-speaker\.vtt:5: only one speaker \("Jordan Kim"\) found/],
    ['latin1-notes.txt', /latin1-notes\.txt:2: the transcript is not valid UTF-8/],
  ])('%s', async (name, message) => {
    expect(await run(fixture(name))).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  test('a 50 MB file is refused without being read', async () => {
    const huge = join(dir, 'huge.vtt');
    copyFileSync(fixture('zoom-backend-engineer.vtt'), huge);
    truncateSync(huge, 50 * 1024 * 1024);
    expect(await run(huge)).toBe(2);
    expect(stderr).toContain('huge.vtt: the transcript is 50 MB; the limit is 5 MB [E_INPUT_TOO_LONG]');
  });

  test('a missing file', async () => {
    expect(await run(join(dir, 'nope.vtt'))).toBe(2);
    expect(stderr).toMatch(/nope\.vtt: cannot read the transcript: no such file \[E_INPUT_FILE\]/);
  });

  test('an unknown --candidate names the speakers', async () => {
    expect(await run(fixture('teams-customer-success.vtt'), '--candidate', 'Alex')).toBe(2);
    expect(stderr).toContain('no speaker named "Alex"; the speakers are "Dana Whitfield", "Sam Ortega" (--candidate) [E_USAGE]');
  });

  test('no file at all is a usage error', async () => {
    expect(await run()).toBe(2);
    expect(stderr).toMatch(/missing required argument 'file'/);
  });
});
