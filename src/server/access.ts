import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Accounts, SignedIn, User } from '../accounts/accounts.js';
import { sameSecret } from '../accounts/accounts.js';
import type { Role } from '../storage/schema.js';
import type { Store } from '../storage/index.js';

/** What every API request carries once the access middleware has run: whose data it reaches, and who asks. */
export type AppEnv = {
  Variables: {
    /** The store confined to the caller's data (the single user's in single-user mode). */
    store: Store;
    /** The signed-in user in multi-user mode; undefined otherwise. */
    signedIn: SignedIn | undefined;
  };
};

/** The store of this request: the caller's data only. */
export function storeOf(c: Context<AppEnv>): Store {
  return c.get('store');
}

/** The codes of a refusal by the access rules; they answer with the API's usual error body. */
export type AccessCode = 'E_UNAUTHENTICATED' | 'E_CSRF' | 'E_LOGIN' | 'E_RATE_LIMITED' | 'E_FORBIDDEN';

const ACCESS_STATUS: Record<AccessCode, ContentfulStatusCode> = {
  E_UNAUTHENTICATED: 401,
  E_LOGIN: 401,
  E_CSRF: 403,
  E_FORBIDDEN: 403,
  E_RATE_LIMITED: 429,
};

/** A request the access rules refuse: not signed in, no CSRF token, a role that may not use the route, too many sign-ins. */
export class AccessError extends Error {
  constructor(
    readonly code: AccessCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AccessError';
  }

  get status(): ContentfulStatusCode {
    return ACCESS_STATUS[this.code];
  }
}

/** Sends an access refusal in the API's error shape. */
export function sendAccessError(c: Context, error: AccessError): Response {
  if (error.retryAfterSeconds !== undefined) c.header('retry-after', String(error.retryAfterSeconds));
  return c.json({ error: { code: error.code, message: error.message } }, error.status);
}

/** The name of the session cookie. */
export const SESSION_COOKIE = 'starl_session';

/** How multi-user mode runs. */
export interface MultiUserOptions {
  accounts: Accounts;
  /**
   * Behind a reverse proxy: the client's address is the last one in `x-forwarded-for` (the one the
   * proxy added), and `x-forwarded-proto: https` means the browser came over TLS. Off, both headers
   * are ignored, since any client could send them.
   */
  trustProxy?: boolean;
}

/** The routes a signed-out browser may call: to learn the mode, sign in, and read or accept an invitation. */
function isPublic(path: string): boolean {
  return path === '/api/me' || path === '/api/auth/login' || path.startsWith('/api/invitations/');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The address a request came from: the socket's, or with a trusted proxy the one it says. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean);
    if (forwarded && forwarded.length > 0) return forwarded[forwarded.length - 1]!;
  }
  return (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress ?? 'unknown';
}

/** Whether the browser reached Starl over TLS (directly, or through a trusted proxy). */
export function cameOverTls(c: Context, trustProxy: boolean): boolean {
  if (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

/**
 * Decides whose data an API request reaches. Single-user mode: the single user's, as always. Multi-user
 * mode: the signed-in user's, from the session cookie; without a valid session only the public routes
 * answer (401 otherwise), and every write of a signed-in user must carry the session's CSRF token.
 */
export function scopeRequests(store: Store, multiUser: MultiUserOptions | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!multiUser) {
      c.set('store', store);
      c.set('signedIn', undefined);
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    const signedIn = token ? await multiUser.accounts.session(token) : undefined;
    c.set('signedIn', signedIn);
    if (!signedIn) {
      if (!isPublic(c.req.path)) throw new AccessError('E_UNAUTHENTICATED', 'Sign in first.');
      // A signed-out caller owns nothing: its store is an owner no account has.
      c.set('store', store.forUser(0));
      return next();
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header('x-csrf-token') ?? '';
      if (!sameSecret(sent, signedIn.csrfToken)) throw new AccessError('E_CSRF', 'This write lacks the x-csrf-token header from GET /api/me; reload the page and try again.');
    }
    c.set('store', store.forUser(signedIn.user.id));
    return next();
  };
}

/** The signed-in user, for routes that exist only in multi-user mode (behind {@link scopeRequests}, so always there). */
export function signedInUser(c: Context<AppEnv>): SignedIn {
  const signedIn = c.get('signedIn');
  if (!signedIn) throw new AccessError('E_UNAUTHENTICATED', 'Sign in first.');
  return signedIn;
}

/** Refuses, with 403, users whose role may never use the routes under it. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user: User = signedInUser(c).user;
    if (!roles.includes(user.role)) throw new AccessError('E_FORBIDDEN', `This is for ${roles.join(' and ')} accounts only.`);
    await next();
  };
}
