import type { Store } from '../storage/index.js';
import type { JudgedAnswer } from '../storage/index.js';
import type { Role } from '../storage/schema.js';
import * as audit from './audit.js';
import * as cohorts from './cohorts.js';
import * as comments from './comments.js';
import type { Comment } from './comments.js';
import * as invitations from './invitations.js';
import type { AccountsDb, AccountsScope } from './scope.js';
import * as signIn from './sign-in.js';
import type { LoginResult, SignedIn } from './sign-in.js';
import * as users from './users.js';
import type { User } from './users.js';

export { ROLES, normalEmail, type User } from './users.js';
export { ACCOUNT_LIMITS } from './scope.js';
export { sameSecret } from './secrets.js';
export type { LoginResult, SignedIn } from './sign-in.js';
export type { Comment } from './comments.js';

/**
 * Multi-user mode's accounts: users with argon2id passwords, sessions and their CSRF tokens,
 * invitations, cohorts and their coaches, comments, the audit log and the sign-in limits. All of it
 * lives in the database, so any number of server processes share it.
 */
export class Accounts {
  /** What the queries of users.ts, sign-in.ts, invitations.ts, cohorts.ts, comments.ts and audit.ts run with. */
  private readonly scope: AccountsScope;

  constructor(store: Store, now: () => Date = () => new Date()) {
    const database = store.unscopedDriver();
    this.scope = {
      database,
      db: database.db as unknown as AccountsDb,
      store,
      now,
      stamp: (offsetMs = 0) => new Date(now().getTime() + offsetMs).toISOString(),
    };
  }

  /** Creates an account; the email must be new. */
  createUser(input: { email: string; name: string; role: Role; password: string }): Promise<User> {
    return users.createUser(this.scope, input);
  }

  userById(id: number): Promise<User | undefined> {
    return users.userById(this.scope, id);
  }

  /**
   * The store of the account with this email, for commands that move one person's data in or out
   * (`starl export --user`, `starl import --user`); a typed error naming the email when there is none.
   */
  storeOfUser(email: string): Promise<Store> {
    return users.storeOfUser(this.scope, email);
  }

  listUsers(): Promise<(User & { createdAt: string })[]> {
    return users.listUsers(this.scope);
  }

  /** Changes a password after checking the current one, and ends every other session of the user. */
  changePassword(signedIn: SignedIn, current: string, next: string): Promise<void> {
    return signIn.changePassword(this.scope, signedIn, current, next);
  }

  /** Whether this is the user's password (to confirm deleting the account). */
  passwordMatches(userId: number, password: string): Promise<boolean> {
    return signIn.passwordMatches(this.scope, userId, password);
  }

  /** Deletes a user with all their data (practice, notebook, stories, reviews, recordings), sessions and comments. */
  deleteUser(userId: number): Promise<boolean> {
    return users.deleteUser(this.scope, userId);
  }

  /**
   * Checks an email and password, within the limits: too many failures for the account or from the
   * address in the window refuse even a right password until the window moves on.
   */
  login(emailInput: string, password: string, address: string): Promise<LoginResult> {
    return signIn.login(this.scope, emailInput, password, address);
  }

  /** Opens a session for a user: the cookie's token and the CSRF token (both returned once, kept hashed or server-side). */
  startSession(userId: number): Promise<{ token: string; csrfToken: string }> {
    return signIn.startSession(this.scope, userId);
  }

  /** The signed-in user of a session cookie, or undefined when it is unknown, idle too long or past its end (an ended session is deleted). */
  session(token: string): Promise<SignedIn | undefined> {
    return signIn.session(this.scope, token);
  }

  endSession(sessionId: number): Promise<void> {
    return signIn.endSession(this.scope, sessionId);
  }

  /** Creates an invitation; its link's token is returned once and kept only as a hash. */
  invite(input: { email: string; role: Role; cohortId: number | null; createdBy: number | null }): Promise<{ token: string; expiresAt: string }> {
    return invitations.invite(this.scope, input);
  }

  /** An invitation that can still be accepted, or undefined (unknown, used or expired alike). */
  invitation(token: string): Promise<{ id: number; email: string; role: Role; cohort: { id: number; name: string } | null } | undefined> {
    return invitations.invitation(this.scope, token);
  }

  /** Creates the invited account, puts it in the invitation's cohort and uses the invitation up. */
  acceptInvitation(token: string, name: string, password: string): Promise<User | undefined> {
    return invitations.acceptInvitation(this.scope, token, name, password);
  }

  createCohort(name: string): Promise<{ id: number; name: string }> {
    return cohorts.createCohort(this.scope, name);
  }

  cohort(id: number): Promise<{ id: number; name: string } | undefined> {
    return cohorts.cohort(this.scope, id);
  }

  cohortNamed(name: string): Promise<{ id: number; name: string } | undefined> {
    return cohorts.cohortNamed(this.scope, name);
  }

  /** Makes a coach (or admin) a coach of a cohort; a candidate cannot coach. */
  addCoach(cohortId: number, userId: number): Promise<void> {
    return cohorts.addCoach(this.scope, cohortId, userId);
  }

  /** Puts a candidate in a cohort. */
  addMember(cohortId: number, userId: number): Promise<void> {
    return cohorts.addMember(this.scope, cohortId, userId);
  }

  /** The cohorts a user may see as a coach, with how many candidates each has: those they coach, or all for an admin. */
  cohortsFor(user: User): Promise<{ id: number; name: string; candidates: number }[]> {
    return cohorts.cohortsFor(this.scope, user);
  }

  /** A cohort this user may see as a coach, or undefined (absent and not theirs alike). */
  cohortFor(user: User, cohortId: number): Promise<{ id: number; name: string } | undefined> {
    return cohorts.cohortFor(this.scope, user, cohortId);
  }

  /** The candidates of a cohort, by name. */
  members(cohortId: number): Promise<User[]> {
    return cohorts.members(this.scope, cohortId);
  }

  /** A candidate this user coaches (through any cohort; an admin sees every candidate), or undefined. */
  coachedCandidate(coach: User, candidateId: number): Promise<User | undefined> {
    return cohorts.coachedCandidate(this.scope, coach, candidateId);
  }

  /**
   * The judged answers of each of these users, oldest first, read in two queries however many users
   * there are: a cohort's dashboard over hundreds of candidates. Users with none get an empty list.
   */
  judgedAnswersOf(userIds: readonly number[]): Promise<Map<number, JudgedAnswer[]>> {
    return cohorts.judgedAnswersOf(this.scope, userIds);
  }

  /** Whose answer this is; undefined when there is no such answer. */
  answerOwner(answerId: number): Promise<number | null | undefined> {
    return comments.answerOwner(this.scope, answerId);
  }

  /** Whether `user` may read the comments of (and, as a coach, comment on) this answer: its owner, or the owner's coach. */
  mayReadAnswer(user: User, answerId: number): Promise<'owner' | 'coach' | false> {
    return comments.mayReadAnswer(this.scope, user, answerId);
  }

  addComment(answerId: number, author: User, text: string): Promise<Comment> {
    return comments.addComment(this.scope, answerId, author, text);
  }

  /** Comments on the given answers, oldest first; with `ownerId`, only on that user's answers, and with `since`, only newer ones. */
  comments(filter: { answerIds?: readonly number[]; ownerId?: number; since?: string }): Promise<Comment[]> {
    return comments.comments(this.scope, filter);
  }

  /** Records who did what, from where. */
  audit(actorId: number | null, action: string, detail: string, address: string | null): Promise<void> {
    return audit.audit(this.scope, actorId, action, detail, address);
  }

  auditLog(): Promise<{ actorId: number | null; action: string; detail: string; address: string | null; at: string }[]> {
    return audit.auditLog(this.scope);
  }
}

/** The store of the account with this email (see {@link Accounts.storeOfUser}). */
export async function storeFor(store: Store, email: string): Promise<Store> {
  return new Accounts(store).storeOfUser(email);
}
