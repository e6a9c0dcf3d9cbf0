import { FLOOR_DB, HOP_SECONDS, type Contours } from './intensity.js';

/**
 * The shortest silence that counts as a pause. Silences under a quarter second are mostly the closure
 * of a stop consonant, not a pause a listener hears (Goldman-Eisler's 250 ms, used since in pause
 * research; de Jong & Wempe's script offers 0.3 s).
 */
export const MIN_PAUSE_SECONDS = 0.25;
/** Sound shorter than this between silences is a click or a knock, not speech (Praat's default for silences). */
const MIN_SOUNDING_SECONDS = 0.1;
/**
 * Silence is 25 dB under the recording's near-loudest sound, its 99th percentile, so one loud knock
 * does not set the scale: de Jong & Wempe's threshold, and Praat's default for silences.
 */
const SILENCE_BELOW_PEAK_DB = 25;
/**
 * A noisy room lifts the floor. Its background is the quietest quarter second whose intensity stays
 * within {@link FLAT_DB}: steady noise is flat, while any quarter second of speech rises and falls by
 * more as syllables come and go. Silence then starts {@link ABOVE_BACKGROUND_DB} above it, though never
 * closer than {@link MIN_SILENCE_BELOW_PEAK_DB} to the peak, so quiet speech stays speech.
 */
const FLAT_DB = 6;
const ABOVE_BACKGROUND_DB = 3;
const MIN_SILENCE_BELOW_PEAK_DB = 15;
/**
 * A recording whose loudest sound stands less than this above a steady background holds no speech,
 * only noise (a muted microphone, a fan); speech stands 25 dB or more above a quiet room.
 */
const MIN_SPEECH_ABOVE_BACKGROUND_DB = 8;
/** Quieter than this, nothing was said into the microphone: 16-bit recordings' own noise is about −100 dB. */
const MIN_SPEECH_PEAK_DB = -75;

/** Where the speech and the pauses are, in frames of the contours. */
export interface Segmentation {
  /** The intensity, in dB below full scale, under which a frame is silent. */
  threshold: number;
  /** How far `threshold` is below the peak, in dB. */
  belowPeakDb: number;
  /** First and last frame of sound (inclusive); null when there is no speech. */
  speech: { first: number; last: number } | null;
  /** Each pause as frames `[first, last]` inclusive, in order. */
  pauses: { first: number; last: number }[];
  /** For each frame, whether it is speech: inside the answer and not in a pause. */
  speaking: Uint8Array;
}

/** The value below which a share `q` of the values fall (nearest rank). */
export function quantile(values: Float32Array, q: number): number {
  if (values.length === 0) return FLOOR_DB;
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))]!;
}

/** The loudest point of the quietest steady quarter second (see {@link FLAT_DB}); null when no quarter second is steady. */
function steadyBackground(fine: Float32Array): number | null {
  const width = Math.round(MIN_PAUSE_SECONDS / HOP_SECONDS);
  let background: number | null = null;
  for (let start = 0; start + width <= fine.length; start++) {
    let low = Infinity;
    let high = -Infinity;
    for (let i = start; i < start + width; i++) {
      const v = fine[i]!;
      if (v < low) low = v;
      if (v > high) high = v;
    }
    if (high - low <= FLAT_DB && (background === null || high < background)) background = high;
  }
  return background;
}

/** Runs of equal values in `flags`, as `[first, last]` frame pairs with their value. */
function runs(flags: Uint8Array, from: number, to: number): { value: number; first: number; last: number }[] {
  const found: { value: number; first: number; last: number }[] = [];
  let first = from;
  for (let i = from + 1; i <= to + 1; i++) {
    if (i > to || flags[i] !== flags[first]) {
      found.push({ value: flags[first]!, first, last: i - 1 });
      first = i;
    }
  }
  return found;
}

/**
 * Splits a recording into speech and pauses by a threshold relative to its own intensity: 25 dB under
 * its near-loudest sound, or just above its steady background when the room is loud. Blips under 0.1 s are
 * silence; silences under {@link MIN_PAUSE_SECONDS} inside the answer are part of the speech.
 */
export function segment(contours: Contours): Segmentation {
  const peak = quantile(contours.smooth, 0.99);
  const background = steadyBackground(contours.fine);
  const threshold = background === null ? peak - SILENCE_BELOW_PEAK_DB : Math.max(peak - SILENCE_BELOW_PEAK_DB, Math.min(background + ABOVE_BACKGROUND_DB, peak - MIN_SILENCE_BELOW_PEAK_DB));
  const frames = contours.fine.length;
  const speaking = new Uint8Array(frames);
  const none = { threshold, belowPeakDb: peak - threshold, speech: null, pauses: [], speaking };
  if (frames === 0 || peak < MIN_SPEECH_PEAK_DB || (background !== null && peak - background < MIN_SPEECH_ABOVE_BACKGROUND_DB)) return none;

  for (let i = 0; i < frames; i++) speaking[i] = contours.fine[i]! >= threshold ? 1 : 0;
  const minSounding = Math.round(MIN_SOUNDING_SECONDS / HOP_SECONDS);
  for (const run of runs(speaking, 0, frames - 1)) {
    if (run.value === 1 && run.last - run.first + 1 < minSounding) speaking.fill(0, run.first, run.last + 1);
  }
  const first = speaking.indexOf(1);
  if (first < 0) return none;
  const last = speaking.lastIndexOf(1);
  const minPause = Math.round(MIN_PAUSE_SECONDS / HOP_SECONDS);
  const pauses: Segmentation['pauses'] = [];
  for (const run of runs(speaking, first, last)) {
    if (run.value === 1) continue;
    if (run.last - run.first + 1 >= minPause) pauses.push({ first: run.first, last: run.last });
    else speaking.fill(1, run.first, run.last + 1);
  }
  return { threshold, belowPeakDb: peak - threshold, speech: { first, last }, pauses, speaking };
}
