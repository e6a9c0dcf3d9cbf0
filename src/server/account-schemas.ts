import { z } from 'zod';
import { REASONS } from '../core/types.js';
import { ROLES } from '../accounts/accounts.js';
import { schemaRegistry, storedAnswerSchema, timestampSchema } from './schemas.js';

// The schemas of multi-user mode's routes (accounts, invitations, cohorts, comments), in the API's registry.

const emailSchema = z.string().trim().min(3).max(320).describe('An email address.');
const passwordSchema = z.string().min(1).max(1000);
const roleSchema = z.enum(ROLES);

export const userSchema = z
  .object({ id: z.number().int(), email: z.string(), name: z.string(), role: roleSchema })
  .register(schemaRegistry, { id: 'User', description: 'A signed-in user.' });

export const meSchema = z
  .union([
    z.object({ mode: z.literal('single') }).strict(),
    z.object({ mode: z.literal('multi'), user: z.null() }).strict(),
    z.object({ mode: z.literal('multi'), user: userSchema, csrfToken: z.string().describe('Send it as x-csrf-token with every write.') }).strict(),
  ])
  .register(schemaRegistry, { id: 'Me', description: 'Which mode Starl runs in and who is signed in.' });

export const loginRequestSchema = z
  .object({ email: emailSchema, password: passwordSchema })
  .strict()
  .register(schemaRegistry, { id: 'LoginRequest', description: 'An email and password to sign in with.' });

export const passwordChangeSchema = z
  .object({ current: passwordSchema, next: passwordSchema })
  .strict()
  .register(schemaRegistry, { id: 'PasswordChange', description: 'The current password and the new one.' });

const cohortRefSchema = z.object({ id: z.number().int(), name: z.string() }).register(schemaRegistry, { id: 'Cohort', description: 'A cohort of candidates.' });

export const invitationSchema = z
  .object({ email: z.string(), role: roleSchema, cohort: cohortRefSchema.nullable() })
  .register(schemaRegistry, { id: 'Invitation', description: 'An invitation that can still be accepted.' });

export const acceptInvitationSchema = z
  .object({ name: z.string().trim().min(1).max(200), password: passwordSchema })
  .strict()
  .register(schemaRegistry, { id: 'InvitationAcceptance', description: 'The new account\'s name and password.' });

export const invitationRequestSchema = z
  .object({ email: emailSchema, role: roleSchema, cohortId: z.number().int().positive().optional() })
  .strict()
  .register(schemaRegistry, { id: 'InvitationRequest', description: 'Whom to invite, as what, into which cohort.' });

export const invitationCreatedSchema = z
  .object({ token: z.string(), url: z.string().describe('The link to send to the invited person.'), expiresAt: timestampSchema })
  .register(schemaRegistry, { id: 'InvitationCreated', description: 'A new invitation; its token is shown this once.' });

export const userListSchema = z
  .array(z.object({ id: z.number().int(), email: z.string(), name: z.string(), role: roleSchema, createdAt: timestampSchema }))
  .register(schemaRegistry, { id: 'UserList', description: 'Every account.' });

export const cohortRequestSchema = z
  .object({ name: z.string().trim().min(1).max(200) })
  .strict()
  .register(schemaRegistry, { id: 'CohortRequest', description: 'A cohort to create.' });

export const cohortSchema = cohortRefSchema;

export const cohortUserRequestSchema = z
  .object({ userId: z.number().int().positive() })
  .strict()
  .register(schemaRegistry, { id: 'CohortUserRequest', description: 'A user to add to a cohort.' });

export const coachCohortListSchema = z
  .array(z.object({ id: z.number().int(), name: z.string(), candidates: z.number().int() }))
  .register(schemaRegistry, { id: 'CoachCohortList', description: 'The cohorts this coach coaches (every cohort for an admin).' });

const shareSchema = z.number().min(0).max(1).nullable();
const reasonTrendSchema = z.object({
  pass: shareSchema.describe('The share of judged answers passing this reason; null when none was judged on it.'),
  trend: z.number().nullable().describe('The pass share of the last 14 days minus that of the 14 days before; null when either is empty.'),
});

export const cohortDashboardSchema = z
  .object({
    cohort: cohortRefSchema,
    candidates: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        email: z.string(),
        weakestReason: z.enum(REASONS).nullable(),
        reasons: z.object(Object.fromEntries(REASONS.map((reason) => [reason, reasonTrendSchema])) as Record<(typeof REASONS)[number], typeof reasonTrendSchema>),
        answersThisWeek: z.number().int(),
        lastPracticeAt: timestampSchema.nullable(),
      }),
    ),
    series: z.array(
      z.object({
        week: z.iso.date().describe('The Monday the week starts on.'),
        ...(Object.fromEntries(REASONS.map((reason) => [reason, shareSchema])) as Record<(typeof REASONS)[number], typeof shareSchema>),
        answers: z.number().int(),
      }),
    ),
  })
  .register(schemaRegistry, { id: 'CohortDashboard', description: 'A cohort\'s candidates with their weakest reason, pass shares and trends, and the cohort\'s shares week by week.' });

export const commentSchema = z
  .object({ id: z.number().int(), answerId: z.number().int(), author: z.object({ id: z.number().int(), name: z.string() }), text: z.string(), createdAt: timestampSchema })
  .register(schemaRegistry, { id: 'Comment', description: 'A coach\'s comment on an answer.' });

export const commentListSchema = z.array(commentSchema).register(schemaRegistry, { id: 'CommentList', description: 'Comments, oldest first.' });

export const commentRequestSchema = z
  .object({ text: z.string().trim().min(1).max(5000) })
  .strict()
  .register(schemaRegistry, { id: 'CommentRequest', description: 'A comment to add.' });

export const commentsQuerySchema = z.object({ since: timestampSchema.optional() });

export const coachCandidateAnswersSchema = z
  .object({
    candidate: z.object({ id: z.number().int(), name: z.string(), email: z.string() }),
    answers: z.array(storedAnswerSchema.extend({ comments: z.array(commentSchema) })),
  })
  .register(schemaRegistry, { id: 'CoachCandidateAnswers', description: 'A candidate\'s answers with their reports and the coaches\' comments, oldest first.' });

export const accountDeleteSchema = z
  .object({ password: passwordSchema })
  .strict()
  .register(schemaRegistry, { id: 'AccountDeletion', description: 'The password, to confirm deleting the account and all its data.' });
