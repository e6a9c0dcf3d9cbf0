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

let nlp: ReturnType<typeof winkNLP> | null = null;

/**
 * wink-nlp with the lite English model, loaded once on first use so that importing the core is cheap.
 * Only the tagger and the entity recogniser run: Starl splits sentences by the guide's own rule and has
 * no use for wink's sentiment or negation, and leaving them out makes each parse about a fifth faster.
 */
function engine(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['pos', 'ner']);
  return nlp;
}

/**
 * Tokenizes and tags `text` in one wink-nlp pass, mapping every token back to its UTF-16 offsets,
 * because wink reports only token texts and the spaces before them.
 */
export function tokenize(text: string): Token[] {
  // wink's typings do not cover every `its` helper on `out`; one narrow view of a collection serves both.
  const its = engine().its as unknown as Record<'span' | 'type' | 'lemma' | 'pos', unknown>;
  const doc = engine().readDoc(text) as unknown as WinkDoc;
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
