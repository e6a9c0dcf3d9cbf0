import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/**
 * Sends `body` as JSON exactly as the OpenAPI document describes it: read through its response schema,
 * which drops fields the schema does not name (the analyzer's spans carry their words, `text`, which
 * the API does not publish) and fills the defaults that reports saved by older versions lack. A body
 * the schema refuses (a report saved in a shape no longer described) is sent as it is rather than
 * answered with an error: the saved data stays readable, and the test that checks every route's
 * answer against the document is where such a drift shows.
 */
export function sendDocumented<T extends z.ZodType>(c: Context, schema: T, body: z.input<T>, status: ContentfulStatusCode = 200): Response {
  const read = schema.safeParse(body);
  return c.json((read.success ? read.data : body) as object, status);
}
