/**
 * Practice answers: saved as they are given, retried, followed up, edited and deleted. These are the
 * queries behind the store's methods of the same names, where they are documented.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { StarlError } from '../../core/errors.js';
import type { Report } from '../../core/types.js';
import type { AnswerDelivery } from '../../delivery/types.js';
import type { DeliveredAnswer, StoredAnswer } from '../records.js';
import type { AnswersTable } from '../schema.js';
import { mustExist, rowId, writtenBefore, type ClientKey, type StoreScope } from './rows.js';
import { noSuchSession } from './sessions.js';
import { verdictColumns } from './verdicts.js';

/** What `saveAnswer` takes. The attempt number is worked out in the same transaction. */
export interface AnswerInput extends ClientKey {
  sessionId: number;
  position: number;
  followUpOf?: number | null;
  question: string;
  answer: string;
  seconds: number;
  report: Report;
  /** How a recorded answer was delivered; absent or null for a typed one. */
  delivery?: AnswerDelivery | null;
}

function toAnswer(row: Selectable<AnswersTable>): StoredAnswer {
  return {
    id: row.id,
    uid: row.uid,
    sessionId: row.session_id,
    position: row.position,
    attempt: row.attempt,
    followUpOf: row.follow_up_of,
    question: row.question,
    answer: row.answer,
    seconds: row.seconds,
    report: JSON.parse(row.report) as Report,
    delivery: row.delivery === null ? null : (JSON.parse(row.delivery) as AnswerDelivery),
    createdAt: row.created_at,
  };
}

export async function saveAnswer(scope: StoreScope, input: AnswerInput): Promise<StoredAnswer> {
  const id = await scope.driver.writeTransaction(async (trx) => {
    // A repeat of a write that succeeded returns it, even once the session has finished since.
    const earlier = await writtenBefore(trx, 'answers', input.clientId);
    if (earlier !== null) return earlier;
    // Checked inside the transaction that inserts, so a finish that commits first always wins.
    const session = await trx.selectFrom('sessions').select('status').where('id', '=', rowId(input.sessionId)).executeTakeFirst();
    if (!session) throw noSuchSession(input.sessionId);
    if (session.status === 'finished') {
      throw new StarlError('E_SESSION_FINISHED', `practice session ${input.sessionId} is finished, so it takes no more answers; start a new one with: starl practice`);
    }
    let attempt: number;
    if (input.followUpOf != null) {
      const original = await trx.selectFrom('answers').select('attempt').where('id', '=', rowId(input.followUpOf)).executeTakeFirst();
      if (!original) throw new StarlError('E_NOT_FOUND', `no answer ${input.followUpOf} to follow up`);
      attempt = original.attempt;
    } else {
      const last = await trx
        .selectFrom('answers')
        .select((eb) => eb.fn.max('attempt').as('attempt'))
        .where('session_id', '=', rowId(input.sessionId))
        .where('position', '=', input.position)
        .executeTakeFirst();
      attempt = Number(last?.attempt ?? 0) + 1;
    }
    const row = await trx
      .insertInto('answers')
      .values({
        uid: randomUUID(),
        session_id: input.sessionId,
        position: input.position,
        attempt,
        follow_up_of: input.followUpOf ?? null,
        question: input.question,
        answer: input.answer,
        seconds: input.seconds,
        report: JSON.stringify(input.report),
        created_at: scope.stamp(),
        client_id: input.clientId ?? null,
        delivery: input.delivery ? JSON.stringify(input.delivery) : null,
        ...verdictColumns(input.report),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return requireAnswer(scope, id);
}

export async function requireAnswer(scope: StoreScope, id: number): Promise<StoredAnswer> {
  const row = await scope.driver.db.selectFrom('answers').selectAll().where('id', '=', rowId(id)).executeTakeFirst();
  if (!row) throw new StarlError('E_NOT_FOUND', `no saved answer ${id}`);
  return toAnswer(row);
}

export async function saveDelivery(scope: StoreScope, id: number, delivery: AnswerDelivery | null): Promise<StoredAnswer> {
  await scope.driver.writeTransaction(async (trx) => {
    await mustExist(trx, 'answers', id, `no saved answer ${id}`);
    await trx.updateTable('answers').set({ delivery: delivery ? JSON.stringify(delivery) : null }).where('id', '=', rowId(id)).execute();
  });
  return requireAnswer(scope, id);
}

export async function deliveredAnswers(scope: StoreScope): Promise<DeliveredAnswer[]> {
  const rows = await scope.driver.db
    .selectFrom('answers')
    .select(['id', 'session_id', 'question', 'delivery', 'created_at'])
    .where('delivery', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, sessionId: row.session_id, question: row.question, delivery: JSON.parse(row.delivery!) as AnswerDelivery, at: row.created_at }));
}

export async function listAnswers(scope: StoreScope): Promise<StoredAnswer[]> {
  const rows = await scope.driver.db.selectFrom('answers').selectAll().orderBy('id').execute();
  return rows.map(toAnswer);
}

export async function answersOf(scope: StoreScope, sessionId: number): Promise<StoredAnswer[]> {
  const rows = await scope.driver.db.selectFrom('answers').selectAll().where('session_id', '=', rowId(sessionId)).orderBy('id').execute();
  return rows.map(toAnswer);
}

export async function rewriteAnswers(scope: StoreScope, changes: readonly { id: number; answer: string; report: Report }[]): Promise<void> {
  await scope.driver.writeTransaction(async (trx) => {
    for (const change of changes) {
      await mustExist(trx, 'answers', change.id, `no saved answer ${change.id}`);
      await trx
        .updateTable('answers')
        .set({ answer: change.answer, report: JSON.stringify(change.report), ...verdictColumns(change.report) })
        .where('id', '=', rowId(change.id))
        .execute();
    }
  });
}

export async function deleteAnswer(scope: StoreScope, id: number): Promise<{ answers: number; recordings: number }> {
  return scope.driver.writeTransaction(async (trx) => {
    await mustExist(trx, 'answers', id, `no saved answer ${id}`);
    const ids = [id, ...(await trx.selectFrom('answers').select('id').where('follow_up_of', '=', rowId(id)).execute()).map((row) => row.id)];
    await trx.updateTable('stories').set({ source_answer_id: null }).where('source_answer_id', 'in', ids).execute();
    const recordings = await trx.deleteFrom('recordings').where('answer_id', 'in', ids).executeTakeFirst();
    await trx.deleteFrom('answers').where('follow_up_of', '=', rowId(id)).execute();
    await trx.deleteFrom('answers').where('id', '=', rowId(id)).execute();
    return { answers: ids.length, recordings: Number(recordings.numDeletedRows) };
  });
}
