import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { StarlError } from '../core/errors.js';
import { JUDGED_ANSWER_COLUMNS, JUDGED_REVIEW_COLUMNS, judgedInOrder, rowId } from '../storage/index.js';
import type { JudgedAnswer, Store } from '../storage/index.js';
import type { Role, StarlSchema, WithOwners } from '../storage/schema.js';

/** The database with the owner columns the scoped stores hide: users, cohorts and comments span owners. */
type AccountsDb = Kysely<WithOwners<StarlSchema>>;

export const ROLES = ['candidate', 'coach', 'admin'] as const satisfies readonly Role[];

/** A signed-in person as the API shows them. */
export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
}

/** A coach's comment on an answer. */
export interface Comment {
  id: number;
  answerId: number;
  author: { id: number; name: string };
  text: string;
  createdAt: string;
}

/** How long sessions, invitations and the sign-in limits last; tests shorten nothing, they move the clock. */
export const ACCOUNT_LIMITS = {
  /** A session unused this long ends. */
  sessionIdleMs: 12 * 60 * 60 * 1000,
  /** A session ends this long after sign-in, however active. */
  sessionAbsoluteMs: 14 * 24 * 60 * 60 * 1000,
  /** How often a session's last use is written down; more often would be a write per request. */
  sessionTouchMs: 60 * 1000,
  invitationMs: 7 * 24 * 60 * 60 * 1000,
  /** Failed sign-ins counted over this window. */
  loginWindowMs: 15 * 60 * 1000,
  /** Failures allowed per account, and per address, within the window. */
  loginFailuresPerAccount: 5,
  loginFailuresPerAddress: 20,
  minPasswordLength: 10,
} as const;

/** A new random token for a cookie or a link, and the hash that is kept of it. */
function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** Tokens are kept as SHA-256: they are long and random, so a slow hash adds nothing. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** An email as accounts are looked up by: trimmed and lower-cased. */
export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

function assertPassword(password: string, field: string): void {
  if (password.length < ACCOUNT_LIMITS.minPasswordLength) {
    throw new StarlError('E_INPUT_BAD_FIELD', `a password has at least ${ACCOUNT_LIMITS.minPasswordLength} characters`, { field });
  }
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

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

/**
 * Multi-user mode's accounts: users with argon2id passwords, sessions and their CSRF tokens,
 * invitations, cohorts and their coaches, comments, the audit log and the sign-in limits. All of it
 * lives in the database, so any number of server processes share it.
 */
export class Accounts {
  private readonly db: AccountsDb;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = store.unscopedDriver().db as unknown as AccountsDb;
  }

  private stamp(offsetMs = 0): string {
    return new Date(this.now().getTime() + offsetMs).toISOString();
  }

  /** Creates an account; the email must be new. */
  async createUser(input: { email: string; name: string; role: Role; password: string }): Promise<User> {
    const email = normalEmail(input.email);
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new StarlError('E_INPUT_BAD_FIELD', `"${input.email}" is not an email address`, { field: 'email' });
    const name = input.name.trim();
    if (!name) throw new StarlError('E_INPUT_BAD_FIELD', 'a name is needed', { field: 'name' });
    assertPassword(input.password, 'password');
    if (await this.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) {
      throw new StarlError('E_USAGE', `there is already an account for ${email}`, { field: 'email' });
    }
    const passwordHash = await hash(input.password);
    const row = await this.db
      .insertInto('users')
      .values({ email, name, role: input.role, password_hash: passwordHash, created_at: this.stamp() })
      .returning(['id', 'email', 'name', 'role'])
      .executeTakeFirstOrThrow();
    return row;
  }

  async userById(id: number): Promise<User | undefined> {
    return this.db.selectFrom('users').select(['id', 'email', 'name', 'role']).where('id', '=', rowId(id)).executeTakeFirst();
  }

  /**
   * The store of the account with this email, for commands that move one person's data in or out
   * (`starl export --user`, `starl import --user`); a typed error naming the email when there is none.
   */
  async storeOfUser(email: string): Promise<Store> {
    const user = await this.db.selectFrom('users').select('id').where('email', '=', normalEmail(email)).executeTakeFirst();
    if (!user) throw new StarlError('E_NOT_FOUND', `there is no account for ${normalEmail(email)}; create it with starl admin create, or invite it with starl admin invite`, { field: 'user' });
    return this.store.forUser(user.id);
  }

  async listUsers(): Promise<(User & { createdAt: string })[]> {
    const rows = await this.db.selectFrom('users').select(['id', 'email', 'name', 'role', 'created_at']).orderBy('id').execute();
    return rows.map(({ created_at, ...user }) => ({ ...user, createdAt: created_at }));
  }

  /**
   * Checks an email and password, within the limits: too many failures for the account or from the
   * address in the window refuse even a right password until the window moves on.
   */
  async login(emailInput: string, password: string, address: string): Promise<LoginResult> {
    const email = normalEmail(emailInput);
    const keys = [`account:${email}`, `address:${address}`];
    const since = this.stamp(-ACCOUNT_LIMITS.loginWindowMs);
    const limits = [ACCOUNT_LIMITS.loginFailuresPerAccount, ACCOUNT_LIMITS.loginFailuresPerAddress];
    for (const [index, key] of keys.entries()) {
      const failures = await this.db.selectFrom('login_failures').select('at').where('scope_key', '=', key).where('at', '>', since).orderBy('at').execute();
      if (failures.length >= limits[index]!) {
        // Free again once the oldest failure counted leaves the window.
        const freeAt = new Date(failures[failures.length - limits[index]!]!.at).getTime() + ACCOUNT_LIMITS.loginWindowMs;
        await this.audit(null, 'login.limited', email, address);
        return { kind: 'limited', retryAfterSeconds: Math.max(1, Math.ceil((freeAt - this.now().getTime()) / 1000)) };
      }
    }
    const row = await this.db.selectFrom('users').select(['id', 'email', 'name', 'role', 'password_hash']).where('email', '=', email).executeTakeFirst();
    decoyHash ??= hash(randomBytes(16).toString('hex'));
    const matches = await verify(row?.password_hash ?? (await decoyHash), password);
    if (!row || !matches) {
      for (const key of keys) await this.db.insertInto('login_failures').values({ scope_key: key, at: this.stamp() }).execute();
      await this.audit(row?.id ?? null, 'login.failure', email, address);
      return { kind: 'wrong' };
    }
    await this.db.deleteFrom('login_failures').where('scope_key', '=', keys[0]!).execute();
    // Housekeeping on each sign-in, so neither table grows without end.
    await this.db.deleteFrom('login_failures').where('at', '<=', since).execute();
    await this.db.deleteFrom('auth_sessions').where('expires_at', '<=', this.stamp()).execute();
    await this.audit(row.id, 'login.success', email, address);
    const { password_hash: _hash, ...user } = row;
    return { kind: 'ok', user, ...(await this.startSession(user.id)) };
  }

  /** Opens a session for a user: the cookie's token and the CSRF token (both returned once, kept hashed or server-side). */
  async startSession(userId: number): Promise<{ token: string; csrfToken: string }> {
    const { token, tokenHash } = newToken();
    const csrfToken = randomBytes(24).toString('base64url');
    const at = this.stamp();
    await this.db
      .insertInto('auth_sessions')
      .values({ token_hash: tokenHash, user_id: userId, csrf_token: csrfToken, created_at: at, last_seen_at: at, expires_at: this.stamp(ACCOUNT_LIMITS.sessionAbsoluteMs) })
      .execute();
    return { token, csrfToken };
  }

  /** The signed-in user of a session cookie, or undefined when it is unknown, idle too long or past its end (an ended session is deleted). */
  async session(token: string): Promise<SignedIn | undefined> {
    const row = await this.db
      .selectFrom('auth_sessions')
      .innerJoin('users', 'users.id', 'auth_sessions.user_id')
      .select(['auth_sessions.id as sessionId', 'csrf_token', 'last_seen_at', 'expires_at', 'users.id as id', 'email', 'name', 'role'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row) return undefined;
    const now = this.now().getTime();
    if (now >= Date.parse(row.expires_at) || now - Date.parse(row.last_seen_at) >= ACCOUNT_LIMITS.sessionIdleMs) {
      await this.db.deleteFrom('auth_sessions').where('id', '=', row.sessionId).execute();
      return undefined;
    }
    if (now - Date.parse(row.last_seen_at) >= ACCOUNT_LIMITS.sessionTouchMs) {
      await this.db.updateTable('auth_sessions').set({ last_seen_at: this.stamp() }).where('id', '=', row.sessionId).execute();
    }
    return { user: { id: row.id, email: row.email, name: row.name, role: row.role }, sessionId: row.sessionId, csrfToken: row.csrf_token };
  }

  async endSession(sessionId: number): Promise<void> {
    await this.db.deleteFrom('auth_sessions').where('id', '=', sessionId).execute();
  }

  /** Changes a password after checking the current one, and ends every other session of the user. */
  async changePassword(signedIn: SignedIn, current: string, next: string): Promise<void> {
    const row = await this.db.selectFrom('users').select('password_hash').where('id', '=', signedIn.user.id).executeTakeFirstOrThrow();
    if (!(await verify(row.password_hash, current))) throw new StarlError('E_INPUT_BAD_FIELD', 'the current password is not right', { field: 'current' });
    assertPassword(next, 'next');
    await this.db.updateTable('users').set({ password_hash: await hash(next) }).where('id', '=', signedIn.user.id).execute();
    await this.db.deleteFrom('auth_sessions').where('user_id', '=', signedIn.user.id).where('id', '!=', signedIn.sessionId).execute();
  }

  /** Whether this is the user's password (to confirm deleting the account). */
  async passwordMatches(userId: number, password: string): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
    return row !== undefined && (await verify(row.password_hash, password));
  }

  /** Deletes a user with all their data (practice, notebook, stories, reviews, recordings), sessions and comments. */
  async deleteUser(userId: number): Promise<boolean> {
    // Every owned table refers to users with ON DELETE CASCADE; answers take their recordings and comments with them.
    return this.store.unscopedDriver().writeTransaction(async (trx) => {
      const deleted = await (trx as unknown as AccountsDb).deleteFrom('users').where('id', '=', rowId(userId)).executeTakeFirst();
      return Number(deleted.numDeletedRows) > 0;
    });
  }

  /** Creates an invitation; its link's token is returned once and kept only as a hash. */
  async invite(input: { email: string; role: Role; cohortId: number | null; createdBy: number | null }): Promise<{ token: string; expiresAt: string }> {
    const email = normalEmail(input.email);
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new StarlError('E_INPUT_BAD_FIELD', `"${input.email}" is not an email address`, { field: 'email' });
    if (input.cohortId !== null && !(await this.cohort(input.cohortId))) throw new StarlError('E_NOT_FOUND', `there is no cohort ${input.cohortId}`, { field: 'cohortId' });
    const { token, tokenHash } = newToken();
    const expiresAt = this.stamp(ACCOUNT_LIMITS.invitationMs);
    await this.db
      .insertInto('invitations')
      .values({ token_hash: tokenHash, email, role: input.role, cohort_id: input.cohortId, created_by: input.createdBy, created_at: this.stamp(), expires_at: expiresAt, used_at: null })
      .execute();
    return { token, expiresAt };
  }

  /** An invitation that can still be accepted, or undefined (unknown, used or expired alike). */
  async invitation(token: string): Promise<{ id: number; email: string; role: Role; cohort: { id: number; name: string } | null } | undefined> {
    const row = await this.db
      .selectFrom('invitations')
      .leftJoin('cohorts', 'cohorts.id', 'invitations.cohort_id')
      .select(['invitations.id as id', 'email', 'role', 'expires_at', 'used_at', 'cohorts.id as cohortId', 'cohorts.name as cohortName'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.used_at !== null || this.now().getTime() >= Date.parse(row.expires_at)) return undefined;
    return { id: row.id, email: row.email, role: row.role, cohort: row.cohortId === null ? null : { id: row.cohortId, name: row.cohortName! } };
  }

  /** Creates the invited account, puts it in the invitation's cohort and uses the invitation up. */
  async acceptInvitation(token: string, name: string, password: string): Promise<User | undefined> {
    const invitation = await this.invitation(token);
    if (!invitation) return undefined;
    // Marked used first, only if still unused, so two accepts at once create one account.
    const claimed = await this.db.updateTable('invitations').set({ used_at: this.stamp() }).where('id', '=', invitation.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return undefined;
    let user: User;
    try {
      user = await this.createUser({ email: invitation.email, name, role: invitation.role, password });
    } catch (error) {
      await this.db.updateTable('invitations').set({ used_at: null }).where('id', '=', invitation.id).execute();
      throw error;
    }
    if (invitation.cohort) {
      if (invitation.role === 'candidate') await this.addMember(invitation.cohort.id, user.id);
      if (invitation.role === 'coach') await this.addCoach(invitation.cohort.id, user.id);
    }
    return user;
  }

  async createCohort(name: string): Promise<{ id: number; name: string }> {
    const trimmed = name.trim();
    if (await this.db.selectFrom('cohorts').select('id').where('name', '=', trimmed).executeTakeFirst()) {
      throw new StarlError('E_USAGE', `there is already a cohort called "${trimmed}"`, { field: 'name' });
    }
    return this.db.insertInto('cohorts').values({ name: trimmed, created_at: this.stamp() }).returning(['id', 'name']).executeTakeFirstOrThrow();
  }

  async cohort(id: number): Promise<{ id: number; name: string } | undefined> {
    return this.db.selectFrom('cohorts').select(['id', 'name']).where('id', '=', rowId(id)).executeTakeFirst();
  }

  async cohortNamed(name: string): Promise<{ id: number; name: string } | undefined> {
    return this.db.selectFrom('cohorts').select(['id', 'name']).where('name', '=', name.trim()).executeTakeFirst();
  }

  /** Makes a coach (or admin) a coach of a cohort; a candidate cannot coach. */
  async addCoach(cohortId: number, userId: number): Promise<void> {
    await this.addToCohort('cohort_coaches', cohortId, userId, ['coach', 'admin']);
  }

  /** Puts a candidate in a cohort. */
  async addMember(cohortId: number, userId: number): Promise<void> {
    await this.addToCohort('cohort_members', cohortId, userId, ['candidate']);
  }

  private async addToCohort(table: 'cohort_coaches' | 'cohort_members', cohortId: number, userId: number, roles: Role[]): Promise<void> {
    if (!(await this.cohort(cohortId))) throw new StarlError('E_NOT_FOUND', `there is no cohort ${cohortId}`);
    const user = await this.userById(userId);
    if (!user) throw new StarlError('E_NOT_FOUND', `there is no user ${userId}`, { field: 'userId' });
    if (!roles.includes(user.role)) throw new StarlError('E_INPUT_BAD_FIELD', `user ${userId} is a ${user.role}; only a ${roles.join(' or ')} can be added here`, { field: 'userId' });
    const present = await this.db.selectFrom(table).select('user_id').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst();
    if (!present) await this.db.insertInto(table).values({ cohort_id: cohortId, user_id: userId }).execute();
  }

  /** The cohorts a user may see as a coach, with how many candidates each has: those they coach, or all for an admin. */
  async cohortsFor(user: User): Promise<{ id: number; name: string; candidates: number }[]> {
    let query = this.db
      .selectFrom('cohorts')
      .leftJoin('cohort_members', 'cohort_members.cohort_id', 'cohorts.id')
      .select((eb) => ['cohorts.id as id', 'cohorts.name as name', eb.fn.count<number>('cohort_members.user_id').as('candidates')])
      .groupBy(['cohorts.id', 'cohorts.name'])
      .orderBy('cohorts.name');
    if (user.role !== 'admin') query = query.where('cohorts.id', 'in', this.db.selectFrom('cohort_coaches').select('cohort_id').where('user_id', '=', user.id));
    return (await query.execute()).map((row) => ({ ...row, candidates: Number(row.candidates) }));
  }

  /** A cohort this user may see as a coach, or undefined (absent and not theirs alike). */
  async cohortFor(user: User, cohortId: number): Promise<{ id: number; name: string } | undefined> {
    return (await this.cohortsFor(user)).find((cohort) => cohort.id === cohortId);
  }

  /** The candidates of a cohort, by name. */
  async members(cohortId: number): Promise<User[]> {
    return this.db
      .selectFrom('cohort_members')
      .innerJoin('users', 'users.id', 'cohort_members.user_id')
      .select(['users.id as id', 'email', 'name', 'role'])
      .where('cohort_id', '=', cohortId)
      .orderBy('name')
      .execute();
  }

  /** A candidate this user coaches (through any cohort; an admin sees every candidate), or undefined. */
  async coachedCandidate(coach: User, candidateId: number): Promise<User | undefined> {
    const candidate = await this.userById(candidateId);
    if (!candidate || candidate.role !== 'candidate') return undefined;
    if (coach.role === 'admin') return candidate;
    if (coach.role !== 'coach') return undefined;
    const shared = await this.db
      .selectFrom('cohort_members')
      .innerJoin('cohort_coaches', 'cohort_coaches.cohort_id', 'cohort_members.cohort_id')
      .select('cohort_members.user_id')
      .where('cohort_members.user_id', '=', candidateId)
      .where('cohort_coaches.user_id', '=', coach.id)
      .executeTakeFirst();
    return shared ? candidate : undefined;
  }

  /**
   * The judged answers of each of these users, oldest first, read in two queries however many users
   * there are: a cohort's dashboard over hundreds of candidates. Users with none get an empty list.
   */
  async judgedAnswersOf(userIds: readonly number[]): Promise<Map<number, JudgedAnswer[]>> {
    const byOwner = new Map<number, JudgedAnswer[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return byOwner;
    const answers = await this.db.selectFrom('answers').select([...JUDGED_ANSWER_COLUMNS, 'owner_id']).where('owner_id', 'in', userIds).execute();
    const reviews = await this.db.selectFrom('reviews').select([...JUDGED_REVIEW_COLUMNS, 'owner_id']).where('owner_id', 'in', userIds).execute();
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

  /** Whose answer this is; undefined when there is no such answer. */
  async answerOwner(answerId: number): Promise<number | null | undefined> {
    const row = await this.db.selectFrom('answers').select('owner_id').where('id', '=', rowId(answerId)).executeTakeFirst();
    return row?.owner_id;
  }

  /** Whether `user` may read the comments of (and, as a coach, comment on) this answer: its owner, or the owner's coach. */
  async mayReadAnswer(user: User, answerId: number): Promise<'owner' | 'coach' | false> {
    const owner = await this.answerOwner(answerId);
    if (owner === undefined || owner === null) return false;
    if (owner === user.id) return 'owner';
    return (await this.coachedCandidate(user, owner)) ? 'coach' : false;
  }

  async addComment(answerId: number, author: User, text: string): Promise<Comment> {
    const row = await this.db
      .insertInto('comments')
      .values({ answer_id: answerId, author_id: author.id, text, created_at: this.stamp() })
      .returning(['id', 'answer_id', 'text', 'created_at'])
      .executeTakeFirstOrThrow();
    return { id: row.id, answerId: row.answer_id, author: { id: author.id, name: author.name }, text: row.text, createdAt: row.created_at };
  }

  /** Comments on the given answers, oldest first; with `ownerId`, only on that user's answers, and with `since`, only newer ones. */
  async comments(filter: { answerIds?: readonly number[]; ownerId?: number; since?: string }): Promise<Comment[]> {
    if (filter.answerIds?.length === 0) return [];
    let query = this.db
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

  /** Records who did what, from where. */
  async audit(actorId: number | null, action: string, detail: string, address: string | null): Promise<void> {
    await this.db.insertInto('audit_log').values({ actor_id: actorId, action, detail, address, at: this.stamp() }).execute();
  }

  async auditLog(): Promise<{ actorId: number | null; action: string; detail: string; address: string | null; at: string }[]> {
    const rows = await this.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    return rows.map((row) => ({ actorId: row.actor_id, action: row.action, detail: row.detail, address: row.address, at: row.at }));
  }
}


/** The store of the account with this email (see {@link Accounts.storeOfUser}). */
export async function storeFor(store: Store, email: string): Promise<Store> {
  return new Accounts(store).storeOfUser(email);
}
