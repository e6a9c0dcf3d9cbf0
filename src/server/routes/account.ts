import type { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { StarlError } from '../../core/errors.js';
import { SESSION_COOKIE, clientAddress, signedInUser, type AppEnv, type MultiUserOptions } from '../access.js';
import { accountDeleteSchema } from '../account-schemas.js';
import { readJson } from '../read-json.js';

/** `DELETE /api/account`: a signed-in user deletes their account and all their data, confirming with their password. */
export function registerAccountRoutes(app: Hono<AppEnv>, multiUser: MultiUserOptions): void {
  const { accounts } = multiUser;
  app.delete('/api/account', async (c) => {
    const { user } = signedInUser(c);
    const request = await readJson(c, accountDeleteSchema);
    if (!(await accounts.passwordMatches(user.id, request.password))) throw new StarlError('E_INPUT_BAD_FIELD', 'the password is not right', { field: 'password' });
    await accounts.deleteUser(user.id);
    await accounts.audit(user.id, 'account.delete', user.email, clientAddress(c, multiUser.trustProxy ?? false));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
}
