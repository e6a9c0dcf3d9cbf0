import { afterEach, beforeEach } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { rules } from '../../src/core/rules/index.js';
import { createApp } from '../../src/server/app.js';
import { Store } from '../../src/storage/index.js';
import { openSqliteDriver } from '../../src/storage/sqlite.js';

/** The app and its store for one test, on a fresh in-memory database. */
export interface TestApp {
  store: Store;
  app: ReturnType<typeof createApp>;
  /** Sends `body` as JSON with `method` (default POST). */
  send(path: string, body: unknown, method?: string): Promise<Response>;
}

/**
 * Gives every test of the calling file a new app with the real analyzer over an in-memory database,
 * closed after the test. Read its fields inside the tests: they change for each one.
 */
export function useTestApp(): TestApp {
  const current = {} as TestApp;
  beforeEach(async () => {
    current.store = await Store.open(openSqliteDriver(':memory:'));
    current.app = createApp({ analyze, rules, store: current.store });
    current.send = (path, body, method = 'POST') =>
      Promise.resolve(current.app.request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  });
  afterEach(async () => {
    await current.store.close();
  });
  return current;
}
