import { describe, expect, it } from 'vitest';
import { StarlError } from '../core/errors.js';
import { join, mix, noise, RATE, silence, tone } from '../../test/support/audio.js';
import { measureDelivery } from './index.js';

/** Three pauses of known length between four half-second bursts, with half a second of lead-in and tail. */
const GAPS = [0.3, 0.8, 1.5];
const BURST = 0.5;
const bursts = (options?: Parameters<typeof tone>[1]) =>
  join(silence(0.5), tone(BURST, options), ...GAPS.flatMap((gap) => [silence(gap), tone(BURST, options)]), silence(0.5));
const answerSeconds = 4 * BURST + GAPS.reduce((a, b) => a + b, 0);

/**
 * Pause edges are found on a 5 ms grid with a window of 5 ms deviation; a burst's 10 ms fade also sits
 * partly under the threshold. Together they move an edge by at most about 20 ms.
 */
const EDGE = 0.02;

describe('measureDelivery on silence', () => {
  it('finds no speech, no pauses and no rates in digital silence', () => {
    const measures = measureDelivery(silence(3), RATE);
    expect(measures.recordingSeconds).toBe(3);
    expect(measures.speech).toBeNull();
    expect(measures).toMatchObject({ answerSeconds: 0, speakingSeconds: 0, syllables: 0, speechRate: null, articulationRate: null });
    expect(measures.pauses).toEqual({ count: 0, totalSeconds: 0, longestSeconds: 0, silentShare: 0, perMinute: 0, spans: [] });
  });

  it('finds no speech in steady noise, as from a fan or a muted microphone', () => {
    expect(measureDelivery(noise(3, 0.01), RATE).speech).toBeNull();
    expect(measureDelivery(noise(3, 0.0001), RATE).speech).toBeNull();
  });

  it('measures an empty recording as no speech', () => {
    expect(measureDelivery(new Float32Array(0), RATE)).toMatchObject({ recordingSeconds: 0, speech: null, syllables: 0 });
  });
});

describe('measureDelivery on tone bursts with known pauses', () => {
  it('finds each pause where it was made, with its length', () => {
    const { pauses, speech } = measureDelivery(bursts(), RATE);
    expect(pauses.count).toBe(3);
    let start = 0.5 + BURST;
    pauses.spans.forEach((span, i) => {
      expect(span.start).toBeCloseTo(start, 1);
      expect(Math.abs(span.start - start)).toBeLessThanOrEqual(EDGE);
      expect(Math.abs(span.end - span.start - GAPS[i]!)).toBeLessThanOrEqual(2 * EDGE);
      start += GAPS[i]! + BURST;
    });
    expect(Math.abs(pauses.longestSeconds - 1.5)).toBeLessThanOrEqual(2 * EDGE);
    expect(Math.abs(speech!.start - 0.5)).toBeLessThanOrEqual(EDGE);
    expect(Math.abs(speech!.end - (0.5 + answerSeconds))).toBeLessThanOrEqual(EDGE);
  });

  it('gives the silent share and speaking time of the answer, not of the lead-in and tail', () => {
    const measures = measureDelivery(bursts(), RATE);
    const silent = GAPS.reduce((a, b) => a + b, 0) / answerSeconds;
    expect(Math.abs(measures.pauses.silentShare - silent)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(measures.answerSeconds - answerSeconds)).toBeLessThanOrEqual(2 * EDGE);
    expect(Math.abs(measures.speakingSeconds - 4 * BURST)).toBeLessThanOrEqual(4 * EDGE);
    expect(measures.pauses.perMinute).toBeCloseTo((3 / measures.answerSeconds) * 60, 2);
  });

  it('counts a silence shorter than a quarter second as part of the speech', () => {
    const measures = measureDelivery(join(tone(0.5), silence(0.15), tone(0.5), silence(0.6), tone(0.5)), RATE);
    expect(measures.pauses.count).toBe(1);
    expect(Math.abs(measures.pauses.longestSeconds - 0.6)).toBeLessThanOrEqual(2 * EDGE);
  });

  it('finds the same pauses under steady room noise 20 dB below the bursts', () => {
    const clean = measureDelivery(bursts(), RATE);
    // Uniform noise of amplitude a has power a²/3; the bursts' sine at 0.5 has 0.125, 20 dB above 0.00125.
    const noisy = measureDelivery(mix(bursts(), noise(1, Math.sqrt(3 * 0.00125))), RATE);
    expect(noisy.silenceBelowPeakDb).toBeLessThan(25);
    expect(noisy.pauses.count).toBe(3);
    noisy.pauses.spans.forEach((span, i) => {
      expect(Math.abs(span.start - clean.pauses.spans[i]!.start)).toBeLessThanOrEqual(EDGE);
      expect(Math.abs(span.end - clean.pauses.spans[i]!.end)).toBeLessThanOrEqual(EDGE);
    });
  });

  it('ignores a click in a pause', () => {
    const click = tone(0.03, { amplitude: 0.9 });
    const measures = measureDelivery(join(tone(0.5), silence(0.5), click, silence(0.5), tone(0.5)), RATE);
    expect(measures.pauses.count).toBe(1);
    expect(measures.pauses.longestSeconds).toBeGreaterThan(1);
  });
});

describe('measureDelivery counts syllables as voiced intensity peaks', () => {
  it('counts one syllable per steady voiced burst', () => {
    expect(measureDelivery(bursts(), RATE).syllables).toBe(4);
  });

  it('counts each rise and fall of a voice whose loudness swings syllable by syllable', () => {
    for (const syllables of [4, 8, 12]) {
      const measures = measureDelivery(join(silence(0.3), tone(2, { hz: 120, syllables }), silence(0.3)), RATE);
      expect(measures.syllables, `${syllables} syllables in 2 s`).toBe(syllables);
      expect(measures.articulationRate).toBeCloseTo(syllables / measures.speakingSeconds, 3);
    }
  });

  it('does not count bursts of noise, which have no voice', () => {
    const hiss = (seed: number) => noise(0.4, 0.3, seed);
    const measures = measureDelivery(join(silence(0.3), hiss(1), silence(0.6), hiss(2), silence(0.6), hiss(3), silence(0.3)), RATE);
    expect(measures.pauses.count).toBe(2);
    expect(measures.syllables).toBe(0);
    expect(measures.speechRate).toBe(0);
  });

  it('measures the same at another sample rate', () => {
    const at16k = measureDelivery(bursts(), RATE);
    // The same bursts at 48 kHz: each sample repeated three times is the same sound, three times as dense.
    const dense = bursts();
    const at48k = measureDelivery(Float32Array.from({ length: dense.length * 3 }, (_, i) => dense[Math.floor(i / 3)]!), 3 * RATE);
    expect(at48k.syllables).toBe(at16k.syllables);
    expect(at48k.pauses.count).toBe(at16k.pauses.count);
    expect(Math.abs(at48k.pauses.longestSeconds - at16k.pauses.longestSeconds)).toBeLessThanOrEqual(0.01);
  });

  it('is not misled by a microphone\'s constant offset', () => {
    const offset = bursts().map((x) => x + 0.2);
    const measures = measureDelivery(offset, RATE);
    expect(measures.pauses.count).toBe(3);
    expect(measures.syllables).toBe(4);
  });
});

describe('measureDelivery with a transcript', () => {
  it('adds words a minute over the answer\'s time and counts fillers with the analyzer\'s lexicon', () => {
    const text = 'Um, so I led the move to the new warehouse, you know, and um it went well, like, really well.';
    const measures = measureDelivery(bursts(), RATE, { text });
    expect(measures.words).toBe(20);
    expect(measures.wordsPerMinute).toBeCloseTo((20 / measures.answerSeconds) * 60, 2);
    expect(measures.fillers?.found).toEqual([
      { text: 'um', count: 2 },
      { text: 'like,', count: 1 },
      { text: 'you know', count: 1 },
    ]);
    expect(measures.fillers).toMatchObject({ count: 4, per100Words: 20 });
  });

  it('has no words a minute or fillers without a transcript', () => {
    expect(measureDelivery(bursts(), RATE)).toMatchObject({ words: null, wordsPerMinute: null, fillers: null });
  });
});

describe('measureDelivery refuses what is not audio', () => {
  const refusal = (run: () => unknown): StarlError => {
    try {
      run();
    } catch (error) {
      return error as StarlError;
    }
    throw new Error('expected a refusal');
  };

  it('names a sample rate out of range', () => {
    const error = refusal(() => measureDelivery(silence(1), 0));
    expect(error).toBeInstanceOf(StarlError);
    expect(error.code).toBe('E_INPUT_BAD_FIELD');
    expect(error.message).toBe('the sample rate must be from 8000 to 384000 Hz, not 0');
    expect(refusal(() => measureDelivery(silence(1), Number.NaN)).where?.field).toBe('sampleRate');
  });

  it('says where a sample is not a number', () => {
    const samples = bursts();
    samples[Math.round(1.25 * RATE)] = Number.NaN;
    const error = refusal(() => measureDelivery(samples, RATE));
    expect(error.message).toBe('the audio has a sample that is not a number near 1.25 s');
    expect(error.where?.field).toBe('samples');
  });

  it('takes only a Float32Array', () => {
    expect(refusal(() => measureDelivery([0, 0, 0] as unknown as Float32Array, RATE)).message).toBe('the audio must be a Float32Array of samples');
  });
});
