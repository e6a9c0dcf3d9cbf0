import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInteractive } from '../../src/cli/commands/interactive.js';
import { analyze } from '../../src/core/analyze.js';
import { askAnswer } from '../../src/practice/answer-prompt.js';
import { PracticeRun } from '../../src/practice/session.js';
import { withStore } from '../../src/storage/index.js';
import { ACTIVE, Screen } from '../support/screen.js';
import { tempDir } from './helpers.js';

/** A story pasted from notes: three paragraphs with blank lines between them, as a terminal sends them. */
const PARAGRAPHS = [
  'At Parcelo our support queue had grown to 900 open tickets before peak season.',
  'I rewrote our triage macros and trained two new agents myself.',
  'First-response time fell from 9 hours to 2, and I learned to fix the process before adding people.',
];
const PASTED = PARAGRAPHS.join('\r\r');
const HINT = 'Enter on an empty line or Ctrl-D submits';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('a multi-line answer is one answer', () => {
  it('bare `starl`: a paste with blank lines is judged whole, and Enter on an empty line submits it', async () => {
    const { screen, input, output } = Screen.inProcess();
    const done = runInteractive({ input, output });
    await screen.waitFor([/What was the question\?/]);
    input.write('Tell me about a time you fixed a process.\r');
    await screen.waitFor([new RegExp(`${ACTIVE}Your answer`)]);
    await screen.waitFor([new RegExp(HINT)]);
    // The paste arrives in one read, ending with a line break; the typed Enter after it submits.
    screen.press(`${PASTED}\r`);
    await screen.waitFor([/fix the process before adding people\./]);
    expect(screen.text).not.toMatch(/Job posting/);
    screen.press('\r');
    await screen.waitFor([new RegExp(`${ACTIVE}Job posting or company text`)]);
    screen.press('\r');
    await screen.waitFor([/Try another answer\?/]);
    const report = screen.text.slice(screen.text.indexOf('Your answer  ('));
    for (const paragraph of PARAGRAPHS) expect(report).toContain(paragraph.slice(0, 40));
    expect(report).toMatch(/STAR\(L\)\s+S \d+%/);
    screen.press('n\r');
    await done;
  });

  it('`starl practice`: a bracketed paste split over several reads, blank line and all, is saved as one answer', async () => {
    await withStore(join(dir, 'starl.db'), async (store) => {
      const { screen, input, output } = Screen.inProcess();
      const run = new PracticeRun(store, analyze, { input, output }).run({ only: 'behavioral', count: 1, seed: 3 });
      run.catch((error: Error) => screen.fail(error));
      await screen.waitFor([new RegExp(`${ACTIVE}1/1 · .*⏱`)]);
      expect(screen.text).toContain(HINT);
      // A terminal marks the paste; the reader gets it in pieces, one of them a lone line break.
      screen.press(`\u001b[200~${PARAGRAPHS[0]}\r`);
      // Until the paste ends, the prompt says it is pasting rather than redrawing the text at every key.
      await screen.waitFor([/pasting…/]);
      screen.press('\r');
      screen.press(`${PARAGRAPHS[1]}\r\r${PARAGRAPHS[2]}\u001b[201~`);
      await screen.waitFor([/before adding people\.█/]);
      // Typed: Enter starts a new line, Enter on the empty line submits.
      screen.press('\r');
      screen.press('\r');
      const next = await screen.waitFor([new RegExp(`${ACTIVE}What next\\?`), new RegExp(`${ACTIVE}The interviewer follows up`)]);
      if (next.which === 1) {
        screen.answer('The backlog stayed under 50 tickets all season.');
        await screen.waitFor([new RegExp(`${ACTIVE}What next\\?`)]);
      }
      screen.press('n');
      const { sessionId } = await run;
      const [saved] = (await store.answersOf(sessionId)).filter((a) => a.followUpOf === null);
      expect(saved!.answer).toBe(PARAGRAPHS.join('\n\n'));
      expect(saved!.report.sentences.map((s) => s.text)).toContain(PARAGRAPHS[1]);
    });
  });

  it('draws a long paste once, not once per character', async () => {
    const { PassThrough } = await import('node:stream');
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { columns: 100, rows: 40 });
    let drawn = 0;
    output.on('data', (chunk: Buffer) => (drawn += chunk.length));
    const page = Array.from({ length: 30 }, () => `${PARAGRAPHS.join(' ')}\r\r`).join('');
    const answer = askAnswer({ message: 'Your answer', input, output });
    input.write(page);
    input.write('\u0004');
    expect(await answer).toBe(page.replace(/\r/g, '\n'));
    // The text itself is drawn a few times (while typing, then as submitted); per character it would be hundreds.
    expect(drawn).toBeLessThan(page.length * 6);
  });

  it('an empty submission is refused where the candidate types, and the answer is still asked for', async () => {
    const { screen, input, output } = Screen.inProcess();
    const done = runInteractive({ input, output });
    await screen.waitFor([/What was the question\?/]);
    input.write('How are you?\r');
    await screen.waitFor([new RegExp(`${ACTIVE}Your answer`)]);
    screen.press('\r');
    await screen.waitFor([/Type something, or press Ctrl-C to stop\./]);
    screen.answer('Great, thanks!\rI have been looking forward to this all week.');
    await screen.waitFor([new RegExp(`${ACTIVE}Job posting`)]);
    screen.press('\u0004');
    await screen.waitFor([/Try another answer\?/]);
    expect(screen.text).toContain('I have been looking forward to this all week.');
    screen.press('n\r');
    await done;
  });
});
