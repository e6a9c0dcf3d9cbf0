import { z } from 'zod';
import { QUESTION_TYPES } from '../../core/types.js';
import type { SessionSummary } from '../../report/summary.js';
import type { Session, StoredAnswer } from '../../storage/index.js';
import { MAX_NAME_LENGTH } from '../../text/limits.js';
import { labelled } from '../../validation/issues.js';
import { reportSchema } from './analysis.js';
import { clientIdSchema, reasonSchema, schemaRegistry, timestampSchema, type MutuallyAssignable } from './common.js';
import { answerDeliverySchema, recordingInfoSchema } from './recordings.js';

/** The body of `POST /api/sessions`: what kind of mock interview to plan. */
export const sessionRequestSchema = z
  .object({
    role: labelled(z.string().min(1).max(MAX_NAME_LENGTH), 'the role').optional().describe('The role\'s title; picks the field\'s questions and fills {role}.'),
    company: labelled(z.string().min(1).max(MAX_NAME_LENGTH), 'the company name').optional().describe('A saved company\'s name or alias; answers are judged with its posting and facts.'),
    only: labelled(z.enum(QUESTION_TYPES), 'the kind of question').optional().describe('A drill of one question type instead of a whole interview.'),
    count: labelled(z.number().int().min(1).max(20), 'the number of questions').optional().describe('How many questions; default 8 for an interview, 5 for a drill.'),
    seed: labelled(z.number().int().min(0), 'the seed').optional().describe('The same seed plans the same questions.'),
    clientId: clientIdSchema,
  })
  .strict()
  .register(schemaRegistry, { id: 'SessionRequest', description: 'A mock interview or drill to plan.' });

/** A planned session, with how long each answer should take. */
export const sessionSchema = z
  .object({
    id: z.number().int(),
    uid: z.string(),
    companyId: z.number().int().nullable(),
    role: z.string().nullable(),
    field: z.string().nullable(),
    mode: z.enum(['interview', 'drill']),
    status: z.enum(['active', 'finished']),
    startedAt: timestampSchema,
    finishedAt: timestampSchema.nullable(),
    questions: z.array(z.object({ position: z.number().int(), bankId: z.string().nullable(), questionType: z.string(), text: z.string() })),
    aimSeconds: z.array(z.number()).describe('How long each answer should take, in seconds; shown beside the timer, never enforced.'),
  })
  .register(schemaRegistry, { id: 'Session', description: 'A mock interview or drill with its questions.' });

export const sessionListSchema = z.array(sessionSchema).register(schemaRegistry, { id: 'SessionList', description: 'Every session, newest first.' });

/** The body of `POST /api/sessions/:id/answers`. */
export const answerRequestSchema = z
  .object({
    position: labelled(z.number().int().min(0), 'the question\'s position').describe('Which question of the session (0-based).'),
    answer: labelled(z.string(), 'the answer').describe('The answer as typed.'),
    seconds: labelled(z.number().min(0).max(24 * 60 * 60), 'the time taken').describe('How long the candidate took, in seconds.'),
    followUpOf: labelled(z.number().int(), 'the answer followed up').nullable().optional().describe('The answer whose follow-up question this answers.'),
    delivery: answerDeliverySchema.nullable().optional().describe('How the answer was delivered, when it was recorded: measured in the page, never the audio itself.'),
    clientId: clientIdSchema,
  })
  .strict()
  .register(schemaRegistry, { id: 'AnswerRequest', description: 'An answer to one question of a session.' });

/** A saved answer with the analyzer's report. */
export const storedAnswerSchema = z
  .object({
    id: z.number().int(),
    uid: z.string(),
    sessionId: z.number().int(),
    position: z.number().int(),
    attempt: z.number().int(),
    followUpOf: z.number().int().nullable(),
    question: z.string(),
    answer: z.string(),
    seconds: z.number(),
    report: reportSchema,
    delivery: answerDeliverySchema.nullable(),
    createdAt: timestampSchema,
  })
  .register(schemaRegistry, { id: 'StoredAnswer', description: 'One saved answer: a first try, a retry or a follow-up.' });

export const sessionDetailSchema = z
  .object({
    session: sessionSchema,
    answers: z.array(storedAnswerSchema),
    recordings: z.array(recordingInfoSchema).describe('The recordings of its answers; an answer not listed has none.'),
  })
  .register(schemaRegistry, { id: 'SessionDetail', description: 'A session with every answer given so far.' });

/** The body of `PATCH /api/sessions/:id/answers/:answerId`: the answer's new text, judged again. */
export const answerPatchSchema = z
  .object({ answer: labelled(z.string().trim().min(1), 'the answer').describe('The new text; the answer and any follow-up to it are judged again.') })
  .strict()
  .register(schemaRegistry, { id: 'AnswerPatch', description: 'A saved answer\'s new text.' });

const summaryAnswerSchema = z.object({ position: z.number().int(), question: z.string(), answer: z.string(), why: z.string() });

/** What a finished session teaches; see `summarizeSession`. */
export const sessionSummarySchema = z
  .object({
    sessionId: z.number().int(),
    mode: z.string(),
    company: z.string().nullable(),
    role: z.string().nullable(),
    planned: z.number().int(),
    answered: z.number().int(),
    totals: z.record(reasonSchema, z.object({ passed: z.number().int(), judged: z.number().int() })),
    weakest: z.object({ reason: reasonSchema, passed: z.number().int(), judged: z.number().int(), misses: z.array(summaryAnswerSchema) }).nullable(),
    best: summaryAnswerSchema.extend({ score: z.number(), passed: z.array(reasonSchema) }).nullable(),
    followUps: z.array(z.object({ position: z.number().int(), question: z.string(), followUp: z.string(), answer: z.string() })),
    times: z.array(z.object({ position: z.number().int(), question: z.string(), seconds: z.number() })),
    drill: z.object({ reason: reasonSchema, only: z.enum(QUESTION_TYPES), count: z.number().int() }).nullable().describe('The drill to start next: `POST /api/sessions` with `only` and `count`.'),
    seconds: z.number(),
  })
  .register(schemaRegistry, { id: 'SessionSummary', description: 'Verdicts per reason, the weakest reason and its answers, the best answer, follow-ups, time per answer and a drill.' });

/** A session's full report as a file: standalone HTML or Markdown. */
export const reportDocumentSchema = z.string().register(schemaRegistry, { id: 'ReportDocument', description: 'The report as HTML or Markdown text.' });

const storedAnswerMatchesStore: MutuallyAssignable<z.infer<typeof storedAnswerSchema>, StoredAnswer> = true;
const sessionMatchesStore: MutuallyAssignable<Omit<z.infer<typeof sessionSchema>, 'aimSeconds'>, Session> = true;
const summaryMatchesReport: MutuallyAssignable<z.infer<typeof sessionSummarySchema>, SessionSummary> = true;
void storedAnswerMatchesStore;
void sessionMatchesStore;
void summaryMatchesReport;
