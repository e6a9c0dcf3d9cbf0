import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { StarlError } from '../core/errors.js';
import { audit } from './audit.js';
import { ACCOUNT_LIMITS, type AccountsScope } from './scope.js';
import { hashToken, newToken } from './secrets.js';
import { assertPassword, normalEmail, type User } from './users.js';

/** A hash to verify against when the email is unknown, so that a wrong email takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

/** What a login attempt came to. */
export type LoginResult = { kind: 'ok'; user: User; token: string; csrfToken: string } | { kind: 'wrong' } | { kind: 'limited'; retryAfterSeconds: number };

/** A valid session found from its cookie. */
export interface SignedIn {
  user: User;
  sessionId: number;
  csrfToken: string;
}

export async function login(scope: AccountsScope, emailInput: string, password: string, address: string): Promise<LoginResult> {
  const email = normalEmail(emailInput);
  const keys = [`account:${email}`, `address:${address}`];
  const since = scope.stamp(-ACCOUNT_LIMITS.loginWindowMs);
  const limits = [ACCOUNT_LIMITS.loginFailuresPerAccount, ACCOUNT_LIMITS.loginFailuresPerAddress];
  for (const [index, key] of keys.entries()) {
    const failures = await scope.db.selectFrom('login_failures').select('at').where('scope_key', '=', key).where('at', '>', since).orderBy('at').execute();
    if (failures.length >= limits[index]!) {
      // Free again once the oldest failure counted leaves the window.
      const freeAt = new Date(failures[failures.length - limits[index]!]!.at).getTime() + ACCOUNT_LIMITS.loginWindowMs;
      await audit(scope, null, 'login.limited', email, address);
      return { kind: 'limited', retryAfterSeconds: Math.max(1, Math.ceil((freeAt - scope.now().getTime()) / 1000)) };
    }
  }
  const row = await scope.db.selectFrom('users').select(['id', 'email', 'name', 'role', 'password_hash']).where('email', '=', email).executeTakeFirst();
  decoyHash ??= hash(randomBytes(16).toString('hex'));
  const matches = await verify(row?.password_hash ?? (await decoyHash), password);
  if (!row || !matches) {
    for (const key of keys) await scope.db.insertInto('login_failures').values({ scope_key: key, at: scope.stamp() }).execute();
    await audit(scope, row?.id ?? null, 'login.failure', email, address);
    return { kind: 'wrong' };
  }
  await scope.db.deleteFrom('login_failures').where('scope_key', '=', keys[0]!).execute();
  // Housekeeping on each sign-in, so neither table grows without end.
  await scope.db.deleteFrom('login_failures').where('at', '<=', since).execute();
  await scope.db.deleteFrom('auth_sessions').where('expires_at', '<=', scope.stamp()).execute();
  await audit(scope, row.id, 'login.success', email, address);
  const { password_hash: _hash, ...user } = row;
  return { kind: 'ok', user, ...(await startSession(scope, user.id)) };
}

export async function startSession(scope: AccountsScope, userId: number): Promise<{ token: string; csrfToken: string }> {
  const { token, tokenHash } = newToken();
  const csrfToken = randomBytes(24).toString('base64url');
  const at = scope.stamp();
  await scope.db
    .insertInto('auth_sessions')
    .values({ token_hash: tokenHash, user_id: userId, csrf_token: csrfToken, created_at: at, last_seen_at: at, expires_at: scope.stamp(ACCOUNT_LIMITS.sessionAbsoluteMs) })
    .execute();
  return { token, csrfToken };
}

export async function session(scope: AccountsScope, token: string): Promise<SignedIn | undefined> {
  const row = await scope.db
    .selectFrom('auth_sessions')
    .innerJoin('users', 'users.id', 'auth_sessions.user_id')
    .select(['auth_sessions.id as sessionId', 'csrf_token', 'last_seen_at', 'expires_at', 'users.id as id', 'email', 'name', 'role'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const now = scope.now().getTime();
  if (now >= Date.parse(row.expires_at) || now - Date.parse(row.last_seen_at) >= ACCOUNT_LIMITS.sessionIdleMs) {
    await scope.db.deleteFrom('auth_sessions').where('id', '=', row.sessionId).execute();
    return undefined;
  }
  if (now - Date.parse(row.last_seen_at) >= ACCOUNT_LIMITS.sessionTouchMs) {
    await scope.db.updateTable('auth_sessions').set({ last_seen_at: scope.stamp() }).where('id', '=', row.sessionId).execute();
  }
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role }, sessionId: row.sessionId, csrfToken: row.csrf_token };
}

export async function endSession(scope: AccountsScope, sessionId: number): Promise<void> {
  await scope.db.deleteFrom('auth_sessions').where('id', '=', sessionId).execute();
}

export async function changePassword(scope: AccountsScope, signedIn: SignedIn, current: string, next: string): Promise<void> {
  const row = await scope.db.selectFrom('users').select('password_hash').where('id', '=', signedIn.user.id).executeTakeFirstOrThrow();
  if (!(await verify(row.password_hash, current))) throw new StarlError('E_INPUT_BAD_FIELD', 'the current password is not right', { field: 'current' });
  assertPassword(next, 'next');
  await scope.db.updateTable('users').set({ password_hash: await hash(next) }).where('id', '=', signedIn.user.id).execute();
  await scope.db.deleteFrom('auth_sessions').where('user_id', '=', signedIn.user.id).where('id', '!=', signedIn.sessionId).execute();
}

export async function passwordMatches(scope: AccountsScope, userId: number, password: string): Promise<boolean> {
  const row = await scope.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row !== undefined && (await verify(row.password_hash, password));
}
