import { wordsOf } from '../core/lexicon/lexicon.js';
import { STAR_LABELS, type SentenceReport, type StarLabel } from '../core/types.js';
import { thousandths } from './round.js';
import type { StarPartTimes, TimedWord } from './types.js';

/**
 * How far ahead in the transcript a sentence's word is looked for: a recognizer drops or splits a
 * word now and then, and the candidate may correct a few; a word further off is taken as not said.
 */
const LOOK_AHEAD_WORDS = 8;

/** A word as both sides are compared: its letters and digits, lower-cased, apostrophes and hyphens dropped. */
function keyOf(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The transcript's words as keys with their times; a timed "word" of two ("e-mail it") gives both the same time. */
function timedKeys(words: readonly TimedWord[]): { key: string; start: number; end: number }[] {
  return words.flatMap((word) =>
    wordsOf(word.word)
      .map((token) => keyOf(token.key))
      .filter((key) => key !== '')
      .map((key) => ({ key, start: word.start, end: word.end })),
  );
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
    let start = Infinity;
    let end = -Infinity;
    for (const token of wordsOf(sentence.text)) {
      const key = keyOf(token.key);
      if (key === '') continue;
      const limit = Math.min(timed.length, next + LOOK_AHEAD_WORDS);
      for (let i = next; i < limit; i++) {
        if (timed[i]!.key !== key) continue;
        start = Math.min(start, timed[i]!.start);
        end = Math.max(end, timed[i]!.end);
        next = i + 1;
        break;
      }
    }
    if (start !== Infinity) found.push({ label: sentence.star ?? null, start, end });
  }
  if (found.length === 0) return null;
  // Each sentence lasts until the next one starts; the last, until its last word ends.
  const spans = found.map((sentence, i) => ({ ...sentence, end: Math.max(sentence.end, found[i + 1]?.start ?? sentence.end) }));
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
