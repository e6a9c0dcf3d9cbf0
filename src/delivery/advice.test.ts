import { describe, expect, it } from 'vitest';
import { DELIVERY_METHOD, deliveryAdvice, paceOf, SYLLABLES_PER_WORD, type DeliveryMeasures, type StarPartTimes } from './index.js';

/**
 * Measures of a spoken answer, made to order: by default a 100-second story in range on every count
 * (140 words a minute, a pause of 1.2 s every 10 s).
 */
function measuresOf(answerSeconds: number, changes: { wordsPerMinute?: number | null; speechRate?: number | null; pauses?: number[] } = {}): DeliveryMeasures {
  const pauses = changes.pauses ?? Array<number>(Math.round(answerSeconds / 10)).fill(1.2);
  const silent = pauses.reduce((a, b) => a + b, 0);
  const wordsPerMinute = changes.wordsPerMinute === undefined ? 140 : changes.wordsPerMinute;
  const words = wordsPerMinute === null ? null : Math.round((wordsPerMinute * answerSeconds) / 60);
  let at = 1;
  return {
    method: DELIVERY_METHOD,
    recordingSeconds: answerSeconds + 2,
    speech: { start: 1, end: 1 + answerSeconds },
    answerSeconds,
    speakingSeconds: answerSeconds - silent,
    pauses: {
      count: pauses.length,
      totalSeconds: silent,
      longestSeconds: Math.max(0, ...pauses),
      silentShare: silent / answerSeconds,
      perMinute: (pauses.length / answerSeconds) * 60,
      spans: pauses.map((seconds) => ({ start: (at += 8), end: at + seconds })),
    },
    syllables: Math.round(((changes.speechRate ?? 3.2) * answerSeconds)),
    speechRate: changes.speechRate === undefined ? 3.2 : changes.speechRate,
    articulationRate: 3.8,
    words,
    wordsPerMinute,
    fillers: words === null ? null : { count: 0, per100Words: 0, found: [] },
    silenceBelowPeakDb: 25,
  };
}

const story = { questionType: 'behavioral' as const, balance: { shares: { S: 0.2, T: 0.1, A: 0.4, R: 0.2, L: 0.1, O: 0 }, words: 230, situationTaskShare: 0.3, maxSituationTaskShare: 0.5, actionIsLargest: true, ok: true } };
const opener = { questionType: 'motivation' as const, balance: null };
const ids = (findings: ReturnType<typeof deliveryAdvice>) => findings.map((finding) => finding.id);

describe('deliveryAdvice', () => {
  it('has nothing to say about a story told in range', () => {
    expect(deliveryAdvice(measuresOf(100), { report: story })).toEqual([]);
  });

  it('says when the pace is above 120–160 words a minute, with the figure and the range', () => {
    const [finding, ...rest] = deliveryAdvice(measuresOf(100, { wordsPerMinute: 184.6 }), { report: story });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ id: 'max-pace', severity: 'warning', messageId: 'tooFast', measured: 185, expected: { min: 120, max: 160 }, unit: 'words a minute' });
    expect(finding!.message).toBe('You spoke at about 185 words a minute; interviewers follow 120–160 best.');
    expect(finding!.suggestions).toEqual([{ kind: 'advice', id: 'slowDown', text: 'Slow down: pause at the end of each sentence and let your numbers land.' }]);
  });

  it('estimates the pace from syllables when there is no transcript, and says so', () => {
    const measures = measuresOf(100, { wordsPerMinute: null, speechRate: 2 });
    expect(paceOf(measures)).toEqual({ wordsPerMinute: (2 * 60) / SYLLABLES_PER_WORD, from: 'syllables' });
    const [finding] = deliveryAdvice(measures, { report: story });
    expect(finding?.id).toBe('min-pace');
    expect(finding?.message).toBe('You spoke at about 88 words a minute (from your syllables), under the 120–160 that holds a listener.');
  });

  it('holds a story to 1.5–2 minutes and any other answer to 2', () => {
    expect(deliveryAdvice(measuresOf(160), { report: story }).map((f) => [f.id, f.message])).toEqual([['max-answer-length', 'Your story took 2.7 minutes; interviewers expect 1.5 to 2.']]);
    expect(deliveryAdvice(measuresOf(50), { report: story }).map((f) => [f.id, f.message])).toEqual([['min-story-length', 'Your story took 50 seconds; a full one takes 1.5 to 2 minutes.']]);
    expect(deliveryAdvice(measuresOf(130), { report: opener }).map((f) => f.messageId)).toEqual(['answerTooLong']);
    expect(deliveryAdvice(measuresOf(50), { report: opener })).toEqual([]);
    expect(deliveryAdvice(measuresOf(50))).toEqual([]);
  });

  it('flags a pause past 3 seconds, silence over two fifths of the answer, and an answer that never pauses', () => {
    expect(ids(deliveryAdvice(measuresOf(100, { pauses: [4.2, 1, 1, 1, 1, 1, 1] }), { report: story }))).toEqual(['max-pause-length']);
    const hesitant = deliveryAdvice(measuresOf(100, { pauses: Array(15).fill(3) }), { report: story });
    expect(hesitant.map((f) => [f.id, f.message])).toEqual([['max-silent-share', 'Silence took 45% of your answer; it sounds hesitant.']]);
    expect(deliveryAdvice(measuresOf(100, { pauses: [0.5] }), { report: story }).map((f) => f.message)).toEqual(['You paused only 1 time in 100 seconds; your sentences run together.']);
    expect(deliveryAdvice(measuresOf(100, { pauses: [] }), { report: story }).map((f) => f.message)).toEqual(['You paused not once in 100 seconds; your sentences run together.']);
    // Too short to judge by the minute.
    expect(deliveryAdvice(measuresOf(15, { pauses: [] }))).toEqual([]);
  });

  it('says in seconds when the scene took more than the guide\'s half of the story', () => {
    const parts: StarPartTimes = { seconds: { S: 62, T: 8, A: 30, R: 15, L: 5, O: 0 }, totalSeconds: 120, situationTaskShare: 70 / 120, sentences: [] };
    const [finding] = deliveryAdvice(measuresOf(100), { report: story, starParts: parts });
    expect(finding).toMatchObject({ id: 'max-set-up-time', measured: 70 / 120, expected: { min: null, max: 0.5 }, unit: 'share' });
    expect(finding?.message).toBe('You spent 70 seconds setting the scene, 58% of the story.');
    expect(deliveryAdvice(measuresOf(100), { report: story, starParts: { ...parts, seconds: { ...parts.seconds, S: 30 }, situationTaskShare: 38 / 88 } })).toEqual([]);
  });

  it('has nothing to say about a recording without speech', () => {
    expect(deliveryAdvice({ ...measuresOf(100), speech: null, answerSeconds: 0, speechRate: null, wordsPerMinute: null })).toEqual([]);
  });

  it('writes every message as one short sentence with a suggestion, as the analyzer\'s findings are', () => {
    const all = [
      ...deliveryAdvice(measuresOf(200, { wordsPerMinute: 190, pauses: [5, ...Array(40).fill(2.2)] }), { report: story }),
      ...deliveryAdvice(measuresOf(40, { wordsPerMinute: 90, pauses: [] }), { report: story, starParts: { seconds: { S: 30, T: 5, A: 3, R: 2, L: 0, O: 0 }, totalSeconds: 40, situationTaskShare: 35 / 40, sentences: [] } }),
    ];
    expect(new Set(ids(all))).toEqual(new Set(['max-pace', 'min-pace', 'max-answer-length', 'min-story-length', 'max-pause-length', 'min-pause-rate', 'max-silent-share', 'max-set-up-time']));
    for (const finding of all) {
      expect(finding.message.length, finding.message).toBeLessThanOrEqual(100);
      expect(finding.message).toMatch(/^You|^Your|^Silence/);
      expect(finding.suggestions[0]?.text.length).toBeGreaterThan(20);
      const { min, max } = finding.expected;
      expect((min !== null && finding.measured < min) || (max !== null && finding.measured > max), finding.id).toBe(true);
    }
  });
});
