import { StarlError } from '../core/errors.js';
import { MAX_NAME_LENGTH } from './limits.js';
import { printable } from './printable.js';

/** Characters that show as nothing: zero-width space, joiners and non-joiner, word joiner, BOM, Mongolian vowel separator. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u180e]/g;

/** A UTF-16 surrogate without its other half, which no encoding can store. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A name or title as it is kept and compared: NFC, so "Café" typed two ways is one company; without
 * invisible characters, controls or bidirectional overrides, which would make one name look like
 * another; spaces collapsed and trimmed.
 */
export function tidyName(text: string): string {
  return printable(text.normalize('NFC')).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * A name or title checked and tidied (see {@link tidyName}): a lone surrogate, a name with nothing
 * left once tidied, or one over `max` characters is a typed error naming the field.
 *
 * @example
 * cleanName('Cafe\u0301\u200b', 'name'); // → 'Café'
 */
export function cleanName(text: string, field: string, max: number = MAX_NAME_LENGTH): string {
  if (LONE_SURROGATE.test(text)) {
    throw new StarlError('E_INPUT_BAD_FIELD', `the ${field} has a broken character (half of a UTF-16 surrogate pair)`, { field });
  }
  const name = tidyName(text);
  if (!name) throw new StarlError('E_INPUT_BAD_FIELD', `the ${field} is empty once invisible characters are removed`, { field });
  if (name.length > max) throw new StarlError('E_INPUT_TOO_LONG', `the ${field} is ${name.length} characters; the limit is ${max}`, { field });
  return name;
}

/** Checks the length of a longer text (a fact, a source) against its limit, naming the field. */
export function assertLength(text: string, field: string, max: number): void {
  if (text.length > max) throw new StarlError('E_INPUT_TOO_LONG', `the ${field} is ${text.length} characters; the limit is ${max}`, { field });
}
