import type { CreateTableBuilder, Kysely } from 'kysely';
import { StarlError } from '../core/errors.js';
import type { DialectName, StoreDriver } from './driver.js';
import type { StarlSchema } from './schema.js';

/** One numbered schema change. Migrations are append-only: a released one is never edited. */
export interface Migration {
  id: number;
  name: string;
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
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
  if (migrations.every((migration) => seen.has(migration.id))) return [];
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
    return done;
  });
}

/** The ids of the migrations a database has applied, oldest first. */
export async function appliedMigrations(db: Kysely<StarlSchema>): Promise<number[]> {
  const rows = await db.selectFrom('schema_migrations').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}
