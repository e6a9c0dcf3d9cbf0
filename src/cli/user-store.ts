import type { Store } from '../storage/index.js';

/**
 * The store `starl export` and `starl import` read or write: with `--user EMAIL` on a multi-user
 * database that account's (the accounts code is loaded only then), else the single user's.
 */
export async function userStore(store: Store, email: string | undefined): Promise<Store> {
  return email === undefined ? store : (await import('../accounts/accounts.js')).storeFor(store, email);
}
