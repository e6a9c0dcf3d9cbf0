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

/** One operation of the API as the OpenAPI document describes it. */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  request?: z.ZodType;
  /** The request body's media types when it is not JSON (a recording's audio). */
  requestMediaTypes?: string[];
  /** The successful response's schema, keyed by status code, and its media types when not JSON. */
  response: { status: number; schema: z.ZodType; description: string; mediaTypes?: string[] };
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
  403: 'The request came from another origin or host.',
  404: 'Not found.',
  409: 'The session is finished and takes no more answers.',
  413: 'The request body is too large.',
  416: 'The range asked for starts past the end of the recording.',
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
  const responseIds = reachable([...apiOperations.map((op) => idOf(op.response.schema)), idOf(errorBodySchema)], outputs);
  for (const id of requestIds) {
    if (responseIds.has(id) && JSON.stringify(inputs[id]) !== JSON.stringify(outputs[id])) {
      throw new Error(`The schema ${id} is both a request and a response and reads differently as each; register one for each.`);
    }
  }
  const componentSchemas = Object.fromEntries(Object.keys(outputs).map((id) => [id, requestIds.has(id) ? inputs[id] : outputs[id]]));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of apiOperations) {
    const mediaTypes = op.response.mediaTypes ?? ['application/json'];
    const responses: Record<string, unknown> = {
      [op.response.status]: { description: op.response.description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: schemaFor(op.response.schema) }])) },
    };
    for (const status of op.errors) {
      responses[status] = { description: STATUS_TEXT[status] ?? 'Error.', content: { 'application/json': { schema: schemaFor(errorBodySchema) } } };
    }
    // Every path parameter is a numeric id (`/api/sessions/{id}`).
    const pathParameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'integer', minimum: 0 } })),
      ...(op.query ?? []).map((query) => ({ name: query.name, in: 'query', required: query.required ?? false, description: query.description, schema: { type: query.type ?? 'string' } })),
    ];
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
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
