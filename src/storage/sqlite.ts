import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { StarlError } from '../core/errors.js';
import type { StoreDriver } from './driver.js';
import type { StarlSchema } from './schema.js';

/** Every SQLite 3 file starts with these 16 bytes (sqlite.org/fileformat.html, "The Database Header"). */
const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * How long a write waits for another process's write to finish before failing. A practice answer's
 * write takes milliseconds; ten seconds covers a large import running in another process.
 */
const BUSY_TIMEOUT_MS = 10_000;

/** Refuses, without touching it, a file that exists and is not an SQLite database. */
function assertSqliteFile(path: string): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) throw new StarlError('E_STORAGE', 'the database path is a directory, not a file', { file: path });
  // SQLite treats an empty file as a new database.
  if (stat.size === 0) return;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new StarlError('E_STORAGE', 'this file is not a Starl database (it is not SQLite); nothing was changed', {
      file: path,
    });
  }
}

/** Turns a driver error into a typed one that names the file. */
function storageError(error: unknown, path: string): StarlError {
  if (error instanceof StarlError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StarlError('E_STORAGE', `cannot open the database: ${message}`, { file: path });
}

/**
 * Opens an SQLite database for Starl, creating it (and its directory) only when `create` is true:
 * WAL mode so readers never block the writer, a busy timeout so two processes wait for each other
 * instead of failing, full sync so a submitted answer survives a crash, and foreign keys on.
 */
export function openSqliteDriver(path: string, create = true): StoreDriver {
  assertSqliteFile(path);
  let database: Database.Database;
  try {
    if (path !== ':memory:' && create) mkdirSync(dirname(path), { recursive: true });
    database = new Database(path, { timeout: BUSY_TIMEOUT_MS, fileMustExist: !create });
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    throw storageError(error, path);
  }
  const db = new Kysely<StarlSchema>({ dialect: new SqliteDialect({ database }) });
  return {
    dialect: 'sqlite',
    db,
    location: path,
    async writeTransaction(work) {
      // `connection()` holds Kysely's single SQLite connection for the whole callback, so the
      // BEGIN IMMEDIATE, the work and the COMMIT cannot interleave with another query.
      return db.connection().execute(async (conn) => {
        // IMMEDIATE takes the write lock now, waiting out the busy timeout; a deferred BEGIN that
        // upgrades later fails at once with SQLITE_BUSY when another process wrote meanwhile.
        await sql`begin immediate`.execute(conn);
        try {
          const result = await work(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw error;
        }
      });
    },
    async close() {
      await db.destroy();
    },
  };
}
