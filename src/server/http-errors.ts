import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { StarlError } from '../core/errors.js';
import type { ErrorCode } from '../core/errors.js';

/** The HTTP status for each error code that a request can cause; anything else is a 500. */
const STATUS_BY_CODE: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  E_INPUT_EMPTY_ANSWER: 400,
  E_INPUT_EMPTY_QUESTION: 400,
  E_INPUT_BINARY: 400,
  E_INPUT_NOT_ENGLISH: 400,
  E_INPUT_NO_WORDS: 400,
  E_INPUT_BAD_JSON: 400,
  E_INPUT_BAD_FIELD: 400,
  E_INPUT_NOT_UTF8: 400,
  E_INPUT_FILE: 400,
  E_TRANSCRIPT: 400,
  E_USAGE: 400,
  E_INPUT_TOO_LONG: 413,
  E_FORBIDDEN_ORIGIN: 403,
  E_NOT_FOUND: 404,
  E_SESSION_FINISHED: 409,
  E_STORAGE_LOCKED: 503,
  E_STORAGE_FULL: 507,
};

/** The HTTP status an error code maps to. */
export function statusFor(code: ErrorCode): ContentfulStatusCode {
  return STATUS_BY_CODE[code] ?? 500;
}

/** Sends `{ "error": { "code", "message" } }` with the status the code maps to. */
export function sendError(c: Context, error: StarlError, status: ContentfulStatusCode = statusFor(error.code)): Response {
  // The "file:line: message" a terminal user sees; the code and the field have keys of their own, so a
  // page can show the message as it is and put it beside the field.
  const at = [error.where?.file, error.where?.line].filter((part) => part !== undefined).join(':');
  const field = error.where?.field ? { field: error.where.field } : {};
  return c.json({ error: { code: error.code, message: `${at ? `${at}: ` : ''}${error.message}`, ...field } }, status);
}

/**
 * Turns anything thrown while handling a request into the API's error shape. Typed errors keep their
 * code and message; anything else is reported as internal without its details or stack.
 */
export function sendUnexpected(c: Context, error: unknown): Response {
  if (error instanceof StarlError) return sendError(c, error);
  return sendError(c, new StarlError('E_INTERNAL', 'Starl failed to handle this request; the server log has the details.'), 500);
}
