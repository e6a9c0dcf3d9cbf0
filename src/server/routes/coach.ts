import type { Hono } from 'hono';
import { StarlError } from '../../core/errors.js';
import { candidateStanding, cohortSeries } from '../../progress/cohort.js';
import { requireRole, signedInUser, storeOf, type AppEnv, type MultiUserOptions } from '../access.js';
import { coachCandidateAnswersSchema, coachCohortListSchema, cohortDashboardSchema } from '../account-schemas.js';
import { sendDocumented } from '../send-documented.js';
import { idParam } from './sessions.js';

/**
 * The coach's dashboard: the cohorts they coach, a cohort's candidates with where each stands and the
 * cohort's pass shares week by week, and one candidate's answers with the comments on them. A coach
 * reads a candidate's answers through that candidate's own scope (the dashboard's verdicts in bulk through
 * the accounts code), only once the cohort check has passed;
 * a cohort or candidate that is not theirs is a 404, as one that does not exist.
 */
export function registerCoachRoutes(app: Hono<AppEnv>, multiUser: MultiUserOptions, now: () => Date): void {
  const { accounts } = multiUser;
  app.use('/api/coach/*', requireRole('coach', 'admin'));

  app.get('/api/coach/cohorts', async (c) => sendDocumented(c, coachCohortListSchema, await accounts.cohortsFor(signedInUser(c).user)));

  app.get('/api/coach/cohorts/:id', async (c) => {
    const id = idParam(c);
    const cohort = await accounts.cohortFor(signedInUser(c).user, id);
    if (!cohort) throw new StarlError('E_NOT_FOUND', `there is no cohort ${id}.`);
    const at = now();
    const members = await accounts.members(cohort.id);
    const judgedBy = await accounts.judgedAnswersOf(members.map((member) => member.id));
    const candidates = members.map((member) => ({ id: member.id, name: member.name, email: member.email, ...candidateStanding(judgedBy.get(member.id) ?? [], at) }));
    const everyone = [...judgedBy.values()].flat();
    return sendDocumented(c, cohortDashboardSchema, { cohort: { id: cohort.id, name: cohort.name }, candidates, series: cohortSeries(everyone) });
  });

  app.get('/api/coach/candidates/:id/answers', async (c) => {
    const id = idParam(c);
    const candidate = await accounts.coachedCandidate(signedInUser(c).user, id);
    if (!candidate) throw new StarlError('E_NOT_FOUND', `there is no candidate ${id}.`);
    const answers = await storeOf(c).forUser(candidate.id).listAnswers();
    const comments = await accounts.comments({ ownerId: candidate.id });
    return sendDocumented(c, coachCandidateAnswersSchema, {
      candidate: { id: candidate.id, name: candidate.name, email: candidate.email },
      answers: answers.map((answer) => ({ ...answer, comments: comments.filter((comment) => comment.answerId === answer.id) })),
    });
  });
}
