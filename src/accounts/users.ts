import { hash } from '@node-rs/argon2';
import { StarlError } from '../core/errors.js';
import { rowId } from '../storage/index.js';
import type { Store } from '../storage/index.js';
import type { Role } from '../storage/schema.js';
import { ACCOUNT_LIMITS, type AccountsDb, type AccountsScope } from './scope.js';

export const ROLES = ['candidate', 'coach', 'admin'] as const satisfies readonly Role[];

/** A signed-in person as the API shows them. */
export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
}

/** An email as accounts are looked up by: trimmed and lower-cased. */
export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function assertPassword(password: string, field: string): void {
  if (password.length < ACCOUNT_LIMITS.minPasswordLength) {
    throw new StarlError('E_INPUT_BAD_FIELD', `a password has at least ${ACCOUNT_LIMITS.minPasswordLength} characters`, { field });
  }
}

export async function createUser(scope: AccountsScope, input: { email: string; name: string; role: Role; password: string }): Promise<User> {
  const email = normalEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new StarlError('E_INPUT_BAD_FIELD', `"${input.email}" is not an email address`, { field: 'email' });
  const name = input.name.trim();
  if (!name) throw new StarlError('E_INPUT_BAD_FIELD', 'a name is needed', { field: 'name' });
  assertPassword(input.password, 'password');
  if (await scope.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) {
    throw new StarlError('E_USAGE', `there is already an account for ${email}`, { field: 'email' });
  }
  const passwordHash = await hash(input.password);
  const row = await scope.db
    .insertInto('users')
    .values({ email, name, role: input.role, password_hash: passwordHash, created_at: scope.stamp() })
    .returning(['id', 'email', 'name', 'role'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function userById(scope: AccountsScope, id: number): Promise<User | undefined> {
  return scope.db.selectFrom('users').select(['id', 'email', 'name', 'role']).where('id', '=', rowId(id)).executeTakeFirst();
}

export async function storeOfUser(scope: AccountsScope, email: string): Promise<Store> {
  const user = await scope.db.selectFrom('users').select('id').where('email', '=', normalEmail(email)).executeTakeFirst();
  if (!user) throw new StarlError('E_NOT_FOUND', `there is no account for ${normalEmail(email)}; create it with starl admin create, or invite it with starl admin invite`, { field: 'user' });
  return scope.store.forUser(user.id);
}

export async function listUsers(scope: AccountsScope): Promise<(User & { createdAt: string })[]> {
  const rows = await scope.db.selectFrom('users').select(['id', 'email', 'name', 'role', 'created_at']).orderBy('id').execute();
  return rows.map(({ created_at, ...user }) => ({ ...user, createdAt: created_at }));
}

export async function deleteUser(scope: AccountsScope, userId: number): Promise<boolean> {
  // Every owned table refers to users with ON DELETE CASCADE; answers take their recordings and comments with them.
  return scope.database.writeTransaction(async (trx) => {
    const deleted = await (trx as unknown as AccountsDb).deleteFrom('users').where('id', '=', rowId(userId)).executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  });
}
