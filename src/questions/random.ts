/**
 * A small seeded pseudo-random generator, so that a plan is the same for the same seed on every machine
 * and in every test. Mulberry32: 32 bits of state, fast, and well enough spread for picking questions.
 */

/** A source of numbers in [0, 1), like `Math.random` but seeded. */
export type Random = () => number;

/** Returns a generator of numbers in [0, 1) fully determined by `seed` (a whole number). */
export function createRandom(seed: number): Random {
  // Fold the high bits in, so that seeds above 2^32 do not collapse onto their low 32 bits.
  let state = (seed ^ Math.floor(seed / 0x1_0000_0000)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** A shuffled copy of `items` (Fisher–Yates), leaving `items` untouched. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** One item drawn with probability proportional to its weight; `undefined` when there is none. */
export function pickWeighted<T>(items: readonly T[], weightOf: (item: T) => number, random: Random): T | undefined {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  let threshold = random() * total;
  for (const item of items) {
    threshold -= weightOf(item);
    if (threshold < 0) return item;
  }
  return items[items.length - 1];
}
