import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerReport } from '../../src/cli/commands/report.js';
import { renderReport } from '../../src/cli/render.js';
import { analyze } from '../../src/core/analyze.js';
import { StarlError } from '../../src/core/errors.js';
import { paragraphs, PlainPractice } from '../../src/practice/plain.js';
import { PracticeRun } from '../../src/practice/session.js';
import { openStore, withStore, type Store } from '../../src/storage/index.js';
import { runCli } from '../support/cli.js';
import { ACTIVE, Screen } from '../support/screen.js';
import { reportWith, tempDir } from './helpers.js';
import { runCommand } from './inprocess.js';

const OPENERS = [
  "Great, thanks! I've been looking forward to talking about the support role all week.",
  'Yes, I came in on the tram;\nit gave me time to read about your new depot in York.',
];

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Runs the standard-input practice in-process on `text`, with the database at `file`. */
async function practiseFrom(text: string, file: string, options: Parameters<PlainPractice['run']>[0]) {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const plain = new PlainPractice(() => openStore(file), analyze, { output, render: (answer, report) => renderReport(answer, report, false) });
  try {
    const outcome = await plain.run(options, paragraphs(Readable.from([text])));
    return { outcome, printed };
  } finally {
    await plain.close();
  }
}

describe('starl practice without a terminal', () => {
  it('reads answers from standard input, one per paragraph, saves them and prints no escape codes', async () => {
    const file = join(dir, 'starl.db');
    const { code, stdout, stderr } = await runCli(['practice', '--only', 'opener', '--count', '2', '--seed', '7', '--db', file], {
      stdin: `${OPENERS[0]}\n\n\n${OPENERS[1]}\n`,
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).not.toMatch(/\u001b/);
    expect(stdout).toMatch(/^1\/2 · /m);
    expect(stdout).toMatch(/^2\/2 · /m);
    expect(stdout).toMatch(/Opportunity\s+✔ pass/);
    expect(stdout).toContain('Session #1 finished; all 2 answers saved. Full report: starl report 1');
    // The summary a terminal session ends with, too.
    expect(stdout).toMatch(/^Time per answer:$/m);
    await withStore(file, async (store) => {
      const [session] = await store.listSessions();
      expect(session!.status).toBe('finished');
      expect((await store.answersOf(session!.id)).map((a) => a.answer)).toEqual(OPENERS);
    });
  });

  it('with nothing on standard input refuses clearly, exit 2, and creates no database and no session', async () => {
    const file = join(dir, 'typo', 'starl.db');
    const { code, stdout, stderr } = await runCli(['practice', '--db', file], { stdin: '' });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'starl: <stdin>: no answer on standard input, so nothing was saved; without a terminal, practice reads one answer per paragraph (separated by an empty line) [E_USAGE]\n',
    );
    expect(stdout).not.toMatch(/\u001b/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves no session in an existing database when standard input has no answer', async () => {
    const file = join(dir, 'starl.db');
    await withStore(file, async () => undefined);
    const error = await practiseFrom('\n\n  \n', file, { only: 'opener', count: 2, seed: 7 }).catch((e: unknown) => e);
    expect((error as StarlError).code).toBe('E_USAGE');
    await withStore(file, async (store) => expect(await store.listSessions()).toEqual([]));
  });

  it('keeps the answers read before standard input ends, and says how to resume', async () => {
    const file = join(dir, 'starl.db');
    const { outcome, printed } = await practiseFrom(`${OPENERS[0]}\n`, file, { only: 'opener', count: 2, seed: 7 });
    expect(outcome).toEqual({ sessionId: 1, status: 'stopped', answered: 1 });
    expect(printed).toContain('Standard input ended after 1 of 2 questions; all saved. Resume with: starl practice --resume 1');
    const { outcome: resumed } = await practiseFrom(`${OPENERS[1]}\n`, file, { resume: true });
    expect(resumed).toEqual({ sessionId: 1, status: 'finished', answered: 2 });
  });

  it('prints a saved question without the escape sequences it may carry (from an imported file, say)', async () => {
    const file = join(dir, 'starl.db');
    await withStore(file, (store) =>
      store.createSession({ companyId: null, role: null, field: null, mode: 'drill', questions: [{ bankId: null, questionType: 'opener', text: 'How are you?\u001b[2J\u001b]0;pwned\u0007' }] }),
    );
    const { printed } = await practiseFrom(`${OPENERS[0]}\n`, file, { resume: 1 });
    expect(printed).toMatch(/^1\/1 · How are you\?$/m);
    expect(printed).not.toMatch(/[\u001b\u0007]/);
  });

  it('does not create the database before the first answer is read', async () => {
    const file = join(dir, 'starl.db');
    const input = new PassThrough();
    const output = new PassThrough();
    const screen = new Screen(input, output);
    const plain = new PlainPractice(() => openStore(file), analyze, { output, render: (answer, report) => renderReport(answer, report, false) });
    const run = plain.run({ only: 'opener', count: 1, seed: 7 }, paragraphs(input));
    await screen.waitFor([/^1\/1 · /m]);
    expect(existsSync(file)).toBe(false);
    input.end(`${OPENERS[0]}\n`);
    expect(await run).toMatchObject({ status: 'finished', answered: 1 });
    await plain.close();
    expect(existsSync(file)).toBe(true);
  });
});

describe('empty sessions', () => {
  it('a practice stopped at its first question (Ctrl-C) leaves no session behind', async () => {
    await withStore(join(dir, 'starl.db'), async (store) => {
      const { screen, input, output } = Screen.inProcess();
      const run = new PracticeRun(store, analyze, { input, output }).run({ only: 'opener', count: 2, seed: 1 });
      run.catch((error: Error) => screen.fail(error));
      await screen.waitFor([new RegExp(`${ACTIVE}1/2 · `)]);
      screen.press('\u0003');
      expect(await run).toMatchObject({ status: 'stopped', answered: 0 });
      await screen.waitFor([/Stopped before the first answer; nothing was saved\./]);
      expect(await store.listSessions()).toEqual([]);
    });
  });

  it('a session with no answers never becomes the default report', async () => {
    const file = join(dir, 'starl.db');
    const plan = (store: Store) => store.createSession({ companyId: null, role: null, field: null, mode: 'drill', questions: [{ bankId: null, questionType: 'opener', text: 'How are you?' }] });
    await withStore(file, async (store) => {
      const answered = await plan(store);
      await store.saveAnswer({ sessionId: answered.id, position: 0, question: 'How are you?', answer: 'Great, thanks!', seconds: 3, report: reportWith({}, 'opener') });
      await plan(store);
    });
    const { stdout, error } = await runCommand(registerReport, ['report', '--db', file]);
    expect(error).toBeNull();
    expect(stdout).toMatch(/^# Drill #1/);
    // The report's Markdown escapes the answer's "!".
    expect(stdout).toContain('Great, thanks\\!');
  });

  it('with only empty sessions, the report says there is nothing to show yet', async () => {
    const file = join(dir, 'starl.db');
    await withStore(file, (store) => store.createSession({ companyId: null, role: null, field: null, mode: 'drill', questions: [] }));
    const { error } = await runCommand(registerReport, ['report', '--db', file]);
    expect((error as StarlError).describe()).toBe('there are no answered practice sessions yet; start one with: starl practice [E_NOT_FOUND]');
  });
});
