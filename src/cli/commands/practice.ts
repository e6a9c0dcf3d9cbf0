import type { Command } from 'commander';
import { analyze } from '../../core/analyze.js';
import { parseList, parseWholeNumber } from '../../practice/options.js';
import { PracticeRun, type PracticeOptions } from '../../practice/session.js';
import { DB_OPTION_HELP, withStore } from '../../storage/index.js';

/** The practice options, plus where the database is. */
type PracticeFlags = PracticeOptions & { db?: string };

/** `starl practice`: a mock interview (or a drill of one question type) in the terminal. */
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
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (flags: PracticeFlags) => {
      const { db, ...options } = flags;
      try {
        await withStore(db, (store) =>
          new PracticeRun(store, analyze, { input: process.stdin, output: process.stdout }).run(options as PracticeOptions),
        );
      } finally {
        // The prompts leave standard input open; from a pipe that would keep Starl waiting for its end.
        process.stdin.destroy();
      }
    });
}
