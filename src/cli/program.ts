import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './commands/analyze.js';
import { registerCompany } from './commands/company.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerPractice } from './commands/practice.js';
import { registerProgress } from './commands/progress.js';
import { registerReport } from './commands/report.js';
import { registerReview } from './commands/review.js';
import { registerStories } from './commands/stories.js';
import { registerServe } from './commands/serve.js';
import { registerRules } from './commands/rules.js';
import { runInteractive } from './commands/interactive.js';
import { reportError } from './errors.js';
import { HELP_CONFIGURATION } from './help.js';
import { starlVersion } from './version.js';

/** Builds the `starl` program; each command lives in its own file under commands/. */
export function buildProgram(): Command {
  const program = new Command('starl')
    .description('Practise interview answers and get judged on opportunity, memorable, specific reason and STAR(L).')
    .version(starlVersion(), '-V, --version', 'print the version of Starl')
    .option('--debug', 'show stack traces for internal errors')
    .configureHelp(HELP_CONFIGURATION)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  registerAnalyze(program);
  registerCompany(program);
  registerExport(program);
  registerImport(program);
  registerPractice(program);
  registerProgress(program);
  registerReport(program);
  registerReview(program);
  registerStories(program);
  registerServe(program);
  registerRules(program);
  return program;
}

/** Parses the command line and runs the command; errors become one line on stderr and exit code 2. */
export async function main(): Promise<void> {
  // A reader that stops early (`starl rules | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const program = buildProgram();
  try {
    // `starl` alone on a terminal starts the interactive coach; elsewhere it shows the commands.
    if (process.argv.length <= 2 && process.stdin.isTTY && process.stdout.isTTY) return await runInteractive();
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    process.exitCode = reportError(error, process.argv.includes('--debug'));
  }
}

