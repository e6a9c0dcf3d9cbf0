import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StarlError } from '../core/errors.js';

/**
 * Writes a file whole or not at all: into a new temporary file beside it, then renamed over it, so a
 * crash never leaves half a file under its name. The temporary file has a random name and is created
 * exclusively (O_EXCL), so a symlink planted where it would go is refused instead of followed; it is
 * readable by its owner only, as the data it carries is the candidate's.
 */
export function writeFileAtomically(file: string, text: string, what: string): void {
  const partial = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.partial`);
  let created = false;
  try {
    const fd = openSync(partial, 'wx', 0o600);
    created = true;
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  } catch (error) {
    if (created) rmSync(partial, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new StarlError('E_STORAGE_FULL', `the disk is full, so the ${what} was not written; your saved data is unchanged`, { file });
    }
    throw new StarlError('E_INPUT_FILE', `cannot write the ${what}: ${(error as Error).message}`, { file });
  }
}
