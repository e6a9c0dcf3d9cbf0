import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StarlError } from '../../src/core/errors.js';
import { withStore } from '../../src/storage/index.js';
import { reportWith, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('the database file', () => {
  it('is created readable by its owner only, in a directory only its owner can enter', async () => {
    const file = join(dir, 'private', 'starl.db');
    await withStore(file, async () => undefined);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'private')).mode & 0o777).toBe(0o700);
  });
});

describe('a full disk', () => {
  it('is E_STORAGE_FULL, saying that what was saved before is safe, and keeps it', async () => {
    await withStore(join(dir, 'starl.db'), async (store) => {
      await store.saveReviews([{ sourceFile: 'first.vtt', question: 'Why us?', answer: 'Pay.', report: reportWith({}) }]);
      // SQLite answers a write past its page limit exactly as it answers ENOSPC: SQLITE_FULL.
      const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(store.driver.db);
      await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(store.driver.db);
      const big = 'I rebuilt the rota. '.repeat(5000);
      const error = await store
        .saveReviews([{ sourceFile: 'second.vtt', question: 'Tell me about a time.', answer: big, report: reportWith({}) }])
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StarlError);
      expect((error as StarlError).code).toBe('E_STORAGE_FULL');
      expect((error as StarlError).message).toMatch(/disk is full.*everything saved before is safe/);
      expect((await store.listReviews()).map((review) => review.sourceFile)).toEqual(['first.vtt']);
    });
  });
});

describe('a large save', () => {
  it('reports success once committed, with more rows than SQLite takes variables in one statement', async () => {
    // SQLite refuses a statement with more than 32,766 bound values, as an `IN (…)` of every new id would be.
    const count = 33_000;
    await withStore(join(dir, 'starl.db'), async (store) => {
      const inputs = Array.from({ length: count }, (_, i) => ({ sourceFile: 'long.vtt', question: `Question ${i}?`, answer: 'Yes.', report: reportWith({}) }));
      const saved = await store.saveReviews(inputs);
      expect(saved).toHaveLength(count);
      expect(saved[count - 1]).toMatchObject({ question: `Question ${count - 1}?`, sourceFile: 'long.vtt' });
      expect(await store.listReviews()).toHaveLength(count);
    });
  }, 120_000);
});
