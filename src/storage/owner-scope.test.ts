import { Kysely, SqliteDialect, sql } from 'kysely';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { StarlSchema } from './schema.js';
import { OwnerScope } from './owner-scope.js';

/** A Kysely that only compiles: the SQL a scoped store would send. */
function scoped(owner: number | null): Kysely<StarlSchema> {
  return new Kysely<StarlSchema>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) }).withPlugin(new OwnerScope(owner));
}

describe('the owner scope', () => {
  it('filters every owned table of a select, its joins and its subqueries, and leaves other tables alone', () => {
    const db = scoped(7);
    const query = db
      .selectFrom('recordings')
      .innerJoin('answers', 'answers.id', 'recordings.answer_id')
      .select('recordings.answer_id')
      .where((eb) => eb.exists(eb.selectFrom('sessions').select('sessions.id').whereRef('sessions.id', '=', 'answers.session_id')))
      .compile();
    expect(query.sql).toBe(
      'select "recordings"."answer_id" from "recordings" inner join "answers" on ("answers"."id" = "recordings"."answer_id") and "answers"."owner_id" = ? where (exists (select "sessions"."id" from "sessions" where ("sessions"."id" = "answers"."session_id") and "sessions"."owner_id" = ?)) and "recordings"."owner_id" = ?',
    );
    expect(query.parameters).toEqual([7, 7, 7]);
    expect(db.selectFrom('users').selectAll().compile().sql).toBe('select * from "users"');
  });

  it('confines updates and deletes, and stamps inserts, with null as the single user', () => {
    const single = scoped(null);
    expect(single.updateTable('stories').set({ title: 'x' }).where('id', '=', 1).compile().sql).toBe('update "stories" set "title" = ? where ("id" = ?) and "stories"."owner_id" is null');
    expect(single.deleteFrom('companies').compile().sql).toBe('delete from "companies" where "companies"."owner_id" is null');
    const insert = scoped(3).insertInto('reviews_by_key' as 'reviews').values({ uid: 'u' } as never).compile();
    expect(insert.sql).not.toContain('owner_id');
    const owned = scoped(3).insertInto('stories').values({ uid: 'u', title: 't', text: 'x', competencies: '[]', parts: '[]', source_answer_id: null, created_at: 'now', client_id: null }).compile();
    expect(owned.sql).toBe('insert into "stories" ("uid", "title", "text", "competencies", "parts", "source_answer_id", "created_at", "client_id", "owner_id") values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    expect(owned.parameters.at(-1)).toBe(3);
  });

  it('keeps an OR in the query\'s own condition inside the owner\'s', () => {
    const query = scoped(7).selectFrom('answers').select('id').where(sql<boolean>`id = 1 or id = 2`).compile();
    expect(query.sql).toBe('select "id" from "answers" where (id = 1 or id = 2) and "answers"."owner_id" = ?');
  });

  it('refuses an insert that sets the owner itself', () => {
    const db = scoped(3);
    expect(() => db.insertInto('stories').values({ owner_id: 4 } as never).compile()).toThrow(/never sets owner_id/);
  });
});
