import { StarlError, type ErrorWhere } from '../core/errors.js';

/** A size as people read it: "512 bytes", "64 KB", "1.5 MB" (binary units, one decimal at most). */
export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

/** `the transcript is 50 MB; the limit is 5 MB`; `size` is null when only "more than the limit" is known. */
export function tooLargeError(what: string, size: number | null, limit: number, where?: ErrorWhere): StarlError {
  // "is 1 MB; the limit is 1 MB" would read as no problem at all.
  const actual = size === null || describeSize(size) === describeSize(limit) ? `more than ${describeSize(limit)}` : describeSize(size);
  return new StarlError('E_INPUT_TOO_LONG', `the ${what} is ${actual}; the limit is ${describeSize(limit)}`, where);
}
