import { analyzeBatch } from './batch.js';
import { reportError } from './errors.js';

/**
 * The entry point of `starl analyze --jsonl` when main.ts runs it with a capped heap: it loads only the
 * analyzer and the batch reader, not every command, so the batch stays small.
 */
const args = process.argv.slice(2);
const at = args.indexOf('--jsonl');
const operand = args[at + 1];
try {
  process.exitCode = await analyzeBatch(operand !== undefined && !operand.startsWith('-') ? operand : null);
} catch (error) {
  process.exitCode = reportError(error, args.includes('--debug'));
}
