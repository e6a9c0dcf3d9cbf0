import { afterEach, beforeEach } from 'vitest';
import { Accounts } from '../../src/accounts/accounts.js';
import { analyze } from '../../src/core/analyze.js';
import { rules } from '../../src/core/rules/index.js';
import { createApp } from '../../src/server/app.js';
import type { Role } from '../../src/storage/schema.js';
import type { Store } from '../../src/storage/index.js';
import type { TestDatabase } from './databases.js';

/** The password every test account gets. */
export const PASSWORD = 'correct horse battery staple';

/** A clock the test moves by hand. */
export class TestClock {
  at = new Date('2026-03-04T10:00:00.000Z');
  readonly now = (): Date => new Date(this.at.getTime());
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

type App = ReturnType<typeof createApp>;

/**
 * One browser: keeps the session cookie the server sets and the CSRF token `/api/me` gives, and sends
 * both the way the web app does. Its address reaches the server through `x-forwarded-for`, which the
 * test app trusts.
 */
export class Browser {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(
    private readonly app: App,
    readonly address = '203.0.113.7',
  ) {}

  async request(method: string, path: string, body?: unknown, options: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.address, ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && (options.csrf ?? true) && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const response = await this.app.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const set = response.headers.get('set-cookie');
    if (set?.startsWith('starl_session=')) {
      const value = set.split(';')[0]!;
      this.cookie = value === 'starl_session=' ? undefined : value;
    }
    return response;
  }

  async json<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** Signs in and keeps the cookie and CSRF token; returns the response. */
  async login(email: string, password = PASSWORD): Promise<Response> {
    const response = await this.request('POST', '/api/auth/login', { email, password });
    if (response.ok) this.csrfToken = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
    return response;
  }
}

/** A multi-user app over a fresh in-memory database, with its accounts and a hand-moved clock. */
export interface MultiUserTestApp {
  store: Store;
  accounts: Accounts;
  clock: TestClock;
  app: App;
  /** Creates an account with {@link PASSWORD}. */
  user(role: Role, email: string, name?: string): Promise<{ id: number; email: string }>;
  /** A browser signed in as this account. */
  signedIn(email: string, address?: string): Promise<Browser>;
  browser(address?: string): Browser;
}

/** Builds the multi-user app for a store; each app is what one `starl serve --multi-user` process runs. */
export function multiUserApp(store: Store, clock: TestClock): { app: App; accounts: Accounts } {
  const accounts = new Accounts(store, clock.now);
  const app = createApp({ analyze, rules, store, multiUser: { accounts, trustProxy: true }, now: clock.now });
  return { app, accounts };
}

/** Gives every test of the calling suite a new multi-user app on a fresh database of `database` (see `forEachDatabase`); read its fields inside the tests. */
export function useMultiUserApp(database: TestDatabase): MultiUserTestApp {
  const current = {} as MultiUserTestApp;
  beforeEach(async () => {
    current.clock = new TestClock();
    current.store = await database.open(current.clock.now);
    Object.assign(current, multiUserApp(current.store, current.clock));
    current.user = async (role, email, name = email.split('@')[0]!) => current.accounts.createUser({ email, name, role, password: PASSWORD });
    current.browser = (address) => new Browser(current.app, address);
    current.signedIn = async (email, address) => {
      const browser = new Browser(current.app, address);
      const response = await browser.login(email);
      if (!response.ok) throw new Error(`signing in as ${email} answered ${response.status}`);
      return browser;
    };
  });
  afterEach(async () => {
    await current.store.close();
  });
  return current;
}
