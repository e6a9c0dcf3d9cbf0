import { z } from 'zod';
import { REASONS } from '../../core/types.js';
import { MAX_TRANSCRIPT_BYTES } from '../../transcripts/index.js';
import { labelled } from '../../validation/issues.js';

/**
 * The API's schemas, in one registry: the server validates requests with them and the OpenAPI
 * document is generated from them, so the two cannot drift apart.
 */
export const schemaRegistry = z.registry<{ id: string; description?: string }>();

/** Longest request body the API accepts, in bytes: far above any real answer plus a job posting. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Longest transcript upload: the transcript reader's own limit, doubled for JSON's escaping. */
export const MAX_TRANSCRIPT_BODY_BYTES = 2 * MAX_TRANSCRIPT_BYTES;

/** A moment as Starl stores it: an ISO 8601 date and time (`2026-01-31T09:00:00.000Z`). */
export const timestampSchema = z.iso.datetime({ offset: true });

/** One of the four reasons an answer is judged on. */
export const reasonSchema = z.enum(REASONS);

/** A reason's verdict on one answer. */
export const verdictSchema = z.enum(['pass', 'miss', 'n/a']);

/**
 * A key the page makes up for one write: sending the same request again with it (a double click, a
 * retry after a lost answer) returns what the first one saved instead of saving twice.
 */
export const clientIdSchema = labelled(z.string().min(8).max(100), 'the request key')
  .optional()
  .describe('A key of your own for this write, unique per write: a repeat with the same key returns the first result.');

/** One object with a field per reason, each of the same shape. */
export function perReason<T extends z.ZodType>(schema: T) {
  return z.object({ opportunity: schema, memorable: schema, specificReason: schema, starl: schema });
}

/** What a DELETE removed, counted by kind. */
export const deletedSchema = z
  .object({ deleted: z.record(z.string(), z.number().int()).describe('How many rows of each kind went, the one asked for included.') })
  .register(schemaRegistry, { id: 'Deleted', description: 'What was deleted.' });

/** Every error the API returns has this shape; `code` is one of Starl's stable error codes. */
export const errorBodySchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional().describe('The request field the error is about, when it is about one.') }) })
  .register(schemaRegistry, { id: 'Error', description: 'An error with a stable code and a message naming what was wrong.' });

/** The body of `GET /api/openapi.json`; described loosely, as the OpenAPI specification defines it. */
export const openApiDocumentSchema = z
  .looseObject({ openapi: z.string() })
  .register(schemaRegistry, { id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document.' });

/**
 * Whether two types describe the same values. Each schema module asserts it of its schemas and the
 * types they stand for, so a change to a type (the Report in src/core, a stored record) fails the
 * type check there instead of publishing a stale OpenAPI document.
 */
export type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
