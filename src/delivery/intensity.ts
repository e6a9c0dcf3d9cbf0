import { StarlError } from '../core/errors.js';

/** Contours are sampled every 5 ms: fine enough to time a pause to a few milliseconds. */
export const HOP_SECONDS = 0.005;
/** The recording is first summed per millisecond. */
const BLOCK_SECONDS = 0.001;
const BLOCKS_PER_HOP = Math.round(HOP_SECONDS / BLOCK_SECONDS);

/** What digital silence reads as, in dB below full scale: far under any microphone's noise. */
export const FLOOR_DB = -120;

/**
 * The window syllables are found on: Praat's intensity for its default 100 Hz pitch floor, a Gaussian
 * whose effective duration is 3.2 / 100 Hz = 32 ms (its standard deviation is that over √(2π)). It is
 * smooth to any voice's pitch (a 60 Hz ripple is damped 10⁵ times) and keeps the dips between
 * syllables. De Jong & Wempe's script uses a 50 Hz floor (64 ms), which merges syllables once speech
 * gets fast: on espeak-ng's speech at 200 words a minute it found 25% too few, at 32 ms 9% too few.
 */
const SMOOTH_SIGMA_SECONDS = 0.032 / Math.sqrt(2 * Math.PI);
/** A short window for finding silence, so a pause's edges are blurred by about 15 ms, not 70. */
const FINE_SIGMA_SECONDS = 0.005;

/** The intensity of a recording over time, in dB below full scale, one value per {@link HOP_SECONDS}. */
export interface Contours {
  /** For finding silence and timing pauses. */
  fine: Float32Array;
  /** For finding syllable nuclei, as Praat's intensity with its default 100 Hz pitch floor. */
  smooth: Float32Array;
}

/** The time of frame `index`'s centre, in seconds. */
export function frameTime(index: number): number {
  return (index + 0.5) * HOP_SECONDS;
}

/**
 * Sums each millisecond of the recording (samples, and their squares) in one pass, so the windows
 * after it cost the same at any sample rate. Refuses samples that are not finite numbers.
 */
function blockSums(samples: Float32Array, sampleRate: number): { sum: Float64Array; squares: Float64Array; counts: Float64Array } {
  const blocks = Math.ceil((samples.length * 1000) / sampleRate);
  const sum = new Float64Array(blocks);
  const squares = new Float64Array(blocks);
  const counts = new Float64Array(blocks);
  let index = 0;
  for (let block = 0; block < blocks; block++) {
    const end = Math.min(samples.length, Math.floor(((block + 1) * sampleRate) / 1000));
    let s = 0;
    let s2 = 0;
    const from = index;
    for (; index < end; index++) {
      const x = samples[index]!;
      s += x;
      s2 += x * x;
    }
    // NaN and infinity both leave the sum of squares not finite.
    if (!Number.isFinite(s2)) {
      throw new StarlError('E_INPUT_BAD_FIELD', `the audio has a sample that is not a number near ${(from / sampleRate).toFixed(2)} s`, { field: 'samples' });
    }
    sum[block] = s;
    squares[block] = s2;
    counts[block] = end - from;
  }
  return { sum, squares, counts };
}

/** Gaussian weights on the millisecond grid, out to 2.5 standard deviations either side (Praat's window ends about there). */
function gaussian(sigmaSeconds: number): Float64Array {
  const sigma = sigmaSeconds / BLOCK_SECONDS;
  const half = Math.ceil(2.5 * sigma);
  const weights = new Float64Array(2 * half + 1);
  for (let k = -half; k <= half; k++) weights[k + half] = Math.exp(-(k * k) / (2 * sigma * sigma));
  return weights;
}

/**
 * Windowed intensity with the window's mean subtracted (as Praat does), so a microphone's DC offset
 * is no sound. The variance under the window is E[x²] − E[x]², each weighted by the window's shape.
 */
function contour(blocks: ReturnType<typeof blockSums>, weights: Float64Array): Float32Array {
  const frames = Math.ceil(blocks.sum.length / BLOCKS_PER_HOP);
  const out = new Float32Array(frames);
  const half = (weights.length - 1) / 2;
  const last = blocks.sum.length - 1;
  for (let frame = 0; frame < frames; frame++) {
    const centre = frame * BLOCKS_PER_HOP + (BLOCKS_PER_HOP >> 1);
    const from = Math.max(0, centre - half);
    const to = Math.min(last, centre + half);
    let n = 0;
    let s = 0;
    let s2 = 0;
    for (let block = from; block <= to; block++) {
      const w = weights[block - centre + half]!;
      n += w * blocks.counts[block]!;
      s += w * blocks.sum[block]!;
      s2 += w * blocks.squares[block]!;
    }
    const mean = n > 0 ? s / n : 0;
    const variance = n > 0 ? s2 / n - mean * mean : 0;
    out[frame] = variance > 1e-12 ? Math.max(FLOOR_DB, 10 * Math.log10(variance)) : FLOOR_DB;
  }
  return out;
}

/** The fine and smooth intensity contours of a recording (samples from −1 to 1). */
export function intensityContours(samples: Float32Array, sampleRate: number): Contours {
  const blocks = blockSums(samples, sampleRate);
  return { fine: contour(blocks, gaussian(FINE_SIGMA_SECONDS)), smooth: contour(blocks, gaussian(SMOOTH_SIGMA_SECONDS)) };
}
