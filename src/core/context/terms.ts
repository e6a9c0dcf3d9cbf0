import { tokenize, type Token } from '../text/nlp.js';
import postingWords from '../lexicon/posting-words.json' with { type: 'json' };
import stopwordsData from '../lexicon/common-names.json' with { type: 'json' };
import jobTitles from './job-titles.json' with { type: 'json' };
import boilerplate from './boilerplate.json' with { type: 'json' };
import { allMatches } from '../text/matches.js';
import { remembered } from '../text/remembered.js';

const POSTING = new Set(postingWords.entries);
const COMMON_NAMES = new Set(stopwordsData.entries);
const EMPLOYERS = new Set(stopwordsData.employers);
const JOB_TITLES = new Set(jobTitles.entries);
const BOILERPLATE = new Set(boilerplate.entries);
/** Words before which a posting's proper nouns name a place ("based in Leeds", "offices across Europe"), which is no reason to join. */
const PLACE_BEFORE = /\b(based|located|headquartered|offices?|sites?|stores?|shops?|branches|centres?|centers?|hubs?|clinics?|hospitals?|depots?|warehouses?|work(ing)? from|relocate to|near)\s+(in|across|throughout|around|near|at)?\s*$/i;
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'VERB']);
/** Function words that wink sometimes tags as nouns; a term never runs across them. */
const BREAKS = new Set(['is', 'are', 'was', 'were', 'be', 'to', 'of', 'at', 'the', 'a', 'an', 'and', 'or', 'in', 'on', 'for', 'with', 'its', 'their', 'our', 'your']);

/** A distinctive term of a posting: its words as written, and the lemmas that find it in an answer. */
export interface ContextTerm {
  text: string;
  lemmas: string[];
  /** Proper nouns and multi-word terms first: they are what makes the posting this one. */
  strength: number;
}

/** A term's words must be content words that are not the stock vocabulary of every posting. */
function distinctive(token: Token): boolean {
  return CONTENT_POS.has(token.pos) && token.type === 'word' && !POSTING.has(token.lemma) && !POSTING.has(token.lower) && token.lower.length > 2;
}

let lastPosting: { text: string; tokens: Token[] } | null = null;
/**
 * The tokens of the last posting read: the company's name and the terms are read from the same text, one
 * after the other, and a posting is parsed as fully as an answer. Read-only to every caller.
 */
function postingTokens(text: string): Token[] {
  if (lastPosting?.text !== text) lastPosting = { text, tokens: tokenize(text) };
  return lastPosting.tokens;
}

/**
 * Extracts the distinctive terms of a job posting or company text: proper nouns, products, technologies,
 * and the noun phrases that are not the stock vocabulary of any posting.
 * @example extractContextTerms('Forkful is a meal-kit company. The role owns paid social budgets.')
 */
export function extractContextTerms(text: string): string[] {
  return contextTerms(text).map((t) => t.text);
}

/** The terms with their lemmas and strength, remembered per text because one posting serves many answers. */
export const contextTerms = remembered(200, readContextTerms);

function readContextTerms(text: string): ContextTerm[] {
  const tokens = postingTokens(text);
  const found = new Map<string, ContextTerm>();
  let run: Token[] = [];
  const flush = (): void => {
    const taken = run;
    run = [];
    flushRun(taken);
  };
  const flushRun = (run: Token[]): void => {
    while (run.length && (run[0]!.pos === 'ADJ' || run[0]!.pos === 'VERB')) run.shift();
    while (run.length && run[run.length - 1]!.pos === 'VERB') run.pop();
    if (run.length === 0 || JOB_TITLES.has(run[run.length - 1]!.lemma)) return;
    // Team names, places and page furniture are in the posting but give no reason for this company.
    if (['team', 'teams', 'department', 'division'].includes(run[run.length - 1]!.lemma)) return;
    if (run.every((t) => t.pos === 'PROPN') && PLACE_BEFORE.test(text.slice(Math.max(0, run[0]!.start - 40), run[0]!.start))) return;
    const words = run.filter((t) => distinctive(t) && !BOILERPLATE.has(t.lower) && !BOILERPLATE.has(t.lemma));
    if (words.length === 0) return;
    const proper = run.some((t) => t.pos === 'PROPN' && !COMMON_NAMES.has(t.lower));
    const value = text.slice(run[0]!.start, run[run.length - 1]!.end);
    const key = value.toLowerCase();
    if (!found.has(key)) {
      // "nurse-led" is found as "nurse led" too: hyphenated words match by their parts.
      const lemmas = words.flatMap((t) => t.lemma.split('-')).filter((l) => l.length > 2 && !POSTING.has(l));
      found.set(key, { text: value, lemmas, strength: (proper ? 2 : 0) + Math.min(run.length, 3) });
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const joins = token.text === '-' && run.length > 0;
    const content = CONTENT_POS.has(token.pos) && token.pos !== 'VERB' && token.type !== 'punctuation' && !BREAKS.has(token.lower);
    if (joins || content) {
      if (!joins) run.push(token);
      if (run.length >= 4) flush();
    } else flush();
  }
  flush();
  return [...found.values()].sort((a, b) => b.strength - a.strength);
}

/** The company's name as the context names it: the first proper noun run, when it is not a stock word. */
export const guessCompanyName = remembered(200, readCompanyName);

/** How far into the context its company's name is looked for: the opening, where a posting names it. */
const NAME_WITHIN = 400;

function readCompanyName(text: string): string | null {
  // The whole posting's tokens, which its terms are read from next, cut to the opening.
  const all = postingTokens(text);
  const cut = all.findIndex((t) => t.start >= NAME_WITHIN);
  const tokens = cut < 0 ? all : all.slice(0, cut);
  const start = tokens.findIndex((t) => t.pos === 'PROPN' && (!COMMON_NAMES.has(t.lower) || EMPLOYERS.has(t.lower)) && /^[A-Z]/.test(t.text));
  if (start < 0) return null;
  let end = start;
  while (tokens[end + 1]?.pos === 'PROPN') end++;
  return text.slice(tokens[start]!.start, tokens[end]!.end);
}


/** "Why this role at Fernway?", "What made you apply to Stellar Foods?": the company the question names. */
const NAMED_IN_QUESTION = /\b(?:at|for|join|joining|with|about|to|[Ww]hy|choose|into)\s+((?:[A-Z][\w&'’.-]*)(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})/g;

/** The company a question names, when it names one; the first capitalised name after "at", "for", "why"…. */
export const companyInQuestion = remembered(500, readCompanyInQuestion);

function readCompanyInQuestion(question: string): string | null {
  for (const match of allMatches(NAMED_IN_QUESTION, question)) {
    const name = match[1]!.replace(/[.'’]+$/, '');
    if (!name.split(/\s+/).every((word) => COMMON_NAMES.has(word.toLowerCase()) && !EMPLOYERS.has(word.toLowerCase()))) return name;
  }
  return null;
}
