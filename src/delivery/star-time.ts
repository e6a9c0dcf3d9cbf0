import { wordsOf } from '../core/lexicon/lexicon.js';
import { STAR_LABELS, type SentenceReport, type StarLabel } from '../core/types.js';
import { thousandths } from './round.js';
import type { StarPartTimes, TimedWord } from './types.js';

/**
 * How far ahead in the transcript a sentence's word is looked for: a recognizer drops or splits a
 * word now and then, and the candidate may correct a few; a word further off is taken as not said.
 */
const LOOK_AHEAD_WORDS = 8;

/** The share of a sentence's words that must be found in the transcript for the sentence to be timed. */
const MIN_WORDS_FOUND = 0.5;

/** A word as both sides are compared: its letters and digits, lower-cased, apostrophes and hyphens dropped. */
function keyOf(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The transcript's words as keys with their times. Words that share one time (a recognizer that times
 * whole phrases, or a timed "word" of two) share it out evenly in their order.
 */
function timedKeys(words: readonly TimedWord[]): { key: string; start: number; end: number }[] {
  const keys = words.flatMap((word) =>
    wordsOf(word.word)
      .map((token) => keyOf(token.key))
      .filter((key) => key !== '')
      .map((key) => ({ key, start: word.start, end: word.end })),
  );
  for (let first = 0; first < keys.length; ) {
    const { start, end } = keys[first]!;
    let last = first;
    while (last + 1 < keys.length && keys[last + 1]!.start === start && keys[last + 1]!.end === end) last++;
    const share = (end - start) / (last - first + 1);
    for (let i = first; i <= last; i++) keys[i] = { key: keys[i]!.key, start: start + (i - first) * share, end: start + (i - first + 1) * share };
    first = last + 1;
  }
  return keys;
}

/**
 * Seconds spent in each STAR(L) part of a spoken story: the analyzer's labelled sentences are found in
 * the transcript's timed words, in order, and each sentence runs from its first word to the next
 * sentence's first word, so the pause after a sentence counts for it. Returns null when no sentence is
 * labelled (the answer was not a story) or no sentence's words were found among the timed words.
 *
 * @example
 * const parts = timePerStarPart(report.sentences, transcript.words);
 * parts?.seconds.S; // 70: "you spent 70 seconds setting the scene"
 */
export function timePerStarPart(sentences: readonly SentenceReport[], words: readonly TimedWord[]): StarPartTimes | null {
  if (!sentences.some((sentence) => sentence.star)) return null;
  const timed = timedKeys(words);
  let next = 0;
  const found: { label: StarLabel | null; start: number; end: number }[] = [];
  for (const sentence of sentences) {
    const tokens = wordsOf(sentence.text).map((token) => keyOf(token.key)).filter((key) => key !== '');
    let at = next;
    let matched = 0;
    let start = Infinity;
    let end = -Infinity;
    for (const key of tokens) {
      const limit = Math.min(timed.length, at + LOOK_AHEAD_WORDS);
      for (let i = at; i < limit; i++) {
        if (timed[i]!.key !== key) continue;
        start = Math.min(start, timed[i]!.start);
        end = Math.max(end, timed[i]!.end);
        at = i + 1;
        matched++;
        break;
      }
    }
    // A sentence is found when enough of its words were heard in order; otherwise its few stray
    // matches ("I", "the") belong to the sentences after it, which start looking where it did.
    if (matched < Math.max(1, tokens.length * MIN_WORDS_FOUND)) continue;
    found.push({ label: sentence.star ?? null, start, end });
    next = at;
  }
  if (found.length === 0) return null;
  // Each sentence lasts until the next one starts (never less than nothing); the last, until its last word ends.
  const spans = found.map((sentence, i) => {
    const following = found[i + 1];
    return { ...sentence, end: following ? Math.max(sentence.start, following.start) : sentence.end };
  });
  const seconds = Object.fromEntries(STAR_LABELS.map((label) => [label, 0])) as Record<StarLabel, number>;
  for (const span of spans) if (span.label) seconds[span.label] += span.end - span.start;
  const totalSeconds = spans.reduce((sum, span) => sum + span.end - span.start, 0);
  for (const label of STAR_LABELS) seconds[label] = thousandths(seconds[label]);
  return {
    seconds,
    totalSeconds: thousandths(totalSeconds),
    situationTaskShare: totalSeconds > 0 ? thousandths((seconds.S + seconds.T) / totalSeconds) : 0,
    sentences: spans.map((span) => ({ label: span.label, start: thousandths(span.start), end: thousandths(span.end) })),
  };
}
