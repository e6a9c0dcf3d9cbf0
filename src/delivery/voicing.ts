/** The voice's pitch range searched for a period: below a deep voice's creak, above a child's voice. */
const MIN_PITCH_HZ = 60;
const MAX_PITCH_HZ = 400;
/** Samples are averaged down to about this rate first: a voice's period needs no more, and it is cheaper. */
const TARGET_RATE_HZ = 8000;
/** 40 ms is more than two periods at the lowest pitch, as pitch trackers use. */
const WINDOW_SECONDS = 0.04;
/**
 * Normalised correlation of the window with itself one period on, at or above which a frame is voiced.
 * A vowel scores 0.8 or more and a fricative's noise under 0.3; Praat's voicing threshold plays the
 * same part in de Jong & Wempe's script.
 */
export const VOICED_CORRELATION = 0.5;

/**
 * Checks for a voice at given moments by the periodicity of the waveform: the normalised correlation
 * of a 40 ms window with itself shifted by one candidate period, the best over the pitch range. Made
 * once per recording; each check reads only the samples around its moment.
 */
export function voicingChecker(samples: Float32Array, sampleRate: number): (seconds: number) => number {
  const step = Math.max(1, Math.floor(sampleRate / TARGET_RATE_HZ));
  const rate = sampleRate / step;
  const length = Math.round(WINDOW_SECONDS * rate);
  const minLag = Math.max(1, Math.floor(rate / MAX_PITCH_HZ));
  const maxLag = Math.ceil(rate / MIN_PITCH_HZ);
  const span = length + maxLag;
  const signal = new Float64Array(span);
  return (seconds) => {
    // The window is centred on the moment, moved inside the recording at its ends; the lags reach past it to the right.
    const available = Math.floor(samples.length / step);
    if (available < span) return 0;
    const start = Math.min(available - span, Math.max(0, Math.round(seconds * rate - length / 2)));
    let mean = 0;
    for (let i = 0; i < span; i++) {
      let x = 0;
      const from = (start + i) * step;
      for (let k = 0; k < step; k++) x += samples[from + k]!;
      signal[i] = x / step;
      mean += signal[i]!;
    }
    mean /= span;
    for (let i = 0; i < span; i++) signal[i] = signal[i]! - mean;
    let energy = 0;
    for (let i = 0; i < length; i++) energy += signal[i]! * signal[i]!;
    if (energy === 0) return 0;
    // The shifted window's energy, kept running as the lag grows.
    let shifted = 0;
    for (let i = minLag; i < minLag + length; i++) shifted += signal[i]! * signal[i]!;
    let best = 0;
    for (let lag = minLag; lag <= maxLag; lag++) {
      let product = 0;
      for (let i = 0; i < length; i++) product += signal[i]! * signal[i + lag]!;
      if (shifted > 0) best = Math.max(best, product / Math.sqrt(energy * shifted));
      if (lag < maxLag) shifted += signal[lag + length]! ** 2 - signal[lag]! ** 2;
    }
    return best;
  };
}
