import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from '../types.js';

/** One token of the answer with its offsets, universal part of speech and lemma. */
export interface Token extends Span {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  /** wink's token type: word, number, punctuation, emoji, currency, ... */
  type: string;
  /** The entity type (DATE, CARDINAL, PERCENT, MONEY, ORDINAL, DURATION, TIME, ...) when the token is in one. */
  entity: string | null;
}

/** wink sometimes keeps "I'm" or "we've" whole (as a proper noun); the analysis needs the pronoun apart. */
const CONTRACTION = /^(I|you|we|they|he|she|it|that|there|who)(['’](?:m|ve|d|ll|re|s))$/i;
const AUX_LEMMA: Record<string, string> = { m: 'be', ve: 'have', d: 'would', ll: 'will', re: 'be', s: 'be' };

function splitContraction(match: RegExpExecArray, start: number, entity: string | null): Token[] {
  const [, pronoun, suffix] = match as unknown as [string, string, string];
  const at = start + pronoun.length;
  return [
    { text: pronoun, lower: pronoun.toLowerCase(), lemma: pronoun.toLowerCase(), pos: 'PRON', type: 'word', entity, start, end: at },
    { text: suffix, lower: suffix.toLowerCase(), lemma: AUX_LEMMA[suffix.slice(1).toLowerCase()]!, pos: 'AUX', type: 'word', entity, start: at, end: at + suffix.length },
  ];
}

interface WinkCollection {
  out(helper?: unknown): unknown;
}
interface WinkDoc {
  entities(): WinkCollection;
  tokens(): WinkCollection;
}

/** The part of wink's vocabulary that grows as it reads: every word the model lacks is added to it. */
interface Lexemes {
  hash: Record<string, number>;
  list: string[];
  index: number;
  intrinsicSize: number;
}

/**
 * Words new to the model that the vocabulary may hold before wink is loaded afresh (about 150 ms).
 * 200,000 of them take a few megabytes; a batch adds about seven a line, so it reloads every 30,000 lines.
 */
const MAX_NEW_WORDS = 200_000;

let nlp: ReturnType<typeof winkNLP> | null = null;
let lexemes: Lexemes | null = null;
/** Where the words added by the parse in progress start in `lexemes.list`. */
let firstNew = 0;

/**
 * wink-nlp with the lite English model, loaded once on first use so that importing the core is cheap.
 * Only the tagger and the entity recogniser run: Starl splits sentences by the guide's own rule and has
 * no use for wink's sentiment or negation, and leaving them out makes each parse about a fifth faster.
 */
function engine(): ReturnType<typeof winkNLP> {
  forgetNewWords();
  if (nlp && lexemes && lexemes.index - lexemes.intrinsicSize > MAX_NEW_WORDS) nlp = null;
  if (!nlp) {
    // wink reads its vocabulary from the object `core()` returns; it is kept to forget words (below).
    const core = model.core as unknown as () => { features: { lexeme: Lexemes } };
    nlp = winkNLP({ ...model, core: () => {
      const loaded = core();
      lexemes = loaded.features.lexeme;
      return loaded;
    } } as typeof model, ['pos', 'ner']);
  }
  firstNew = lexemes!.index;
  return nlp;
}

/**
 * Forgets the words the last parse added to wink's vocabulary, before the next parse starts. wink
 * tokenizes a word it has met before differently ("master's" stays whole once seen before a full stop,
 * and is tagged a name), so without this the same answer would be judged differently after others.
 * Their entries stay in the list, as that parse's tokens point at them; only the lookup by text goes.
 */
function forgetNewWords(): void {
  if (!lexemes) return;
  for (let i = firstNew; i < lexemes.index; i++) {
    const word = lexemes.list[i]!;
    if (lexemes.hash[word] === i) delete lexemes.hash[word];
  }
}

/**
 * Tokenizes and tags `text` in one wink-nlp pass, mapping every token back to its UTF-16 offsets,
 * because wink reports only token texts and the spaces before them.
 */
export function tokenize(text: string): Token[] {
  // wink's typings do not cover every `its` helper on `out`; one narrow view of a collection serves both.
  const wink = engine();
  const its = wink.its as unknown as Record<'span' | 'type' | 'lemma' | 'pos', unknown>;
  const doc = wink.readDoc(text) as unknown as WinkDoc;
  // Whole-collection reads are cheaper than one read per token.
  const words = doc.tokens();
  const values = words.out() as string[];
  const lemmas = words.out(its.lemma) as string[];
  const tags = words.out(its.pos) as string[];
  const kinds = words.out(its.type) as string[];
  const entities = doc.entities();
  const entityOf = new Map<number, string>();
  const spans = entities.out(its.span) as [number, number][];
  const entityTypes = entities.out(its.type) as string[];
  spans.forEach(([first, last], i) => {
    for (let t = first; t <= last; t++) entityOf.set(t, entityTypes[i]!);
  });
  const tokens: Token[] = [];
  let cursor = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    const at = text.indexOf(value, cursor);
    const start = at >= 0 ? at : cursor;
    const end = at >= 0 ? at + value.length : cursor;
    cursor = end;
    const entity = entityOf.get(index) ?? null;
    const contraction = CONTRACTION.exec(value);
    if (contraction) {
      tokens.push(...splitContraction(contraction, start, entity));
      continue;
    }
    tokens.push({ text: value, lower: value.toLowerCase(), lemma: lemmas[index]!.toLowerCase(), pos: tags[index]!, type: kinds[index]!, entity, start, end });
  }
  return tokens;
}
