import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Verdict } from '../src/core/types.js';
import { mainReason } from '../src/review/index.js';
import { parseTranscript } from '../src/transcripts/index.js';
import { TRANSCRIPT_FORMATS } from '../src/transcripts/types.js';
import { candidateOutcome, checkMainReason, normalize, renderMainReasonErrors, scoreFile, tallyVerdicts, type Gold, type Predicted } from '../scripts/review-score.js';

const root = new URL('../eval/review/', import.meta.url);
/** The first set in eval/review itself, and each later set in a folder of its own. */
const sets = [root, ...readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => new URL(`${entry.name}/`, root))];
const goldsIn = (folder: URL) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.gold.json'))
    .map((name) => ({ folder, gold: JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as Gold }));
const golds = sets.flatMap(goldsIn);
const named = golds.map(({ folder, gold }) => [`${folder.pathname.slice(root.pathname.length)}${gold.transcript}`, folder, gold] as const);

describe('the review fixtures in eval/review', () => {
  test.each(sets.map((folder) => [folder.pathname.slice(root.pathname.length) || 'eval/review', folder] as const))(
    '%s covers every supported format at least twice, with CRLF and a byte-order mark among them',
    (_name, folder) => {
      const set = goldsIn(folder).map(({ gold }) => gold);
      for (const format of TRANSCRIPT_FORMATS) expect(set.filter((gold) => gold.format === format).length, format).toBeGreaterThanOrEqual(2);
      const bytes = set.map((gold) => readFileSync(new URL(gold.transcript, folder)));
      expect(bytes.some((file) => file.includes('\r\n'))).toBe(true);
      expect(bytes.some((file) => file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf)).toBe(true);
    },
  );

  test.each(named)('%s: the gold quotes the transcript', (_name, folder, gold) => {
    const text = normalize(parseTranscript(readFileSync(new URL(gold.transcript, folder), 'utf8')).cues.map((cue) => cue.text).join(' '));
    for (const pair of gold.pairs) {
      expect(text).toContain(normalize(pair.question));
      expect(text).toContain(normalize(pair.answerStarts));
      expect(text).toContain(normalize(pair.answerEnds));
    }
  });

  test.each(named)('%s: the gold main reason follows the stated definition', (_name, _folder, gold) => {
    expect(mainReason(tallyVerdicts(gold.pairs.map((pair) => pair.reasons)))).toBe(gold.mainReason);
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

describe('the main reason error listing', () => {
  const verdicts = (opportunity: Verdict, memorable: Verdict, specificReason: Verdict, starl: Verdict) => ({ opportunity, memorable, specificReason, starl });
  const gold: Gold = {
    transcript: 'y.vtt',
    format: 'zoom-vtt',
    candidate: { name: null, speaker: 'A' },
    pairs: [
      { question: 'Why us?', answerStarts: 'Your repair cafe', answerEnds: 'since I was twelve.', questionType: 'motivation', reasons: verdicts('pass', 'pass', 'pass', 'n/a') },
      { question: 'Tell me about a time you failed.', answerStarts: 'Last spring', answerEnds: 'nobody noticed.', questionType: 'behavioral', reasons: verdicts('pass', 'pass', 'n/a', 'miss') },
    ],
    mainReason: 'starl',
    note: '',
  };
  const motivation = { question: 'So, why us?', answer: 'Your repair cafe… since I was twelve.', questionType: 'motivation' as const };
  const story = { question: 'Tell me about a time you failed.', answer: 'Last spring… nobody noticed.', questionType: 'behavioral' as const };

  test('a wrong verdict that moves the main reason is blamed on the verdicts, and listed with its confidence', () => {
    const predicted: Predicted = {
      speaker: 'A', name: null, asked: false, mainReason: 'specificReason',
      pairs: [
        { ...motivation, reasons: verdicts('pass', 'pass', 'miss', 'n/a'), sureness: { opportunity: { confidence: 0.9, uncertain: false }, memorable: { confidence: 0.8, uncertain: false }, specificReason: { confidence: 0.55, uncertain: true }, starl: { confidence: 1, uncertain: false } } },
        { ...story, reasons: verdicts('pass', 'pass', 'n/a', 'miss') },
      ],
    };
    const check = checkMainReason(gold, predicted);
    expect(check).toMatchObject({ cause: 'verdicts', withGoldVerdicts: 'starl', predictedTallies: { specificReason: { misses: 1, applicable: 1 } } });
    expect(check.verdicts.filter((verdict) => verdict.predicted !== verdict.gold)).toEqual([
      { question: 'So, why us?', reason: 'specificReason', predicted: 'miss', gold: 'pass', confidence: 0.55, uncertain: true },
    ]);
    const listing = renderMainReasonErrors([check]);
    expect(listing).toContain('y.vtt: STAR(L), Starl said specific reason (from the verdicts');
    expect(listing).toContain('* specific reason on "So, why us?": miss (0.55, uncertain), gold pass');
    expect(listing).toContain('Main reason wrong on 1 of 1: 1 from the verdicts, 0 from the pairs, 0 from the gold.');
  });

  test('a story split in two that invents a miss is blamed on the pairs', () => {
    const predicted: Predicted = {
      speaker: 'A', name: null, asked: false, mainReason: 'opportunity',
      pairs: [
        { ...motivation, reasons: verdicts('pass', 'pass', 'pass', 'n/a') },
        { question: 'Tell me about a time you failed.', answer: 'Last spring we lost the order.', questionType: 'behavioral', reasons: verdicts('pass', 'pass', 'n/a', 'pass') },
        { question: 'Mm-hm?', answer: 'And nobody noticed.', questionType: 'other', reasons: verdicts('miss', 'n/a', 'n/a', 'n/a') },
      ],
    };
    expect(checkMainReason(gold, predicted)).toMatchObject({ cause: 'pairs', withGoldVerdicts: 'opportunity' });
  });

  test('a right main reason has no cause, whatever verdicts beside it are wrong', () => {
    const predicted: Predicted = { speaker: 'A', name: null, asked: false, mainReason: 'starl', pairs: [{ ...motivation, reasons: verdicts('miss', 'pass', 'pass', 'n/a') }, { ...story, reasons: verdicts('pass', 'pass', 'n/a', 'miss') }] };
    const check = checkMainReason(gold, predicted);
    expect(check.cause).toBeNull();
    expect(renderMainReasonErrors([check])).toContain('y.vtt: STAR(L), right (1 wrong verdict did not change it)');
  });
});
