import type { Hono } from 'hono';
import { StarlError } from '../../core/errors.js';
import { clientAddress, type AppEnv, type MultiUserOptions } from '../access.js';
import { acceptInvitationSchema, invitationSchema, meSchema } from '../account-schemas.js';
import { readJson } from '../read-json.js';
import { sendDocumented } from '../send-documented.js';
import { meBody, setSessionCookie } from './auth.js';

/** An unknown, used and expired invitation are told apart by no one. */
function noInvitation(): StarlError {
  return new StarlError('E_NOT_FOUND', 'This invitation link is not valid: it may have been used already or have expired. Ask for a new one.');
}

/** Invitations by link: `GET /api/invitations/:token` shows one, `POST …/accept` creates the account and signs it in. */
export function registerInvitationRoutes(app: Hono<AppEnv>, multiUser: MultiUserOptions): void {
  const { accounts } = multiUser;

  app.get('/api/invitations/:token', async (c) => {
    const invitation = await accounts.invitation(c.req.param('token'));
    if (!invitation) throw noInvitation();
    return sendDocumented(c, invitationSchema, { email: invitation.email, role: invitation.role, cohort: invitation.cohort });
  });

  app.post('/api/invitations/:token/accept', async (c) => {
    const request = await readJson(c, acceptInvitationSchema);
    const user = await accounts.acceptInvitation(c.req.param('token'), request.name, request.password);
    if (!user) throw noInvitation();
    await accounts.audit(user.id, 'invitation.accept', `${user.email} as ${user.role}`, clientAddress(c, multiUser.trustProxy ?? false));
    const session = await accounts.startSession(user.id);
    setSessionCookie(c, session.token, multiUser);
    return sendDocumented(c, meSchema, meBody(user, session.csrfToken));
  });
}
