import type { Span } from '../types.js';

/**
 * A sentence ends at ".", "?", "!" or "…" (with any closing quotes or brackets) followed by white space,
 * and at a line break: the labelling guide's rule, so our spans line up with labelled ones.
 */
const SENTENCE_END = /[.?!…]+["'”’)\]]*(?=\s)|\n/g;

/** Splits an answer into trimmed sentence spans, in order, covering every non-space character. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  const push = (end: number): void => {
    const span = trim(text, from, end);
    if (span) spans.push(span);
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
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
  for (const match of body.matchAll(RUN_ON_JOIN)) {
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
