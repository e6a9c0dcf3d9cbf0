import type { Span } from '../types.js';
import { allMatches } from './matches.js';

/**
 * A sentence ends at ".", "?", "!" or "…" (with any closing quotes or brackets) followed by white space,
 * and at a line break: the labelling guide's rule, so our spans line up with labelled ones.
 */
const SENTENCE_END = /[.?!…]+["'”’)\]]*(?=\s)|\n/g;

/**
 * A full stop that ends an abbreviation, not a sentence: titles ("Dr. Patel"), Latin shorthands ("e.g.",
 * "etc. and"), dotted initials ("U.S.", "3 a.m."), "No. 5". A shorthand that closes the sentence
 * ("…at 3 a.m. The next day…") still ends it when a capitalised word follows, except after a title.
 */
const TITLE = /(?:^|[\s(])(?:mr|mrs|ms|dr|prof|st|mt|vs|approx|dept)\.$/i;
const NUMBER_SIGN = /(?:^|[\s(])no\.$/i;
const SHORTHAND = /(?:^|[\s(])(?:e\.g|i\.e|etc|cf|a\.m|p\.m|(?:[a-z]\.){1,3}[a-z])\.$/i;

function endsAbbreviation(text: string, end: number): boolean {
  const before = text.slice(Math.max(0, end - 12), end);
  if (TITLE.test(before)) return /^\s+[\p{Lu}\d]/u.test(text.slice(end, end + 3));
  if (NUMBER_SIGN.test(before)) return /^\s+\d/.test(text.slice(end, end + 3));
  return SHORTHAND.test(before) && !/^\s+\p{Lu}/u.test(text.slice(end, end + 3));
}

/** Splits an answer into trimmed sentence spans, in order, covering every non-space character. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  const push = (end: number): void => {
    const span = trim(text, from, end);
    if (span) spans.push(span);
  };
  for (const match of allMatches(SENTENCE_END, text)) {
    const end = match.index + match[0].length;
    if (match[0] === '.' && endsAbbreviation(text, end)) continue;
    push(end);
    from = end;
  }
  push(text.length);
  return spans;
}

/** Long spoken run-ons are split into clauses at discourse joins so each part can take its own label. */
const RUN_ON_JOIN = /,?\s+(?:and then|and so|so then|but then|and after that|after that|and in the end|and now)\s+/gi;
/** A run-on is longer than this many words; shorter sentences keep one label, as the guide asks. */
const RUN_ON_WORDS = 45;

/** Splits a sentence span into clause spans when it is a long spoken run-on; otherwise returns it whole. */
export function splitRunOn(text: string, span: Span): Span[] {
  const body = text.slice(span.start, span.end);
  if (countWords(body) <= RUN_ON_WORDS) return [span];
  const parts: Span[] = [];
  let from = span.start;
  for (const match of allMatches(RUN_ON_JOIN, body)) {
    const at = span.start + match.index;
    if (countWords(text.slice(from, at)) >= 8) {
      const part = trim(text, from, at + (match[0].startsWith(',') ? 1 : 0));
      if (part) parts.push(part);
      from = at + (match[0].startsWith(',') ? 1 : 0);
    }
  }
  const last = trim(text, from, span.end);
  if (last) parts.push(last);
  return parts;
}

/** Counts words as the guide does: maximal runs of non-space characters. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || (code > 127 && WHITE_SPACE.test(text[i]!));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

const WHITE_SPACE = /\s/;

function trim(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
