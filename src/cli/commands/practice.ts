import type { Command } from 'commander';
import { analyze } from '../../core/analyze.js';
import type { Report } from '../../core/types.js';
import { renderReport } from '../render.js';
import { parseList, parseWholeNumber } from '../../practice/options.js';
import { paragraphs, PlainPractice, PLAIN_INPUT_HELP } from '../../practice/plain.js';
import { PracticeRun, type PracticeOptions } from '../../practice/session.js';
import { DB_OPTION_HELP, openStore, withStore } from '../../storage/index.js';
import { abandonSession } from './abandon.js';

/** The practice options, plus where the database is. */
type PracticeFlags = PracticeOptions & { db?: string; abandon?: number | true; yes?: boolean };

/** `starl practice`: a mock interview (or a drill of one question type) in the terminal, or from standard input. */
export function registerPractice(program: Command): void {
  program
    .command('practice')
    .description('run a mock interview: timed answers, judged at once, follow-ups, retries, saved as you go')
    .option('--company <name>', 'judge answers for a company saved with `starl company add`')
    .option('--role <title>', 'the role you are interviewing for, e.g. "staff nurse"')
    .option('--field <field>', 'the field whose questions to prefer (guessed from --role)')
    .option('--competencies <list>', 'competencies for the behavioral questions, comma-separated', parseList)
    .option('--count <n>', 'how many questions (default 8, or 5 for a drill)', (v) => parseWholeNumber(v, '--count'))
    .option('--only <type>', 'a quick drill of one question type, e.g. behavioral')
    .option('--seed <n>', 'repeat the same plan', (v) => parseWholeNumber(v, '--seed', Number.MIN_SAFE_INTEGER))
    .option('--resume [session]', 'resume a session (default: the newest unfinished one)', (v) => parseWholeNumber(v, '--resume'))
    .option('--abandon [session]', 'delete an unfinished session and its answers (default: the newest); needs --yes', (v) => parseWholeNumber(v, '--abandon'))
    .option('--yes', 'with --abandon: really delete')
    .option('--db <file>', DB_OPTION_HELP)
    .addHelpText(
      'after',
      `
In a terminal, type or paste each answer; Enter on an empty line or Ctrl-D submits it.
${PLAIN_INPUT_HELP}

Examples:
  starl practice --role "support engineer" --company Forkful
  printf 'Great, thanks!\\n\\nI restore old synthesizers.\\n' | starl practice --only opener --count 2 --seed 7`,
    )
    .action(async (flags: PracticeFlags) => {
      const { db, abandon, yes, ...options } = flags;
      if (abandon !== undefined) return abandonSession(db, abandon, yes);
      // A company or a session to resume can only be in a database that exists already.
      const create = options.resume === undefined && options.company === undefined;
      try {
        if (process.stdin.isTTY && process.stdout.isTTY) {
          await withStore(db, (store) => new PracticeRun(store, analyze, { input: process.stdin, output: process.stdout }).run(options), { create });
          return;
        }
        const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
        const render = (answer: string, report: Report) => renderReport(answer, report, colour);
        const plain = new PlainPractice(() => openStore(db, { create }), analyze, { output: process.stdout, render });
        try {
          await plain.run(options, paragraphs(process.stdin));
        } finally {
          await plain.close();
        }
      } finally {
        // The prompts leave standard input open; from a pipe that would keep Starl waiting for its end.
        process.stdin.destroy();
      }
    });
}
