import { sql } from 'kysely';
import type { CreateTableBuilder, Kysely } from 'kysely';
import { StarlError } from '../core/errors.js';
import type { DialectName, StoreDriver } from './driver.js';
import type { StarlSchema } from './schema.js';

/** One numbered schema change. Migrations are append-only: a released one is never edited. */
export interface Migration {
  id: number;
  name: string;
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
  /**
   * The migration rebuilds a table that others refer to, which SQLite can only do with foreign keys
   * off (a DROP TABLE would otherwise cascade to the rows that refer to it). They are checked again
   * before the migration commits.
   */
  rebuildsTables?: boolean;
}

// The builder's column types change with each added column; the helpers below need not track them.
type AnyTable = CreateTableBuilder<string, any>;

/** An auto-numbered primary key, written the way each dialect spells it. */
function withId(table: AnyTable, dialect: DialectName): AnyTable {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * The column type of a fractional number (scores, seconds). SQLite's `real` is 8 bytes, PostgreSQL's
 * only 4, which would turn 12.3 seconds into 12.300000190734863; `double precision` keeps every value
 * exactly as SQLite does.
 */
function realType(dialect: DialectName): 'real' | 'double precision' {
  return dialect === 'postgres' ? 'double precision' : 'real';
}

/** The verdict and score columns shared by answers and reviews. */
function withVerdicts(table: AnyTable, dialect: DialectName): AnyTable {
  return table
    .addColumn('question_type', 'text', (c) => c.notNull())
    .addColumn('opportunity', 'text', (c) => c.notNull())
    .addColumn('memorable', 'text', (c) => c.notNull())
    .addColumn('specific_reason', 'text', (c) => c.notNull())
    .addColumn('starl', 'text', (c) => c.notNull())
    .addColumn('opportunity_score', realType(dialect))
    .addColumn('memorable_score', realType(dialect))
    .addColumn('specific_reason_score', realType(dialect))
    .addColumn('starl_score', realType(dialect));
}

/** The tables whose rows a client creates with a key of its own, so a repeated request writes nothing twice. */
export const CLIENT_KEYED_TABLES = ['sessions', 'answers', 'stories', 'company_facts'] as const;

/** The tables that hold one user's data and get an owner in multi-user mode (see owner-scope.ts). */
const OWNED_BY_USERS = ['companies', 'company_facts', 'sessions', 'session_questions', 'answers', 'recordings', 'stories', 'reviews'] as const;

/** A unique key per owner: one index for users' rows and one for the single-user owner's (null), whose nulls would never collide. */
async function uniquePerOwner(db: Kysely<unknown>, name: string, table: string, column: string): Promise<void> {
  await sql`create unique index ${sql.id(name)} on ${sql.id(table)} (owner_id, ${sql.id(column)})`.execute(db);
  await sql`create unique index ${sql.id(`${name}_single`)} on ${sql.id(table)} (${sql.id(column)}) where owner_id is null`.execute(db);
}

/** The tables whose `uid` column was unique across the database; from migration 7 it is unique per owner. */
const UID_TABLES = ['company_facts', 'sessions', 'answers', 'stories', 'reviews'] as const;

/**
 * SQLite: rebuilds `table` without the UNIQUE its migration put on `column`, keeping its rows, ids,
 * id sequence and indexes. SQLite cannot drop a column's constraint, so the table is created again
 * from its own definition, less that word, under a new name, filled, and swapped in (foreign keys
 * are off meanwhile, see `rebuildsTables`).
 */
async function dropColumnUnique(db: Kysely<unknown>, table: string, column: string): Promise<void> {
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  const unique = `"${column}" text not null unique`;
  const definition = rows[0]?.sql ?? '';
  if (!definition.includes(unique)) throw new Error(`${table}.${column} is not declared as Starl's first migrations declare it.`);
  const indexes = (await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db)).rows;
  const sequence = (await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(db)).rows[0]?.seq ?? 0;
  const next = `${table}_next`;
  await sql.raw(definition.replace(unique, `"${column}" text not null`).replace(`CREATE TABLE "${table}"`, `CREATE TABLE "${next}"`)).execute(db);
  await sql`insert into ${sql.table(next)} select * from ${sql.table(table)}`.execute(db);
  await db.schema.dropTable(table).execute();
  await db.schema.alterTable(next).renameTo(table).execute();
  // The ids of deleted rows are never handed out again, as before the rebuild.
  await sql`update sqlite_sequence set seq = ${sequence} where name = ${table} and seq < ${sequence}`.execute(db);
  for (const index of indexes) await sql.raw(index.sql).execute(db);
}

/** Makes a column that migration 1 or 2 declared UNIQUE unique per owner instead. */
async function uniqueColumnPerOwner(db: Kysely<unknown>, dialect: DialectName, table: string, column: string): Promise<void> {
  if (dialect === 'postgres') await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_${column}_key`)}`.execute(db);
  else await dropColumnUnique(db, table, column);
  await uniquePerOwner(db, `${table}_${column}`, table, column);
}

/** Starl's schema, in order. Add a new entry with the next number; never renumber. */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'companies, sessions, answers and stories',
    async up(db, dialect) {
      await withId(db.schema.createTable('companies'), dialect)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull().unique())
        .addColumn('aliases', 'text', (c) => c.notNull())
        .addColumn('competitors', 'text', (c) => c.notNull())
        .addColumn('context_text', 'text')
        .addColumn('context_source', 'text')
        .addColumn('terms', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('company_facts'), dialect)
        .addColumn('uid', 'text', (c) => c.notNull().unique())
        .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('sessions'), dialect)
        .addColumn('uid', 'text', (c) => c.notNull().unique())
        .addColumn('company_id', 'integer', (c) => c.references('companies.id').onDelete('set null'))
        .addColumn('role', 'text')
        .addColumn('field', 'text')
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await withId(db.schema.createTable('session_questions'), dialect)
        .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('bank_id', 'text')
        .addColumn('question_type', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addUniqueConstraint('session_questions_position', ['session_id', 'position'])
        .execute();
      await withVerdicts(
        withId(db.schema.createTable('answers'), dialect)
          .addColumn('uid', 'text', (c) => c.notNull().unique())
          .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('attempt', 'integer', (c) => c.notNull())
          .addColumn('follow_up_of', 'integer', (c) => c.references('answers.id').onDelete('cascade'))
          .addColumn('question', 'text', (c) => c.notNull())
          .addColumn('answer', 'text', (c) => c.notNull())
          .addColumn('seconds', realType(dialect), (c) => c.notNull()),
        dialect,
      )
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('answers_by_session').on('answers').columns(['session_id', 'position']).execute();
      await withId(db.schema.createTable('stories'), dialect)
        .addColumn('uid', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('competencies', 'text', (c) => c.notNull())
        .addColumn('parts', 'text', (c) => c.notNull())
        .addColumn('source_answer_id', 'integer', (c) => c.references('answers.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    id: 2,
    name: 'reviews of transcripts',
    async up(db, dialect) {
      await withVerdicts(
        withId(db.schema.createTable('reviews'), dialect)
          .addColumn('uid', 'text', (c) => c.notNull().unique())
          .addColumn('source_file', 'text', (c) => c.notNull())
          .addColumn('question', 'text', (c) => c.notNull())
          .addColumn('answer', 'text', (c) => c.notNull()),
        dialect,
      )
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('answered_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    id: 3,
    name: 'reviews know their transcript, so saving one again replaces it',
    async up(db) {
      await db.schema.alterTable('reviews').addColumn('transcript_key', 'text').execute();
      await db.schema.createIndex('reviews_by_transcript').on('reviews').column('transcript_key').execute();
    },
  },
  {
    id: 4,
    name: 'client keys that make repeated writes idempotent',
    async up(db) {
      for (const table of CLIENT_KEYED_TABLES) {
        await db.schema.alterTable(table).addColumn('client_id', 'text').execute();
        // Unique but nullable: rows written without a key (the CLI, imports) never collide.
        await db.schema.createIndex(`${table}_client_id`).unique().on(table).column('client_id').execute();
      }
    },
  },
  {
    id: 5,
    name: 'how a recorded answer was delivered',
    async up(db) {
      // JSON, null for a typed answer: pace, pauses and syllables measured from its recording.
      await db.schema.alterTable('answers').addColumn('delivery', 'text').execute();
    },
  },
  {
    id: 6,
    name: 'recordings of spoken answers',
    async up(db, dialect) {
      // A table of its own, so that reading answers never reads megabytes of audio with them.
      await db.schema
        .createTable('recordings')
        .addColumn('answer_id', 'integer', (c) => c.primaryKey().references('answers.id').onDelete('cascade'))
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('seconds', realType(dialect), (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    id: 7,
    name: 'accounts, roles and cohorts; every row of data has an owner',
    rebuildsTables: true,
    async up(db, dialect) {
      await withId(db.schema.createTable('users'), dialect)
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('auth_sessions'), dialect)
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('auth_sessions_by_user').on('auth_sessions').column('user_id').execute();
      await withId(db.schema.createTable('cohorts'), dialect)
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      for (const table of ['cohort_coaches', 'cohort_members']) {
        await db.schema
          .createTable(table)
          .addColumn('cohort_id', 'integer', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addPrimaryKeyConstraint(`${table}_pk`, ['cohort_id', 'user_id'])
          .execute();
        await db.schema.createIndex(`${table}_by_user`).on(table).column('user_id').execute();
      }
      await withId(db.schema.createTable('invitations'), dialect)
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('cohort_id', 'integer', (c) => c.references('cohorts.id').onDelete('set null'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await withId(db.schema.createTable('comments'), dialect)
        .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id').onDelete('cascade'))
        .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('comments_by_answer').on('comments').column('answer_id').execute();
      // No foreign key on the actor: the log outlives the accounts it names.
      await withId(db.schema.createTable('audit_log'), dialect)
        .addColumn('actor_id', 'integer')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('login_failures'), dialect)
        .addColumn('scope_key', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_failures_by_key').on('login_failures').columns(['scope_key', 'at']).execute();

      for (const table of OWNED_BY_USERS) {
        await db.schema.alterTable(table).addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('cascade')).execute();
        await db.schema.createIndex(`${table}_by_owner`).on(table).column('owner_id').execute();
      }
      // What was unique across the database (a company's name, rows' uids) is unique per owner now,
      // so that two people can each have their Fernway and import the same file.
      await uniqueColumnPerOwner(db, dialect, 'companies', 'name_key');
      for (const table of UID_TABLES) await uniqueColumnPerOwner(db, dialect, table, 'uid');
      // A client's key for a write was unique across the database; now it is unique per owner.
      for (const table of CLIENT_KEYED_TABLES) {
        await db.schema.dropIndex(`${table}_client_id`).execute();
        await uniquePerOwner(db, `${table}_client_id`, table, 'client_id');
      }
    },
  },
];

/** The ids a database has applied, read without taking any lock; empty when it has no schema yet. */
async function readApplied(db: Kysely<StarlSchema>): Promise<Set<number>> {
  try {
    return new Set((await db.selectFrom('schema_migrations').select('id').execute()).map((row) => row.id));
  } catch {
    // No schema_migrations table: a new database, which the locked pass below creates.
    return new Set();
  }
}

/** Refuses a database that a newer Starl has migrated past what this one knows. */
function assertKnown(applied: Set<number>, migrations: readonly Migration[], location: string): void {
  const newest = Math.max(0, ...migrations.map((m) => m.id));
  const unknown = [...applied].filter((id) => id > newest);
  if (unknown.length > 0) {
    throw new StarlError(
      'E_STORAGE',
      `the database was written by a newer Starl (schema ${Math.max(...unknown)}, this one knows ${newest}); update Starl`,
      { file: location },
    );
  }
}

/**
 * Brings the database up to the newest schema. The check is a plain read, so opening a database that
 * is up to date never waits for another process's write (a long import, say). Only when a migration
 * is due does it take the write lock, and then checks again inside it, so that two processes starting
 * at once apply each migration exactly once. Returns the ids it applied.
 */
export async function migrate(
  driver: StoreDriver,
  now: () => Date,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const seen = await readApplied(driver.db);
  assertKnown(seen, migrations, driver.location);
  const pending = migrations.filter((migration) => !seen.has(migration.id));
  if (pending.length === 0) return [];
  // SQLite ignores this pragma inside a transaction, so it is set around it; PostgreSQL needs nothing.
  const foreignKeysOff = driver.dialect === 'sqlite' && pending.some((migration) => migration.rebuildsTables);
  if (foreignKeysOff) await sql`pragma foreign_keys = off`.execute(driver.db);
  try {
    return await applyPending(driver, now, migrations, foreignKeysOff);
  } finally {
    if (foreignKeysOff) await sql`pragma foreign_keys = on`.execute(driver.db);
  }
}

async function applyPending(driver: StoreDriver, now: () => Date, migrations: readonly Migration[], checkForeignKeys: boolean): Promise<number[]> {
  return driver.writeTransaction(async (trx) => {
    await trx.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    const applied = await readApplied(trx);
    assertKnown(applied, migrations, driver.location);
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
      if (applied.has(migration.id)) continue;
      await migration.up(trx as Kysely<unknown>, driver.dialect);
      await trx
        .insertInto('schema_migrations')
        .values({ id: migration.id, name: migration.name, applied_at: now().toISOString() })
        .execute();
      done.push(migration.id);
    }
    if (checkForeignKeys) {
      const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new StarlError('E_STORAGE', `the migration would leave ${broken.rows.length} rows pointing at rows that do not exist (first in ${broken.rows[0]!.table}); nothing was changed`, { file: driver.location });
    }
    return done;
  });
}

/** The ids of the migrations a database has applied, oldest first. */
export async function appliedMigrations(db: Kysely<StarlSchema>): Promise<number[]> {
  const rows = await db.selectFrom('schema_migrations').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}
