import { rowId } from '../storage/index.js';
import { coachedCandidate } from './cohorts.js';
import type { AccountsScope } from './scope.js';
import type { User } from './users.js';

/** A coach's comment on an answer. */
export interface Comment {
  id: number;
  answerId: number;
  author: { id: number; name: string };
  text: string;
  createdAt: string;
}

export async function answerOwner(scope: AccountsScope, answerId: number): Promise<number | null | undefined> {
  const row = await scope.db.selectFrom('answers').select('owner_id').where('id', '=', rowId(answerId)).executeTakeFirst();
  return row?.owner_id;
}

export async function mayReadAnswer(scope: AccountsScope, user: User, answerId: number): Promise<'owner' | 'coach' | false> {
  const owner = await answerOwner(scope, answerId);
  if (owner === undefined || owner === null) return false;
  if (owner === user.id) return 'owner';
  return (await coachedCandidate(scope, user, owner)) ? 'coach' : false;
}

export async function addComment(scope: AccountsScope, answerId: number, author: User, text: string): Promise<Comment> {
  const row = await scope.db
    .insertInto('comments')
    .values({ answer_id: answerId, author_id: author.id, text, created_at: scope.stamp() })
    .returning(['id', 'answer_id', 'text', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, answerId: row.answer_id, author: { id: author.id, name: author.name }, text: row.text, createdAt: row.created_at };
}

export async function comments(scope: AccountsScope, filter: { answerIds?: readonly number[]; ownerId?: number; since?: string }): Promise<Comment[]> {
  if (filter.answerIds?.length === 0) return [];
  let query = scope.db
    .selectFrom('comments')
    .innerJoin('users', 'users.id', 'comments.author_id')
    .innerJoin('answers', 'answers.id', 'comments.answer_id')
    .select(['comments.id as id', 'comments.answer_id as answerId', 'users.id as authorId', 'users.name as authorName', 'comments.text as text', 'comments.created_at as createdAt'])
    .orderBy('comments.id');
  if (filter.answerIds) query = query.where('comments.answer_id', 'in', filter.answerIds);
  if (filter.ownerId !== undefined) query = query.where('answers.owner_id', '=', filter.ownerId);
  if (filter.since) query = query.where('comments.created_at', '>', filter.since);
  return (await query.execute()).map((row) => ({ id: row.id, answerId: row.answerId, author: { id: row.authorId, name: row.authorName }, text: row.text, createdAt: row.createdAt }));
}
