import { StarlError } from '../core/errors.js';

/** A transcript that cannot be read, with the line that shows why. */
export function transcriptError(message: string, line: number, file?: string): StarlError {
  return new StarlError('E_TRANSCRIPT', message, file === undefined ? { line } : { file, line });
}
