import type { AnalyzeInput, QuestionType, Span } from './types.js';
import type { Document } from './text/document.js';
import type { Token } from './text/nlp.js';
import type { Lexicon } from './lexicon/lexicon.js';
import { LEXICONS } from './lexicon/index.js';
import commonNames from './lexicon/common-names.json' with { type: 'json' };
import abstractNouns from './lexicon/abstract-nouns.json' with { type: 'json' };
import anyEmployer from './lexicon/any-employer.json' with { type: 'json' };
import { companyInQuestion, contextTerms, guessCompanyName, type ContextTerm } from './context/terms.js';
import { missingTopic } from './question-type/topics.js';
import { allMatches } from './text/matches.js';
import { remembered } from './text/remembered.js';
const COMMON_NAMES = new Set(commonNames.entries);

/** A measured change: "from 4.1 to 4.7", "down to £31", "by a third", "18%". The strongest kind of outcome. */


/** Outcome words that make a number a particular result rather than a job's scale. */
const OUTCOME_NEAR_NUMBER =
  /\b(won|came (first|second|third)|placed|finished|ranked|record|award|downloads|sold|raised|saved|signed|grew|promoted|invited|booked|selected|published|top \d+|first place|highest|best|only|all \d+|every|since|submitted|hit|passed|laps|copies|five-star|5-star|stars?)\b/i;

/** Phrases that tie a reason to the candidate: their experience, skills or goals, said in the first person. */
const PERSONAL_TIE =
  /\b((I've|I have|I had) (?!(heard|always|never|seen|read|noticed|looked|applied|got to|just|also|really|been told)\b)\w+|I'm (a|an) \w+|I (teach|work|run|manage|lead|volunteer|coach|study|design|build|write|code|nurse|drive|cook|train|sell|serve|care for|visit|handle|support|supply|look after) |I did (\w+ ){0,2}(shifts?|placements?|internships?|volunteering|work experience|an? (degree|course|diploma|apprenticeship))\b|I'd (rather|be (happy|glad|keen) (to|\w+ing))|my (best |biggest |main |own |regular )?(accounts|clients|customers|patients|students|pupils|residents|shop|store|ward|class)\b|I was (a|an|the|part of|responsible|in charge|leading|working|running|promoted)|I used|I built|I ran|I set up|I led|I wrote|I made|I worked|I spent|I studied|I trained|I taught|I managed|I organised|I organized|I created|I started|I rebuilt|I launched|in my (current|last|previous|old) (role|job|team|company|school|placement)|at my (current|last|previous) |my (experience|background|degree|training|placement|work|career|mod|project|thesis|dissertation)|I'd (love|like|want|really like) to|I want to|I would like to|I'm (keen|hoping|looking) to|I hope to|I'm comfortable|I know how|I can bring|I'd bring|I'd take|my (biggest |main |real )?(passions?|interests?) (is|are|lie)|fits (perfectly |well |exactly )?with my|my own (motivation|goals?|experience|interests?)|which is (exactly )?(what|why)|that's (exactly )?(what|the work|why)|fits how I|matches (my|what I))/gi;

/** A question in the answer: a sentence ending in "?" or an "I'd like to ask / I was wondering" sentence. */
const ASKS = /\?\s*$|\b(I'd like to (ask|know|hear)|I was wondering|I wondered|could you tell me|can you tell me|I'd love to (know|hear)|I'm curious (about|how|what|whether))\b/i;

/** Spans found by a lexicon, with the words they cover. */
export interface Match extends Span {
  text: string;
}

/** A question the candidate asks in a closing answer, and whether it is only logistics. */
export interface AskedQuestion extends Span {
  text: string;
  logistics: boolean;
}

/** A driver of specificity: what makes an answer one only this candidate could give. */
export interface Driver extends Span {
  kind: 'measuredOutcome' | 'outcomeNumber' | 'achievement' | 'name' | 'quote' | 'scaleNumber';
  text: string;
}

/** What the analysis reads off the answer once; rules and verdicts draw on the same facts. */
export interface Signals {
  words: number;
  contentWords: number;
  cliches: Match[];
  buzzwords: Match[];
  genericReasons: Match[];
  needs: Match[];
  negativity: Match[];
  deflections: Match[];
  warmth: Match[];
  fillers: Match[];
  enthusiasm: Match[];
  bareCategories: Match[];
  workWords: number;
  drivers: Driver[];
  asked: AskedQuestion[];
  personalTies: Match[];
  companyName: string | null;
  companyMentions: Match[];
  /** Context terms the answer uses, and the strongest ones it leaves out. */
  contextUsed: ContextTerm[];
  contextUnused: ContextTerm[];
  contextTermCount: number;
  /** Things specific to this company or role that the answer names (context terms, products, "your X"). */
  specifics: Match[];
  firstPerson: number;
  /** Nouns that name something concrete (a checklist, a seating plan, a refund), outside stock phrases. */
  concreteNouns: number;
  /** An exclamation mark: in small talk, a sign of warmth. */
  exclaims: boolean;
  /** The first two sentences, where a candidate frames the whole answer ("I haven't had that yet, but…"). */
  opening: string;
  /** Contempt aimed at someone or something ("my manager was useless", "his fault"): one is enough to sound negative. */
  strongNegativity: Match[];
  /** What a story question asks about that the answer never touches ("a failure" told as a success). */
  offPoint: { topic: string; asks: string } | null;
  /** Strengths in disguise given as a weakness ("I'm a perfectionist"). */
  clicheWeaknesses: Match[];
  /** The share of sentences that repeat an earlier one word for word: padding, not content. */
  repetition: number;
  /** The sentences that repeat an earlier one. */
  repeatedSentences: Match[];
}

/** A complaint that is denied ("without being rude") or that tells someone else's mood in a story ("he was annoyed") is not the candidate's. */
const NOT_A_COMPLAINT = /\b(without|not|never|no|n't|nor|wasn't|weren't|isn't|didn't|don't|avoid|avoided|rather than)\s+(\w+\s+){0,2}$|\b(he|she|they|customer|client|patient|guest|man|woman|parent|caller|student|people|everyone|who)\s+(was|were|got|seemed|looked|felt|became|is|are)\s+(\w+\s+){0,1}$/i;

/** Contempt aimed at someone or something ("my manager was useless", "the parking was terrible"). */
const AIMED_BEFORE = /\b(manager|boss|supervisor|company|management|employer|team|colleagues?|co-?workers?|job|place|office|parking|traffic|journey|trip|drive|commute|train|bus|map|directions|weather|building|he|she|they|it|you)\s+(was|were|is|are|'s|has been|had been|have been)\s+(\w+\s+)?$/i;
const AIMED_PHRASE = /\b(manager|boss|fault|credit|management|clue|bothered|listened|idea what|micromanag\w*|dead.end|going nowhere|anywhere)\b/i;

function aimedComplaints(found: Match[], text: string): Match[] {
  return found.filter((m) => AIMED_PHRASE.test(m.text) || AIMED_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)));
}

function ownComplaints(found: Match[], text: string): Match[] {
  return found.filter((m) => !NOT_A_COMPLAINT.test(text.slice(Math.max(0, m.start - 40), m.start)));
}

/** The first thing a story question asks about that the answer never touches, if any. */
function findOffPoint(question: string, text: string, questionType: QuestionType): Signals['offPoint'] {
  if (questionType !== 'behavioral') return null;
  const topic = missingTopic(question, text);
  return topic ? { topic: topic.id, asks: topic.asks } : null;
}

/** The sentences that repeat an earlier one word for word (in answers of four sentences or more). */
function repeatedSentences(doc: Document): Match[] {
  if (doc.sentences.length < 4) return [];
  const seen = new Set<string>();
  return doc.sentences
    .filter((s) => {
      const key = s.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (seen.has(key)) return true;
      seen.add(key);
      return false;
    })
    .map((s) => ({ start: s.start, end: s.end, text: s.text }));
}

function matches(lexicon: Lexicon, text: string): Match[] {
  // Built field by field: a spread followed by more fields (`{ ...s, text }`) costs microseconds per object in Node 20.
  return lexicon.find(text).map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) }));
}

/**
 * A case-insensitive global pattern built from a company's name, compiled once: a batch judges many
 * answers about the same few companies, and compiling a pattern costs far more than running it.
 */
const namedPattern = remembered(2000, (source: string) => new RegExp(source, 'gi'));

/** Every match of a global pattern (the pattern must carry the `g` flag). */
function regexMatches(pattern: RegExp, text: string): Match[] {
  return allMatches(pattern, text).map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** The words that introduce a piece of news about the company: "I read", "your blog says". */
const NEWS_TRIGGER_SOURCE = String.raw`\b(?:i (?:saw|read|noticed|heard|came across|watched|learned|learnt)|your (?:website|site|blog|post|report|announcement) (?:says|said|mentions|mentioned))\b`;
/** What must come before a piece of news (below), tested on the lowered answer first, which skips most answers. */
const NEWS_TRIGGER = new RegExp(NEWS_TRIGGER_SOURCE);
/** A trigger of news and up to 20 characters of the same clause, ending where the news starts. */
const NEWS_LEAD = new RegExp(`${NEWS_TRIGGER_SOURCE}[^.;]{0,20}$`, 'i');

/**
 * News about the company the candidate came across: "I read that you …", "your blog says you …". Written
 * as a scan rather than one pattern with a look-behind, which V8 tried at every character of every answer.
 */
function findNews(text: string): Match[] {
  const found: Match[] = [];
  const you = /\b(?:you|your)\b[^.;]{12,}/gi;
  for (let m = you.exec(text); m; m = you.exec(text)) {
    if (NEWS_LEAD.test(text.slice(Math.max(0, m.index - 80), m.index))) {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    } else {
      // Not news: look again from the next word, as the pattern would have.
      you.lastIndex = m.index + 1;
    }
  }
  return found;
}

/** Written as a name: a capital or a digit first, or a brand's short lower-case prefix (iPhone, eBay, xCover). */
const WRITTEN_AS_NAME = /^(?:[A-Z0-9]|[a-z]{1,2}[A-Z])/;

/** Names in the answer: runs of proper nouns that are not stock names (Excel, Monday) nor the company itself. */
function findNames(doc: Document, company: string | null): Driver[] {
  const names: Driver[] = [];
  const companyWords = new Set((company ?? '').toLowerCase().split(/\s+/).filter(Boolean));
  for (const sentence of doc.sentences) {
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.pos !== 'PROPN' || !WRITTEN_AS_NAME.test(token.text)) continue;
      let end = i;
      while (tokens[end + 1]?.pos === 'PROPN' && (WRITTEN_AS_NAME.test(tokens[end + 1]!.text) || tokens[end + 1]!.text === '&')) end++;
      const run = tokens.slice(i, end + 1);
      const sentenceStart = i === 0 || /^["'‘“(]$/.test(tokens[i - 1]!.text);
      const meaningful = run.filter((t) => /^\p{L}/u.test(t.text) && !COMMON_NAMES.has(t.lower) && !companyWords.has(t.lower) && t.lower.length > 1);
      i = end;
      // "I'm Priya", "my name is Jake": every candidate has a name; it is not a detail.
      const ownName = /\b(I'm|I am|name's|name is|call me)\s*$/i.test(doc.text.slice(Math.max(0, run[0]!.start - 14), run[0]!.start));
      if (meaningful.length === 0 || (sentenceStart && run.length === 1) || ownName) continue;
      names.push({ kind: 'name', start: run[0]!.start, end: run[run.length - 1]!.end, text: doc.text.slice(run[0]!.start, run[run.length - 1]!.end) });
    }
  }
  return names;
}

/** Numbers in the answer, each either a particular outcome or only the scale of a job. */
function findNumbers(doc: Document, measured: Match[]): Driver[] {
  const drivers: Driver[] = [];
  for (const sentence of doc.sentences) {
    for (const token of sentence.tokens) {
      const numeric = token.type === 'number' || token.pos === 'NUM' || (token.entity !== null && ['CARDINAL', 'MONEY', 'PERCENT', 'ORDINAL', 'TIME'].includes(token.entity));
      if (!numeric || measured.some((m) => token.start >= m.start && token.end <= m.end)) continue;
      if (/^(one|a|an)$/i.test(token.text)) continue;
      const around = doc.text.slice(Math.max(sentence.start, token.start - 40), Math.min(sentence.end, token.end + 40));
      const kind = OUTCOME_NEAR_NUMBER.test(around) ? 'outcomeNumber' : 'scaleNumber';
      drivers.push({ kind, start: token.start, end: token.end, text: token.text });
    }
  }
  return drivers;
}

/** A phrase of 4 to 60 characters in quotes of any kind, not inside a word. */
const QUOTE = /(?<![\w])['‘"“]([^'’"”\n]{4,60}?)['’"”](?![\w])/g;

/** Quoted phrases of two or more words: a slogan, a title, a name the candidate gave to something. */
function findQuotes(text: string): Driver[] {
  return allMatches(QUOTE, text)
    .filter((m) => /\s/.test(m[1]!) || /\d/.test(m[1]!))
    .map((m) => ({ kind: 'quote' as const, start: m.index, end: m.index + m[0].length, text: m[0] }));
}

function findAsked(doc: Document): AskedQuestion[] {
  return doc.sentences
    .filter((s) => ASKS.test(s.text))
    .map((s) => ({ start: s.start, end: s.end, text: s.text, logistics: isLogistics(s.text) }));
}

function isLogistics(question: string): boolean {
  const content = question.replace(LEXICONS.fillers.find(question).length ? /\b(um|uh|erm|just|so)\b,?/gi : /$^/, '');
  return LEXICONS.logistics.test(content) && !/\b(team|project|product|customers?|patients?|students?|clients?|challenge|success|succeed|first (90|six|three)|training plan|onboarding|culture|strategy|roadmap|plans?|priorit|goal|measure|look like|unit|ward|new)\b/i.test(content);
}

/** Nouns that name any employer's parts or praise: "your products", "your reputation" say nothing particular. */
const ANY_EMPLOYER_NOUNS = new Set(anyEmployer.employerNouns);
/** Verbs after "you" that say how the company seems to the candidate, not what it does. */
const SEEMING_VERBS = new Set(anyEmployer.seemingVerbs);
const MODALS = new Set(['can', 'could', 'would', "'d", 'will', "'ll", 'should', 'may', 'might', 'must']);
/** "You're the only chain that…", "you were the first to…": a claim that sets this company apart. */
const SETS_APART = /\byou(?:'re|’re| are| were)\s+(?:the only|one of the (?:only|few)|the first|the last)\b[^.,;]*/gi;

/**
 * Whether the token at `k` is used as a noun. The tagger reads some nouns as verbs ("your nurture room",
 * "solar installs", "pay-what-you-can soup"), but no verb follows a determiner, an adjective or a
 * hyphenated compound, and none in its base form follows a noun.
 */
function actsAsNoun(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k]!;
  if (token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'NUM') return true;
  const before = tokens[k - 1];
  if (token.pos !== 'VERB' || !before) return false;
  const compound = before.start === tokens[k - 2]?.end;
  return ['DET', 'ADJ'].includes(before.pos) || before.lower === 'your' || compound || (before.pos === 'NOUN' && token.lower === token.lemma);
}

/** A noun the interviewer could ask about: not abstract and not something any employer has. */
function isParticular(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k]!;
  if (!actsAsNoun(tokens, k)) return false;
  if (token.pos === 'PROPN') return WRITTEN_AS_NAME.test(token.text);
  if (token.pos === 'NUM') return true;
  return token.type === 'word' && ![token.lemma, token.lower].some((w) => ABSTRACT_NOUNS.has(w) || ANY_EMPLOYER_NOUNS.has(w));
}

/** Whether any token from `from` to `to` (inclusive) names a particular thing. */
function namesParticular(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (isParticular(tokens, k)) return true;
  return false;
}

/** The index of the last token of the clause that starts at `from`: up to the next punctuation. */
function clauseEnd(tokens: readonly Token[], from: number): number {
  let end = from;
  while (tokens[end + 1] && !/^[.,;:!?]$/.test(tokens[end + 1]!.text)) end++;
  return end;
}

/** The verb a clause's subject ends at `subject` does, skipping auxiliaries and adverbs; -1 for none or a seeming. */
function doingAfter(tokens: readonly Token[], subject: number): number {
  let verb = subject + 1;
  while (tokens[verb] && ['AUX', 'ADV', 'PART'].includes(tokens[verb]!.pos)) {
    // "You can learn…", "you would get…": anyone's possibilities, not what this company does.
    if (MODALS.has(tokens[verb]!.lower)) return -1;
    verb++;
  }
  // "You do a lot of solar installs": "do" is the verb itself when no other follows it.
  if (tokens[verb]?.pos !== 'VERB' && tokens[verb - 1]?.lemma === 'do' && verb - 1 > subject) verb--;
  const doing = tokens[verb];
  return doing && (doing.pos === 'VERB' || doing.lemma === 'do') && !SEEMING_VERBS.has(doing.lemma) ? verb : -1;
}

/**
 * What the candidate says the company has or does, read from the parts of speech rather than a list of
 * words: "your nurture room", "your pay-what-you-can soup", "you mostly audit charities", "your team runs
 * the free Saturday clinic". A "your" phrase counts when it names a particular thing; a clause whose
 * subject is "you" or a "your" phrase counts when its verb is a doing (not "you seem", "you have") and
 * what follows names a particular thing.
 */
function findCompanyDoings(doc: Document): Match[] {
  const found: Match[] = [];
  const span = (tokens: readonly Token[], from: number, to: number): Match => ({ start: tokens[from]!.start, end: tokens[to]!.end, text: doc.text.slice(tokens[from]!.start, tokens[to]!.end) });
  for (const sentence of doc.sentences) {
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i]!.lower;
      let subject = i;
      if (word === 'your') {
        let end = i;
        while (tokens[end + 1] && (tokens[end + 1]!.pos === 'ADJ' || tokens[end + 1]!.text === '-' || tokens[end + 1]!.start === tokens[end]!.end || actsAsNoun(tokens, end + 1))) end++;
        // One bare noun is mostly the company named as a place ("your hotel is good"); a modifier or a name makes it particular.
        const particular = end > i + 1 || tokens[end]!.pos === 'PROPN';
        if (particular && namesParticular(tokens, i + 1, end)) {
          found.push(span(tokens, i, end));
          i = end;
          continue;
        }
        subject = end;
      } else if (word !== 'you' || ['thank', 'if', 'unless'].includes(tokens[i - 1]?.lower ?? '')) {
        continue;
      }
      const verb = doingAfter(tokens, subject);
      if (verb < 0) continue;
      const end = clauseEnd(tokens, verb);
      if (namesParticular(tokens, verb + 1, end)) {
        found.push(span(tokens, i, end));
        i = end;
      }
    }
  }
  return found;
}

/** Things the answer names that belong to this company or role: used context terms, and "your X" phrases. */
function findSpecifics(doc: Document, used: Match[], company: string | null, questionType: QuestionType): Match[] {
  const text = doc.text;
  // "I set him up on Pagewise": the candidate has used the company's product.
  const usedProduct = company ? regexMatches(namedPattern(`\\b(on|using|use|used|with|tried|switched to|moved to|customer of|fan of) ${escapeRegExp(company)}\\b`), text) : [];
  // "Brightloop builds the only bike-share app that works offline": a fact about the company itself.
  const companyFacts = company
    ? regexMatches(namedPattern(`\\b${escapeRegExp(company)}(?:'s|’s)?\\s+(?:is|are|builds?|makes?|runs?|has|have|does|offers?|sells?|serves?|won|launched|opened|publishes|uses|works|supports|focuses|specialises|specializes|creates|created|brings|gives|invests|treats|trains|pioneered|champions|cares|just)\\b[^.;]{12,}`), text)
    : [];
  const facts = companyFacts.filter((m) => !LEXICONS.genericReasons.test(m.text) && !LEXICONS.cliches.test(m.text));
  // Each pattern needs a word the answer may not have at all; checking for it first skips most answers.
  const lower = text.toLowerCase();
  const yours = !/\byou|'s\b/.test(lower) ? [] : regexMatches(
    /\b(your|you|the company's|the role's|this role's|the team's)\s+(?!(company|business|team|culture|values|reputation|products?|services?|organisation|organization|people|brand|job|role|website|site|office|benefits|salary|pay|growth|mission|vision|success|opportunity|work|position)\b)(?:[a-z-]+\s+){0,2}(workshops?|programme|program|platform|team|policy|system|process|approach|club|unit|ward|track|model|scheme|warnings?|initiative|project|app|tool|forum|migration|product|lab|protocols?|guild|research|clinic|service|focus|range|menu|campaign|store|branch|brand|promise|values?|fund|academy|network|partnership|commitment|pledge|report|launch|expansion|method|framework|curriculum|standards?|newsletter|podcast|blog|open source|market|stack|codebase|support|talks?|articles?|papers?|posts?|videos?|events?|conference|study|case study|book|games?|course|show|series|design|redesign|release|update|features?|website|shop|studio|kitchen|garden|festival|charity work|\w+ing)\b/gi,
    text,
  );
  const roleDuty = !/\b(role|job|position)\b/.test(lower) ? [] : regexMatches(/\b(the|this) (role|job|position)('s)? (includes?|involves?|covers?|owns?|means|would mean|is about)\b[^.]*|\b(part of|parts of) (the|this) (role|job)\b[^.]*/gi, text);
  // Verbs of how a company works ("you build in the open") count without a particular noun after them,
  // which the company's doings below require.
  const builds = !lower.includes('you ') ? [] : regexMatches(/\byou (build|publish|run|share|offer|give|let|train|rotate|pair|open|host|fund|donate|work|sponsor|support|choose|teach|check|make|sell|design|deliver|hire|handle|repair|recycle|create|ship|test|serve|grow|source|restore|print|care for|specialise|specialize|focus)\b[^.,;]*/gi, text);
  // "Google's mission of making information accessible", "your website says the app is getting…": the
  // specification names a mission and recent news as homework, when they say what the mission or news is.
  const named = company ? `${escapeRegExp(company)}(?:'s|’s)` : '(?!)';
  const mission = !/\b(mission|vision|purpose|principle|values?)\b/.test(lower) ? [] : regexMatches(namedPattern(`\\b(?:your|${named}|the company's)\\s+(?:mission|vision|purpose|founding principle|values?)\\s+(?:of|to|is|are|that|—|-|:)\\s+[^.;]{12,}`), text);
  const news = !NEWS_TRIGGER.test(lower) ? [] : findNews(text);
  // Only where the question asks about the company: elsewhere "you" is mostly anyone ("you build trust").
  const doings = questionType !== 'motivation' || !/\byou/.test(lower) ? [] : [...findCompanyDoings(doc), ...regexMatches(SETS_APART, text)];
  const all = [...used, ...usedProduct, ...facts, ...yours, ...roleDuty, ...builds, ...mission, ...news, ...doings].filter((m) => !company || m.text.toLowerCase() !== company.toLowerCase());
  all.sort((a, b) => a.start - b.start);
  return all.filter((m, i) => i === 0 || m.start >= all[i - 1]!.end);
}

/**
 * Whether the answer uses a posting's term. A single common word ("site", "data") is in every answer about
 * the field, so a one-word term counts only when it is a name or a technical token; a longer term needs
 * two of its words, or the whole phrase.
 */
function usesTerm(term: ContextTerm, lemmas: Set<string>, lower: string): boolean {
  if (term.lemmas.length === 0) return false;
  const distinctive = term.strength >= 2 || /[A-Z]{2,}|\d/.test(term.text);
  if (lower.includes(term.text.toLowerCase())) return term.lemmas.length > 1 || distinctive;
  const present = term.lemmas.filter((l) => lemmas.has(l)).length;
  return term.lemmas.length === 1 ? present === 1 && distinctive : present >= 2;
}

function termSpan(term: ContextTerm, doc: Document): Match | null {
  const lower = doc.text.toLowerCase();
  const at = lower.indexOf(term.text.toLowerCase());
  if (at >= 0) return { start: at, end: at + term.text.length, text: doc.text.slice(at, at + term.text.length) };
  const tokens = doc.tokens.filter((t) => term.lemmas.includes(t.lemma));
  if (!tokens.length) return null;
  return { start: tokens[0]!.start, end: tokens[0]!.end, text: tokens[0]!.text };
}

const ABSTRACT_NOUNS = new Set(abstractNouns.entries);

function countConcreteNouns(doc: Document, stock: Span[]): number {
  return doc.tokens.filter(
    (t) => t.pos === 'NOUN' && t.type === 'word' && !ABSTRACT_NOUNS.has(t.lemma) && !ABSTRACT_NOUNS.has(t.lower) && !stock.some((m) => t.start >= m.start && t.end <= m.end),
  ).length;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads every signal off the answer: one pass per lexicon over the text, one pass over the tokens. */
export function readSignals(doc: Document, input: AnalyzeInput, questionType: QuestionType): Signals {
  const text = doc.text;
  const contextText = input.context?.trim() || '';
  const companyName = input.company?.name ?? (contextText ? guessCompanyName(contextText) : null) ?? companyInQuestion(input.question);
  const terms = contextText ? contextTerms(contextText) : [];
  // Only a posting's terms are looked up among the lemmas; most answers come without one.
  const lemmas = new Set(terms.length ? doc.tokens.flatMap((t) => t.lemma.split('-')) : []);
  const lower = text.toLowerCase();
  const companyWords = new Set(
    [companyName, ...(input.company?.aliases ?? [])]
      .filter((x): x is string => Boolean(x))
      .flatMap((n) => n.toLowerCase().split(/\s+/)),
  );
  const contextUsed = terms.filter((t) => !t.lemmas.every((l) => companyWords.has(l)) && usesTerm(t, lemmas, lower));
  const usedSpans = contextUsed.map((t) => termSpan(t, doc)).filter((m): m is Match => m !== null);
  const measured = doc.measured.map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end), kind: 'measuredOutcome' as const }));
  const cliches = matches(LEXICONS.cliches, text);
  const buzzwords = matches(LEXICONS.buzzwords, text);
  // A number inside a stock phrase ("I give 110%") is part of the cliché, not a detail.
  const achieved = matches(LEXICONS.achievements, text).map((m) => ({ start: m.start, end: m.end, text: m.text, kind: 'achievement' as const }));
  const drivers: Driver[] = [...measured, ...achieved, ...findNumbers(doc, measured), ...findNames(doc, companyName), ...findQuotes(text)]
    .filter((d) => !cliches.some((c) => d.start < c.end && c.start < d.end))
    .sort((a, b) => a.start - b.start);
  const companyMentions = [companyName, ...(input.company?.aliases ?? [])]
    .filter((n): n is string => Boolean(n))
    .flatMap((n) => regexMatches(namedPattern(`\\b${escapeRegExp(n)}\\b`), text));
  const repeats = repeatedSentences(doc);
  const genericReasons = matches(LEXICONS.genericReasons, text);
  const needs = matches(LEXICONS.needs, text);
  return {
    words: doc.words,
    contentWords: doc.tokens.filter((t) => ['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM'].includes(t.pos) && t.type === 'word').length,
    cliches,
    buzzwords,
    genericReasons,
    needs,
    negativity: ownComplaints(matches(LEXICONS.negativity, text), text),
    strongNegativity: aimedComplaints(ownComplaints(matches(LEXICONS.strongNegativity, text), text), text),
    offPoint: findOffPoint(input.question, text, questionType),
    clicheWeaknesses: /\bweakness/i.test(input.question) ? matches(LEXICONS.clicheWeaknesses, text) : [],
    repeatedSentences: repeats,
    repetition: repeats.length / Math.max(1, doc.sentences.length),
    deflections: matches(LEXICONS.deflections, text),
    warmth: matches(LEXICONS.warmth, text),
    fillers: matches(LEXICONS.fillers, text),
    enthusiasm: matches(LEXICONS.enthusiasm, text),
    bareCategories: matches(LEXICONS.bareCategories, text),
    workWords: LEXICONS.workWords.count(text),
    drivers,
    asked: findAsked(doc),
    // "Build my career", "close to my flat": a tie inside a stock reason or a need says nothing of the candidate.
    personalTies: regexMatches(PERSONAL_TIE, text).filter((t) => ![...genericReasons, ...needs].some((m) => t.start < m.end && m.start < t.end)),
    companyName,
    companyMentions,
    contextUsed,
    contextUnused: terms.filter((t) => !contextUsed.includes(t) && !t.lemmas.every((l) => companyWords.has(l))).slice(0, 5),
    contextTermCount: terms.length,
    specifics: findSpecifics(doc, usedSpans, companyName, questionType),
    exclaims: text.includes('!'),
    concreteNouns: countConcreteNouns(doc, [...cliches, ...buzzwords]),
    opening: text.slice(0, doc.sentences[1]?.end ?? doc.sentences[0]?.end ?? 0),
    firstPerson: (text.match(/\b(I|I'm|I've|I'd|I'll|me|my|myself)\b/g) ?? []).length,
  };
}
