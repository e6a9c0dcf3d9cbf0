// The mini build: the page bundles only the checks it uses.
import { z } from 'zod/mini';
import { REASONS } from '../core/types.js';
import type { Reason, Report } from '../core/types.js';
import type { StoredAnswer } from '../storage/records.js';

/** An error the local API answered with (or the code E_OFFLINE when it could not be reached): a stable code and a message. */
export class ApiError extends Error {
  readonly code: string;
  /** The request field the error is about, when the server named one. */
  readonly field: string | undefined;
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }
}

/** What the page says when the server does not answer at all. */
export const OFFLINE_MESSAGE = 'Starl\'s server cannot be reached: is `starl serve` still running? What you typed is kept here.';

/** Whether the server answered the last request; the app shell shows a banner while it does not. */
export type Connection = 'online' | 'offline';

const listeners = new Set<(connection: Connection) => void>();

/** Calls `listener` after every request with whether the server answered; returns the unsubscribe. */
export function onConnection(listener: (connection: Connection) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function announce(connection: Connection): void {
  for (const listener of listeners) listener(connection);
}

/** The CSRF token of the signed-in session (multi-user mode), sent with every write; null in single-user mode. */
let csrfToken: string | null = null;

/** Keeps the token `/api/me` gave, for the writes that follow; null forgets it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const unauthenticatedListeners = new Set<() => void>();

/** Calls `listener` when the server says the session has ended (expired, or signed out elsewhere); returns the unsubscribe. */
export function onSignedOut(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Fetches, turning a network failure (server stopped, connection refused) into ApiError E_OFFLINE. */
async function request(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  const write = init.method !== undefined && init.method !== 'GET' && init.method !== 'HEAD';
  const headers = write && csrfToken ? { ...(init.headers as Record<string, string> | undefined), 'x-csrf-token': csrfToken } : init.headers;
  try {
    response = await fetch(path, { ...init, ...(headers ? { headers } : {}) });
  } catch {
    announce('offline');
    throw new ApiError('E_OFFLINE', OFFLINE_MESSAGE);
  }
  announce('online');
  // Single-user mode never answers 401; a shared Starl does once the session has ended.
  if (response.status === 401 && path !== '/api/auth/login') for (const listener of unauthenticatedListeners) listener();
  return response;
}

async function parse<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    throw new ApiError(error?.code ?? 'E_INTERNAL', error?.message ?? `The server answered ${response.status}.`, error?.field);
  }
  return body as T;
}

/** GETs JSON from Starl's own API. */
export async function getJson<T>(path: string): Promise<T> {
  return parse<T>(await request(path, { headers: { accept: 'application/json' } }));
}

/** Sends JSON to Starl's own API with `method` (default POST) and returns the JSON answer. */
export async function sendJson<T>(path: string, body: unknown, method = 'POST'): Promise<T> {
  return parse<T>(await request(path, { method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }));
}

/** Sends text that is already JSON (a file the user chose) to Starl's own API and returns the JSON answer. */
export async function sendText<T>(path: string, json: string): Promise<T> {
  return parse<T>(await request(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: json }));
}

/** PUTs a recording's audio to Starl's own API, sent with its own content type, and returns the JSON answer. */
export async function sendAudio<T>(path: string, audio: Blob, mediaType: string): Promise<T> {
  return parse<T>(await request(path, { method: 'PUT', headers: { 'content-type': mediaType, accept: 'application/json' }, body: audio }));
}

/** Sends a DELETE to Starl's own API and returns the JSON answer. */
export async function deleteJson<T>(path: string): Promise<T> {
  return parse<T>(await request(path, { method: 'DELETE', headers: { accept: 'application/json' } }));
}

/** Who is signed in, as `GET /api/me` says. */
export type Me =
  | { mode: 'single' }
  | { mode: 'multi'; user: null }
  | { mode: 'multi'; user: { id: number; email: string; name: string; role: 'candidate' | 'coach' | 'admin' }; csrfToken: string };

/** The message to show for anything a request threw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  console.error(error);
  return 'Something went wrong in this page; the browser console has the details. What you typed is kept.';
}

// ---- Accounts, the coach's dashboard and comments (multi-user mode) ----------------------------

const reasonSchema = z.enum(REASONS);
const idSchema = z.int();
const countSchema = z.int().check(z.minimum(0));
const shareSchema = z.nullable(z.number().check(z.minimum(0), z.maximum(1)));

const userSchema = z.object({ id: idSchema, email: z.string(), name: z.string(), role: z.enum(['candidate', 'coach', 'admin']) });

/** Who is using the page: `GET /api/me`. */
export const meSchema: z.ZodMiniType<Me> = z.union([
  z.object({ mode: z.literal('single') }),
  z.object({ mode: z.literal('multi'), user: z.null() }),
  z.object({ mode: z.literal('multi'), user: userSchema, csrfToken: z.string() }),
]);

const cohortListSchema = z.array(z.object({ id: idSchema, name: z.string(), candidates: countSchema }));
/** A cohort the signed-in coach coaches, with how many candidates it has. */
export type CohortSummary = z.infer<typeof cohortListSchema>[number];

/** A candidate's pass share of one reason (0..1) and its change over the last 14 days against the 14 before (-1..1). */
const reasonShareSchema = z.object({ pass: shareSchema, trend: z.nullable(z.number().check(z.minimum(-1), z.maximum(1))) });
export type ReasonShare = z.infer<typeof reasonShareSchema>;

const cohortCandidateSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  weakestReason: z.nullable(reasonSchema),
  reasons: z.object(Object.fromEntries(REASONS.map((reason) => [reason, reasonShareSchema])) as Record<Reason, typeof reasonShareSchema>),
  answersThisWeek: countSchema,
  lastPracticeAt: z.nullable(z.string()),
});
/** One row of a cohort's table. */
export type CohortCandidate = z.infer<typeof cohortCandidateSchema>;

const cohortWeekSchema = z.object({
  week: z.string(),
  ...(Object.fromEntries(REASONS.map((reason) => [reason, shareSchema])) as Record<Reason, typeof shareSchema>),
  answers: countSchema,
});
/** The cohort's pass share per reason in the week starting on Monday `week` (null when nothing was judged for it). */
export type CohortWeek = z.infer<typeof cohortWeekSchema>;

const cohortDetailSchema = z.object({
  cohort: z.object({ id: idSchema, name: z.string() }),
  candidates: z.array(cohortCandidateSchema),
  series: z.array(cohortWeekSchema),
});
export type CohortDetail = z.infer<typeof cohortDetailSchema>;

const commentSchema = z.object({ id: idSchema, answerId: idSchema, author: z.object({ id: idSchema, name: z.string() }), text: z.string(), createdAt: z.string() });
/** A coach's comment on an answer. */
export type Comment = z.infer<typeof commentSchema>;
const commentListSchema = z.array(commentSchema);

/** A saved answer as the candidate's own routes return it; the report is the analyzer's, checked only for its verdicts. */
const commentedAnswerSchema = z.looseObject({
  id: idSchema,
  sessionId: idSchema,
  followUpOf: z.nullable(idSchema),
  question: z.string(),
  answer: z.string(),
  createdAt: z.string(),
  report: z.custom<Report>((value) => typeof value === 'object' && value !== null && typeof (value as { reasons?: unknown }).reasons === 'object', 'a report with its reasons'),
  comments: commentListSchema,
});
/** One of a candidate's answers with its report and the comments on it, as their coach reads it. */
export type CommentedAnswer = StoredAnswer & { comments: Comment[] };

const candidateAnswersSchema = z.object({
  candidate: z.object({ id: idSchema, name: z.string(), email: z.string() }),
  answers: z.array(commentedAnswerSchema),
});
export type CandidateAnswers = { candidate: z.infer<typeof candidateAnswersSchema>['candidate']; answers: CommentedAnswer[] };

/** `body`, the server's answer to `path`, checked against `schema`; an answer of another shape is an error naming the field. */
function checked<S extends z.ZodMiniType>(path: string, schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new ApiError('E_BAD_RESPONSE', `The server's answer to ${path} is not what this page expects${where}: ${issue ? expectation(issue) : 'unknown shape'}.`);
}

/** What a failed check wanted, in words (the mini build carries no messages of its own). */
function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      return `expected at least ${issue.minimum}`;
    case 'too_big':
      return `expected at most ${issue.maximum}`;
    case 'invalid_union':
      return 'expected one of the documented shapes';
    default:
      return issue.message;
  }
}

async function getChecked<S extends z.ZodMiniType>(path: string, schema: S): Promise<z.infer<S>> {
  return checked(path, schema, await getJson<unknown>(path));
}

/**
 * Who is using the page. A server without accounts (one from before them, which has no /api/me)
 * is single-user mode, as is one that cannot be reached: the page then works as it always has.
 */
export async function fetchMe(): Promise<Me> {
  try {
    return await getChecked('/api/me', meSchema);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'E_NOT_FOUND' || error.code === 'E_OFFLINE')) return { mode: 'single' };
    throw error;
  }
}

/** The cohorts the signed-in coach coaches (every cohort for an admin). */
export function fetchCoachCohorts(): Promise<CohortSummary[]> {
  return getChecked('/api/coach/cohorts', cohortListSchema);
}

/** A cohort's table and its weekly pass share per reason. */
export function fetchCohort(cohortId: number): Promise<CohortDetail> {
  return getChecked(`/api/coach/cohorts/${cohortId}`, cohortDetailSchema);
}

/** A candidate's answers with their reports and comments, for their coach. */
export async function fetchCandidateAnswers(candidateId: number): Promise<CandidateAnswers> {
  return (await getChecked(`/api/coach/candidates/${candidateId}/answers`, candidateAnswersSchema)) as unknown as CandidateAnswers;
}

/** The comments on one answer (its owner's or their coach's). */
export function fetchAnswerComments(answerId: number): Promise<Comment[]> {
  return getChecked(`/api/answers/${answerId}/comments`, commentListSchema);
}

/** The comments on the signed-in candidate's answers made since `since` (an ISO time). */
export function fetchMyComments(since: string): Promise<Comment[]> {
  return getChecked(`/api/comments?since=${encodeURIComponent(since)}`, commentListSchema);
}

/** Adds the coach's comment to an answer and returns it as saved. */
export async function postComment(answerId: number, text: string): Promise<Comment> {
  const path = `/api/answers/${answerId}/comments`;
  return checked(path, commentSchema, await sendJson<unknown>(path, { text }));
}
