import { z } from 'zod';
import {
  analyzeRequestSchema,
  errorBodySchema,
  openApiDocumentSchema,
  progressSchema,
  recordingAudioSchema,
  recordingInfoSchema,
  companyDetailSchema,
  answerPatchSchema,
  deliveryPutSchema,
  companyPatchSchema,
  deletedSchema,
  exportDocumentSchema,
  importCountsSchema,
  reportDocumentSchema,
  sessionSummarySchema,
  storyPatchSchema,
  companyListSchema,
  companyRequestSchema,
  companySchema,
  factRequestSchema,
  factSchema,
  storyBankSchema,
  storyRequestSchema,
  storySchema,
  answerRequestSchema,
  sessionDetailSchema,
  sessionListSchema,
  sessionRequestSchema,
  sessionSchema,
  storedAnswerSchema,
  reportSchema,
  reviewRequestSchema,
  reviewSchema,
  ruleListSchema,
  schemaRegistry,
  storedReviewListSchema,
} from './schemas.js';
import { RECORDING_LIMIT_TEXT, RECORDING_MEDIA_TYPES } from '../recording/index.js';
import {
  acceptInvitationSchema,
  accountDeleteSchema,
  coachCandidateAnswersSchema,
  coachCohortListSchema,
  cohortDashboardSchema,
  cohortRequestSchema,
  cohortSchema,
  cohortUserRequestSchema,
  commentListSchema,
  commentRequestSchema,
  commentSchema,
  invitationCreatedSchema,
  invitationRequestSchema,
  invitationSchema,
  loginRequestSchema,
  meSchema,
  passwordChangeSchema,
  userListSchema,
} from './account-schemas.js';

/** One operation of the API as the OpenAPI document describes it. */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  request?: z.ZodType;
  /** The request body's media types when it is not JSON (a recording's audio). */
  requestMediaTypes?: string[];
  /** The successful response's schema, keyed by status code, and its media types when not JSON; no schema for a 204. */
  response: { status: number; schema?: z.ZodType; description: string; mediaTypes?: string[] };
  /** Served only in multi-user mode (`starl serve --multi-user`). */
  multiUserOnly?: boolean;
  /** Query parameters, strings unless `type` says otherwise; optional unless `required`. */
  query?: { name: string; description: string; required?: boolean; type?: 'number' }[];
  /** Statuses with an `Error` body this operation can return. */
  errors: number[];
}

/** The API's operations: the single list the OpenAPI document is built from. */
export const apiOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/analyze',
    summary: 'Judge an answer on opportunity, memorable, specific reason and STAR(L).',
    request: analyzeRequestSchema,
    response: { status: 200, schema: reportSchema, description: 'The report.' },
    errors: [400, 403, 413],
  },
  {
    method: 'post',
    path: '/api/reviews',
    summary: 'Review an interview transcript pair by pair and save the judged answers.',
    request: reviewRequestSchema,
    response: { status: 200, schema: reviewSchema, description: 'The review, main reason on top.' },
    errors: [400, 403, 413, 503, 507],
  },
  {
    method: 'get',
    path: '/api/reviews',
    summary: 'List the saved answers of reviewed transcripts.',
    response: { status: 200, schema: storedReviewListSchema, description: 'Saved review answers, oldest first.' },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/sessions',
    summary: 'Plan a mock interview or drill from the question bank.',
    request: sessionRequestSchema,
    response: { status: 201, schema: sessionSchema, description: 'The planned session.' },
    errors: [400, 403, 404, 503, 507],
  },
  {
    method: 'get',
    path: '/api/sessions',
    summary: 'List practice sessions.',
    response: { status: 200, schema: sessionListSchema, description: 'Every session.' },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/sessions/{id}',
    summary: 'A session with its answers.',
    response: { status: 200, schema: sessionDetailSchema, description: 'The session and every answer so far.' },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/answers',
    summary: 'Judge and save an answer to one question: a first try, a retry or a follow-up.',
    request: answerRequestSchema,
    response: { status: 201, schema: storedAnswerSchema, description: 'The saved answer with its report and the interviewer\'s follow-up.' },
    errors: [400, 403, 404, 409, 413, 503, 507],
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/finish',
    summary: 'Finish a session.',
    response: { status: 200, schema: sessionSchema, description: 'The finished session.' },
    errors: [400, 403, 404, 503, 507],
  },
  {
    method: 'delete',
    path: '/api/sessions/{id}',
    summary: 'Delete a session with its plan and answers; for an unfinished one, abandoning it.',
    response: { status: 200, schema: deletedSchema, description: 'What was deleted.' },
    errors: [400, 403, 404],
  },
  {
    method: 'patch',
    path: '/api/sessions/{id}/answers/{answerId}',
    summary: 'Change a saved answer\'s text; it is judged again, with any follow-up to it.',
    request: answerPatchSchema,
    response: { status: 200, schema: storedAnswerSchema, description: 'The answer with its new judgement.' },
    errors: [400, 403, 404, 413],
  },
  {
    method: 'put',
    path: '/api/sessions/{id}/answers/{answerId}/delivery',
    summary: 'Keep how a saved answer was delivered, measured from its recording in the page, or forget it.',
    request: deliveryPutSchema,
    response: { status: 200, schema: storedAnswerSchema, description: 'The answer with its delivery.' },
    errors: [400, 403, 404, 413],
  },
  {
    method: 'delete',
    path: '/api/sessions/{id}/answers/{answerId}',
    summary: 'Delete a saved answer with the answers that follow it up.',
    response: { status: 200, schema: deletedSchema, description: 'What was deleted.' },
    errors: [400, 403, 404],
  },
  {
    method: 'put',
    path: '/api/sessions/{id}/answers/{answerId}/recording',
    summary: `Keep the recording of a saved answer, replacing any it had: the body is the audio as the browser recorded it, sent with its content type (${RECORDING_MEDIA_TYPES.join(', ')}), at most ${RECORDING_LIMIT_TEXT}.`,
    query: [{ name: 'seconds', description: 'How long the recording lasts.', required: true, type: 'number' }],
    request: recordingAudioSchema,
    requestMediaTypes: [...RECORDING_MEDIA_TYPES],
    response: { status: 201, schema: recordingInfoSchema, description: 'The kept recording, without its audio.' },
    errors: [400, 403, 404, 413, 503, 507],
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/answers/{answerId}/recording',
    summary: 'Play back a saved answer\'s recording; a Range header asks for part of it (206), so a player can seek.',
    response: { status: 200, schema: recordingAudioSchema, description: 'The audio, in the type it was recorded in.', mediaTypes: [...RECORDING_MEDIA_TYPES] },
    errors: [400, 404, 416],
  },
  {
    method: 'delete',
    path: '/api/sessions/{id}/answers/{answerId}/recording',
    summary: 'Delete a saved answer\'s recording and keep the answer.',
    response: { status: 200, schema: deletedSchema, description: 'What was deleted.' },
    errors: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/summary',
    summary: 'What a session teaches: verdicts per reason, the weakest reason and its answers, the best answer, follow-ups, time per answer and a drill.',
    response: { status: 200, schema: sessionSummarySchema, description: 'The summary.' },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/report',
    summary: 'A session\'s full report as a file to download.',
    query: [{ name: 'format', description: '`html` (default) for a standalone page, `md` for Markdown.' }],
    response: { status: 200, schema: reportDocumentSchema, description: 'The report.', mediaTypes: ['text/html', 'text/markdown'] },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/export',
    summary: 'All your data as one JSON file, as `starl export` writes it.',
    query: [{ name: 'recordings', description: '`0` leaves the recordings out, for a much smaller file.' }],
    response: { status: 200, schema: exportDocumentSchema, description: 'The export.' },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/import',
    summary: 'Add the data of an export file; rows already present are skipped, and a damaged file changes nothing.',
    query: [{ name: 'file', description: 'The file\'s name, for messages.' }],
    request: exportDocumentSchema,
    response: { status: 200, schema: importCountsSchema, description: 'What was added.' },
    errors: [400, 403, 413],
  },
  {
    method: 'get',
    path: '/api/companies',
    summary: 'List the companies of the homework notebook.',
    response: { status: 200, schema: companyListSchema, description: 'Every company.' },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/companies',
    summary: 'Add a company, or update the one with that name; a posting\'s distinctive terms are extracted.',
    request: companyRequestSchema,
    response: { status: 201, schema: companySchema, description: 'The saved company.' },
    errors: [400, 403, 413, 503, 507],
  },
  {
    method: 'get',
    path: '/api/companies/{id}',
    summary: 'A company with its research facts, homework checklist and questions to ask.',
    response: { status: 200, schema: companyDetailSchema, description: 'The company\'s notebook page.' },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/companies/{id}/facts',
    summary: 'Add a research fact to a company.',
    request: factRequestSchema,
    response: { status: 201, schema: factSchema, description: 'The saved fact.' },
    errors: [400, 403, 404, 503, 507],
  },
  {
    method: 'patch',
    path: '/api/companies/{id}',
    summary: 'Change a company: its name, other names, competitors or posting; lists replace the old ones.',
    request: companyPatchSchema,
    response: { status: 200, schema: companySchema, description: 'The changed company.' },
    errors: [400, 403, 404, 413],
  },
  {
    method: 'delete',
    path: '/api/companies/{id}',
    summary: 'Delete a company with its facts; its sessions stay, no longer tied to it.',
    response: { status: 200, schema: deletedSchema, description: 'What was deleted.' },
    errors: [400, 403, 404],
  },
  {
    method: 'delete',
    path: '/api/companies/{id}/facts/{factId}',
    summary: 'Delete a research fact.',
    response: { status: 200, schema: deletedSchema, description: 'What was deleted.' },
    errors: [400, 403, 404],
  },
  {
    method: 'patch',
    path: '/api/stories/{id}',
    summary: 'Change a story\'s title, text or competencies; new text is labelled again.',
    request: storyPatchSchema,
    response: { status: 200, schema: storySchema, description: 'The changed story.' },
    errors: [400, 403, 404, 413],
  },
  {
    method: 'delete',
    path: '/api/stories/{id}',
    summary: 'Delete a story from the bank.',
    response: { status: 200, schema: deletedSchema, description: 'What was deleted.' },
    errors: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/api/stories',
    summary: 'The story bank; with ?question=, which stories fit that question.',
    response: { status: 200, schema: storyBankSchema, description: 'Stories and fits.' },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/stories',
    summary: 'Add a story to the bank; its sentences are labelled S, T, A, R, L or O.',
    request: storyRequestSchema,
    response: { status: 201, schema: storySchema, description: 'The saved story.' },
    errors: [400, 403, 413, 503, 507],
  },
  {
    method: 'get',
    path: '/api/progress',
    summary: 'Pass share per reason over time, from practice and reviews, and the weakest reason now.',
    response: { status: 200, schema: progressSchema, description: 'Progress.' },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'Which mode Starl runs in and, in multi-user mode, who is signed in with the CSRF token their writes must carry.',
    response: { status: 200, schema: meSchema, description: 'The mode and the user.' },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with an email and password; sets the session cookie. Failed attempts are limited per account and per address.',
    request: loginRequestSchema,
    response: { status: 200, schema: meSchema, description: 'The signed-in user and their CSRF token.' },
    errors: [400, 401, 403, 429],
    multiUserOnly: true,
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: the session ends on the server.',
    response: { status: 204, description: 'Signed out.' },
    errors: [401, 403],
    multiUserOnly: true,
  },
  {
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change the password; every other session of the user ends.',
    request: passwordChangeSchema,
    response: { status: 204, description: 'Changed.' },
    errors: [400, 401, 403],
    multiUserOnly: true,
  },
  {
    method: 'get',
    path: '/api/invitations/{token}',
    summary: 'An invitation by its link\'s token; 404 when unknown, used or expired.',
    response: { status: 200, schema: invitationSchema, description: 'The invitation.' },
    errors: [404],
    multiUserOnly: true,
  },
  {
    method: 'post',
    path: '/api/invitations/{token}/accept',
    summary: 'Accept an invitation: creates the account, puts it in the invitation\'s cohort and signs it in.',
    request: acceptInvitationSchema,
    response: { status: 200, schema: meSchema, description: 'The new, signed-in user.' },
    errors: [400, 403, 404],
    multiUserOnly: true,
  },
  {
    method: 'post',
    path: '/api/admin/invitations',
    summary: 'Invite someone by link as a candidate, coach or admin, optionally into a cohort (admins only).',
    request: invitationRequestSchema,
    response: { status: 201, schema: invitationCreatedSchema, description: 'The invitation and its link.' },
    errors: [400, 401, 403, 404],
    multiUserOnly: true,
  },
  {
    method: 'get',
    path: '/api/admin/users',
    summary: 'Every account (admins only).',
    response: { status: 200, schema: userListSchema, description: 'The users.' },
    errors: [401, 403],
    multiUserOnly: true,
  },
  {
    method: 'delete',
    path: '/api/admin/users/{id}',
    summary: 'Delete a user and all their data (admins only).',
    response: { status: 204, description: 'Deleted.' },
    errors: [400, 401, 403, 404],
    multiUserOnly: true,
  },
  {
    method: 'post',
    path: '/api/admin/cohorts',
    summary: 'Create a cohort (admins only).',
    request: cohortRequestSchema,
    response: { status: 201, schema: cohortSchema, description: 'The cohort.' },
    errors: [400, 401, 403],
    multiUserOnly: true,
  },
  {
    method: 'post',
    path: '/api/admin/cohorts/{id}/coaches',
    summary: 'Make a coach a coach of a cohort (admins only).',
    request: cohortUserRequestSchema,
    response: { status: 204, description: 'Added.' },
    errors: [400, 401, 403, 404],
    multiUserOnly: true,
  },
  {
    method: 'post',
    path: '/api/admin/cohorts/{id}/members',
    summary: 'Put a candidate in a cohort (admins only).',
    request: cohortUserRequestSchema,
    response: { status: 204, description: 'Added.' },
    errors: [400, 401, 403, 404],
    multiUserOnly: true,
  },
  {
    method: 'get',
    path: '/api/coach/cohorts',
    summary: 'The cohorts this coach coaches, with how many candidates each has (every cohort for an admin).',
    response: { status: 200, schema: coachCohortListSchema, description: 'The cohorts.' },
    errors: [401, 403],
    multiUserOnly: true,
  },
  {
    method: 'get',
    path: '/api/coach/cohorts/{id}',
    summary: 'A cohort\'s candidates with their weakest reason, pass share and trend per reason, answers this week and last practice, and the cohort\'s shares week by week.',
    response: { status: 200, schema: cohortDashboardSchema, description: 'The cohort\'s dashboard.' },
    errors: [400, 401, 403, 404],
    multiUserOnly: true,
  },
  {
    method: 'get',
    path: '/api/coach/candidates/{id}/answers',
    summary: 'A coached candidate\'s answers with their reports and the comments on them.',
    response: { status: 200, schema: coachCandidateAnswersSchema, description: 'The candidate and their answers.' },
    errors: [400, 401, 403, 404],
    multiUserOnly: true,
  },
  {
    method: 'post',
    path: '/api/answers/{answerId}/comments',
    summary: 'Comment on an answer of a candidate you coach.',
    request: commentRequestSchema,
    response: { status: 201, schema: commentSchema, description: 'The comment.' },
    errors: [400, 401, 403, 404],
    multiUserOnly: true,
  },
  {
    method: 'get',
    path: '/api/answers/{answerId}/comments',
    summary: 'The comments on an answer: for its owner and their coaches.',
    response: { status: 200, schema: commentListSchema, description: 'The comments, oldest first.' },
    errors: [400, 401, 404],
    multiUserOnly: true,
  },
  {
    method: 'get',
    path: '/api/comments',
    summary: 'The comments on the signed-in user\'s answers, to show beside them.',
    query: [{ name: 'since', description: 'Only comments made after this time (ISO 8601).' }],
    response: { status: 200, schema: commentListSchema, description: 'The comments, oldest first.' },
    errors: [400, 401],
    multiUserOnly: true,
  },
  {
    method: 'delete',
    path: '/api/account',
    summary: 'Delete your account and all your data, confirming with your password.',
    request: accountDeleteSchema,
    response: { status: 204, description: 'Deleted.' },
    errors: [400, 401, 403],
    multiUserOnly: true,
  },
  {
    method: 'get',
    path: '/api/rules',
    summary: 'List the rule catalogue.',
    response: { status: 200, schema: ruleListSchema, description: 'Every rule, with its reason and severity.' },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document.',
    response: { status: 200, schema: openApiDocumentSchema, description: 'The OpenAPI 3.1 document.' },
    errors: [],
  },
];

const STATUS_TEXT: Record<number, string> = {
  400: 'The request was malformed or failed validation.',
  401: 'Not signed in (multi-user mode), or a wrong email or password.',
  403: 'The request came from another origin or host, lacked the CSRF token, or the role may not use this route.',
  404: 'Not found.',
  409: 'The session is finished and takes no more answers.',
  413: 'The request body is too large.',
  416: 'The range asked for starts past the end of the recording.',
  429: 'Too many failed sign-ins; the retry-after header says when to try again.',
  503: 'Another Starl process held the database\'s write lock for too long; nothing was changed.',
  507: 'The disk is full; nothing was changed and what was saved before is safe.',
};

type JsonSchemas = Record<string, Record<string, unknown>>;

/** The registry's schemas as JSON Schema, read as the server reads requests (`input`) or writes responses (`output`). */
function registrySchemas(io: 'input' | 'output', uri: (id: string) => string): JsonSchemas {
  // zod stamps each schema with $schema and an $id equal to its URI; inside an OpenAPI document the
  // dialect is implied and an $id with a fragment is not allowed, so both are dropped.
  return Object.fromEntries(
    Object.entries(z.toJSONSchema(schemaRegistry, { target: 'draft-2020-12', uri, io }).schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]),
  );
}

/** The ids of `roots` and of every schema they refer to, through `$ref`s to `#/components/schemas/…`. */
function reachable(roots: readonly string[], schemas: JsonSchemas): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const match of JSON.stringify(schemas[id] ?? {}).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) visit(match[1]!);
  };
  roots.forEach(visit);
  return seen;
}

/**
 * Builds the OpenAPI 3.1 document from {@link apiOperations} and the schema registry, so what the
 * server validates and what it publishes come from the same zod schemas. A request body is described
 * as the server reads it (a field with a default may be left out); a response as the server writes it
 * (every field present, and no field the schema does not name).
 */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const uri = (id: string): string => `#/components/schemas/${id}`;
  const idOf = (schema: z.ZodType): string => {
    const id = schemaRegistry.get(schema)?.id;
    // Every schema an operation names is registered, so the document references it instead of copying it.
    if (!id) throw new Error('An API operation uses a schema missing from the schema registry.');
    return id;
  };
  const schemaFor = (schema: z.ZodType): unknown => ({ $ref: uri(idOf(schema)) });
  const inputs = registrySchemas('input', uri);
  const outputs = registrySchemas('output', uri);
  const requestIds = reachable(apiOperations.flatMap((op) => (op.request ? [idOf(op.request)] : [])), inputs);
  const responseIds = reachable([...apiOperations.flatMap((op) => (op.response.schema ? [idOf(op.response.schema)] : [])), idOf(errorBodySchema)], outputs);
  for (const id of requestIds) {
    if (responseIds.has(id) && JSON.stringify(inputs[id]) !== JSON.stringify(outputs[id])) {
      throw new Error(`The schema ${id} is both a request and a response and reads differently as each; register one for each.`);
    }
  }
  const componentSchemas = Object.fromEntries(Object.keys(outputs).map((id) => [id, requestIds.has(id) ? inputs[id] : outputs[id]]));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of apiOperations) {
    const mediaTypes = op.response.mediaTypes ?? ['application/json'];
    const success = op.response.schema;
    const responses: Record<string, unknown> = {
      [op.response.status]: { description: op.response.description, ...(success ? { content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: schemaFor(success) }])) } : {}) },
    };
    for (const status of op.errors) {
      responses[status] = { description: STATUS_TEXT[status] ?? 'Error.', content: { 'application/json': { schema: schemaFor(errorBodySchema) } } };
    }
    // Every path parameter is a numeric id (`/api/sessions/{id}`) but an invitation's token.
    const pathParameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: match[1] === 'token' ? { type: 'string' } : { type: 'integer', minimum: 0 } })),
      ...(op.query ?? []).map((query) => ({ name: query.name, in: 'query', required: query.required ?? false, description: query.description, schema: { type: query.type ?? 'string' } })),
    ];
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        ...(op.multiUserOnly ? { 'x-multi-user-only': true } : {}),
        ...(pathParameters.length > 0 ? { parameters: pathParameters } : {}),
        ...(op.request ? { requestBody: { required: true, content: Object.fromEntries((op.requestMediaTypes ?? ['application/json']).map((type) => [type, { schema: schemaFor(op.request!) }])) } } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Starl', version, description: 'The local API of Starl, the offline interview coach.' },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: componentSchemas },
  };
}
