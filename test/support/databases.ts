import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialectName, StoreDriver } from '../../src/storage/driver.js';
import { openStore, type DatabaseChoice, type Store } from '../../src/storage/index.js';
import { openPostgresDriver } from '../../src/storage/postgres.js';
import { openSqliteDriver } from '../../src/storage/sqlite.js';
import { isCi } from '../e2e/browser.js';

/** The variable that names a PostgreSQL database the tests may create and drop schemas in. */
export const TEST_DATABASE_URL = 'STARL_TEST_DATABASE_URL';

/** The title of the one skipped suite that says the PostgreSQL runs did not happen. */
export const POSTGRES_SKIPPED = `PostgreSQL: set ${TEST_DATABASE_URL} to run (see README, "Testing against PostgreSQL")`;

/** Whether the PostgreSQL runs happen, are skipped (saying so once), or fail the run, as in CI. */
export type PostgresDecision = { kind: 'run'; url: string } | { kind: 'skip' } | { kind: 'fail'; line: string };

/** Runs against `STARL_TEST_DATABASE_URL` when set; without it, skips, except in CI, where every test must run. */
export function decidePostgres(env: NodeJS.ProcessEnv = process.env): PostgresDecision {
  const url = env[TEST_DATABASE_URL]?.trim();
  if (url) return { kind: 'run', url };
  if (isCi(env)) return { kind: 'fail', line: `PostgreSQL tests cannot run in CI: ${TEST_DATABASE_URL} is not set; .ci/run starts a throwaway cluster and sets it.` };
  return { kind: 'skip' };
}

/**
 * One database a test runs against. Each test gets a fresh, empty one: a new SQLite file in a temporary
 * directory, or a new schema in the PostgreSQL database of `STARL_TEST_DATABASE_URL`, dropped after it.
 * Read its members inside tests and hooks only: they change for each test.
 */
export interface TestDatabase {
  readonly name: 'SQLite' | 'PostgreSQL';
  readonly dialect: DialectName;
  /** How `openStore` and `withStore` name this test's database. */
  readonly choice: DatabaseChoice;
  /** The command-line options that name it: `--db FILE` or `--database-url URL`. */
  readonly args: readonly string[];
  /** A new driver on this test's database; the caller closes it (a Store it is given to closes it). */
  driver(): Promise<StoreDriver>;
  /** A store on this test's database, migrated; the caller closes it. */
  open(now?: () => Date): Promise<Store>;
}

/** The same URL with `search_path` set to `schema`, so every table Starl makes and reads lives there. */
export function urlWithSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** Runs `sql` on the test database itself, outside any test's schema. */
async function administer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Declares the hooks that give each test of the current suite a fresh SQLite file. */
function sqliteDatabase(): TestDatabase {
  let dir = '';
  let file = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'starl-db-'));
    file = join(dir, 'starl.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return {
    name: 'SQLite',
    dialect: 'sqlite',
    get choice() {
      return { db: file };
    },
    get args() {
      return ['--db', file];
    },
    driver: async () => openSqliteDriver(file),
    open: (now) => openStore(file, { now }),
  };
}

/** Declares the hooks that give each test of the current suite a fresh schema in the PostgreSQL test database. */
function postgresDatabase(url: string): TestDatabase {
  let schema = '';
  let schemaUrl = '';
  beforeEach(async () => {
    schema = `starl_test_${randomBytes(6).toString('hex')}`;
    schemaUrl = urlWithSchema(url, schema);
    await administer(url, `create schema ${schema}`);
  });
  afterEach(async () => {
    await administer(url, `drop schema ${schema} cascade`);
  });
  return {
    name: 'PostgreSQL',
    dialect: 'postgres',
    get choice() {
      return { databaseUrl: schemaUrl };
    },
    get args() {
      return ['--database-url', schemaUrl];
    },
    driver: () => openPostgresDriver(schemaUrl),
    open: (now) => openStore({ databaseUrl: schemaUrl }, { now }),
  };
}

/**
 * Opens a fresh store on `database` before each test of the current suite and closes it after;
 * `use` receives it, so the suite can keep it in a variable of its own.
 */
export function storeForEachTest(database: TestDatabase, use: (store: Store) => void): void {
  let store: Store | undefined;
  beforeEach(async () => {
    store = await database.open();
    use(store);
  });
  afterEach(async () => {
    await store?.close();
  });
}

/**
 * Declares the tests `define` declares once per database, each run in a suite named after it: always
 * on SQLite, and on PostgreSQL when `STARL_TEST_DATABASE_URL` names a database. Without it the
 * PostgreSQL suite is one skipped line saying how to run it, except in CI, where it fails.
 *
 * @example
 * forEachDatabase((database) => {
 *   it('keeps a story', async () => {
 *     const store = await database.open();
 *     ...
 *   });
 * });
 */
export function forEachDatabase(define: (database: TestDatabase) => void, decision: PostgresDecision = decidePostgres()): void {
  describe('SQLite', () => define(sqliteDatabase()));
  if (decision.kind === 'run') {
    describe('PostgreSQL', () => define(postgresDatabase(decision.url)));
  } else if (decision.kind === 'fail') {
    describe('PostgreSQL', () => it('needs a database', () => expect.fail(decision.line)));
  } else {
    describe.skip(POSTGRES_SKIPPED, () => it('runs every test above on PostgreSQL', () => undefined));
  }
}
