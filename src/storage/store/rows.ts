import type { Kysely } from 'kysely';
import { StarlError } from '../../core/errors.js';
import type { StoreDriver } from '../driver.js';
import type { CLIENT_KEYED_TABLES } from '../migrations.js';
import type { StarlSchema } from '../schema.js';

/** What the store's queries run with: the database as the store's owner sees it, and the clock that stamps what they write. */
export interface StoreScope {
  readonly driver: StoreDriver;
  /** Now, as a timestamp column holds it. */
  stamp(): string;
}

type ClientKeyedTable = (typeof CLIENT_KEYED_TABLES)[number];

/** The largest id a row can have on either database: PostgreSQL's `integer`, which its `serial` ids never pass. */
const MAX_ROW_ID = 2_147_483_647;

/**
 * An id as the database is asked for it. One past what an id column holds names no row, so it is
 * asked as 0, which no row has either (both databases number rows from 1): PostgreSQL would refuse
 * even to compare it with the column, failing where SQLite finds nothing.
 */
export function rowId(id: number): number {
  return Number.isSafeInteger(id) && Math.abs(id) <= MAX_ROW_ID ? id : 0;
}

/** A key the client made up for one write: the same key again returns the first write's row. */
export interface ClientKey {
  clientId?: string | null;
}

/** The id of the row an earlier write with this client key created, or null. */
export async function writtenBefore(trx: Kysely<StarlSchema>, table: ClientKeyedTable, clientId: string | null | undefined): Promise<number | null> {
  if (!clientId) return null;
  const row = await trx.selectFrom(table).select('id').where('client_id', '=', clientId).executeTakeFirst();
  return row?.id ?? null;
}

/** Throws E_NOT_FOUND inside a transaction when the row is absent, so nothing is written. */
export async function mustExist(trx: Kysely<StarlSchema>, table: 'companies' | 'company_facts' | 'stories' | 'answers', id: number, message: string): Promise<void> {
  const row = await trx.selectFrom(table).select('id').where('id', '=', rowId(id)).executeTakeFirst();
  if (!row) throw new StarlError('E_NOT_FOUND', message);
}
