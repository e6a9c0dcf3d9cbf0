import { tokenize, type Token } from '../core/text/nlp.js';
import type { CompanyFact } from '../storage/records.js';
import { FACT_KINDS, type FactKind } from './fact-kinds.js';

/** What to ask about each kind of fact, after saying what you learned. */
const FOLLOW_ON: Record<FactKind, string> = {
  news: 'How has that changed the priorities for this role?',
  interviewer: 'What did that work teach you that shapes how the team works now?',
  product: 'What is next for it, and where would this role make the biggest difference?',
  team: 'What would a great first six months on that team look like?',
  values: 'Could you tell me about a recent decision where that value made the difference?',
  mission: 'How does that show up in the team’s day-to-day decisions?',
  other: 'How does that affect the work of this role?',
};

/**
 * How to introduce a fact that is not a sentence (a heading, a product line, a title), quoted as
 * saved: each reads as English before a quotation.
 */
const QUOTE_LEAD: Record<FactKind, string> = {
  news: 'I saw the news',
  interviewer: 'I came across your',
  product: 'I read about',
  team: 'I read about the team:',
  values: 'I read that you value',
  mission: 'I read your mission,',
  other: 'I noted',
};

/** The order kinds are drawn in: the most specific research makes the best question. */
const QUESTION_PRIORITY: readonly FactKind[] = ['news', 'interviewer', 'product', 'team', 'values', 'mission', 'other'];

/** Words that start a fact but read wrongly capitalised inside a sentence. */
const LOWERCASE_STARTS = /^(The|A|An|Its|Their|This|These|They|It|Every|Each)\b/;

/** A subject that names the interviewer, to be spoken to as "you": "Interviewer Sam", "Sam Lee". */
const INTERVIEWER_TITLE = /^(?:(?:my|our|the)\s+)?interviewer,?$/i;

/** Present-tense verbs that change when their subject becomes "you". */
const YOU_FORMS: Record<string, string> = { is: 'are', was: 'were', has: 'have', does: 'do' };

/** The kind of a saved fact, `other` for a kind Starl does not know. */
function kindOf(fact: CompanyFact): FactKind {
  return (FACT_KINDS as readonly string[]).includes(fact.kind) ? (fact.kind as FactKind) : 'other';
}

/** The fact's first sentence, without its final stop. */
function firstSentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const end = trimmed.search(/[.!?](?:\s|$)/);
  return (end > 0 ? trimmed.slice(0, end) : trimmed).replace(/[.!]+$/, '');
}

/** Where the sentence's verb is, when the sentence is a clause (someone does something), else -1. */
function clauseVerb(tokens: readonly Token[]): number {
  const verb = tokens.findIndex((token) => token.pos === 'VERB' || token.pos === 'AUX');
  if (verb <= 0) return -1; // no verb, or an instruction or heading that starts with one ("Get paid early")
  const before = tokens.slice(0, verb);
  if (before.some((token) => token.text === ':' || token.text === '—')) return -1; // "Blog post: how we …"
  return before.some((token) => ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(token.pos)) ? verb : -1;
}

/** The verb as it agrees with "you": "has" → "have", "writes" → "write", "wrote" stays. */
function agreeWithYou(verb: Token): string {
  const plain = YOU_FORMS[verb.lower];
  if (plain) return plain;
  return verb.lower.endsWith('s') && verb.lemma !== verb.lower && verb.lower.startsWith(verb.lemma) ? verb.lemma : verb.text;
}

/**
 * A clause told to the person it is about: the company's "we" and "our" become "you" and "your", and
 * for a fact about the interviewer, their name (or "Interviewer Sam") becomes "you", "Sam's" "your".
 */
function spokenTo(sentence: string, tokens: readonly Token[], verb: number, kind: FactKind): { text: string; you: boolean } {
  const subject = tokens.slice(0, verb);
  const rest = (from: number) => sentence.slice(tokens[from]!.start);
  const names = subject.every((token) => token.pos === 'PROPN' || INTERVIEWER_TITLE.test(token.text));
  if (subject.length === 1 && (subject[0]!.lower === 'we' || subject[0]!.lower === 'you')) return { text: `you ${agreeWithYou(tokens[verb]!)}${sentence.slice(tokens[verb]!.end)}`, you: true };
  if (subject[0]?.lower === 'our') return { text: `your ${rest(1)}`, you: true };
  if (kind !== 'interviewer') return { text: sentence, you: false };
  if (names) return { text: `you ${agreeWithYou(tokens[verb]!)}${sentence.slice(tokens[verb]!.end)}`, you: true };
  const possessive = subject.findIndex((token) => token.text === "'s" || token.text === '’s');
  if (possessive > 0 && subject.slice(0, possessive).every((token) => token.pos === 'PROPN' || INTERVIEWER_TITLE.test(token.text))) {
    return { text: `your ${rest(possessive + 1)}`, you: true };
  }
  return { text: sentence, you: false };
}

/**
 * What you say you learned, as a sentence that reads as English whatever the fact's shape: a fact
 * that is a clause follows "I read that" (or "I saw that you" when it is about them); a heading, a
 * product line or a title is quoted as saved after a lead that suits its kind.
 *
 * @example whatYouLearned('news', 'Forkful opened a depot in York.') // 'I read that Forkful opened a depot in York.'
 */
export function whatYouLearned(kind: FactKind, fact: string): string {
  const sentence = firstSentence(fact);
  const tokens = tokenize(sentence);
  // A note about the interviewer often leaves them out: "Writes a newsletter about logistics".
  const aboutThem = kind === 'interviewer' && tokens[0]?.pos === 'VERB' && !tokens.some((token) => token.text === ':');
  if (aboutThem) return `I saw that you ${agreeWithYou(tokens[0]!)}${sentence.slice(tokens[0]!.end)}.`;
  const verb = clauseVerb(tokens);
  if (verb < 0) return `${QUOTE_LEAD[kind]} “${sentence}”.`;
  const spoken = spokenTo(sentence, tokens, verb, kind);
  if (spoken.you) return `I saw that ${spoken.text}.`;
  const clause = LOWERCASE_STARTS.test(sentence) ? sentence[0]!.toLowerCase() + sentence.slice(1) : sentence;
  return `I read that ${clause}.`;
}

/**
 * Up to three questions to ask the interviewer, each built from one saved fact and nothing else, so
 * every question shows homework. Facts of different kinds come first, most specific kind first,
 * newest fact first within a kind.
 */
export function questionsToAsk(facts: readonly CompanyFact[], limit = 3): { question: string; fact: CompanyFact }[] {
  const rank = (fact: CompanyFact) => QUESTION_PRIORITY.indexOf(kindOf(fact));
  const ordered = [...facts].sort((a, b) => rank(a) - rank(b) || b.id - a.id);
  const chosen: CompanyFact[] = [];
  for (const fact of ordered) if (!chosen.some((c) => c.kind === fact.kind)) chosen.push(fact);
  for (const fact of ordered) if (!chosen.includes(fact)) chosen.push(fact);
  return chosen.slice(0, limit).map((fact) => ({ question: `${whatYouLearned(kindOf(fact), fact.text)} ${FOLLOW_ON[kindOf(fact)]}`, fact }));
}
