import { Command, CommanderError, Help } from 'commander';
import { COMMANDS, type CommandEntry } from './commands/index.js';
import { reportError } from './errors.js';
import { HELP_CONFIGURATION } from './help.js';
import { starlVersion } from './version.js';

/** The command the arguments name: the first word that is not an option, or the one after `help`. */
export function commandNamed(args: readonly string[], commands: readonly CommandEntry[] = COMMANDS): CommandEntry | undefined {
  const words = args.filter((arg) => !arg.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return commands.find((entry) => entry.name === name);
}

/**
 * Builds the `starl` program for these arguments. Only the command they name is loaded (each lives in
 * its own file under commands/); the others are listed from the command table, so `starl --help`
 * loads no database, server or language model.
 */
export async function buildProgram(args: readonly string[], commands: readonly CommandEntry[] = COMMANDS): Promise<Command> {
  const listed = new Map<Command, string>();
  const program = new Command('starl')
    .description('Practise interview answers and get judged on opportunity, memorable, specific reason and STAR(L).')
    .version(starlVersion(), '-V, --version', 'print the version of Starl')
    .option('--debug', 'show stack traces for internal errors')
    // Commands not loaded are listed with the term the table gives them.
    .configureHelp({ ...HELP_CONFIGURATION, subcommandTerm: (command) => listed.get(command) ?? new Help().subcommandTerm(command) })
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  const wanted = commandNamed(args, commands);
  for (const entry of commands) {
    if (entry === wanted) (await entry.load())(program);
    else listed.set(program.command(entry.name).description(entry.summary), entry.term);
  }
  return program;
}

/** Parses the command line and runs the command; errors become one line on stderr and exit code 2. */
export async function main(): Promise<void> {
  // A reader that stops early (`starl rules | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const args = process.argv.slice(2);
  try {
    // `starl` alone on a terminal starts the interactive coach; elsewhere it shows the commands.
    if (args.length === 0 && process.stdin.isTTY && process.stdout.isTTY) {
      const { runInteractive } = await import('./commands/interactive.js');
      return await runInteractive();
    }
    await (await buildProgram(args)).parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    process.exitCode = reportError(error, args.includes('--debug'));
  }
}
