import type { Readable, Writable } from 'node:stream';
import { cancel, confirm, intro, isCancel, log, outro, text } from '@clack/prompts';
import { analyze } from '../../core/analyze.js';
import { StarlError } from '../../core/errors.js';
import { askAnswer } from '../../practice/answer-prompt.js';
import { renderReport } from '../render.js';

/** The terminal the coach talks to; tests pass their own streams. */
export interface InteractiveIO {
  input: Readable;
  output: Writable & { isTTY?: boolean };
}

/**
 * Asks again until the candidate types something, or cancels (Ctrl-C): then `null`. Answers and
 * postings are pasted, so `lines` takes any number of lines (see `askAnswer`).
 */
async function ask(io: InteractiveIO, message: string, placeholder: string, options: { optional?: boolean; lines?: boolean } = {}): Promise<string | null> {
  const validate = (v: string | undefined) => (options.optional || v?.trim() ? undefined : 'Type something, or press Ctrl-C to stop.');
  const value = options.lines ? await askAnswer({ ...io, message, placeholder, validate }) : await text({ ...io, message, placeholder, validate });
  return isCancel(value) || typeof value !== 'string' ? null : value;
}

/**
 * `starl` with no command on a terminal: asks for a question and an answer (and, if you like, text from
 * the job posting), prints the report, and offers another round.
 */
export async function runInteractive(io: InteractiveIO = { input: process.stdin, output: process.stdout }): Promise<void> {
  intro('Starl: practise an answer and see how it lands', io);
  for (;;) {
    const question = await ask(io, 'What was the question?', 'Tell me about a time you solved a hard problem.');
    if (question === null) break;
    const answer = await ask(io, 'Your answer', 'Type it as you would say it, or paste it.', { lines: true });
    if (answer === null) break;
    const context = await ask(io, 'Job posting or company text (optional)', 'Paste it, or press Enter to skip.', { optional: true, lines: true });
    if (context === null) break;
    try {
      const report = analyze({ question, answer, context: context.trim() || null });
      io.output.write(`\n${renderReport(answer, report, Boolean(io.output.isTTY) && !process.env.NO_COLOR)}\n`);
    } catch (error) {
      if (!(error instanceof StarlError)) throw error;
      log.error(error.message, io);
    }
    const again = await confirm({ ...io, message: 'Try another answer?' });
    if (isCancel(again) || !again) break;
  }
  cancel('Answers here are not saved; `starl practice` runs a saved mock interview.', io);
  outro('Good luck!', io);
}
