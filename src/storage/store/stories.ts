/**
 * The story bank. These are the queries behind the store's methods of the same names, where they are
 * documented.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { StarlError } from '../../core/errors.js';
import { MAX_COMPETENCIES, MAX_COMPETENCY_LENGTH } from '../../text/limits.js';
import { assertLength, cleanName } from '../../text/names.js';
import type { Story } from '../records.js';
import type { StoriesTable } from '../schema.js';
import { mustExist, rowId, writtenBefore, type ClientKey, type StoreScope } from './rows.js';

function toStory(row: Selectable<StoriesTable>): Story {
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    text: row.text,
    competencies: JSON.parse(row.competencies) as string[],
    parts: JSON.parse(row.parts) as Story['parts'],
    sourceAnswerId: row.source_answer_id,
    createdAt: row.created_at,
  };
}

/** Checks a story's competencies against their limits: how many, and how long each. */
function assertCompetencies(competencies: readonly string[]): void {
  if (competencies.length > MAX_COMPETENCIES) {
    throw new StarlError('E_INPUT_TOO_LONG', `a story lists at most ${MAX_COMPETENCIES} competencies, not ${competencies.length}`, { field: 'competencies' });
  }
  for (const competency of competencies) assertLength(competency, 'competency', MAX_COMPETENCY_LENGTH);
}

export async function saveStory(scope: StoreScope, input: Omit<Story, 'id' | 'uid' | 'createdAt'> & ClientKey): Promise<Story> {
  const title = cleanName(input.title, 'title');
  assertCompetencies(input.competencies);
  // The saved row comes back from the transaction itself: once committed, nothing is left to fail.
  const row = await scope.driver.writeTransaction(async (trx) => {
    const earlier = await writtenBefore(trx, 'stories', input.clientId);
    if (earlier !== null) return trx.selectFrom('stories').selectAll().where('id', '=', earlier).executeTakeFirstOrThrow();
    return trx
      .insertInto('stories')
      .values({
        uid: randomUUID(),
        title,
        text: input.text,
        competencies: JSON.stringify(input.competencies),
        parts: JSON.stringify(input.parts),
        source_answer_id: input.sourceAnswerId,
        created_at: scope.stamp(),
        client_id: input.clientId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  return toStory(row);
}

export async function requireStory(scope: StoreScope, id: number): Promise<Story> {
  const row = await scope.driver.db.selectFrom('stories').selectAll().where('id', '=', rowId(id)).executeTakeFirst();
  if (!row) throw new StarlError('E_NOT_FOUND', `there is no story ${id}.`);
  return toStory(row);
}

export async function listStories(scope: StoreScope): Promise<Story[]> {
  const rows = await scope.driver.db.selectFrom('stories').selectAll().orderBy('id').execute();
  return rows.map(toStory);
}

export async function updateStory(scope: StoreScope, id: number, patch: Partial<Pick<Story, 'title' | 'text' | 'competencies' | 'parts'>>): Promise<Story> {
  const title = patch.title === undefined ? undefined : cleanName(patch.title, 'title');
  if (patch.competencies) assertCompetencies(patch.competencies);
  await scope.driver.writeTransaction(async (trx) => {
    await mustExist(trx, 'stories', id, `there is no story ${id}.`);
    await trx
      .updateTable('stories')
      .set({
        ...(title !== undefined ? { title } : {}),
        ...(patch.text !== undefined ? { text: patch.text } : {}),
        ...(patch.competencies ? { competencies: JSON.stringify(patch.competencies) } : {}),
        ...(patch.parts ? { parts: JSON.stringify(patch.parts) } : {}),
      })
      .where('id', '=', rowId(id))
      .execute();
  });
  return requireStory(scope, id);
}

export async function deleteStory(scope: StoreScope, id: number): Promise<void> {
  await scope.driver.writeTransaction(async (trx) => {
    await mustExist(trx, 'stories', id, `there is no story ${id}.`);
    await trx.deleteFrom('stories').where('id', '=', rowId(id)).execute();
  });
}

export async function storySourceQuestions(scope: StoreScope): Promise<Map<number, string>> {
  const rows = await scope.driver.db
    .selectFrom('stories')
    .innerJoin('answers', 'answers.id', 'stories.source_answer_id')
    .select(['stories.id as id', 'answers.question as question'])
    .execute();
  return new Map(rows.map((row) => [row.id, row.question]));
}
