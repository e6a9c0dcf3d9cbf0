// Deterministic full-batch optimisation for Starl's models: Adam from zero weights, fixed steps, no
// randomness, so the same labelled answers always give the same weights.

/** Minimises a differentiable objective; `gradient` fills `grad` for `w` and returns the objective. */
export function adam(size: number, gradient: (w: Float64Array, grad: Float64Array) => number, steps = 300, rate = 0.05): Float64Array {
  const w = new Float64Array(size);
  const grad = new Float64Array(size);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= steps; t++) {
    grad.fill(0);
    gradient(w, grad);
    const c1 = 1 - b1 ** t;
    const c2 = 1 - b2 ** t;
    for (let i = 0; i < size; i++) {
      const g = grad[i]!;
      m[i] = b1 * m[i]! + (1 - b1) * g;
      v[i] = b2 * v[i]! + (1 - b2) * g * g;
      w[i] = w[i]! - (rate * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + eps);
    }
  }
  return w;
}

/** Named features turned into index arrays over one shared vocabulary, for fast dot products. */
export interface Sparse {
  index: Int32Array;
  value: Float64Array;
}

export class Vocabulary {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  encode(features: Record<string, number>): Sparse {
    const index: number[] = [];
    const value: number[] = [];
    for (const name of Object.keys(features).sort()) {
      const v = features[name]!;
      if (v === 0) continue;
      let id = this.ids.get(name);
      if (id === undefined) {
        id = this.names.length;
        this.ids.set(name, id);
        this.names.push(name);
      }
      index.push(id);
      value.push(v);
    }
    return { index: Int32Array.from(index), value: Float64Array.from(value) };
  }
}

export const dot = (w: Float64Array, offset: number, x: Sparse): number => {
  let z = 0;
  for (let k = 0; k < x.index.length; k++) z += w[offset + x.index[k]!]! * x.value[k]!;
  return z;
};

export const round = (v: number): number => Math.round(v * 10000) / 10000;

/** Named weights, dropping those too small to matter so the shipped file stays small. */
export function named(names: string[], w: Float64Array, offset: number): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((name, i) => {
    const value = w[offset + i]!;
    if (Math.abs(value) >= 1e-3) out[name] = round(value);
  });
  return out;
}
