import type { Hono } from 'hono';
import { StarlError } from '../../core/errors.js';
import { signedInUser, type AppEnv, type MultiUserOptions } from '../access.js';
import { commentListSchema, commentRequestSchema, commentSchema, commentsQuerySchema } from '../account-schemas.js';
import { readJson, readQuery } from '../read-json.js';
import { sendDocumented } from '../send-documented.js';
import { idParam } from './sessions.js';

/**
 * Comments on answers: a coach comments on the answers of the candidates they coach (never changing
 * the answers), the candidate and their coaches read them. Anyone else gets the 404 of a missing answer.
 */
export function registerCommentRoutes(app: Hono<AppEnv>, multiUser: MultiUserOptions): void {
  const { accounts } = multiUser;
  const noAnswer = (id: number) => new StarlError('E_NOT_FOUND', `no saved answer ${id}`);

  app.get('/api/answers/:answerId/comments', async (c) => {
    const answerId = idParam(c, 'answerId');
    if (!(await accounts.mayReadAnswer(signedInUser(c).user, answerId))) throw noAnswer(answerId);
    return sendDocumented(c, commentListSchema, await accounts.comments({ answerIds: [answerId] }));
  });

  app.post('/api/answers/:answerId/comments', async (c) => {
    const answerId = idParam(c, 'answerId');
    const user = signedInUser(c).user;
    if ((await accounts.mayReadAnswer(user, answerId)) !== 'coach') throw noAnswer(answerId);
    const request = await readJson(c, commentRequestSchema);
    return sendDocumented(c, commentSchema, await accounts.addComment(answerId, user, request.text), 201);
  });

  app.get('/api/comments', async (c) => {
    const { since } = readQuery(c, commentsQuerySchema);
    return sendDocumented(c, commentListSchema, await accounts.comments({ ownerId: signedInUser(c).user.id, ...(since ? { since } : {}) }));
  });
}
