import { StarlError } from '../core/errors.js';
import { JUDGED_ANSWER_COLUMNS, JUDGED_REVIEW_COLUMNS, judgedInOrder, rowId } from '../storage/index.js';
import type { JudgedAnswer } from '../storage/index.js';
import type { Role } from '../storage/schema.js';
import type { AccountsScope } from './scope.js';
import { userById, type User } from './users.js';

export async function createCohort(scope: AccountsScope, name: string): Promise<{ id: number; name: string }> {
  const trimmed = name.trim();
  if (await scope.db.selectFrom('cohorts').select('id').where('name', '=', trimmed).executeTakeFirst()) {
    throw new StarlError('E_USAGE', `there is already a cohort called "${trimmed}"`, { field: 'name' });
  }
  return scope.db.insertInto('cohorts').values({ name: trimmed, created_at: scope.stamp() }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

export async function cohort(scope: AccountsScope, id: number): Promise<{ id: number; name: string } | undefined> {
  return scope.db.selectFrom('cohorts').select(['id', 'name']).where('id', '=', rowId(id)).executeTakeFirst();
}

export async function cohortNamed(scope: AccountsScope, name: string): Promise<{ id: number; name: string } | undefined> {
  return scope.db.selectFrom('cohorts').select(['id', 'name']).where('name', '=', name.trim()).executeTakeFirst();
}

export async function addCoach(scope: AccountsScope, cohortId: number, userId: number): Promise<void> {
  await addToCohort(scope, 'cohort_coaches', cohortId, userId, ['coach', 'admin']);
}

export async function addMember(scope: AccountsScope, cohortId: number, userId: number): Promise<void> {
  await addToCohort(scope, 'cohort_members', cohortId, userId, ['candidate']);
}

async function addToCohort(scope: AccountsScope, table: 'cohort_coaches' | 'cohort_members', cohortId: number, userId: number, roles: Role[]): Promise<void> {
  if (!(await cohort(scope, cohortId))) throw new StarlError('E_NOT_FOUND', `there is no cohort ${cohortId}`);
  const user = await userById(scope, userId);
  if (!user) throw new StarlError('E_NOT_FOUND', `there is no user ${userId}`, { field: 'userId' });
  if (!roles.includes(user.role)) throw new StarlError('E_INPUT_BAD_FIELD', `user ${userId} is a ${user.role}; only a ${roles.join(' or ')} can be added here`, { field: 'userId' });
  const present = await scope.db.selectFrom(table).select('user_id').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst();
  if (!present) await scope.db.insertInto(table).values({ cohort_id: cohortId, user_id: userId }).execute();
}

export async function cohortsFor(scope: AccountsScope, user: User): Promise<{ id: number; name: string; candidates: number }[]> {
  let query = scope.db
    .selectFrom('cohorts')
    .leftJoin('cohort_members', 'cohort_members.cohort_id', 'cohorts.id')
    .select((eb) => ['cohorts.id as id', 'cohorts.name as name', eb.fn.count<number>('cohort_members.user_id').as('candidates')])
    .groupBy(['cohorts.id', 'cohorts.name'])
    .orderBy('cohorts.name');
  if (user.role !== 'admin') query = query.where('cohorts.id', 'in', scope.db.selectFrom('cohort_coaches').select('cohort_id').where('user_id', '=', user.id));
  return (await query.execute()).map((row) => ({ ...row, candidates: Number(row.candidates) }));
}

export async function cohortFor(scope: AccountsScope, user: User, cohortId: number): Promise<{ id: number; name: string } | undefined> {
  return (await cohortsFor(scope, user)).find((cohort) => cohort.id === cohortId);
}

export async function members(scope: AccountsScope, cohortId: number): Promise<User[]> {
  return scope.db
    .selectFrom('cohort_members')
    .innerJoin('users', 'users.id', 'cohort_members.user_id')
    .select(['users.id as id', 'email', 'name', 'role'])
    .where('cohort_id', '=', cohortId)
    .orderBy('name')
    .execute();
}

export async function coachedCandidate(scope: AccountsScope, coach: User, candidateId: number): Promise<User | undefined> {
  const candidate = await userById(scope, candidateId);
  if (!candidate || candidate.role !== 'candidate') return undefined;
  if (coach.role === 'admin') return candidate;
  if (coach.role !== 'coach') return undefined;
  const shared = await scope.db
    .selectFrom('cohort_members')
    .innerJoin('cohort_coaches', 'cohort_coaches.cohort_id', 'cohort_members.cohort_id')
    .select('cohort_members.user_id')
    .where('cohort_members.user_id', '=', candidateId)
    .where('cohort_coaches.user_id', '=', coach.id)
    .executeTakeFirst();
  return shared ? candidate : undefined;
}

export async function judgedAnswersOf(scope: AccountsScope, userIds: readonly number[]): Promise<Map<number, JudgedAnswer[]>> {
  const byOwner = new Map<number, JudgedAnswer[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byOwner;
  const answers = await scope.db.selectFrom('answers').select([...JUDGED_ANSWER_COLUMNS, 'owner_id']).where('owner_id', 'in', userIds).execute();
  const reviews = await scope.db.selectFrom('reviews').select([...JUDGED_REVIEW_COLUMNS, 'owner_id']).where('owner_id', 'in', userIds).execute();
  const group = <T extends { owner_id: number | null }>(rows: readonly T[]): Map<number | null, T[]> => {
    const groups = new Map<number | null, T[]>();
    for (const row of rows) {
      const list = groups.get(row.owner_id);
      if (list) list.push(row);
      else groups.set(row.owner_id, [row]);
    }
    return groups;
  };
  const [answersBy, reviewsBy] = [group(answers), group(reviews)];
  for (const id of userIds) byOwner.set(id, judgedInOrder(answersBy.get(id) ?? [], reviewsBy.get(id) ?? []));
  return byOwner;
}
