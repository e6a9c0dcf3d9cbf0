import { printable } from '../text/printable.js';

/**
 * Writes a command's plain-text output, which mixes Starl's words with the candidate's data, to
 * standard output with nothing in it that a terminal would act on (see {@link printable}).
 */
export function print(text: string): void {
  process.stdout.write(printable(text));
}

/** As {@link print}, to standard error. */
export function printError(text: string): void {
  process.stderr.write(printable(text));
}
