import type { Hono } from 'hono';
import { StarlError } from '../../core/errors.js';
import { clientAddress, requireRole, signedInUser, type AppEnv, type MultiUserOptions } from '../access.js';
import { cohortRequestSchema, cohortSchema, cohortUserRequestSchema, invitationCreatedSchema, invitationRequestSchema, userListSchema } from '../account-schemas.js';
import { readJson } from '../read-json.js';
import { sendDocumented } from '../send-documented.js';
import { idParam } from './sessions.js';

/** The path of the page that accepts an invitation, for its link. */
export function invitationPath(token: string): string {
  return `/#/invitation/${token}`;
}

/**
 * The admin's routes: invitations, users (deleting one deletes all their data) and cohorts with their
 * coaches and candidates. Each change is written to the audit log.
 */
export function registerAdminRoutes(app: Hono<AppEnv>, multiUser: MultiUserOptions): void {
  const { accounts } = multiUser;
  app.use('/api/admin/*', requireRole('admin'));
  const audit = async (c: Parameters<typeof signedInUser>[0], action: string, detail: string) =>
    accounts.audit(signedInUser(c).user.id, action, detail, clientAddress(c, multiUser.trustProxy ?? false));

  app.post('/api/admin/invitations', async (c) => {
    const request = await readJson(c, invitationRequestSchema);
    const { token, expiresAt } = await accounts.invite({ email: request.email, role: request.role, cohortId: request.cohortId ?? null, createdBy: signedInUser(c).user.id });
    await audit(c, 'invitation.create', `${request.email} as ${request.role}${request.cohortId ? ` into cohort ${request.cohortId}` : ''}`);
    return sendDocumented(c, invitationCreatedSchema, { token, url: new URL(invitationPath(token), c.req.url).href, expiresAt }, 201);
  });

  app.get('/api/admin/users', async (c) => sendDocumented(c, userListSchema, await accounts.listUsers()));

  app.delete('/api/admin/users/:id', async (c) => {
    const id = idParam(c);
    if (!(await accounts.deleteUser(id))) throw new StarlError('E_NOT_FOUND', `there is no user ${id}`);
    await audit(c, 'user.delete', `user ${id}`);
    return c.body(null, 204);
  });

  app.post('/api/admin/cohorts', async (c) => {
    const request = await readJson(c, cohortRequestSchema);
    const cohort = await accounts.createCohort(request.name);
    await audit(c, 'cohort.create', `cohort ${cohort.id} "${cohort.name}"`);
    return sendDocumented(c, cohortSchema, cohort, 201);
  });

  const cohortLists = [
    { path: 'coaches', add: (cohortId: number, userId: number) => accounts.addCoach(cohortId, userId), says: (userId: number, cohortId: number) => `user ${userId} coaches cohort ${cohortId}` },
    { path: 'members', add: (cohortId: number, userId: number) => accounts.addMember(cohortId, userId), says: (userId: number, cohortId: number) => `user ${userId} joins cohort ${cohortId}` },
  ];
  for (const list of cohortLists) {
    app.post(`/api/admin/cohorts/:id/${list.path}`, async (c) => {
      const id = idParam(c);
      const request = await readJson(c, cohortUserRequestSchema);
      await list.add(id, request.userId);
      await audit(c, `cohort.${list.path}.add`, list.says(request.userId, id));
      return c.body(null, 204);
    });
  }
}
