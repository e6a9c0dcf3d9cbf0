import { afterEach, beforeEach } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { rules } from '../../src/core/rules/index.js';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/storage/index.js';
import type { TestDatabase } from './databases.js';

/** The app and its store for one test, on a fresh database. */
export interface TestApp {
  store: Store;
  app: ReturnType<typeof createApp>;
  /** Sends `body` as JSON with `method` (default POST). */
  send(path: string, body: unknown, method?: string): Promise<Response>;
}

/**
 * Gives every test of the calling suite a new app with the real analyzer over a fresh database of
 * `database` (see `forEachDatabase`), closed after the test. Read its fields inside the tests: they
 * change for each one.
 *
 * @example
 * forEachDatabase((database) => {
 *   const test = useTestApp(database);
 *   it('…', async () => { await test.send('/api/sessions', {…}); });
 * });
 */
export function useTestApp(database: TestDatabase): TestApp {
  const current = {} as TestApp;
  beforeEach(async () => {
    current.store = await database.open();
    current.app = createApp({ analyze, rules, store: current.store });
    current.send = (path, body, method = 'POST') =>
      Promise.resolve(current.app.request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  });
  afterEach(async () => {
    await current.store.close();
  });
  return current;
}
