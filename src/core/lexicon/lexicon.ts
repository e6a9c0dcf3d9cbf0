import type { Span } from '../types.js';
import { allMatches } from '../text/matches.js';

/**
 * A lexicon as data: a one-line note of what it is for, and its entries. An entry is a phrase matched
 * case-insensitively on whole words; `*` at the end of a word matches any ending ("micromanag*"), and
 * `_` matches any one word ("no idea what _ _ doing"). A comma in the text between an entry's words is
 * skipped unless the entry spells it ("like," the filler); curly apostrophes match straight ones.
 */
export interface LexiconData {
  about: string;
  entries: string[];
}

/** A compiled lexicon: a word trie walked over the text's words, so cost grows with the text, not the entries. */
export interface Lexicon {
  readonly about: string;
  /** Every non-overlapping match, longest first at each place, as spans into `text`. */
  find(text: string): Span[];
  /** Whether any entry occurs in `text`. */
  test(text: string): boolean;
  /** The number of matches in `text`. */
  count(text: string): number;
}

interface Node {
  /** Which lexicons an entry ending here belongs to, one bit each. */
  end: number;
  words: Map<string, Node>;
  prefixes: [string, Node][];
  any: Node | null;
}

/** The stems of the entries that start with a wildcard word, by first letter, to skip most words at once. */
type StemIndex = Map<string, string[]>;

export interface Word extends Span {
  key: string;
}

const newNode = (): Node => ({ end: 0, words: new Map(), prefixes: [], any: null });
/** Words keep inner apostrophes and hyphens ("don't", "data-driven"); any other symbol (%, £, a comma) is a word of its own. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

const normalize = (word: string): string => word.toLowerCase().replace(/’/g, "'");

/** Remembers the last two results: analysis reads the answer and, in between, a sentence of it. */
function memo<T>(compute: (text: string) => T): (text: string) => T {
  const recent: [string, T][] = [];
  return (text) => {
    const hit = recent.find(([t]) => t === text);
    if (hit) return hit[1];
    const value = compute(text);
    recent.unshift([text, value]);
    recent.length = Math.min(recent.length, 2);
    return value;
  };
}

/** The words of a text, lower-cased with straight apostrophes; symbols are words of their own. */
export const wordsOf = memo((text: string): Word[] => {
  const words: Word[] = [];
  for (const m of allMatches(WORD, text)) words.push({ key: normalize(m[0]), start: m.index, end: m.index + m[0].length });
  return words;
});

function insert(root: Node, entry: string, bit: number): void {
  let node = root;
  const parts = [...entry.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*\*?|_|[^\s\p{L}\p{N}_]/gu)].map((m) => normalize(m[0]));
  if (parts.length === 0) return;
  for (const part of parts) {
    if (part === '_') {
      node.any ??= newNode();
      node = node.any;
    } else if (part.endsWith('*') && part.length > 1) {
      const stem = part.slice(0, -1);
      let next = node.prefixes.find(([s]) => s === stem)?.[1];
      if (!next) {
        next = newNode();
        node.prefixes.push([stem, next]);
      }
      node = next;
    } else {
      let next = node.words.get(part);
      if (!next) {
        next = newNode();
        node.words.set(part, next);
      }
      node = next;
    }
  }
  node.end |= bit;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/**
 * Walks the trie from word `from`, recording in `ends[k]` the index after the longest entry of lexicon `k`
 * that starts there: a depth-first walk, one per starting word for every lexicon at once. Returns the
 * bits of the lexicons it recorded, so the caller looks only at those.
 */
function walk(root: Node, node: Node, words: Word[], from: number, at: number, afterComma: boolean, ends: Int32Array): number {
  let found = 0;
  if (node.end && at > from && !afterComma) {
    found = node.end;
    for (let k = 0, bits = node.end; bits; k++, bits >>>= 1) if (bits & 1 && ends[k]! < at) ends[k] = at;
  }
  const word = words[at];
  if (!word) return found;
  const exact = node.words.get(word.key);
  if (exact) found |= walk(root, exact, words, from, at + 1, false, ends);
  // A comma inside a phrase is skipped unless the entry spells it ("like," the filler).
  else if (word.key === ',' && node !== root) found |= walk(root, node, words, from, at + 1, true, ends);
  for (const [stem, next] of node.prefixes) if (word.key.startsWith(stem)) found |= walk(root, next, words, from, at + 1, false, ends);
  if (node.any && LETTER_OR_DIGIT.test(word.key)) found |= walk(root, node.any, words, from, at + 1, false, ends);
  return found;
}

/** Whether an entry can start at this word: a cheap test that skips most words of an answer. */
function canStart(root: Node, stems: StemIndex, key: string): boolean {
  if (root.words.has(key) || root.any) return true;
  const candidates = stems.get(key[0] ?? '');
  if (candidates) for (const stem of candidates) if (key.startsWith(stem)) return true;
  return false;
}

/**
 * Compiles several lexicons into one shared word trie, so one walk over an answer's words finds every
 * lexicon's matches; each lexicon still reports its own non-overlapping, longest-first matches.
 */
export function compileLexicons<K extends string>(lexicons: Record<K, LexiconData>): Record<K, Lexicon> {
  const names = Object.keys(lexicons) as K[];
  if (names.length > 31) throw new Error('at most 31 lexicons share one trie');
  const root = newNode();
  names.forEach((name, k) => {
    for (const entry of lexicons[name].entries) insert(root, entry, 1 << k);
  });
  const stems: StemIndex = new Map();
  for (const [stem] of root.prefixes) stems.set(stem[0]!, [...(stems.get(stem[0]!) ?? []), stem]);
  // Scratch space for every scan, allocated once: a scan never starts another, and typed arrays are slow to allocate.
  const free = new Int32Array(names.length);
  const ends = new Int32Array(names.length);
  const scan = memo((text: string): Span[][] => {
    const words = wordsOf(text);
    const found: Span[][] = names.map(() => []);
    free.fill(0);
    for (let i = 0; i < words.length; i++) {
      if (!canStart(root, stems, words[i]!.key)) continue;
      ends.fill(-1);
      const matched = walk(root, root, words, i, i, false, ends);
      for (let k = 0; matched >>> k; k++) {
        if (!((matched >>> k) & 1) || i < free[k]!) continue;
        found[k]!.push({ start: words[i]!.start, end: words[ends[k]! - 1]!.end });
        free[k] = ends[k]!;
      }
    }
    return found;
  });
  return Object.fromEntries(
    names.map((name, k) => {
      const find = (text: string): Span[] => scan(text)[k]!;
      const lexicon: Lexicon = { about: lexicons[name].about, find, test: (text) => find(text).length > 0, count: (text) => find(text).length };
      return [name, lexicon];
    }),
  ) as Record<K, Lexicon>;
}

/** Compiles one lexicon on its own. */
export function compileLexicon(data: LexiconData): Lexicon {
  return compileLexicons({ lexicon: data }).lexicon;
}
