import type { Span } from '../types.js';

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
  end: boolean;
  words: Map<string, Node>;
  prefixes: [string, Node][];
  any: Node | null;
}

/** The stems of the entries that start with a wildcard word, by first letter, to skip most words at once. */
type StemIndex = Map<string, string[]>;

interface Word extends Span {
  key: string;
}

const newNode = (): Node => ({ end: false, words: new Map(), prefixes: [], any: null });
/** Words keep inner apostrophes and hyphens ("don't", "data-driven"); any other symbol (%, £, a comma) is a word of its own. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

const normalize = (word: string): string => word.toLowerCase().replace(/’/g, "'");

let lastText: string | null = null;
let lastWords: Word[] = [];

/** The words of a text, remembered for the last text because every lexicon reads the same answer in turn. */
function wordsOf(text: string): Word[] {
  if (text === lastText) return lastWords;
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) words.push({ key: normalize(m[0]), start: m.index, end: m.index + m[0].length });
  lastText = text;
  lastWords = words;
  return words;
}

function insert(root: Node, entry: string): void {
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
  node.end = true;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** The index after the longest entry that starts at word `from` (below: `at`), or -1: a depth-first walk of the trie. */
function longestFrom(root: Node, node: Node, words: Word[], from: number, at: number, afterComma: boolean): number {
  let best = node.end && at > from && !afterComma ? at : -1;
  const word = words[at];
  if (!word) return best;
  const exact = node.words.get(word.key);
  if (exact) best = Math.max(best, longestFrom(root, exact, words, from, at + 1, false));
  // A comma inside a phrase is skipped unless the entry spells it ("like," the filler).
  else if (word.key === ',' && node !== root) best = Math.max(best, longestFrom(root, node, words, from, at + 1, true));
  for (const [stem, next] of node.prefixes) if (word.key.startsWith(stem)) best = Math.max(best, longestFrom(root, next, words, from, at + 1, false));
  if (node.any && LETTER_OR_DIGIT.test(word.key)) best = Math.max(best, longestFrom(root, node.any, words, from, at + 1, false));
  return best;
}

/** Whether an entry can start at this word: a cheap test that skips most words of an answer. */
function canStart(root: Node, stems: StemIndex, key: string): boolean {
  if (root.words.has(key) || root.any) return true;
  const candidates = stems.get(key[0] ?? '');
  if (candidates) for (const stem of candidates) if (key.startsWith(stem)) return true;
  return false;
}

/** Compiles a lexicon's entries into one word trie. */
export function compileLexicon(data: LexiconData): Lexicon {
  const root = newNode();
  for (const entry of data.entries) insert(root, entry);
  const stems: StemIndex = new Map();
  for (const [stem] of root.prefixes) stems.set(stem[0]!, [...(stems.get(stem[0]!) ?? []), stem]);
  const find = (text: string): Span[] => {
    const words = wordsOf(text);
    const spans: Span[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (!canStart(root, stems, word.key)) continue;
      const end = longestFrom(root, root, words, i, i, false);
      if (end < 0) continue;
      spans.push({ start: word.start, end: words[end - 1]!.end });
      i = end - 1;
    }
    return spans;
  };
  return { about: data.about, find, test: (text) => find(text).length > 0, count: (text) => find(text).length };
}
