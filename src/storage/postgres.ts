import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { StarlError } from '../core/errors.js';
import { storageFull, type StoreDriver } from './driver.js';
import { isPostgresUrl, redactUrl } from './paths.js';
import type { StarlSchema } from './schema.js';

/**
 * The first half of the advisory lock every write takes; the second half is the schema's name, so
 * two Starl databases kept in different schemas of one PostgreSQL database never wait for each other.
 * The number is arbitrary ("Starl" in ASCII, folded to 31 bits); it only has to be Starl's own.
 */
const WRITE_LOCK = 0x5374_6172;

/**
 * Takes the write lock, held until the transaction commits or rolls back. A write of one user's data
 * takes Starl's lock shared and that user's own lock alone: one user's writes run one at a time, as
 * on SQLite, while different users' writes run side by side. Any other write (migrations, the single
 * user's, the accounts code's across users) takes Starl's lock alone, so it waits for every write in
 * progress and every write waits for it. A user's lock is one 64-bit key, the schema's hash above the
 * user's id; PostgreSQL keeps 64-bit keys apart from the two-number keys of Starl's lock.
 */
async function lockForWrite(trx: Kysely<StarlSchema>, owner: number | null | undefined): Promise<void> {
  if (owner == null) {
    await sql`select pg_advisory_xact_lock(${sql.lit(WRITE_LOCK)}, hashtext(current_schema()))`.execute(trx);
    return;
  }
  await sql`select pg_advisory_xact_lock_shared(${sql.lit(WRITE_LOCK)}, hashtext(current_schema())),
    pg_advisory_xact_lock((hashtext(current_schema())::bigint << 32) | ${owner}::bigint)`.execute(trx);
}

/** How long opening waits for the server to answer before saying it is unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;

/** pg's error fields that say what went wrong: a server SQLSTATE or a Node network code. */
interface PgFailure {
  code?: string;
  message?: string;
  errors?: PgFailure[];
}

/**
 * The typed error for a failure to reach or enter the server, which a person can act on: the server
 * is down or unreachable, the name or password is wrong, or the database does not exist.
 */
function connectFailure(error: unknown, location: string): StarlError {
  if (error instanceof StarlError) return error;
  const failure = (error ?? {}) as PgFailure;
  // A host name that resolves to several addresses fails with one error per address.
  const code = failure.code ?? failure.errors?.[0]?.code;
  const where = { file: location };
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'EAI_AGAIN':
    case 'ENOENT':
      return new StarlError('E_STORAGE', `cannot reach the PostgreSQL server (${code}); check the host and port in the database URL and that the server is running`, where);
    case '28P01':
    case '28000':
      return new StarlError('E_STORAGE', 'the PostgreSQL server refused the user name or password in the database URL', where);
    case '3D000':
      return new StarlError('E_STORAGE', 'the database named in the URL does not exist on the PostgreSQL server; create it first (see docs/deploy.md)', where);
    case '42501':
      return new StarlError('E_STORAGE', 'the PostgreSQL role in the database URL may not connect to this database; make it the database\'s owner (see docs/deploy.md)', where);
  }
  const message = failure.message ?? String(error);
  if (/timeout/i.test(message)) {
    return new StarlError('E_STORAGE', 'the PostgreSQL server did not answer in time; check the host and port in the database URL', where);
  }
  return new StarlError('E_STORAGE', `cannot open the PostgreSQL database: ${message}`, where);
}

/**
 * The typed error for a write that failed for a reason a person can act on: the server's disk is
 * full (SQLSTATE 53100), the text holds a NUL character, which PostgreSQL's text cannot (22021), or
 * the server went away. Either way the transaction did not commit, so what was saved before is
 * intact. Undefined for any other failure.
 */
function writeFailure(error: unknown, location: string): StarlError | undefined {
  const code = (error as PgFailure | null)?.code;
  if (code === '53100') return storageFull(location);
  if (code === '22021') return new StarlError('E_INPUT_BINARY', 'the text contains a NUL character (U+0000), which this database cannot keep; nothing was saved');
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === '57P01') {
    return new StarlError('E_STORAGE', 'lost the connection to the PostgreSQL server, so this was not saved; everything saved before is safe. Try again once the server is back', { file: location });
  }
  return undefined;
}

/** Options of {@link openPostgresDriver}. */
export interface PostgresOptions {
  /** Most connections each process keeps open (default 10). */
  maxConnections?: number;
}

/**
 * Opens a PostgreSQL database for Starl: a pool of connections through `pg`, checked once so that a
 * wrong URL is reported now, by what is wrong, rather than on the first write. Every write
 * transaction takes an advisory lock first, so one user's writes run one at a time, as they do on
 * SQLite, and reads never wait (see docs/decisions.md).
 */
export async function openPostgresDriver(url: string, options: PostgresOptions = {}): Promise<StoreDriver> {
  if (!isPostgresUrl(url)) {
    throw new StarlError('E_USAGE', 'the database URL must start with postgres:// or postgresql:// (for an SQLite file, use --db FILE)', { field: 'database-url' });
  }
  const location = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // bigint (counts, sums) as a number, as SQLite gives it: Starl's counts and ids stay far below 2^53.
    types: { getTypeParser: (oid, format) => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig,
  });
  // An idle connection the server drops (a restart) is replaced on the next query; without this
  // handler the pool's 'error' event would end the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectFailure(error, location);
  }
  const db = new Kysely<StarlSchema>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    db,
    location,
    async writeTransaction(work, owner) {
      try {
        return await db.transaction().execute(async (trx) => {
          // Taken first, like SQLite's BEGIN IMMEDIATE: the checks the work makes before it writes hold until it commits.
          await lockForWrite(trx, owner);
          return work(trx);
        });
      } catch (error) {
        throw writeFailure(error, location) ?? error;
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
