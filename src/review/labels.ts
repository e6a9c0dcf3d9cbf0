import type { Reason } from '../core/types.js';
import { countOf } from '../format/plural.js';
import type { CandidateIdentification } from '../transcripts/types.js';
import { restsOnFewAnswers } from './main-reason.js';
import type { Review, Tally } from './types.js';
import type { TranscriptFormat } from '../transcripts/types.js';
import { formatClock } from '../transcripts/time.js';
import { UNNAMED_CANDIDATE } from '../transcripts/turns.js';

/** How the four reasons are named to the candidate, and what missing each one means. */
export const REASON_LABELS: Record<Reason, { name: string; meaning: string }> = {
  opportunity: { name: 'opportunity', meaning: 'answers that did not use the question to connect' },
  memorable: { name: 'memorable', meaning: 'answers anyone could have given, with no detail only you could say' },
  specificReason: { name: 'specific reason', meaning: 'no reason for this company and role tied to you' },
  starl: { name: 'STAR(L)', meaning: 'stories without your own actions and results, or mostly situation' },
};

/** The transcript formats as people know them. */
export const FORMAT_LABELS: Record<TranscriptFormat, string> = {
  'zoom-vtt': 'Zoom transcript (WebVTT)',
  'teams-vtt': 'Microsoft Teams transcript (WebVTT)',
  webvtt: 'WebVTT without speaker names',
  srt: 'SubRip subtitles',
  'google-meet': 'Google Meet transcript',
  otter: 'Otter.ai transcript',
  notes: 'notes',
};

/** `[m:ss]` for a moment with a time, else `line N`, so every quote can be found again. */
export function where(time: number | null, line: number): string {
  return time === null ? `line ${line}` : `${formatClock(time)}`;
}

/** A share as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Quotes longer than this are shortened on screen; the JSON keeps them whole. */
const MAX_SHOWN_QUOTE = 160;

/** A quote shortened for reading to `max` characters (default 160), with an ellipsis where it was cut. */
export function shortQuote(quote: string, max = MAX_SHOWN_QUOTE): string {
  return quote.length > max ? `${quote.slice(0, max - 1).trimEnd()}…` : quote;
}

/** How many strengths to name per answer, and how much of each: a reminder, not a second copy. */
const MAX_SHOWN_STRENGTHS = 3;
const MAX_STRENGTH_QUOTE = 80;

/** The distinct words that counted for an answer, for one line of praise. */
export function strengthQuotes(quotes: readonly string[]): string[] {
  return [...new Set(quotes.map((quote) => quote.trim()).filter(Boolean))].slice(0, MAX_SHOWN_STRENGTHS).map((quote) => shortQuote(quote, MAX_STRENGTH_QUOTE));
}

/** A reason's count as people say it: "2 of 4 answers missed". */
export function missCount(tally: Tally): string {
  return `${tally.misses} of ${countOf(tally.applicable, 'answer')} missed`;
}

/** Said plainly when a share rests on one or two answers; empty otherwise. */
export function fewAnswersNote(tally: Tally): string {
  if (!restsOnFewAnswers(tally)) return '';
  return tally.applicable === 1 ? 'this rests on a single answer' : 'this rests on only two answers';
}

/**
 * Said plainly when Starl is unsure of some of a reason's misses (the answers sit near the line), since
 * the main reason then leans on verdicts that could go either way; empty otherwise.
 */
export function unsureMissesNote(review: Pick<Review, 'pairs'>, reason: Reason): string {
  const misses = review.pairs.filter((pair) => pair.reasons?.[reason].verdict === 'miss');
  const unsure = misses.filter((pair) => pair.reasons?.[reason].uncertain).length;
  if (unsure === 0) return '';
  const nearTheLine = unsure === 1 ? 'the answer sits near the line' : 'those answers sit near the line';
  if (misses.length === 1) return `Starl is unsure of that miss: ${nearTheLine}`;
  return `Starl is unsure of ${unsure === misses.length ? `all ${misses.length}` : `${unsure} of these ${misses.length}`} misses: ${nearTheLine}`;
}

/** "Lena Marsh (\"A\" in the transcript)": who the review is about, by name when the transcript gives one. */
export function candidateLabel(review: Pick<Review, 'candidate' | 'identification'>): string {
  const { name } = review.identification;
  // Without speaker names the side is called "Candidate" by Starl, not by the transcript.
  const unnamedSide = review.candidate === UNNAMED_CANDIDATE;
  if (name === null) return unnamedSide ? 'the candidate' : `"${review.candidate}"`;
  return name === review.candidate || unnamedSide ? name : `${name} ("${review.candidate}" in the transcript)`;
}

/** How sure Starl is of the candidate, and on what clues, in one line. */
export function identificationLine(identification: CandidateIdentification, basis: Review['candidateBasis']): string {
  if (basis === 'override') return 'you named the candidate';
  const sureness = { high: 'sure', medium: 'fairly sure', low: 'not sure' }[identification.confidence];
  return `${sureness}: ${identification.clues.join('; ')}`;
}
