import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerExport } from '../../src/cli/commands/export.js';
import { registerImport } from '../../src/cli/commands/import.js';
import { registerReport } from '../../src/cli/commands/report.js';
import { buildProgram } from '../../src/cli/program.js';
import { countOf } from '../../src/format/plural.js';
import { describeProgress } from '../../src/progress/describe.js';
import { openStore, type JudgedAnswer } from '../../src/storage/index.js';
import { runAsMain } from '../practice/inprocess.js';
import { tempDir } from '../practice/helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Runs the whole `starl` program in-process on `args` and returns what it printed on standard output. */
async function printed(args: string[]): Promise<string> {
  let out = '';
  const program = (await buildProgram(args)).configureOutput({ writeOut: (text) => (out += text), writeErr: (text) => (out += text) });
  await program.parseAsync(args, { from: 'user' }).catch((error: { exitCode?: number }) => {
    if (error.exitCode !== 0) throw error;
  });
  return out;
}

/** The help of a subcommand, as `starl A B --help` prints it. */
async function helpOf(...names: string[]): Promise<string> {
  let command = await buildProgram(names);
  for (const name of names) command = command.commands.find((c) => c.name() === name)!;
  return command.helpInformation();
}

describe('starl --version', () => {
  it("prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await printed(['--version'])).toBe(`${version}\n`);
    expect(await printed(['-V'])).toBe(`${version}\n`);
  });
});

describe('help', () => {
  it('marks the options a command cannot run without', async () => {
    expect(await helpOf('stories', 'add')).toMatch(/--title <title>\s+a short title \(required\)/);
    expect(await helpOf('company', 'fact')).toMatch(/--source <where>\s+.*\(required\)/);
    expect(await helpOf('analyze')).toMatch(/-q, --question <text>\s+the interview question \(required, or --question-file\)/);
  });

  it('leaves optional ones unmarked', async () => {
    expect(await helpOf('stories', 'add')).not.toMatch(/--file <file>.*required/);
    expect((await helpOf('report')).match(/required/g)).toBeNull();
  });
});

describe('counts in what the command line prints', () => {
  it('uses the singular for one', () => {
    expect(countOf(1, 'question')).toBe('1 question');
    expect(countOf(2, 'question')).toBe('2 questions');
    expect(countOf(0, 'story', 'stories')).toBe('0 stories');
    expect(countOf(1, 'story', 'stories')).toBe('1 story');
  });

  it('report --list says "1 question" for a one-question drill', async () => {
    const db = join(dir, 'list.db');
    const store = await openStore(db);
    try {
      await store.createSession({ companyId: null, role: null, field: null, mode: 'drill', questions: [{ bankId: null, questionType: 'opener', text: 'How are you?' }] });
    } finally {
      await store.close();
    }
    const { stdout } = await runAsMain(registerReport, ['report', '--list', '--db', db]);
    expect(stdout).toMatch(/ drill  active  1 question\n$/);
  });

  it('export and import count one story and one row as one', async () => {
    const db = join(dir, 'one-story.db');
    const store = await openStore(db);
    try {
      await store.saveStory({ title: 'Backlog', text: 'I cleared it.', competencies: [], parts: [], sourceAnswerId: null });
    } finally {
      await store.close();
    }
    const out = join(dir, 'export.json');
    expect((await runAsMain(registerExport, ['export', '--out', out, '--db', db])).stdout).toBe(
      `Exported 0 sessions, 0 answers, 1 story, 0 companies, 0 reviews to ${out}\n`,
    );
    expect((await runAsMain(registerImport, ['import', out, '--db', db])).stdout).toBe('Imported nothing new (1 row already present).\n');
  });

  it('progress says "1 judged answer" and "the 1 recent answer"', () => {
    const one: JudgedAnswer = {
      origin: 'practice',
      id: 1,
      sessionId: 1,
      question: 'Tell me about a failure.',
      answer: 'I always work hard.',
      questionType: 'behavioral',
      verdicts: { opportunity: 'pass', memorable: 'miss', specificReason: 'n/a', starl: 'miss' },
      at: '2026-11-01T09:00:00.000Z',
    };
    const text = describeProgress([one]);
    expect(text).toContain('1 judged answer (1 from practice, 0 from reviews).');
    expect(text).toMatch(/passed in 0 of the 1 recent answer it applied to/);
  });
});
