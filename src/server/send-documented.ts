import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/**
 * Sends `body` as JSON exactly as the OpenAPI document describes it: read through its response schema,
 * which drops fields the schema does not name (the analyzer's spans carry their words, `text`, which
 * the API does not publish) and fills the defaults that reports saved by older versions lack.
 */
export function sendDocumented<T extends z.ZodType>(c: Context, schema: T, body: z.input<T>, status: ContentfulStatusCode = 200): Response {
  return c.json(schema.parse(body) as object, status);
}
