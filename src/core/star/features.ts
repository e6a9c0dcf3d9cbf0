import type { Document, Sentence, Clause } from '../text/document.js';
import { toldAction, type SentenceCues } from '../facts.js';
import type { Features } from '../model/linear.js';
import { verbClass } from './verb-class.js';
import markers from './markers.json' with { type: 'json' };

/** Marker phrases with their category, longest first so "so then" wins over "so". */
const MARKERS: [string, string][] = Object.entries(markers)
  .filter(([category]) => category !== 'about')
  .flatMap(([category, phrases]) => (phrases as string[]).map((p): [string, string] => [p, category]))
  .sort((a, b) => b[0].length - a[0].length);

/** Subordinators that open a clause setting the scene for the main one ("When I joined, …"). */
const SUBORDINATE_START = /^\W*(back when|when|while|as|after|before|since|because|once|if|although|though|until)\b/i;
/** Words that place a sentence in the speaker's present: the reflection after a story. */
const NOW = /\b(now|today|these days|nowadays|ever since|since then|anymore|any more|going forward|from then on|still)\b/i;
/** Words that place a sentence at one past time: the scene of a story. */
const THEN = /\b(ago|last (year|month|week|summer|winter|spring|autumn|fall)|in (19|20)\d\d|at the time|back then|that (year|summer|winter|day|night|week|month|morning)|one (day|night|morning|evening|afternoon|shift|weekend))\b/i;
/** Comparison words: a result is usually said as a change ("faster", "fewer complaints"). */
const COMPARISON = /\b(more|less|fewer|faster|slower|higher|lower|better|worse|cheaper|quicker|bigger|smaller|shorter|longer|than|instead of|double|half|twice)\b/i;
const NEGATION = /\b(not|n't|never|no|nobody|nothing|none)\b/i;
const FIRST_PERSON_OBJECT = /\b(me|my|myself|mine)\b/i;

const flag = (b: boolean): number => (b ? 1 : 0);

const PREFIXED = new Map<string, Map<string, string>>();
/**
 * `${prefix}${name}`, made once per pair: the same few hundred feature names recur in every sentence, and
 * a fresh string per use must be hashed again each time it becomes a key.
 */
function joined(prefix: string, name: string): string {
  let names = PREFIXED.get(prefix);
  if (!names) PREFIXED.set(prefix, (names = new Map()));
  let full = names.get(name);
  if (full === undefined) names.set(name, (full = prefix + name));
  return full;
}

/** The clause a sentence is about: the first one after an opening "When…, " clause, else the first. */
function mainClause(sentence: Sentence, opensSubordinate: boolean): Clause | undefined {
  const [first, second] = sentence.clauses;
  return opensSubordinate && second ? second : first;
}

/** Tense and aspect of a clause, as one of a few names the model can weigh. */
function tenseOf(c: Clause | undefined): string {
  if (!c) return 'none';
  if (c.modal) return 'modal';
  if (c.perfect) return 'pastPerfect';
  if (c.presentPerfect) return 'presentPerfect';
  if (c.progressive) return c.progressive === 'past' ? 'pastProgressive' : 'presentProgressive';
  if (c.passive) return c.past ? 'pastPassive' : 'presentPassive';
  return c.past ? 'past' : 'present';
}

/** The marker phrases by their first letter, still longest first: a sentence is tried only against its own letter's. */
const MARKERS_BY_LETTER = new Map<string, [string, string][]>();
for (const marker of MARKERS) {
  const letter = marker[0].charAt(0);
  MARKERS_BY_LETTER.set(letter, [...(MARKERS_BY_LETTER.get(letter) ?? []), marker]);
}

/** The category of the discourse marker that opens the sentence, if any ("In the end" → outcome). */
function openingMarker(sentence: Sentence): string | null {
  const start = sentence.text
    .slice(0, 60)
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/^[^a-z]+/, '')
    .replace(/^(and|but|so|um|uh|like|yeah|well|okay|ok),?\s+(?=\w)/, (m) => (m.startsWith('so') || m.startsWith('but') ? m : ''));
  for (const [phrase, category] of MARKERS_BY_LETTER.get(start.charAt(0)) ?? []) {
    if (start.startsWith(phrase) && !/[a-z]/.test(start.charAt(phrase.length))) return category;
  }
  return null;
}

/**
 * One sentence's features as parallel lists, in the order they were added and each name once. The weights
 * are summed in this order, so the scores stay the same to the last bit; lists are also far cheaper to
 * build and walk than objects with a hundred keys each.
 */
export interface FeatureRow {
  names: string[];
  values: number[];
}

/** What one sentence shows on its own, as names of features worth 1: who acts, in which tense, with which kind of verb, and its cues. */
function ownFeatures(doc: Document, sentence: Sentence, cues: SentenceCues): string[] {
  const names: string[] = [];
  const opensSubordinate = SUBORDINATE_START.test(sentence.text);
  const main = mainClause(sentence, opensSubordinate);
  const subject = main ? main.subject : 'none';
  const tense = tenseOf(main);
  const kind = main ? (main.stative ? 'stative' : verbClass(main.verb.lemma) ?? 'unknown') : 'none';
  const subj = joined('subj:', subject);
  const tenseName = joined('tense:', tense);
  const verbName = joined('verb:', kind);
  names.push(subj, tenseName, verbName, joined(subj, joined('|', tenseName)), joined(subj, joined('|', verbName)), joined(tenseName, joined('|', verbName)));
  if (main?.outcome) names.push(joined('outcomeVerb|', subj));
  for (const c of sentence.clauses) {
    if (c === main) continue;
    // Two other clauses may share a subject and a tense; the feature is counted once.
    const name = joined(joined('any:', c.subject), joined('|', tenseOf(c)));
    if (!names.includes(name)) names.push(name);
  }
  if (opensSubordinate) names.push('opensSubordinate');
  const marker = openingMarker(sentence);
  if (marker) names.push(joined('marker:', marker));
  for (const name in cues) if (cues[name as keyof SentenceCues]) names.push(joined('cue:', name));
  if (NOW.test(sentence.text)) names.push('time:now');
  if (THEN.test(sentence.text)) names.push('time:then');
  if (COMPARISON.test(sentence.text)) names.push('comparison');
  if (NEGATION.test(sentence.text)) names.push('negation');
  if (FIRST_PERSON_OBJECT.test(sentence.text)) names.push('firstPersonObject');
  const entities = new Set(sentence.tokens.map((t) => t.entity).filter((e): e is string => e !== null));
  for (const e of entities) names.push(joined('entity:', e));
  if (sentence.tokens.some((t) => t.type === 'number')) names.push('number');
  if (doc.measured.some((m) => m.start >= sentence.start && m.start < sentence.end)) names.push('measuredChange');
  if (sentence.text.trim().endsWith('?')) names.push('question');
  return names;
}

/** A feature's names as the first sentence's and as a neighbour's, made once per name; `single` is whether it is no conjunction (no `|`). */
interface Echoes {
  single: boolean;
  first: string;
  prev: string;
  next: string;
}
const ECHOES = new Map<string, Echoes>();
function echoesOf(name: string): Echoes {
  let echoes = ECHOES.get(name);
  if (!echoes) ECHOES.set(name, (echoes = { single: !name.includes('|'), first: `first|${name}`, prev: `prev:${name}`, next: `next:${name}` }));
  return echoes;
}

/**
 * The features of every sentence of a story, for the STAR(L) sequence model: each sentence's own evidence,
 * where it stands in the answer, and its neighbours' evidence (a result follows an action; a learning
 * closes a story) and what the question asks about, so the model weighs context it learned rather than
 * rules written for one phrasing.
 */
export function storySentenceFeatures(doc: Document, cues: SentenceCues[], topics: readonly string[] = []): Features[] {
  return storySentenceRows(doc, cues, topics).map(({ names, values }) => {
    const features: Features = {};
    names.forEach((name, j) => (features[name] = values[j]!));
    return features;
  });
}

/** `storySentenceFeatures` as feature rows, the form the sequence model reads. */
export function storySentenceRows(doc: Document, cues: SentenceCues[], topics: readonly string[] = []): FeatureRow[] {
  const n = doc.sentences.length;
  const own = doc.sentences.map((s, i) => ownFeatures(doc, s, cues[i]!));
  // What the question asks for shapes the story: in a failure story the mistake is told as an action.
  for (const names of own) {
    const subj = names[0]!;
    for (const topic of topics) {
      const asked = joined('q:', topic);
      names.push(joined(`${asked}|`, subj), asked);
    }
  }
  // Each sentence's names as they recur in the first sentence and in its neighbours, looked up once.
  const echoes = own.map((names) => names.map(echoesOf));
  // Where the candidate first acts splits a story: what others do before it is the scene, after it the outcome.
  const firstAct = cues.findIndex(toldAction);
  return own.map((f, i) => {
    const at = n > 1 ? i / (n - 1) : 0.5;
    const words = doc.sentences[i]!.words;
    const names = ['bias', 'at', 'atSquared', 'first', 'second', 'last', 'oneSentence', 'fewSentences', 'longSentence', 'shortSentence', ...f];
    const values = [1, at, at * at, flag(i === 0), flag(i === 1), flag(i === n - 1 && n > 1), flag(n === 1), flag(n <= 3), flag(words > 30), flag(words < 8)];
    for (let j = values.length; j < names.length; j++) values.push(1);
    const add = (name: string): void => {
      names.push(name);
      values.push(1);
    };
    const pivot = firstAct < 0 ? 'pivot:none' : i < firstAct ? 'pivot:before' : i === firstAct ? 'pivot:at' : 'pivot:after';
    // Joined with who acts and the tense (a sentence's first two own features): "the client complained"
    // before the candidate acts, "she renewed" after.
    add(pivot);
    add(joined(pivot, joined('|', f[0]!)));
    add(joined(pivot, joined('|', f[1]!)));
    if (i === 0) for (const echo of echoes[i]!) add(echo.first);
    for (const echo of echoes[i - 1] ?? []) if (echo.single) add(echo.prev);
    for (const echo of echoes[i + 1] ?? []) if (echo.single) add(echo.next);
    return { names, values };
  });
}
