import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.js';
import type { SentenceReport, StarLabel } from '../core/types.js';
import { timePerStarPart, type TimedWord } from './index.js';

/** Sentences as the analyzer reports them: offsets into the answer, text and label. */
function sentencesOf(parts: [StarLabel | undefined, string][]): SentenceReport[] {
  let at = 0;
  return parts.map(([star, text]) => {
    const sentence = { start: at, end: at + text.length, text, ...(star ? { star } : {}) };
    at += text.length + 1;
    return sentence;
  });
}

/** Each word of `text` said in `wordSeconds`, one after another from `start`, as a recognizer would time them. */
function said(text: string, start: number, wordSeconds = 0.4): TimedWord[] {
  return text.split(' ').map((word, i) => ({ word, start: start + i * wordSeconds, end: start + (i + 1) * wordSeconds }));
}

const SCENE = 'Our warehouse scanners kept dropping orders before the holiday rush.';
const TASK = 'I had two weeks to find out why.';
const ACTION = 'I logged every failed scan and moved two access points.';
const RESULT = 'Lost orders fell from forty a day to none.';

describe('timePerStarPart', () => {
  const sentences = sentencesOf([['S', SCENE], ['T', TASK], ['A', ACTION], ['R', RESULT]]);

  it('gives each part the time from its first word to the next sentence\'s first word', () => {
    // 10 words of scene from 0 s, a 2 s pause, 8 words of task, then action and result back to back.
    const words = [...said(SCENE, 0), ...said(TASK, 6), ...said(ACTION, 9.2), ...said(RESULT, 13.6)];
    const parts = timePerStarPart(sentences, words)!;
    expect(parts.seconds).toEqual({ S: 6, T: 3.2, A: 4.4, R: 3.6, L: 0, O: 0 });
    expect(parts.totalSeconds).toBe(17.2);
    expect(parts.situationTaskShare).toBeCloseTo(9.2 / 17.2, 3);
    expect(parts.sentences.map((s) => [s.label, s.start, s.end])).toEqual([
      ['S', 0, 6],
      ['T', 6, 9.2],
      ['A', 9.2, 13.6],
      ['R', 13.6, 17.2],
    ]);
  });

  it('finds the sentences though the recognizer spells, capitalises, drops and adds words its own way', () => {
    const heard = [
      ...said('our Warehouse scanners kept um dropping orders before the Holiday rush', 0),
      ...said('I had 2 weeks to find out why', 6),
      ...said('i logged every failed scan and moved two access-points', 9.2),
      ...said('lost orders fell from forty a day to none.', 13.6),
    ];
    const parts = timePerStarPart(sentences, heard)!;
    expect(parts.sentences.map((s) => s.label)).toEqual(['S', 'T', 'A', 'R']);
    expect(parts.seconds.S).toBeCloseTo(6, 3);
    expect(parts.seconds.R).toBeCloseTo(3.6, 3);
  });

  it('works with a recognizer that times whole phrases, not words', () => {
    const phrase = (text: string, start: number, end: number) => text.split(' ').map((word) => ({ word, start, end }));
    const parts = timePerStarPart(sentences, [...phrase(SCENE, 0, 20), ...phrase(`${TASK} ${ACTION}`, 21, 40), ...phrase(RESULT, 41, 45)])!;
    expect(parts.seconds.S).toBe(21);
    expect(parts.seconds.R).toBe(4);
    expect(parts.seconds.T + parts.seconds.A).toBe(20);
  });

  it('leaves out a sentence no timed word reached', () => {
    const parts = timePerStarPart(sentences, [...said(SCENE, 0), ...said(ACTION, 5)])!;
    expect(parts.sentences.map((s) => s.label)).toEqual(['S', 'A']);
    expect(parts.seconds.T).toBe(0);
  });

  it('says nothing for an answer that is not a story, or without timed words', () => {
    expect(timePerStarPart(sentencesOf([[undefined, 'Fine, thanks; I just got back from the Alps.']]), said('Fine thanks I just got back from the Alps', 0))).toBeNull();
    expect(timePerStarPart(sentences, [])).toBeNull();
  });

  it('takes the analyzer\'s own sentences, and accounts for every second between the first word and the last', () => {
    const answer = [SCENE, TASK, ACTION, RESULT, 'I learned to measure before guessing.'].join(' ');
    const report = analyze({ question: 'Tell me about a time you solved a problem.', answer });
    const words = said(answer, 1, 0.35);
    const parts = timePerStarPart(report.sentences, words)!;
    const total = Object.values(parts.seconds).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(parts.totalSeconds, 3);
    expect(parts.totalSeconds).toBeCloseTo(words.at(-1)!.end - words[0]!.start, 3);
    expect(parts.sentences).toHaveLength(report.sentences.length);
  });
});
