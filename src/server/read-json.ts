import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { z } from 'zod';
import { StarlError } from '../core/errors.js';
import { issuePath, plainIssue } from '../validation/issues.js';
import { MAX_BODY_BYTES } from './schemas.js';

const utf8 = new TextDecoder();

function tooLong(maxBytes: number): StarlError {
  return new StarlError('E_INPUT_TOO_LONG', `The request body is over ${Math.round(maxBytes / 1024)} KB.`);
}

/**
 * The request body's bytes, refused once they pass `maxBytes` with `tooLarge` (by default
 * E_INPUT_TOO_LONG naming the limit). On Node the body is read straight from the socket's stream:
 * building a web Request and a ReadableStream for it costs more per request than the JSON it carries
 * (`scripts/bench-web.mjs`).
 */
export async function readBody(c: Context, maxBytes: number, tooLarge: () => StarlError = () => tooLong(maxBytes)): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length'));
  if (declared > maxBytes) throw tooLarge();
  // Node's web streams are async iterable, though the DOM typings do not say so.
  const source = (c.env as Partial<HttpBindings> | undefined)?.incoming ?? (c.req.raw.body as AsyncIterable<Uint8Array> | null);
  if (!source) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // A chunked body declares no length, so the limit is also counted as the bytes arrive.
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/** A JSON request body of at most `maxBytes`, as text: refused unless it is sent as application/json. */
export async function readText(c: Context, maxBytes: number): Promise<string> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw new StarlError('E_INPUT_BAD_JSON', `The request body must be JSON sent as application/json, not "${contentType || 'no content type'}".`);
  }
  return utf8.decode(await readBody(c, maxBytes));
}

/**
 * Reads a JSON body of at most `maxBytes` and validates it against a schema; a wrong content type,
 * an oversized body, malformed JSON or a field that fails validation becomes a typed error naming the field.
 */
export async function readJson<T>(c: Context, schema: z.ZodType<T>, maxBytes: number = MAX_BODY_BYTES): Promise<T> {
  let body: unknown;
  const text = await readText(c, maxBytes);
  try {
    body = JSON.parse(text);
  } catch {
    throw new StarlError('E_INPUT_BAD_JSON', 'The request body is not valid JSON.');
  }
  return validated(schema, body, 'body');
}

/** `value` checked against `schema`; the first problem becomes a typed error naming the field (or `whole`). */
function validated<T>(schema: z.ZodType<T>, value: unknown, whole: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StarlError('E_INPUT_BAD_FIELD', plainIssue(issue, schema, value), { field: issue.path.length > 0 ? issuePath(issue.path) : whole });
  }
  return parsed.data;
}

/** The request's query parameters, validated against a schema as a JSON body is. */
export function readQuery<T>(c: Context, schema: z.ZodType<T>): T {
  return validated(schema, c.req.query(), 'query');
}
