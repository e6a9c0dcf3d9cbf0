import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { PracticeRun } from '../../src/practice/session.js';
import { openStore, withStore } from '../../src/storage/index.js';
import { StarlError } from '../../src/core/errors.js';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from './helpers.js';
import { ACTIVE, Screen } from '../support/screen.js';

/** Good answers by question type, in the candidate's own words. */
const ANSWERS: Record<string, string> = {
  opener: "Great, thanks! I've been looking forward to talking about the support role at Forkful all week.",
  introduction:
    "I've spent four years in customer support, most recently at Parcelo, where I cut our first-response time from 9 hours to 2 by rebuilding the triage macros.",
  personal: 'I restore 1970s synthesizers; last winter I rebuilt a Korg MS-20 from a box of parts.',
  motivation: 'I like the pay and the benefits.',
  behavioral:
    'At Parcelo our queue had grown to 900 open tickets. I was asked to clear it before peak season. I rewrote our triage macros and trained two new agents myself. As a result, first-response time fell from 9 hours to 2 and the backlog was gone in three weeks. I learned to fix the process before adding people.',
  closing: 'What would success look like in the first ninety days for the support team working on FreshBox?',
  other: "I can start in March, and at Parcelo I worked across UK and US time zones every week.",
};
const WEAK_STORY = 'We had some problems and things got better eventually.';
const FOLLOW_UP_ANSWER =
  'Your FreshBox launch caught my eye, and I rebuilt triage for a subscription box at Parcelo, so I could help your support team scale it.';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Fails the screen's waits as soon as the process exits, with what it printed to stderr. */
function failWhenExited(child: ChildProcessWithoutNullStreams, screen: Screen): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      screen.fail(new Error(`starl exited with ${code}: ${stderr}`));
      resolve({ code, stderr });
    }),
  );
}

describe('starl practice, through its real prompts', { timeout: 90_000 }, () => {
  it('runs a whole interview: timer, judgement, follow-up, retry, story, summary; all saved', async () => {
    const file = join(dir, 'starl.db');
    const { screen, input, output } = Screen.inProcess();
    let now = 0;
    const store = await openStore(file);
    try {
      await store.saveCompany({
        name: 'Forkful',
        contextText: 'Forkful ships FreshBox meal kits from Leeds. The support team owns Zendesk triage.',
        contextSource: 'posting.txt',
        terms: ['Forkful', 'FreshBox', 'Zendesk triage'],
      });
      const run = new PracticeRun(store, analyze, { input, output, clock: () => now }).run({
        company: 'Forkful',
        role: 'support engineer',
        seed: 11,
      });
      run.catch((error: Error) => screen.fail(error));
      let session = await store.latestActiveSession();
      for (let tries = 0; !session && tries < 50; tries++) {
        await new Promise((resolve) => setImmediate(resolve));
        session = await store.latestActiveSession();
      }
      const questions = session!.questions;
      expect(questions.map((q) => q.questionType)).toEqual([
        'opener',
        'introduction',
        'personal',
        'motivation',
        'behavioral',
        'behavioral',
        'behavioral',
        'closing',
      ]);
      const firstStory = questions.findIndex((q) => q.questionType === 'behavioral');
      let retried = false;
      let followUps = 0;
      for (const question of questions) {
        const escaped = question.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        await screen.waitFor([new RegExp(`${ACTIVE}${question.position + 1}/8 · ${escaped}  ⏱ 0:00 \\(aim for about`)]);
        now += 42_000;
        screen.answer(question.position === firstStory ? WEAK_STORY : ANSWERS[question.questionType]!);
        for (;;) {
          // The timer is part of the pattern: once the clock moves on, redraws of the same prompt no longer match.
          const next = await screen.waitFor([new RegExp(`${ACTIVE}The interviewer follows up: .*⏱ 0:00 \\(aim`), new RegExp(`${ACTIVE}What next\\?`)]);
          if (next.which === 0) {
            followUps++;
            now += 20_000;
            screen.answer(FOLLOW_UP_ANSWER);
            continue;
          }
          if (question.position === firstStory && !retried) {
            retried = true;
            screen.press('r');
            await screen.waitFor([new RegExp(`${ACTIVE}${question.position + 1}/8 · `)]);
            now += 60_000;
            screen.answer(ANSWERS.behavioral!);
            continue;
          }
          if (question.position === firstStory) {
            screen.press('s');
            await screen.waitFor([new RegExp(`${ACTIVE}A short title for this story`)]);
            screen.submit('Parcelo triage rebuild');
            await screen.waitFor([new RegExp(`${ACTIVE}Competencies it shows`)]);
            screen.submit('Ownership, customer');
            break;
          }
          screen.press('n');
          break;
        }
      }
      const outcome = await run;
      expect(outcome).toEqual({ sessionId: session!.id, status: 'finished', answered: 8 });

      // What the candidate saw: verdicts, marked evidence, the timer's result and the summary.
      expect(screen.text).toMatch(/Attempt 1 · took 0:42/);
      expect(screen.text).toMatch(/Opportunity\s+✘ miss/);
      expect(screen.text).toMatch(/STAR\(L\)\s+✔ pass/);
      expect(screen.text).toContain('[+');
      expect(screen.text).toContain(`Session #${session!.id} finished`);
      // The same summary the web app shows after Finish.
      expect(screen.text).toContain('Time per answer:');
      expect(screen.text).toContain('Follow-ups the interviewer asked:');
      // The saved story was told again for the next two behavioral questions: three uses is too many.
      expect(screen.text).toContain('You have told "Parcelo triage rebuild" for 3 questions (5, 6, 7)');
      expect(screen.text).toContain('Stories from your bank that fit: "Parcelo triage rebuild"');
      expect(screen.text).toContain(`Full report: starl report ${session!.id}`);

      const answers = await store.answersOf(session!.id);
      const story = answers.filter((a) => a.position === firstStory && a.followUpOf === null);
      expect(story.map((a) => [a.attempt, a.answer, a.seconds])).toEqual([
        [1, WEAK_STORY, 42],
        [2, ANSWERS.behavioral, 60],
      ]);
      expect(followUps).toBeGreaterThan(0);
      const followUp = answers.find((a) => a.followUpOf !== null)!;
      const original = answers.find((a) => a.id === followUp.followUpOf)!;
      // The follow-up is judged together with the answer it follows.
      expect(followUp.report.sentences.map((s) => s.text).join(' ')).toContain(original.answer);
      expect(followUp.seconds).toBe(20);
      // Every answer was judged with the company's posting.
      expect(answers.every((a) => a.report.context !== null)).toBe(true);
      expect(new Set(answers.filter((a) => a.followUpOf === null).map((a) => a.position)).size).toBe(8);
      expect((await store.findSession(session!.id))!.status).toBe('finished');

      const [saved] = await store.listStories();
      expect(saved).toMatchObject({ title: 'Parcelo triage rebuild', competencies: ['ownership', 'customer'], text: ANSWERS.behavioral });
      expect(saved!.parts.map((p) => p.star)).toContain('A');
    } finally {
      await store.close();
    }
  });

  it('resumes after the process is killed with SIGKILL, keeping every submitted answer', async () => {
    const file = join(dir, 'starl.db');
    // Standard input is a pipe, so practice reads one answer per paragraph and saves each as it is read.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'practice', '--only', 'opener', '--count', '3', '--seed', '5', '--db', file],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', COLUMNS: '400' }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const screen = new Screen(child.stdin, child.stdout);
    const killed = failWhenExited(child, screen);
    try {
      await screen.waitFor([/^1\/3 · /m]);
      for (const position of [1, 2]) {
        screen.press(`${ANSWERS.opener} (${position})\n\n`);
        // The next question is printed only after this answer is saved.
        await screen.waitFor([new RegExp(`^${position + 1}/3 · `, 'm')]);
      }
    } finally {
      child.kill('SIGKILL');
    }
    expect((await killed).stderr).toBe('');

    const before = await withStore(file, async (store) => {
      const [session] = await store.listSessions();
      return { session: session!, answers: await store.answersOf(session!.id) };
    });
    expect(before.session.status).toBe('active');
    expect(before.answers.map((a) => a.answer)).toEqual([`${ANSWERS.opener} (1)`, `${ANSWERS.opener} (2)`]);

    const resumed = await runCli(['practice', '--resume', String(before.session.id), '--db', file], { stdin: `${ANSWERS.opener} (3)\n` });
    expect(resumed).toMatchObject({ code: 0, stderr: '' });
    expect(resumed.stdout).toContain('3 questions, 2 already answered');
    expect(resumed.stdout).not.toContain('1/3 · ');
    expect(resumed.stdout).toContain(`Session #${before.session.id} finished`);
    await withStore(file, async (store) => {
      const session = await store.requireSession(before.session.id);
      expect(session.status).toBe('finished');
      const answers = (await store.answersOf(session.id)).filter((a) => a.followUpOf === null);
      expect(answers.map((a) => a.answer)).toEqual([1, 2, 3].map((n) => `${ANSWERS.opener} (${n})`));
    });
  });

  it('asks again, saving nothing, when an answer cannot be judged', async () => {
    const file = join(dir, 'starl.db');
    await withStore(file, async (store) => {
      const { screen, input, output } = Screen.inProcess();
      const run = new PracticeRun(store, analyze, { input, output }).run({ only: 'opener', count: 1, seed: 1 });
      run.catch((error: Error) => screen.fail(error));
      await screen.waitFor([new RegExp(`${ACTIVE}1/1 · .*⏱`)]);
      screen.answer('🙂 🙂');
      await screen.waitFor([/the answer has no words to judge \(only symbols or emoji\)\. Try again\./]);
      await screen.waitFor([new RegExp(`${ACTIVE}1/1 · .*⏱`)]);
      screen.answer(ANSWERS.opener!);
      const next = await screen.waitFor([new RegExp(`${ACTIVE}What next\\?`), new RegExp(`${ACTIVE}The interviewer follows up`)]);
      if (next.which === 1) {
        screen.answer('I read about FreshBox on the way in.');
        await screen.waitFor([new RegExp(`${ACTIVE}What next\\?`)]);
      }
      screen.press('n');
      const { sessionId } = await run;
      const answers = (await store.answersOf(sessionId)).filter((a) => a.followUpOf === null);
      expect(answers.map((a) => a.answer)).toEqual([ANSWERS.opener]);
    });
  });

  it('names an unknown session id and changes nothing', async () => {
    const file = join(dir, 'starl.db');
    await withStore(file, async (store) => {
      const { input, output } = Screen.inProcess();
      const error = await new PracticeRun(store, analyze, { input, output }).run({ resume: 99 }).catch((e: unknown) => e);
      expect((error as StarlError).describe()).toBe('no practice session 99; list them with: starl report --list [E_NOT_FOUND]');
      expect(await store.listSessions()).toEqual([]);
    });
  });
});
