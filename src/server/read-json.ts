import type { Context } from 'hono';
import type { z } from 'zod';
import { StarlError } from '../core/errors.js';

/**
 * Reads a JSON body and validates it against a schema; a wrong content type, malformed JSON or a
 * field that fails validation becomes a typed error naming the field.
 */
export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw new StarlError('E_INPUT_BAD_JSON', `The request body must be JSON sent as application/json, not "${contentType || 'no content type'}".`);
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    if (error instanceof StarlError) throw error;
    throw new StarlError('E_INPUT_BAD_JSON', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    throw new StarlError('E_INPUT_BAD_FIELD', `The request has an invalid field: ${issue?.message ?? 'unexpected value'}`, { field });
  }
  return parsed.data;
}
