import { StarlError } from '../core/errors.js';
import type { Role } from '../storage/schema.js';
import { addCoach, addMember, cohort } from './cohorts.js';
import { ACCOUNT_LIMITS, type AccountsScope } from './scope.js';
import { hashToken, newToken } from './secrets.js';
import { createUser, normalEmail, type User } from './users.js';

export async function invite(scope: AccountsScope, input: { email: string; role: Role; cohortId: number | null; createdBy: number | null }): Promise<{ token: string; expiresAt: string }> {
  const email = normalEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new StarlError('E_INPUT_BAD_FIELD', `"${input.email}" is not an email address`, { field: 'email' });
  if (input.cohortId !== null && !(await cohort(scope, input.cohortId))) throw new StarlError('E_NOT_FOUND', `there is no cohort ${input.cohortId}`, { field: 'cohortId' });
  const { token, tokenHash } = newToken();
  const expiresAt = scope.stamp(ACCOUNT_LIMITS.invitationMs);
  await scope.db
    .insertInto('invitations')
    .values({ token_hash: tokenHash, email, role: input.role, cohort_id: input.cohortId, created_by: input.createdBy, created_at: scope.stamp(), expires_at: expiresAt, used_at: null })
    .execute();
  return { token, expiresAt };
}

export async function invitation(scope: AccountsScope, token: string): Promise<{ id: number; email: string; role: Role; cohort: { id: number; name: string } | null } | undefined> {
  const row = await scope.db
    .selectFrom('invitations')
    .leftJoin('cohorts', 'cohorts.id', 'invitations.cohort_id')
    .select(['invitations.id as id', 'email', 'role', 'expires_at', 'used_at', 'cohorts.id as cohortId', 'cohorts.name as cohortName'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.used_at !== null || scope.now().getTime() >= Date.parse(row.expires_at)) return undefined;
  return { id: row.id, email: row.email, role: row.role, cohort: row.cohortId === null ? null : { id: row.cohortId, name: row.cohortName! } };
}

export async function acceptInvitation(scope: AccountsScope, token: string, name: string, password: string): Promise<User | undefined> {
  const invited = await invitation(scope, token);
  if (!invited) return undefined;
  // Marked used first, only if still unused, so two accepts at once create one account.
  const claimed = await scope.db.updateTable('invitations').set({ used_at: scope.stamp() }).where('id', '=', invited.id).where('used_at', 'is', null).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return undefined;
  let user: User;
  try {
    user = await createUser(scope, { email: invited.email, name, role: invited.role, password });
  } catch (error) {
    await scope.db.updateTable('invitations').set({ used_at: null }).where('id', '=', invited.id).execute();
    throw error;
  }
  if (invited.cohort) {
    if (invited.role === 'candidate') await addMember(scope, invited.cohort.id, user.id);
    if (invited.role === 'coach') await addCoach(scope, invited.cohort.id, user.id);
  }
  return user;
}
