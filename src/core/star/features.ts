import type { Document, Sentence, Clause } from '../text/document.js';
import type { SentenceCues } from '../facts.js';
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
function mainClause(sentence: Sentence): Clause | undefined {
  const [first, second] = sentence.clauses;
  return SUBORDINATE_START.test(sentence.text) && second ? second : first;
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

/** The category of the discourse marker that opens the sentence, if any ("In the end" → outcome). */
function openingMarker(sentence: Sentence): string | null {
  const start = sentence.text
    .slice(0, 60)
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/^[^a-z]+/, '')
    .replace(/^(and|but|so|um|uh|like|yeah|well|okay|ok),?\s+(?=\w)/, (m) => (m.startsWith('so') || m.startsWith('but') ? m : ''));
  for (const [phrase, category] of MARKERS) {
    if (start.startsWith(phrase) && !/[a-z]/.test(start.charAt(phrase.length))) return category;
  }
  return null;
}

/** What one sentence shows on its own: who acts, in which tense, with which kind of verb, and its cues. */
function ownFeatures(doc: Document, sentence: Sentence, cues: SentenceCues): Features {
  const f: Features = {};
  const main = mainClause(sentence);
  const subject = main ? main.subject : 'none';
  const tense = tenseOf(main);
  const kind = main ? (main.stative ? 'stative' : verbClass(main.verb.lemma) ?? 'unknown') : 'none';
  const subj = joined('subj:', subject);
  const tenseName = joined('tense:', tense);
  const verbName = joined('verb:', kind);
  f[subj] = 1;
  f[tenseName] = 1;
  f[verbName] = 1;
  f[joined(subj, joined('|', tenseName))] = 1;
  f[joined(subj, joined('|', verbName))] = 1;
  f[joined(tenseName, joined('|', verbName))] = 1;
  if (main?.outcome) f[joined('outcomeVerb|', subj)] = 1;
  for (const c of sentence.clauses) {
    if (c === main) continue;
    f[joined(joined('any:', c.subject), joined('|', tenseOf(c)))] = 1;
  }
  if (SUBORDINATE_START.test(sentence.text)) f['opensSubordinate'] = 1;
  const marker = openingMarker(sentence);
  if (marker) f[joined('marker:', marker)] = 1;
  for (const name in cues) if (cues[name as keyof SentenceCues]) f[joined('cue:', name)] = 1;
  if (NOW.test(sentence.text)) f['time:now'] = 1;
  if (THEN.test(sentence.text)) f['time:then'] = 1;
  if (COMPARISON.test(sentence.text)) f['comparison'] = 1;
  if (NEGATION.test(sentence.text)) f['negation'] = 1;
  if (FIRST_PERSON_OBJECT.test(sentence.text)) f['firstPersonObject'] = 1;
  const entities = new Set(sentence.tokens.map((t) => t.entity).filter((e): e is string => e !== null));
  for (const e of entities) f[joined('entity:', e)] = 1;
  if (sentence.tokens.some((t) => t.type === 'number')) f['number'] = 1;
  if (doc.measured.some((m) => m.start >= sentence.start && m.start < sentence.end)) f['measuredChange'] = 1;
  if (sentence.text.trim().endsWith('?')) f['question'] = 1;
  return f;
}

/**
 * The features of every sentence of a story, for the STAR(L) sequence model: each sentence's own evidence,
 * where it stands in the answer, and its neighbours' evidence (a result follows an action; a learning
 * closes a story) and what the question asks about, so the model weighs context it learned rather than
 * rules written for one phrasing.
 */
export function storySentenceFeatures(doc: Document, cues: SentenceCues[], topics: readonly string[] = []): Features[] {
  const n = doc.sentences.length;
  const own = doc.sentences.map((s, i) => ownFeatures(doc, s, cues[i]!));
  // What the question asks for shapes the story: in a failure story the mistake is told as an action.
  for (const f of own) {
    for (const topic of topics) {
      const asked = joined('q:', topic);
      for (const name of Object.keys(f)) if (name.startsWith('subj:') && !name.includes('|')) f[joined(`${asked}|`, name)] = 1;
      f[asked] = 1;
    }
  }
  return own.map((f, i) => {
    const at = n > 1 ? i / (n - 1) : 0.5;
    const words = doc.sentences[i]!.words;
    const out: Features = {
      bias: 1,
      at,
      atSquared: at * at,
      first: flag(i === 0),
      second: flag(i === 1),
      last: flag(i === n - 1 && n > 1),
      oneSentence: flag(n === 1),
      fewSentences: flag(n <= 3),
      longSentence: flag(words > 30),
      shortSentence: flag(words < 8),
      ...f,
    };
    if (i === 0) for (const name in f) out[joined('first|', name)] = 1;
    const previous = own[i - 1];
    const next = own[i + 1];
    if (previous) for (const name in previous) if (!name.includes('|')) out[joined('prev:', name)] = 1;
    if (next) for (const name in next) if (!name.includes('|')) out[joined('next:', name)] = 1;
    return out;
  });
}
