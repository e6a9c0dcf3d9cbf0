import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { StarlError } from '../core/errors.js';
import type { Report } from '../core/types.js';
import { countOf } from '../format/plural.js';
import { printable } from '../text/printable.js';
import type { Session, Store } from '../storage/index.js';
import type { Judge, PracticeOutcome } from './session.js';
import { buildSessionReport } from '../report/session.js';
import { summarizeSession } from './summary.js';
import { summaryText } from './summary-text.js';
import { companyJudging, planSession, sessionToResume, type PracticeOptions, type SessionPlan } from './start.js';

/** How `starl practice` reads answers without a terminal, for `--help` and the README. */
export const PLAIN_INPUT_HELP =
  'Without a terminal, practice reads your answers from standard input, one per question in order, separated by an empty line; it prints each question and its judgement as plain text, saves each answer as it is read, and asks no follow-ups.';

/** Standard input held no answer that could be judged: nothing is saved. */
export function noAnswerError(): StarlError {
  return new StarlError(
    'E_USAGE',
    'no answer on standard input, so nothing was saved; without a terminal, practice reads one answer per paragraph (separated by an empty line)',
    { file: '<stdin>' },
  );
}

/**
 * The answers in a text stream: each paragraph (lines up to an empty line) is one answer, its line
 * breaks kept. Yields each as soon as it ends, so each is judged and saved before the next is read.
 */
export async function* paragraphs(input: Readable): AsyncGenerator<string> {
  let lines: string[] = [];
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim()) {
      lines.push(line);
      continue;
    }
    if (lines.length > 0) yield lines.join('\n');
    lines = [];
  }
  if (lines.length > 0) yield lines.join('\n');
}

/**
 * A mock interview read from standard input: no prompts and no cursor movement, so the output reads
 * the same in a file or a pipe; each judgement is printed with `io.render` (the CLI's text report).
 * The database is opened only when needed (at the first answer of a new session without a company),
 * and a session is saved only with its first answer: with no answers at all, nothing is created and
 * the candidate is told why.
 */
export class PlainPractice {
  private store: Store | null = null;

  constructor(
    private readonly openStore: () => Promise<Store>,
    private readonly judge: Judge,
    private readonly io: { output: Writable; render: (answer: string, report: Report) => string },
  ) {}

  private async opened(): Promise<Store> {
    this.store ??= await this.openStore();
    return this.store;
  }

  async run(options: PracticeOptions, answers: AsyncIterator<string>): Promise<PracticeOutcome> {
    const needed = options.resume !== undefined || options.company !== undefined ? await this.opened() : null;
    const resumed = options.resume === undefined ? null : await sessionToResume(needed!, options.resume);
    const plan: SessionPlan = resumed ?? (await planSession(needed, options));
    let session: Session | null = resumed;
    const judgeWith = needed ? await companyJudging(needed, plan.companyId) : {};
    const done = new Set(session ? (await needed!.answersOf(session.id)).map((a) => a.position) : []);
    const total = plan.questions.length;
    this.print(`${plan.mode === 'drill' ? 'Drill' : 'Mock interview'}: ${countOf(total, 'question')}${done.size ? `, ${done.size} already answered` : ''}. Reading one answer per paragraph from standard input.`);

    for (const [position, question] of plan.questions.entries()) {
      if (done.has(position)) continue;
      this.print(`\n${position + 1}/${total} · ${printable(question.text)}`);
      let report: Report | null = null;
      let answer = '';
      while (!report) {
        const next = await answers.next();
        if (next.done) return this.stop(session, done.size, total);
        answer = next.value;
        try {
          report = this.judge({ question: question.text, answer, ...judgeWith });
        } catch (error) {
          // As at a terminal, an answer that cannot be judged is not saved; the next paragraph answers instead.
          if (!(error instanceof StarlError && error.code.startsWith('E_INPUT'))) throw error;
          this.print(`${error.message} [${error.code}]; this answer was not saved, so the next paragraph answers this question.`);
        }
      }
      const store = await this.opened();
      session ??= await store.createSession(plan);
      await store.saveAnswer({ sessionId: session.id, position, question: question.text, answer, seconds: 0, report });
      done.add(position);
      this.print(this.io.render(answer, report).trimEnd());
    }
    await this.store!.finishSession(session!.id);
    this.print(`\nSession #${session!.id} finished; ${total === 1 ? 'the answer' : `all ${total} answers`} saved. Full report: starl report ${session!.id}`);
    this.print(`\n${summaryText(summarizeSession(await buildSessionReport(this.store!, session!.id)))}`);
    return { sessionId: session!.id, status: 'finished', answered: total };
  }

  /** Standard input ended before the last question. */
  private stop(session: Session | null, answered: number, total: number): PracticeOutcome {
    if (!session) throw noAnswerError();
    this.print(`\nStandard input ended after ${answered} of ${countOf(total, 'question')}; all saved. Resume with: starl practice --resume ${session.id}`);
    return { sessionId: session.id, status: 'stopped', answered };
  }

  /** Closes the database if it was opened. */
  async close(): Promise<void> {
    await this.store?.close();
  }

  private print(text: string): void {
    this.io.output.write(`${text}\n`);
  }
}
