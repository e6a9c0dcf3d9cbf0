/** Checks of the values a caller passes to the bank's queries and plans, refused as usage errors. */
import { StarlError } from '../core/errors.js';

/** `value` when it is one of `allowed`; else an `E_USAGE` error naming the field and the choices. */
export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], what: string, field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new StarlError('E_USAGE', `Unknown ${what} ${JSON.stringify(value)}; use one of: ${allowed.join(', ')}`, { field });
}

/** `value` when it is a whole number of at least `minimum`; else an `E_USAGE` error naming the field. */
export function requireWholeNumber(value: unknown, field: string, minimum: number): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum) return value;
  const wanted = minimum === 1 ? 'a whole number of at least 1' : 'a whole number';
  const got = typeof value === 'number' ? String(value) : JSON.stringify(value);
  throw new StarlError('E_USAGE', `The ${field} must be ${wanted}, got ${got}`, { field });
}
