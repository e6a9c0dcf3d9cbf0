/** Audio the delivery tests make: tones, silence and noise at a known rate, joined end to end. */
export const RATE = 16_000;

/** `seconds` of digital silence. */
export function silence(seconds: number): Float32Array {
  return new Float32Array(Math.round(seconds * RATE));
}

/**
 * A tone burst: a sine at `hz`, `amplitude` peak, with 10 ms raised-cosine ends so it starts and stops
 * without a click. `syllables` above 1 modulates its loudness fully that many times, one rise and fall
 * per syllable, like a voice saying "ba-ba-ba".
 */
export function tone(seconds: number, { hz = 150, amplitude = 0.5, syllables = 1 } = {}): Float32Array {
  const samples = new Float32Array(Math.round(seconds * RATE));
  const ramp = 0.01 * RATE;
  for (let i = 0; i < samples.length; i++) {
    const edge = Math.min(1, i / ramp, (samples.length - 1 - i) / ramp);
    const envelope = syllables > 1 ? Math.sin((Math.PI * syllables * i) / samples.length) ** 2 : 0.5 - 0.5 * Math.cos(Math.PI * edge);
    samples[i] = amplitude * envelope * Math.sin((2 * Math.PI * hz * i) / RATE);
  }
  return samples;
}

/** A small deterministic generator (mulberry32), so noisy tests hear the same noise every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `seconds` of white noise, uniform between ±`amplitude`. */
export function noise(seconds: number, amplitude: number, seed = 1): Float32Array {
  const next = generator(seed);
  return Float32Array.from({ length: Math.round(seconds * RATE) }, () => (2 * next() - 1) * amplitude);
}

/** The parts one after another. */
export function join(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `signal` with `background` added sample by sample (the background repeats if shorter). */
export function mix(signal: Float32Array, background: Float32Array): Float32Array {
  return signal.map((x, i) => x + background[i % background.length]!);
}
