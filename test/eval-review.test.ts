import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { REASONS, type Reason } from '../src/core/types.js';
import { mainReason } from '../src/review/index.js';
import { parseTranscript } from '../src/transcripts/index.js';
import { TRANSCRIPT_FORMATS } from '../src/transcripts/types.js';
import { candidateOutcome, normalize, scoreFile, type Gold, type Predicted } from '../scripts/review-score.js';

const folder = new URL('../eval/review/', import.meta.url);
const golds = readdirSync(folder)
  .filter((name) => name.endsWith('.gold.json'))
  .map((name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as Gold);

describe('the review fixtures in eval/review', () => {
  test('cover every supported format at least twice, with CRLF and a byte-order mark among them', () => {
    for (const format of TRANSCRIPT_FORMATS) expect(golds.filter((gold) => gold.format === format).length, format).toBeGreaterThanOrEqual(2);
    const bytes = golds.map((gold) => readFileSync(new URL(gold.transcript, folder)));
    expect(bytes.some((file) => file.includes('\r\n'))).toBe(true);
    expect(bytes.some((file) => file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf)).toBe(true);
  });

  test.each(golds.map((gold) => [gold.transcript, gold] as const))('%s: the gold quotes the transcript', (_name, gold) => {
    const text = normalize(parseTranscript(readFileSync(new URL(gold.transcript, folder), 'utf8')).cues.map((cue) => cue.text).join(' '));
    for (const pair of gold.pairs) {
      expect(text).toContain(normalize(pair.question));
      expect(text).toContain(normalize(pair.answerStarts));
      expect(text).toContain(normalize(pair.answerEnds));
    }
  });

  test.each(golds.map((gold) => [gold.transcript, gold] as const))('%s: the gold main reason follows the stated definition', (_name, gold) => {
    const tallies = Object.fromEntries(
      REASONS.map((reason) => {
        const applicable = gold.pairs.filter((pair) => pair.reasons[reason] !== 'n/a');
        return [reason, { misses: applicable.filter((pair) => pair.reasons[reason] === 'miss').length, applicable: applicable.length }];
      }),
    ) as Record<Reason, { misses: number; applicable: number }>;
    expect(mainReason(tallies)).toBe(gold.mainReason);
  });
});

describe('the review scorer', () => {
  const passAll = { opportunity: 'pass', memorable: 'n/a', specificReason: 'n/a', starl: 'n/a' } as const;
  const gold: Gold = {
    transcript: 'x.vtt',
    format: 'zoom-vtt',
    candidate: { name: 'Ana Silva', speaker: 'A' },
    pairs: [
      { question: 'How are you?', answerStarts: 'Good, thanks', answerEnds: 'the drive was lovely.', questionType: 'opener', reasons: passAll },
    ],
    mainReason: null,
    note: '',
  };
  const predicted = (pairs: Predicted['pairs'], name: string | null = 'Ana Silva', asked = false): Predicted => ({ speaker: 'A', name, asked, pairs, mainReason: null });

  test('finds a pair whose answer has the gold ends, whatever the punctuation', () => {
    const score = scoreFile(gold, predicted([{ question: 'So, how are you?', answer: 'Good thanks! The drive was lovely', questionType: 'opener', reasons: passAll }]));
    expect(score).toMatchObject({ found: 1, spurious: 0, typesRight: 1, verdictsRight: 4 });
  });

  test('an answer split in two is not found, and both halves are spurious', () => {
    const score = scoreFile(
      gold,
      predicted([
        { question: 'How are you?', answer: 'Good, thanks.', questionType: 'opener', reasons: passAll },
        { question: 'Really?', answer: 'The drive was lovely.', questionType: 'other', reasons: passAll },
      ]),
    );
    expect(score).toMatchObject({ found: 0, spurious: 2, missed: ['How are you?'] });
  });

  test('the candidate is right by name, asked when Starl said it was unsure, else wrong', () => {
    expect(candidateOutcome(gold, predicted([]))).toBe('right');
    expect(candidateOutcome(gold, predicted([], null))).toBe('wrong');
    expect(candidateOutcome(gold, predicted([], 'Bo Chen', true))).toBe('asked');
    const unnamed: Gold = { ...gold, candidate: { name: null, speaker: null } };
    expect(candidateOutcome(unnamed, { ...predicted([], null), speaker: 'Candidate' })).toBe('right');
    expect(candidateOutcome(unnamed, predicted([], 'Graham'))).toBe('wrong');
  });
});
