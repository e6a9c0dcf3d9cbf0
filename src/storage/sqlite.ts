import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { StarlError } from '../core/errors.js';
import { storageFull, type StoreDriver } from './driver.js';
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

/** Turns a driver error met while opening into a typed one that names the file. */
function storageError(error: unknown, path: string): StarlError {
  if (error instanceof StarlError) return error;
  const known = writeFailure(error, path);
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  return new StarlError('E_STORAGE', `cannot open the database: ${message}`, { file: path });
}

/**
 * The typed error for a write that SQLite refused because another process held the lock past the
 * busy timeout, or because the disk is full; undefined for any other failure. Either way the
 * transaction was rolled back, so what was saved before is intact.
 */
function writeFailure(error: unknown, path: string, busyTimeoutMs = BUSY_TIMEOUT_MS): StarlError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    const seconds = Math.round(busyTimeoutMs / 100) / 10;
    return new StarlError(
      'E_STORAGE_LOCKED',
      `another Starl process is writing to this database (an import, a review or a save) and still held its lock after ${seconds} s; nothing was changed, so try again once it has finished`,
      { file: path },
    );
  }
  // SQLite reports a write that ran out of space (ENOSPC) as SQLITE_FULL.
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return storageFull(path);
  }
  return undefined;
}

/** Creates the database's directory (0700) and file (0600) when missing, so only their owner can read the answers. */
function createPrivately(path: string): void {
  if (path === ':memory:') return;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    // Another process created it first: that file is used as it is.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Options of {@link openSqliteDriver}. */
export interface SqliteOptions {
  /** Create the database (and its directory) when missing (default true); false refuses a missing file. */
  create?: boolean;
  /** How long a write waits for another process's write lock before failing with E_STORAGE_LOCKED; default 10 s. */
  busyTimeoutMs?: number;
}

/**
 * Opens an SQLite database for Starl, creating it only when `create` is not false: WAL mode so readers
 * never block the writer, a bounded busy timeout so two writing processes wait for each other, full
 * sync so a submitted answer survives a crash, and foreign keys on.
 */
export function openSqliteDriver(path: string, options: SqliteOptions = {}): StoreDriver {
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  const create = options.create ?? true;
  assertSqliteFile(path);
  let database: Database.Database;
  try {
    if (create) createPrivately(path);
    database = new Database(path, { timeout: busyTimeoutMs, fileMustExist: !create });
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
        try {
          await sql`begin immediate`.execute(conn);
        } catch (error) {
          throw writeFailure(error, path, busyTimeoutMs) ?? error;
        }
        try {
          const result = await work(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw writeFailure(error, path, busyTimeoutMs) ?? error;
        }
      });
    },
    async close() {
      await db.destroy();
    },
  };
}
