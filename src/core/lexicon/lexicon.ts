import type { Span } from '../types.js';

/**
 * A lexicon as data: a one-line note of what it is for, and its entries. An entry is a phrase matched
 * case-insensitively on word boundaries; `*` at the end of a word matches any ending ("micromanag*"),
 * and `_` matches any one word ("a _ like"). Curly apostrophes in the text match straight ones.
 */
export interface LexiconData {
  about: string;
  entries: string[];
}

/** A compiled lexicon: one regular expression over all entries, longest first. */
export interface Lexicon {
  readonly about: string;
  /** Every non-overlapping match, as spans into `text`. */
  find(text: string): Span[];
  /** Whether any entry occurs in `text`. */
  test(text: string): boolean;
  /** The number of matches in `text`. */
  count(text: string): number;
}

const WORD_END = "(?![\\w'’-])";
const WORD_START = "(?<![\\w'’-])";

function entryPattern(entry: string): string {
  return entry
    .trim()
    .split(/\s+/)
    .map((word) => {
      if (word === '_') return "[\\w'’-]+";
      const stem = word.endsWith('*') ? word.slice(0, -1) : word;
      const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
      return word.endsWith('*') ? `${escaped}[\\w'’-]*` : escaped;
    })
    .join('[\\s,]+');
}

/** Compiles a lexicon's entries into one matcher. */
export function compileLexicon(data: LexiconData): Lexicon {
  const entries = [...new Set(data.entries.map((e) => e.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const source = `${WORD_START}(?:${entries.map(entryPattern).join('|')})${WORD_END}`;
  const pattern = new RegExp(source, 'giu');
  const find = (text: string): Span[] => {
    const spans: Span[] = [];
    for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length });
    return spans;
  };
  return {
    about: data.about,
    find,
    test: (text) => {
      pattern.lastIndex = 0;
      const found = pattern.test(text);
      pattern.lastIndex = 0;
      return found;
    },
    count: (text) => find(text).length,
  };
}
