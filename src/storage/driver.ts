import type { Kysely } from 'kysely';
import { StarlError } from '../core/errors.js';
import type { StarlSchema } from './schema.js';

/** The SQL dialects Starl's migrations know how to write for. */
export type DialectName = 'sqlite' | 'postgres';

/**
 * What the repository needs from a database: a Kysely instance and a write transaction that takes the
 * write lock up front. Each dialect (SQLite now, PostgreSQL later) supplies one; nothing else in Starl
 * depends on the dialect.
 */
export interface StoreDriver {
  readonly dialect: DialectName;
  readonly db: Kysely<StarlSchema>;
  /** Where the data lives, for messages: a file path or a connection name. */
  readonly location: string;
  /**
   * Runs `work` in one transaction that holds the write lock from its start, so that two processes
   * never fail half-way with "database is locked"; commits on success, rolls back on a throw.
   * `owner` names the one user whose data alone `work` writes: a driver may then let other users'
   * writes run beside it (PostgreSQL does). Without one, the write runs alone.
   */
  writeTransaction<T>(work: (trx: Kysely<StarlSchema>) => Promise<T>, owner?: number | null): Promise<T>;
  close(): Promise<void>;
}

/** The error for a write the database refused because its disk is full; the transaction was rolled back. */
export function storageFull(location: string): StarlError {
  return new StarlError('E_STORAGE_FULL', 'the disk is full, so this was not saved; everything saved before is safe. Free some space and try again', {
    file: location,
  });
}
