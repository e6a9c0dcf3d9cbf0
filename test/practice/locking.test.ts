import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StarlError } from '../../src/core/errors.js';
import { Store, withStore } from '../../src/storage/index.js';
import { openSqliteDriver } from '../../src/storage/sqlite.js';
import { runCli } from '../support/cli.js';
import { tempDir } from './helpers.js';

const HOLDER = join(import.meta.dirname, 'fixtures', 'hold-lock.ts');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Another process in the middle of a long write: resolves once it holds the lock; `release` lets it commit. */
async function holdWriteLock(file: string): Promise<{ release: () => Promise<void> }> {
  const holder = spawn(process.execPath, ['--import', 'tsx', HOLDER, file], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  while (!output.includes('holding')) {
    const [chunk] = (await Promise.race([once(holder.stdout, 'data'), once(holder, 'exit').then(() => [Buffer.from('exited')])])) as [Buffer];
    output += chunk.toString();
    if (output.includes('exited')) throw new Error('the lock holder exited early');
  }
  return {
    release: async () => {
      holder.stdin.end();
      if (holder.exitCode === null) await once(holder, 'exit');
    },
  };
}

describe('a long write in another process', () => {
  it('never stops the read-only commands', async () => {
    const file = join(dir, 'starl.db');
    await withStore(file, (store) => store.saveCompany({ name: 'Forkful' }));
    const holder = await holdWriteLock(file);
    try {
      const results = await Promise.all([
        runCli(['company', 'list', '--db', file]),
        runCli(['progress', '--db', file]),
        runCli(['report', '--list', '--db', file]),
      ]);
      expect(results.map((result) => [result.code, result.stderr])).toEqual([
        [0, ''],
        [0, ''],
        [0, ''],
      ]);
      expect(results[0]!.stdout).toContain('Forkful');
    } finally {
      await holder.release();
    }
  }, 120_000);

  it('makes a writer wait a bounded time, then say that another Starl process holds the lock', async () => {
    const file = join(dir, 'starl.db');
    await withStore(file, async () => undefined);
    const holder = await holdWriteLock(file);
    const store = await Store.open(openSqliteDriver(file, { busyTimeoutMs: 200 }));
    try {
      const error = await store.saveCompany({ name: 'Forkful' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StarlError);
      expect((error as StarlError).code).toBe('E_STORAGE_LOCKED');
      expect((error as StarlError).describe()).toContain(`${file}: another Starl process is writing to this database`);
      await holder.release();
      // Once the other process has committed, the same write goes through and both rows are there.
      await store.saveCompany({ name: 'Forkful' });
      expect((await store.listCompanies()).map((company) => company.name)).toEqual(['Forkful']);
      expect((await store.listStories()).map((story) => story.title)).toEqual(['Held']);
    } finally {
      await holder.release();
      await store.close();
    }
  }, 60_000);
});
