import { tokenize } from '../core/text/nlp.js';

/**
 * A word's root for matching: its lemma, then plural and tense endings the lemmatiser leaves (it
 * reads "clashing" as a noun and keeps "coworkers" whole) removed, a doubled last consonant and a
 * final "e" dropped. Both sides of a match go through it, so "disagreed", "disagree" and
 * "disagrees" meet, as do "mediated" and "mediate".
 *
 * @example root('coworkers') // 'coworker'
 */
export function root(lemma: string): string {
  let word = lemma.toLowerCase();
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) word = word.slice(0, -3);
  else if (word.length > 4 && word.endsWith('ed')) word = word.slice(0, -2);
  else if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) word = word.slice(0, -1);
  if (word.length > 3 && /([bdfgkmnprtvz])\1$/.test(word)) word = word.slice(0, -1);
  if (word.length > 3 && word.endsWith('e')) word = word.slice(0, -1);
  return word;
}

/** One word of a text: its root, its part of speech and the word as written (lower-cased). */
export interface RootWord {
  root: string;
  pos: string;
  text: string;
}

/** The words of a text (no punctuation, numbers or symbols) as roots, in order. */
export function rootWords(text: string): RootWord[] {
  return tokenize(text)
    .filter((token) => token.type === 'word')
    .map((token) => ({ root: root(token.lemma || token.lower), pos: token.pos, text: token.lower }));
}

/** The roots of a text joined by spaces and padded, so a phrase is found with `includes(' … ')`. */
export function rootLine(text: string): string {
  return ` ${rootWords(text)
    .map((word) => word.root)
    .join(' ')} `;
}
