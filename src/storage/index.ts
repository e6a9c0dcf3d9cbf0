import { existsSync } from 'node:fs';
import { StarlError } from '../core/errors.js';
import { openSqliteDriver } from './sqlite.js';
import { chooseDatabase, resolveDatabasePath, type DatabaseChoice } from './paths.js';
import { Store } from './store.js';

// The storage adapter's public surface: the store, its records, the database location and export/import.
export { Store, companyKey, verdictColumns, judgedInOrder, rowId, JUDGED_ANSWER_COLUMNS, JUDGED_REVIEW_COLUMNS } from './store.js';
export type { AnswerInput, ClientKey, CompanyInput, CompanyPatch, RecordingInput, ReviewInput } from './store.js';
export type * from './records.js';
export type { StoreDriver, DialectName } from './driver.js';
export { chooseDatabase, isPostgresUrl, redactUrl, resolveDatabasePath, defaultDatabasePath, DB_OPTION_HELP, DATABASE_URL_OPTION_HELP } from './paths.js';
export type { DatabaseChoice, DatabaseTarget } from './paths.js';
export { MIGRATIONS } from './migrations.js';
export { assertExportConsistent, exportAll, importAll, EXPORT_FORMAT, EXPORT_VERSION, IMPORTABLE_VERSIONS, MAX_EXPORT_BYTES } from './transfer.js';
export { saveReviewedTranscript, transcriptKey } from './reviews.js';
export type { ExportDocument, ExportOptions, ExportedRecording, ImportCounts } from './transfer.js';

/** How a command opens the database. */
export interface OpenOptions {
  /**
   * Create the database when there is none (default true). Commands that only read pass false, so a
   * mistyped path is reported (`E_NOT_FOUND`) instead of becoming a new, empty database.
   */
  create?: boolean;
  now?: () => Date;
}

/**
 * Opens Starl's database and applies any pending migrations. Given a file name (or nothing): that
 * SQLite file, else `STARL_DB`, else the XDG data directory, created unless `create` is false; a file
 * that is not SQLite is refused untouched. Given a command's `--db` and `--database-url` options:
 * the database {@link chooseDatabase} picks, which may be a PostgreSQL server.
 *
 * @example
 * const store = await openStore(options.db);
 * try { ... } finally { await store.close(); }
 */
export async function openStore(where?: string | DatabaseChoice, options: OpenOptions = {}): Promise<Store> {
  const target = typeof where === 'object' ? chooseDatabase(where) : { kind: 'sqlite' as const, path: resolveDatabasePath(where) };
  if (target.kind === 'postgres') {
    // Loaded only here, so the commands that use SQLite never load the PostgreSQL driver.
    const { openPostgresDriver } = await import('./postgres.js');
    return Store.open(await openPostgresDriver(target.url), options.now);
  }
  const { path } = target;
  const create = options.create ?? true;
  const chosen = typeof where === 'object' ? Boolean(where.db) : Boolean(where);
  if (!create && path !== ':memory:' && !existsSync(path)) throw noDatabase(path, chosen || Boolean(process.env.STARL_DB));
  return Store.open(openSqliteDriver(path, { create }), options.now);
}

/** There is no database where a command that only reads looked: a mistyped path, or nothing saved yet. */
function noDatabase(path: string, chosen: boolean): StarlError {
  const creators = 'commands that save something (practice, company add, stories add, import, review --save) create it';
  const message = chosen
    ? `there is no Starl database at this path; check --db or STARL_DB (${creators})`
    : `there is no Starl database yet: nothing has been saved; ${creators}`;
  return new StarlError('E_NOT_FOUND', message, { file: path });
}

/** Whether the database `openStore(file)` would open exists already. */
export function databaseExists(file?: string): boolean {
  return existsSync(resolveDatabasePath(file));
}

/** Opens the store, runs `work` with it and always closes it. */
export async function withStore<T>(where: string | DatabaseChoice | undefined, work: (store: Store) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const store = await openStore(where, options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
