/**
 * Practice sessions and their planned questions. These are the queries behind the store's methods of
 * the same names, where they are documented.
 */
import { randomUUID } from 'node:crypto';
import { StarlError } from '../../core/errors.js';
import { cleanName } from '../../text/names.js';
import type { PlannedQuestion, Session } from '../records.js';
import { rowId, writtenBefore, type ClientKey, type StoreScope } from './rows.js';

/** What `createSession` takes: the session's setting and its plan. */
export type SessionInput = {
  companyId: number | null;
  role: string | null;
  field: string | null;
  mode: Session['mode'];
  questions: Omit<PlannedQuestion, 'position'>[];
} & ClientKey;

export function noSuchSession(id: number): StarlError {
  return new StarlError('E_NOT_FOUND', `no practice session ${id}; list them with: starl report --list`);
}

export async function createSession(scope: StoreScope, input: SessionInput): Promise<Session> {
  const id = await scope.driver.writeTransaction(async (trx) => {
    const earlier = await writtenBefore(trx, 'sessions', input.clientId);
    if (earlier !== null) return earlier;
    const row = await trx
      .insertInto('sessions')
      .values({
        uid: randomUUID(),
        company_id: input.companyId,
        role: input.role === null ? null : cleanName(input.role, 'role'),
        field: input.field,
        mode: input.mode,
        status: 'active',
        started_at: scope.stamp(),
        finished_at: null,
        client_id: input.clientId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [position, question] of input.questions.entries()) {
      await trx
        .insertInto('session_questions')
        .values({ session_id: row.id, position, bank_id: question.bankId, question_type: question.questionType, text: question.text })
        .execute();
    }
    return row.id;
  });
  return requireSession(scope, id);
}

export async function findSession(scope: StoreScope, id: number): Promise<Session | null> {
  const row = await scope.driver.db.selectFrom('sessions').selectAll().where('id', '=', rowId(id)).executeTakeFirst();
  if (!row) return null;
  const questions = await scope.driver.db
    .selectFrom('session_questions')
    .selectAll()
    .where('session_id', '=', rowId(id))
    .orderBy('position')
    .execute();
  return {
    id: row.id,
    uid: row.uid,
    companyId: row.company_id,
    role: row.role,
    field: row.field,
    mode: row.mode as Session['mode'],
    status: row.status as Session['status'],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    questions: questions.map((q) => ({ position: q.position, bankId: q.bank_id, questionType: q.question_type, text: q.text })),
  };
}

export async function requireSession(scope: StoreScope, id: number): Promise<Session> {
  const session = await findSession(scope, id);
  if (!session) throw noSuchSession(id);
  return session;
}

export async function listSessions(scope: StoreScope): Promise<Session[]> {
  const rows = await scope.driver.db.selectFrom('sessions').select('id').orderBy('id', 'desc').execute();
  const sessions: Session[] = [];
  for (const row of rows) sessions.push(await requireSession(scope, row.id));
  return sessions;
}

export async function latestActiveSession(scope: StoreScope): Promise<Session | null> {
  const row = await scope.driver.db
    .selectFrom('sessions')
    .select('id')
    .where('status', '=', 'active')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? findSession(scope, row.id) : null;
}

export async function newestAnsweredSession(scope: StoreScope): Promise<number | null> {
  const row = await scope.driver.db
    .selectFrom('sessions')
    .select('id')
    .where((eb) => eb.exists(eb.selectFrom('answers').select('answers.id').whereRef('answers.session_id', '=', 'sessions.id')))
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function discardEmptySession(scope: StoreScope, id: number): Promise<boolean> {
  return scope.driver.writeTransaction(async (trx) => {
    const answered = await trx.selectFrom('answers').select('id').where('session_id', '=', rowId(id)).executeTakeFirst();
    if (answered) return false;
    const deleted = await trx.deleteFrom('sessions').where('id', '=', rowId(id)).executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  });
}

export async function finishSession(scope: StoreScope, id: number): Promise<void> {
  await scope.driver.writeTransaction(async (trx) => {
    const row = await trx.selectFrom('sessions').select('status').where('id', '=', rowId(id)).executeTakeFirst();
    if (!row) throw noSuchSession(id);
    if (row.status === 'finished') return;
    await trx.updateTable('sessions').set({ status: 'finished', finished_at: scope.stamp() }).where('id', '=', rowId(id)).execute();
  });
}

export async function deleteSession(scope: StoreScope, id: number, options: { onlyUnfinished?: boolean } = {}): Promise<{ answers: number; recordings: number }> {
  return scope.driver.writeTransaction(async (trx) => {
    const session = await trx.selectFrom('sessions').select('status').where('id', '=', rowId(id)).executeTakeFirst();
    if (!session) throw noSuchSession(id);
    if (options.onlyUnfinished && session.status === 'finished') {
      throw new StarlError('E_SESSION_FINISHED', `practice session ${id} is finished; only an unfinished one can be abandoned`);
    }
    const ids = (await trx.selectFrom('answers').select('id').where('session_id', '=', rowId(id)).execute()).map((row) => row.id);
    let recordings = 0;
    if (ids.length > 0) {
      await trx.updateTable('stories').set({ source_answer_id: null }).where('source_answer_id', 'in', ids).execute();
      recordings = Number((await trx.deleteFrom('recordings').where('answer_id', 'in', ids).executeTakeFirst()).numDeletedRows);
      // Follow-ups first: they point at the answers they follow.
      await trx.deleteFrom('answers').where('session_id', '=', rowId(id)).where('follow_up_of', 'is not', null).execute();
      await trx.deleteFrom('answers').where('session_id', '=', rowId(id)).execute();
    }
    await trx.deleteFrom('session_questions').where('session_id', '=', rowId(id)).execute();
    await trx.deleteFrom('sessions').where('id', '=', rowId(id)).execute();
    return { answers: ids.length, recordings };
  });
}
