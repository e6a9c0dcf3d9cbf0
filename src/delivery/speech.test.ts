import { beforeAll, describe, expect, it } from 'vitest';
import { decideEspeak, speak } from '../../test/support/espeak.js';
import { measureDelivery, type DeliveryMeasures } from './index.js';

/**
 * A spoken story made with espeak-ng, sentence by sentence, with pauses of known length put between
 * the sentences. The syllables are counted by hand (and agree with a vowel-group count). The sentences
 * have no commas, so espeak-ng makes no pause of its own inside them.
 */
const SENTENCES = [
  { text: 'I moved two access points and wrote a retry queue for the scanners.', syllables: 16 },
  { text: 'My manager asked me to lead the migration of our billing system to the new platform within ten weeks.', syllables: 28 },
  { text: 'Lost orders fell from forty a day to none and the holiday rush went smoothly.', syllables: 20 },
  { text: 'I learned to measure before guessing.', syllables: 9 },
];
const SYLLABLES = SENTENCES.reduce((sum, sentence) => sum + sentence.syllables, 0);
const TEXT = SENTENCES.map((sentence) => sentence.text).join(' ');
const WORDS = TEXT.split(' ').length;
const GAPS = [0.7, 1.6, 1.0];
const LEAD_IN = 0.5;

/** A sentence's sound without the silence espeak-ng leaves around it: from the first sample to the last above −60 dB. */
function trimmed(samples: Float32Array): Float32Array {
  const audible = (x: number) => Math.abs(x) >= 0.001;
  return samples.slice(samples.findIndex(audible), samples.findLastIndex(audible) + 1);
}

/** What was made: the recording, and where its pauses and speech truly are. */
interface Made {
  samples: Float32Array;
  sampleRate: number;
  pauses: { start: number; seconds: number }[];
  answerSeconds: number;
  speakingSeconds: number;
}

/** The story spoken at espeak-ng's `-s wordsPerMinute`, with {@link GAPS} between its sentences. */
function story(wordsPerMinute: number): Made {
  const spoken = SENTENCES.map((sentence) => speak(sentence.text, wordsPerMinute));
  const sampleRate = spoken[0]!.sampleRate;
  const clips = spoken.map((audio) => trimmed(audio.samples));
  const silence = (seconds: number) => new Float32Array(Math.round(seconds * sampleRate));
  const parts: Float32Array[] = [silence(LEAD_IN)];
  const pauses: Made['pauses'] = [];
  let at = LEAD_IN;
  clips.forEach((clip, i) => {
    parts.push(clip);
    at += clip.length / sampleRate;
    if (i === GAPS.length) return;
    const gap = silence(GAPS[i]!);
    pauses.push({ start: at, seconds: gap.length / sampleRate });
    parts.push(gap);
    at += gap.length / sampleRate;
  });
  parts.push(silence(LEAD_IN));
  const samples = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((offset, part) => (samples.set(part, offset), offset + part.length), 0);
  const speakingSeconds = clips.reduce((sum, clip) => sum + clip.length / sampleRate, 0);
  return { samples, sampleRate, pauses, speakingSeconds, answerSeconds: speakingSeconds + pauses.reduce((sum, pause) => sum + pause.seconds, 0) };
}

/** The two rates the story is spoken at, as espeak-ng's `-s` (its words a minute, roughly). */
const WORDS_PER_MINUTE = { slow: 120, fast: 200 } as const;
type Speed = keyof typeof WORDS_PER_MINUTE;
const SPEEDS = Object.keys(WORDS_PER_MINUTE) as Speed[];

const espeak = decideEspeak();
if (espeak.kind === 'skip') process.stderr.write(`\n${espeak.line}\n\n`);

/**
 * Tolerances. Times: the sentences were cut at −60 dB, while silence starts 25 dB under the peak, so
 * each fade at a word's end moves an edge by a few tens of milliseconds. Syllables: a syllable is found
 * only where loudness dips 2 dB on both sides, so an unstressed one that runs into its neighbour is
 * missed, more often the faster the speech (de Jong & Wempe's script warns of the same); the count
 * may fall short by up to 15% but should not run over by more than 5%. The rates are counts over times
 * measured to within 1%, so they take the same bounds.
 */
const EDGE_SECONDS = 0.04;
const UNDERCOUNT = 0.15;
const OVERCOUNT = 0.05;

const within = (measured: number, truth: number) => {
  expect(measured).toBeGreaterThanOrEqual(truth * (1 - UNDERCOUNT));
  expect(measured).toBeLessThanOrEqual(truth * (1 + OVERCOUNT));
};

describe.skipIf(espeak.kind === 'skip')('measureDelivery on speech from espeak-ng at two known rates', () => {
  if (espeak.kind === 'fail') {
    it('needs espeak-ng', () => expect.fail(espeak.line));
    return;
  }
  // Spoken once the tests run, not while they are collected (which happens even when they are skipped).
  const made = {} as Record<Speed, Made>;
  const measured = {} as Record<Speed, DeliveryMeasures>;
  beforeAll(() => {
    for (const speed of SPEEDS) {
      made[speed] = story(WORDS_PER_MINUTE[speed]);
      measured[speed] = measureDelivery(made[speed].samples, made[speed].sampleRate, { text: TEXT });
    }
  });

  for (const speed of SPEEDS) {
    describe(`at -s ${WORDS_PER_MINUTE[speed]}`, () => {
      let truth: Made;
      let measures: DeliveryMeasures;
      beforeAll(() => {
        truth = made[speed];
        measures = measured[speed];
      });

      it('finds each pause put between the sentences, where it was put and as long as it was', () => {
        expect(measures.pauses.count).toBe(GAPS.length);
        measures.pauses.spans.forEach((span, i) => {
          expect(Math.abs(span.start - truth.pauses[i]!.start)).toBeLessThanOrEqual(EDGE_SECONDS);
          expect(Math.abs(span.end - span.start - truth.pauses[i]!.seconds)).toBeLessThanOrEqual(EDGE_SECONDS);
        });
        expect(Math.abs(measures.pauses.longestSeconds - Math.max(...GAPS))).toBeLessThanOrEqual(EDGE_SECONDS);
      });

      it('times the answer from its first word to its last, and the speaking within it', () => {
        expect(Math.abs(measures.speech!.start - LEAD_IN)).toBeLessThanOrEqual(EDGE_SECONDS);
        expect(Math.abs(measures.answerSeconds - truth.answerSeconds)).toBeLessThanOrEqual(EDGE_SECONDS);
        expect(Math.abs(measures.speakingSeconds - truth.speakingSeconds)).toBeLessThanOrEqual(2 * EDGE_SECONDS);
        const silentShare = (truth.answerSeconds - truth.speakingSeconds) / truth.answerSeconds;
        expect(Math.abs(measures.pauses.silentShare - silentShare)).toBeLessThanOrEqual(0.01);
      });

      it('counts the syllables that were spoken, and the speech and articulation rates they give', () => {
        within(measures.syllables, SYLLABLES);
        within(measures.speechRate!, SYLLABLES / truth.answerSeconds);
        within(measures.articulationRate!, SYLLABLES / truth.speakingSeconds);
      });

      it('gives the words a minute of the transcript over the answer\'s time', () => {
        expect(measures.words).toBe(WORDS);
        expect(Math.abs(measures.wordsPerMinute! / ((WORDS / truth.answerSeconds) * 60) - 1)).toBeLessThanOrEqual(0.01);
        expect(measures.fillers?.count).toBe(0);
      });
    });
  }

  it('measures the faster speech as faster, by about as much as it is', () => {
    const truly = (made.slow.answerSeconds / made.fast.answerSeconds);
    expect(measured.fast.speechRate!).toBeGreaterThan(measured.slow.speechRate!);
    expect(measured.fast.articulationRate!).toBeGreaterThan(measured.slow.articulationRate!);
    expect(Math.abs(measured.fast.speechRate! / measured.slow.speechRate! / truly - 1)).toBeLessThanOrEqual(0.1);
  });
});
