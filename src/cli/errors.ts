import { StarlError, EXIT } from '../core/errors.js';
import { printable } from '../text/printable.js';

/** Prints an error the way every command does: a typed error as one line, anything else as an internal error. */
export function reportError(error: unknown, debug: boolean): number {
  if (error instanceof StarlError) {
    // A message can quote the candidate's data (a speaker's name, a company), so it is made printable.
    process.stderr.write(`starl: ${printable(error.describe())}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT.error;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`starl: internal error: ${printable(message)} [E_INTERNAL]\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('starl: run again with --debug for details\n');
  return EXIT.error;
}
