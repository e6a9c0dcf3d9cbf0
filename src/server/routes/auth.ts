import type { Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ACCOUNT_LIMITS } from '../../accounts/accounts.js';
import type { User } from '../../accounts/accounts.js';
import { AccessError, SESSION_COOKIE, cameOverTls, clientAddress, signedInUser, type AppEnv, type MultiUserOptions } from '../access.js';
import { loginRequestSchema, meSchema, passwordChangeSchema } from '../account-schemas.js';
import { readJson } from '../read-json.js';
import { sendDocumented } from '../send-documented.js';

/** The body of `GET /api/me` for a signed-in user. */
export function meBody(user: User, csrfToken: string) {
  return { mode: 'multi' as const, user: { id: user.id, email: user.email, name: user.name, role: user.role }, csrfToken };
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the browser came over TLS, ending with the session's absolute end. */
export function setSessionCookie(c: Context, token: string, multiUser: MultiUserOptions): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: cameOverTls(c, multiUser.trustProxy ?? false),
    path: '/',
    maxAge: Math.floor(ACCOUNT_LIMITS.sessionAbsoluteMs / 1000),
  });
}

/**
 * Who is signed in: `GET /api/me` in both modes, and in multi-user mode `POST /api/auth/login`,
 * `POST /api/auth/logout` and `POST /api/auth/password` (which ends the user's other sessions).
 */
export function registerAuthRoutes(app: Hono<AppEnv>, multiUser: MultiUserOptions | undefined): void {
  app.get('/api/me', (c) => {
    if (!multiUser) return sendDocumented(c, meSchema, { mode: 'single' });
    const signedIn = c.get('signedIn');
    return sendDocumented(c, meSchema, signedIn ? meBody(signedIn.user, signedIn.csrfToken) : { mode: 'multi', user: null });
  });
  if (!multiUser) return;
  const { accounts } = multiUser;

  app.post('/api/auth/login', async (c) => {
    const request = await readJson(c, loginRequestSchema);
    const result = await accounts.login(request.email, request.password, clientAddress(c, multiUser.trustProxy ?? false));
    if (result.kind === 'limited') throw new AccessError('E_RATE_LIMITED', `Too many failed sign-ins; try again in ${result.retryAfterSeconds} s.`, result.retryAfterSeconds);
    if (result.kind === 'wrong') throw new AccessError('E_LOGIN', 'The email or the password is not right.');
    setSessionCookie(c, result.token, multiUser);
    return sendDocumented(c, meSchema, meBody(result.user, result.csrfToken));
  });

  app.post('/api/auth/logout', async (c) => {
    await accounts.endSession(signedInUser(c).sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.post('/api/auth/password', async (c) => {
    const signedIn = signedInUser(c);
    const request = await readJson(c, passwordChangeSchema);
    await accounts.changePassword(signedIn, request.current, request.next);
    await accounts.audit(signedIn.user.id, 'password.change', signedIn.user.email, clientAddress(c, multiUser.trustProxy ?? false));
    return c.body(null, 204);
  });
}
