import type { QuestionType } from '../types.js';
import patterns from './patterns.json' with { type: 'json' };

/** The question type with how sure the classifier is, 0 to 1. */
export interface QuestionTypeGuess {
  type: QuestionType;
  confidence: number;
}

type PatternTable = Record<QuestionType, RegExp[]>;

const TABLE: PatternTable = Object.fromEntries(
  Object.entries(patterns.types).map(([type, sources]) => [type, sources.map((s) => new RegExp(s, 'i'))]),
) as PatternTable;

/** Hypotheticals ("What would you do if…") are `other` even when they name a situation. */
const HYPOTHETICAL = /\b(what would you do|how would you (handle|deal|approach|respond|react|manage))\b/i;
/** "Why Brightwire?", "Why the library?": a short bare why asks for motivation. */
const WHY_SHORT = /^\W*(so,? )?why ([\w&'’.-]+)(\s+[\w&'’.-]+){0,3}\s*\?*\s*$/i;
/** "Why do you want to work remotely?" asks about a way of working, which the guide files under `other`. */
const REMOTE_STYLE = /\b(remote|remotely|from home|hybrid|part-time|part time|freelance|nights|night shifts|four-day week)\b/;
/** Short "why" questions about a way of working ("Why remote?") are `other` in the guide. */
const WORKING_STYLE = /\b(remote|remotely|hybrid|freelance|contract|contracting|part-time|full-time|nights|shifts|agency|consulting|consultancy|startups?|big companies|the gap|now|not)\b/i;
/** A first-person past story in the answer: the tie-breaker when the question names no type. */
const PAST_STORY = /\b(I|we) (was|were|had|did|got|went|made|took|decided|started|built|led|managed|called|asked|told|found|noticed|realised|realized|worked|ran|set up|created|spoke|sat|wrote|\w+ed)\b/gi;

/** Lower-cases and straightens quotes so the patterns need one spelling. */
function normalize(question: string): string {
  return stripLeadIn(question.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim());
}

/** Spoken lead-ins ("And", "So, um,", "Okay, great.") carry no type; transcripts are full of them. */
const LEAD_IN = /^(?:(?:and|so|okay|ok|right|well|um+|uh+|erm|great|alright|all right|cool|thanks|thank you|perfect|lovely|brilliant|nice|good|yeah|yes|now|then)\b[,.!]?\s*)+/;

function stripLeadIn(text: string): string {
  const stripped = text.replace(LEAD_IN, '');
  return stripped.length > 0 ? stripped : text;
}

function firstMatch(text: string, type: QuestionType): number {
  let best = -1;
  for (const pattern of TABLE[type]) {
    const match = pattern.exec(text);
    if (match && (best < 0 || match.index < best)) best = match.index;
  }
  return best;
}

/**
 * Decides the guide's question type from the question, and from the answer when the question names none.
 * A compound question takes the type of the part that asks for a story, if any, else of its first part.
 */
export function classifyQuestion(question: string, answer = ''): QuestionTypeGuess {
  const cached = CACHE.get(question);
  if (cached) return cached;
  const guess = classify(question, answer);
  // Only guesses made from the question alone are cached: a fallback that read the answer is not reusable.
  if (guess.confidence > 0.5) {
    if (CACHE.size >= 500) CACHE.clear();
    CACHE.set(question, guess);
  }
  return guess;
}

/** Batches and practice sessions ask the same questions again and again. */
const CACHE = new Map<string, QuestionTypeGuess>();

function classify(question: string, answer: string): QuestionTypeGuess {
  const text = normalize(question);
  const storyAt = firstMatch(text, 'behavioral');
  const hypotheticalAt = text.search(HYPOTHETICAL);
  if (storyAt >= 0 && (hypotheticalAt < 0 || storyAt < hypotheticalAt)) {
    return { type: 'behavioral', confidence: 0.95 };
  }
  if (/^why\b/.test(text) && REMOTE_STYLE.test(text) && !/\b(at|for|with|join|here|us|our)\b/.test(text)) return { type: 'other', confidence: 0.8 };
  if (WHY_SHORT.test(text) && !WORKING_STYLE.test(text)) return { type: 'motivation', confidence: 0.85 };
  const found: { type: QuestionType; at: number }[] = [];
  for (const type of ['opener', 'introduction', 'personal', 'motivation', 'closing', 'other'] as const) {
    const at = firstMatch(text, type);
    if (at >= 0) found.push({ type, at });
  }
  if (found.length > 0) {
    found.sort((a, b) => a.at - b.at);
    const first = found[0]!;
    return { type: first.type, confidence: found.length === 1 ? 0.9 : 0.75 };
  }
  const stories = answer.match(PAST_STORY)?.length ?? 0;
  if (stories >= 3) return { type: 'behavioral', confidence: 0.5 };
  return { type: 'other', confidence: 0.4 };
}
