import type { Span } from '../types.js';
import { tokenize, type Token } from './nlp.js';
import { countWords, splitRunOn, splitSentences } from './sentences.js';
import { measuredChanges } from './measures.js';
import verbs from '../star/verbs.json' with { type: 'json' };

const STATIVE = new Set(verbs.stative);
const IRREGULAR_PAST = new Set(verbs.irregularPast);
const OUTCOME = new Set(verbs.outcome);
const PRESENT_FORMS = new Set(['am', 'is', 'are', "'s", "'re", "'m", 'has', 'does', 'do', 'have']);
/** Words that may stand between a subject and its verb without changing who acts ("I then called"). */
const BETWEEN = new Set(['then', 'also', 'just', 'quickly', 'immediately', 'first', 'finally', 'eventually', 'actually', 'personally', 'myself', 'both', 'all', 'even', 'still', 'really', 'basically', 'literally', 'straight', 'instantly', 'later', 'soon', 'always', 'never', 'only', 'again', 'um', 'uh', 'erm', 'like', ',', 'together', 'ourselves']);

/** Who did what in one clause of a sentence: a subject and the verb that follows it. */
export interface Clause {
  subject: 'I' | 'we' | 'other';
  verb: Token;
  /** The verb is in a past form (launched, spent, was). */
  past: boolean;
  /** The verb's lemma is a state (be, have, know, want), not an action. */
  stative: boolean;
  /** The verb reports an outcome (increase, drop, win, agree). */
  outcome: boolean;
  /** `would`/`will`/`could` comes before the verb: a hypothetical or a plan, not a story. */
  modal: boolean;
  /** A passive (`was brought in`). */
  passive: boolean;
  /** A past perfect (`had been`, `we'd spent`): background to the story. */
  perfect: boolean;
  /** A present perfect (`I've learned`, `it has become`): the present seen from the story. */
  presentPerfect: boolean;
  /** A progressive (`was working`, `am trying`), by the tense of its auxiliary: an ongoing state of affairs. */
  progressive: 'past' | 'present' | null;
}

/** One sentence (or a clause of a long spoken run-on) with its tokens and the clauses found in it. */
export interface Sentence extends Span {
  text: string;
  tokens: Token[];
  words: number;
  clauses: Clause[];
}

/** The answer, tokenized once and split into sentences; every signal and rule reads from it. */
export interface Document {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  words: number;
  /** Measured changes ("from 12% to 4%"), found once for every reader. */
  measured: Span[];
}

function isPastForm(token: Token): boolean {
  if (token.pos !== 'VERB' && token.pos !== 'AUX') return false;
  if (IRREGULAR_PAST.has(token.lower)) return true;
  // The lemmatizer leaves some regular past forms alone ("prepped", "baked"): their ending gives them away.
  if (token.lower === token.lemma && /^[a-z-]{2,}[^e]ed$|^[a-z-]{3,}ked$|^[a-z-]{2,}(pp|tt|gg|nn|mm|bb|dd)ed$/.test(token.lower)) return true;
  const word = token.lower.replace(/’/g, "'");
  if (word === 'was' || word === 'were' || word === 'had' || word === 'did' || word === "'d") return true;
  if (PRESENT_FORMS.has(word) || word.endsWith('ing')) return false;
  if (word === token.lemma || word === `${token.lemma}s` || word === `${token.lemma}es`) return false;
  return true;
}

/** The tagger reads some past verbs after a pronoun as nouns ("I rewrote the guide"); their form gives them away. */
function looksLikeMistaggedVerb(token: Token): boolean {
  return ['NOUN', 'ADJ', 'PROPN', 'X'].includes(token.pos) && (IRREGULAR_PAST.has(token.lower) || /^[a-z]{3,}ed$/.test(token.lower));
}

const SUBJECTS: Record<string, Clause['subject']> = { i: 'I', we: 'we', he: 'other', she: 'other', they: 'other', it: 'other', who: 'other' };

/** Finds subject-verb pairs: a pronoun or noun followed, within a few words, by a verb. */
function findClauses(tokens: Token[]): Clause[] {
  const clauses: Clause[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const pronoun = SUBJECTS[token.lower];
    const nounSubject = (token.pos === 'NOUN' || token.pos === 'PROPN') && tokens[i + 1] && ['VERB', 'AUX'].includes(tokens[i + 1]!.pos);
    if (!pronoun && !nounSubject) continue;
    let modal = false;
    let perfect = false;
    let passive = false;
    let presentPerfect = false;
    let progressive: Clause['progressive'] = null;
    let j = i + 1;
    for (; j < tokens.length && j <= i + 6; j++) {
      const next = tokens[j]!;
      const word = next.lower.replace(/’/g, "'");
      if (BETWEEN.has(word) || next.pos === 'ADV' || (next.pos === 'PART' && word !== 'to')) continue;
      // "re-planned", "co-wrote": the prefix and its hyphen stand before the verb.
      if (tokens[j + 1]?.text === '-' && /^(re|co|pre|over|out|under|double|cross|hand|self)$/.test(word)) {
        j++;
        continue;
      }
      if (next.pos === 'AUX') {
        const following = tokens[j + 1];
        if (word === "'d" && following && isPastForm(following) && following.lemma !== 'have') {
          perfect = true;
          continue;
        }
        if (verbs.modal.includes(next.lemma) || word === "'d" || word === "'ll") {
          modal = true;
          continue;
        }
        if ((word === 'had' || word === "'d") && following && isPastForm(following)) {
          perfect = true;
          continue;
        }
        if ((word === 'have' || word === 'has' || word === "'ve" || word === "'s") && following && following.pos === 'VERB' && isPastForm(following) && !following.lower.endsWith('ing')) {
          presentPerfect = true;
          continue;
        }
        if ((next.lemma === 'be' || next.lemma === 'get') && following && following.pos === 'VERB' && isPastForm(following) && !following.lower.endsWith('ing')) {
          passive = true;
          continue;
        }
        if (next.lemma === 'do' && following && (following.pos === 'VERB' || following.lower === "n't" || following.lower === 'not')) continue;
        if (next.lemma === 'be' && following && following.lower.endsWith('ing')) {
          progressive = word === 'was' || word === 'were' ? 'past' : 'present';
          continue;
        }
        if (next.lemma === 'have' && following && following.lower === 'to') {
          clauses.push(makeClause(pronoun ?? 'other', next, { modal, passive, perfect, presentPerfect, progressive }));
          break;
        }
      }
      if (next.pos === 'VERB' || next.pos === 'AUX') {
        const clause = makeClause(pronoun ?? 'other', next, { modal, passive, perfect, presentPerfect, progressive });
        // "I worked as a nurse", "she worked at a bank": a job held is the scene, not something done.
        if (ROLE_VERBS.has(next.lemma) && ROLE_PREPOSITIONS.has(tokens[j + 1]?.lower ?? '')) clause.stative = true;
        clauses.push(clause);
      } else if (pronoun && looksLikeMistaggedVerb(next)) {
        clauses.push(makeClause(pronoun, { ...next, pos: 'VERB', lemma: next.lemma.replace(/ied$/, 'y').replace(/e?d$/, '') }, { modal, passive, perfect, presentPerfect, progressive }));
      }
      break;
    }
    i = Math.max(i, j - 1);
  }
  return clauses;
}

/** Verbs that, followed by `as`, `at`, `for` or `in`, name a job held rather than an act. */
const ROLE_VERBS = new Set(['work', 'serve', 'volunteer', 'intern', 'temp']);
const ROLE_PREPOSITIONS = new Set(['as', 'at', 'for', 'in']);

type Auxiliaries = Pick<Clause, 'modal' | 'passive' | 'perfect' | 'presentPerfect' | 'progressive'>;

function makeClause(subject: Clause['subject'], verb: Token, aux: Auxiliaries): Clause {
  return {
    subject,
    verb,
    // "I've learned" is a present perfect, not a past; "was working" is past through its auxiliary.
    past: !aux.modal && !aux.presentPerfect && isPastForm(verb),
    stative: STATIVE.has(verb.lemma),
    outcome: OUTCOME.has(verb.lemma),
    ...aux,
  };
}

// Objects here are built field by field or with Object.assign, not with a spread followed by more fields
// (`{ ...span, text }`): in Node 20 that form costs microseconds per object, and answers have hundreds.

/** A clause read as told in the past. */
const toldInPast = (c: Clause): Clause => Object.assign({}, c, { past: true });

function makeSentence(span: Span, text: string, tokens: Token[], words: number, clauses: Clause[]): Sentence {
  return { start: span.start, end: span.end, text, tokens, words, clauses };
}

/** Verbs whose past is spelled like their present; in a sentence told in the past, they are past too. */
const SAME_IN_PAST = new Set(['split', 'cut', 'put', 'set', 'hit', 'let', 'quit', 'read', 'spread', 'shut', 'cast', 'hurt', 'bet', 'upset', 'reset', 'broadcast', 'forecast']);

function pastByContext(clauses: Clause[], tokens: Token[]): Clause[] {
  if (!clauses.some((c) => c.past) && !tokens.some((t) => t.pos === 'VERB' && !SAME_IN_PAST.has(t.lower) && isPastForm(t))) return clauses;
  return clauses.map((c) => (!c.past && !c.modal && SAME_IN_PAST.has(c.verb.lower) ? toldInPast(c) : c));
}

/** Words that place a story at one particular time in the past ("in my last job", "one Saturday"). */
const PARTICULAR_TIME =
  /\b(last (year|month|week|summer|winter|spring|autumn|christmas|job|role|company|place|team)|in my (last|previous|old|first|former) (job|role|company|placement|team|school|hotel|restaurant|shop|store)|at my (last|previous|old|former) |one (day|time|saturday|sunday|monday|tuesday|wednesday|thursday|friday|night|morning|evening|afternoon|week|shift|winter|summer)|once|ago|when i (was|worked)|that (day|night|week|time|morning)|after (one|two|three|a|an|some) (day|week|month|hour)s?|yesterday|at the time|in (19|20)\d\d)\b/i;
/** Words that tell a sequence of events, as a story does ("after this", "now he is fine"); "the next day" is in ONE_OCCASION. */
const SEQUENCE = /\b(after (this|that)|afterwards|now (he|she|they|it|we|the)|then (he|she|they)|in the end|finally)\b/i;
/**
 * Things only one occasion has: a next or second time, one particular person or thing doing something
 * ("one guest is coming", "a delivery driver is blocking"). Counts are read from the tokens.
 */
const ONE_OCCASION =
  /\b(next (day|morning|week|month|time)|second time|same day|(one|a|an) (\w+ )?(guest|customer|patient|client|man|woman|lady|boy|girl|child|resident|passenger|visitor|driver|family|batch|order|delivery|pallet|parcel|caller) (is|was|are|were|have|has|had|come|came|comes|want|wants|wanted|say|says|said|call|calls|called|steal|steals|stole|fall|falls|fell|get|gets|got|complain|complains|complained|lose|loses|lost|with))\b/i;
/** A count ("twelve pallets", "600 pounds"): a thing of one occasion. */
const counts = (sentences: Sentence[]): boolean => sentences.some((s) => s.tokens.some((t) => t.pos === 'NUM' && t.lower !== 'one'));

/** The speaker's own habits: their present tense is a routine, not a story. */
const HABIT = /\b(I|we)('m|'re| am| are)? (always|tend to)\b|\b(usually|normally|generally|typically|whenever|every time|most of the time)\b/i;

/**
 * Many speakers, non-native ones above all, tell a past story in the present ("I make a new list, the
 * complaints go down"). When an answer is placed at one particular past time and is not about habits,
 * its present-tense clauses are read as past, so the story is still found.
 */
function narrativePresent(text: string, sentences: Sentence[]): Sentence[] {
  const pastVerbs = sentences.reduce((n, s) => n + s.clauses.filter((c) => c.past).length, 0);
  const presentVerbs = sentences.reduce((n, s) => n + s.clauses.filter((c) => !c.past && !c.modal).length, 0);
  if (presentVerbs <= pastVerbs) return sentences;
  if (!(PARTICULAR_TIME.test(text) || SEQUENCE.test(text) || ONE_OCCASION.test(text) || counts(sentences)) || HABIT.test(text)) return sentences;
  return sentences.map((s) => makeSentence(s, s.text, s.tokens, s.words, s.clauses.map((c) => (c.past || c.modal ? c : toldInPast(c)))));
}

/** Tokenizes the answer once and builds its sentences and clauses. */
export function readDocument(text: string): Document {
  const tokens = tokenize(text);
  const spans = splitSentences(text).flatMap((span) => splitRunOn(text, span));
  let cursor = 0;
  const sentences = spans.map((span): Sentence => {
    while (cursor < tokens.length && tokens[cursor]!.end <= span.start) cursor++;
    const from = cursor;
    while (cursor < tokens.length && tokens[cursor]!.start < span.end) cursor++;
    const own = tokens.slice(from, cursor);
    const body = text.slice(span.start, span.end);
    return makeSentence(span, body, own, countWords(body), pastByContext(findClauses(own), own));
  });
  return { text, tokens, sentences: narrativePresent(text, sentences), words: countWords(text), measured: measuredChanges(text) };
}
