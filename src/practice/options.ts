import { StarlError } from '../core/errors.js';

/**
 * Parses a command-line whole number (a session id, a count, a seed) with an error naming the option.
 *
 * @example parseWholeNumber('3', '--count', 1) // 3
 */
export function parseWholeNumber(value: string, option: string, minimum = 1): number {
  const number = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < minimum) {
    throw new StarlError('E_USAGE', `${option} must be a whole number${minimum === 1 ? ' of at least 1' : ''}, not "${value}"`, {
      field: option,
    });
  }
  return number;
}

/** Splits a comma-separated option value into trimmed, non-empty items. */
export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
