import type { Kysely } from 'kysely';
import type { Store, StoreDriver } from '../storage/index.js';
import type { StarlSchema, WithOwners } from '../storage/schema.js';

/** The database with the owner columns the scoped stores hide: users, cohorts and comments span owners. */
export type AccountsDb = Kysely<WithOwners<StarlSchema>>;

/** What the accounts' queries run with: the whole database, the store it belongs to, and the clock. */
export interface AccountsScope {
  /** The whole database, across owners, for its write transactions. */
  readonly database: StoreDriver;
  /** The same database as {@link AccountsDb}, for queries. */
  readonly db: AccountsDb;
  readonly store: Store;
  now(): Date;
  /** Now, or `offsetMs` from now, as a timestamp column holds it. */
  stamp(offsetMs?: number): string;
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
