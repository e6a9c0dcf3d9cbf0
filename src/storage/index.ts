import { openSqliteDriver } from './sqlite.js';
import { resolveDatabasePath } from './paths.js';
import { Store } from './store.js';

// The storage adapter's public surface: the store, its records, the database location and export/import.
export { Store, companyKey, verdictColumns } from './store.js';
export type { AnswerInput, CompanyInput, ReviewInput } from './store.js';
export type * from './records.js';
export type { StoreDriver, DialectName } from './driver.js';
export { resolveDatabasePath, defaultDatabasePath, DB_OPTION_HELP } from './paths.js';
export { exportAll, importAll, parseExport } from './transfer.js';
export type { ExportDocument, ImportCounts } from './transfer.js';

/**
 * Opens Starl's database: the given file, else `STARL_DB`, else the XDG data directory. Creates it and
 * applies any pending migrations; a file that is not SQLite is refused untouched.
 *
 * @example
 * const store = await openStore(options.db);
 * try { ... } finally { await store.close(); }
 */
export async function openStore(file?: string, now?: () => Date): Promise<Store> {
  return Store.open(openSqliteDriver(resolveDatabasePath(file)), now);
}

/** Opens the store, runs `work` with it and always closes it. */
export async function withStore<T>(file: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(file);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
