import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { REASONS, type Reason } from '../core/types.js';
import { readInterview } from '../transcripts/interview.js';
import { buildReview } from './build.js';
import { mainReason } from './main-reason.js';
import { reviewToJson } from './render-json.js';
import type { Review, Tally } from './types.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/transcripts/${name}`, import.meta.url), 'utf8');
const review = (name: string, candidate?: string): Review =>
  buildReview(readInterview(fixture(name), candidate === undefined ? {} : { candidate }));

const zoom = review('zoom-backend-engineer.vtt');

describe('buildReview on a real interview', () => {
  test('every pair gets its question type and four verdicts from the analyzer', () => {
    expect(zoom.pairs.map((pair) => pair.questionType)).toEqual(['opener', 'introduction', 'motivation', 'behavioral', 'behavioral', 'closing']);
    for (const pair of zoom.pairs) {
      expect(pair.problem).toBeNull();
      for (const reason of REASONS) expect(['pass', 'miss', 'n/a']).toContain(pair.reasons?.[reason].verdict);
    }
  });

  test('tallies count misses among the answers where each reason applies', () => {
    for (const reason of REASONS) {
      const verdicts = zoom.pairs.map((pair) => pair.reasons?.[reason].verdict);
      expect(zoom.tallies[reason]).toEqual({
        misses: verdicts.filter((verdict) => verdict === 'miss').length,
        applicable: verdicts.filter((verdict) => verdict === 'pass' || verdict === 'miss').length,
      });
    }
  });

  test('the generic motivation answer is what cost Jordan the interview, quoted at its moment', () => {
    expect(zoom.pairs[2]?.reasons?.specificReason.verdict).toBe('miss');
    expect(zoom.mainReason).toBe('specificReason');
    const [moment] = zoom.worstMoments.specificReason;
    expect(moment?.question).toBe('So, why are you interested in this role at Fernway?');
    expect(zoom.pairs[2]?.answer).toContain(moment?.quote.replace(/…$/, ''));
    expect(moment?.time).toBeGreaterThanOrEqual(107);
  });

  test('the incident story that is mostly situation misses STAR(L)', () => {
    expect(zoom.pairs[3]?.reasons?.starl.verdict).toBe('miss');
    expect(zoom.pairs[4]?.reasons?.starl.verdict).toBe('pass');
  });

  test('every finding quotes the answer and is placed at or after the answer starts', () => {
    for (const pair of zoom.pairs) {
      for (const finding of pair.findings) {
        expect(pair.answer).toContain(finding.quote);
        expect(finding.time).toBeGreaterThanOrEqual(pair.start ?? 0);
      }
    }
  });

  test('worst moments come from answers that missed that reason, worst first', () => {
    for (const reason of REASONS) {
      const scores = zoom.worstMoments[reason].map((moment) => {
        expect(zoom.pairs[moment.pair]?.reasons?.[reason].verdict).toBe('miss');
        return moment.score ?? 0;
      });
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
    }
  });

  test('the JSON has the fields the issue promises', () => {
    const json = JSON.parse(JSON.stringify(reviewToJson(zoom)));
    expect(json).toMatchObject({ candidate: 'Jordan Kim', interviewers: ['Priya Shah', 'Marcus Bell'], mainReason: 'specificReason' });
    for (const pair of json.pairs) {
      expect(Object.keys(pair)).toEqual(expect.arrayContaining(['question', 'answer', 'start', 'questionType', 'reasons']));
      expect(pair).not.toHaveProperty('report');
      for (const reason of REASONS) expect(Object.keys(pair.reasons[reason])).toEqual(['verdict', 'score', 'summary', 'confidence', 'uncertain']);
    }
    for (const reason of REASONS) expect(Object.keys(json.tallies[reason])).toEqual(['misses', 'applicable']);
    expect(json).toMatchObject({ identification: { name: 'Jordan Kim', confidence: 'high', unsure: null }, practice: { reason: 'specificReason', command: 'starl practice --only motivation' } });
    expect(json).toHaveProperty('runnerUp');
  });
});

describe('delivery', () => {
  test('a Zoom transcript gives talk time by speaking time and a pace', () => {
    expect(zoom.delivery.talkTimeBasis).toBe('time');
    expect(zoom.delivery.talkTimeShare).toBeGreaterThan(0.5);
    expect(zoom.delivery.talkTimeShare).toBeLessThan(0.8);
    // The fixture was timed at 2.6 words a second: 156 words a minute.
    expect(zoom.delivery.wordsPerMinute).toBeCloseTo(156, 0);
    expect(zoom.delivery.fillerRateReliable).toBe(true);
    expect(zoom.delivery.fillers).toBeGreaterThan(5);
  });

  test('an Otter transcript without a single "um" is flagged as cleaned', () => {
    const otter = review('otter-product-designer.txt');
    expect(otter.delivery).toMatchObject({ fillers: 0, fillerRateReliable: false, talkTimeBasis: 'time' });
    expect(otter.delivery.wordsPerMinute).not.toBeNull();
  });

  test('Google Meet prints times every few minutes only: no pace, talk time by words', () => {
    const meet = review('meet-customer-success.txt');
    expect(meet.delivery).toMatchObject({ wordsPerMinute: null, talkTimeBasis: 'words' });
    expect(meet.pairs.every((pair) => pair.start === null)).toBe(true);
  });
});

test('an answer the analyzer refuses is recorded in its pair; the rest is judged', () => {
  const rambling = Array.from({ length: 4000 }, () => 'and then we kept going').join(' ');
  const text = `Q: How are you?\nA: Really well, thanks, I've been looking forward to talking about the platform team.\nQ: Tell me about a time you failed.\nA: ${rambling}.\n`;
  const result = buildReview(readInterview(text));
  expect(result.pairs[0]?.problem).toBeNull();
  expect(result.pairs[1]).toMatchObject({ problem: { code: 'E_INPUT_TOO_LONG' }, reasons: null, questionType: null, report: null });
  expect(result.tallies.starl.applicable).toBe(0);
});

describe('mainReason', () => {
  const tallies = (misses: number[], applicable: number[]): Record<Reason, Tally> =>
    Object.fromEntries(REASONS.map((reason, index) => [reason, { misses: misses[index] ?? 0, applicable: applicable[index] ?? 0 }])) as Record<Reason, Tally>;

  test.each([
    ['no misses', [0, 0, 0, 0], [5, 3, 1, 2], null],
    ['highest share, not the most misses', [2, 2, 1, 0], [6, 4, 1, 2], 'specificReason'],
    ['a tie goes to the earlier reason', [1, 2, 0, 1], [2, 4, 1, 2], 'opportunity'],
    ['a tie between the last two', [0, 0, 1, 1], [3, 3, 2, 2], 'specificReason'],
    ['nothing applicable', [0, 0, 0, 0], [0, 0, 0, 0], null],
  ] as const)('%s', (_name, misses, applicable, expected) => {
    expect(mainReason(tallies([...misses], [...applicable]))).toBe(expected);
  });
});
