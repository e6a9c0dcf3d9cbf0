import type { StarLabel } from '../types.js';
import type { Features, LinearModel } from '../model/linear.js';

export const LABELS: readonly StarLabel[] = ['S', 'T', 'A', 'R', 'L', 'O'];

/**
 * A linear-chain conditional random field over a story's sentences: a linear score per label from each
 * sentence's features, plus a score for each label-to-label step and for the first label. Fitted jointly
 * (scripts/lib/crf-fit.ts), so what neighbours imply ("a story opens with its scene") is learned.
 */
export interface StarModel {
  labels: Record<StarLabel, LinearModel>;
  start: Record<StarLabel, number>;
  transitions: Record<StarLabel, Record<StarLabel, number>>;
}

/** The decoded labels and, for each sentence, the model's probability of its label. */
export interface Decoded {
  labels: StarLabel[];
  marginals: number[][];
}

const COMPILED = new WeakMap<StarModel, Map<string, Float64Array>>();

/** The model's weights by feature, each with its six label weights together: one lookup per feature. */
function compiled(model: StarModel): Map<string, Float64Array> {
  let table = COMPILED.get(model);
  if (table) return table;
  table = new Map();
  LABELS.forEach((label, k) => {
    for (const [name, weight] of Object.entries(model.labels[label].weights)) {
      let row = table!.get(name);
      if (!row) table!.set(name, (row = new Float64Array(LABELS.length)));
      row[k] = weight;
    }
  });
  COMPILED.set(model, table);
  return table;
}

/** Each sentence's score for each label, in LABELS order. */
export function emissionScores(model: StarModel, features: Features[]): number[][] {
  const table = compiled(model);
  const biases = LABELS.map((l) => model.labels[l].bias);
  return features.map((f) => {
    const scores = biases.slice();
    for (const name in f) {
      const row = table.get(name);
      if (!row) continue;
      const value = f[name]!;
      for (let k = 0; k < scores.length; k++) scores[k]! += row[k]! * value;
    }
    return scores;
  });
}

/** log(Σ exp(v)), without overflow. */
export function logSumExp(values: number[]): number {
  const top = Math.max(...values);
  if (top === -Infinity) return top;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - top);
  return top + Math.log(sum);
}

/** Forward and backward log scores, and the log partition function, for one sequence. */
export function forwardBackward(model: StarModel, scores: number[][]): { alpha: number[][]; beta: number[][]; logZ: number } {
  const n = scores.length;
  const k = LABELS.length;
  const trans = LABELS.map((a) => LABELS.map((b) => model.transitions[a][b]));
  const alpha: number[][] = [];
  const beta: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    alpha.push(
      LABELS.map((label, b) => (i === 0 ? model.start[label] : logSumExp(alpha[i - 1]!.map((a, p) => a + trans[p]![b]!))) + scores[i]![b]!),
    );
  }
  for (let i = n - 1; i >= 0; i--) {
    beta[i] = i === n - 1 ? new Array(k).fill(0) : LABELS.map((_, a) => logSumExp(LABELS.map((__, b) => trans[a]![b]! + scores[i + 1]![b]! + beta[i + 1]![b]!)));
  }
  return { alpha, beta, logZ: n ? logSumExp(alpha[n - 1]!) : 0 };
}

/**
 * The most likely label sequence (Viterbi) and each sentence's marginal label probabilities. `forbid`
 * names labels a sentence cannot take (the specification's hard decisions); the rest is learned.
 */
export function decode(model: StarModel, features: Features[], forbid: (i: number, label: StarLabel) => boolean = () => false): Decoded {
  const scores = emissionScores(model, features).map((row, i) => row.map((v, k) => (forbid(i, LABELS[k]!) ? -1e9 : v)));
  const n = scores.length;
  if (n === 0) return { labels: [], marginals: [] };
  const best: number[][] = [];
  const back: number[][] = [];
  for (let i = 0; i < n; i++) {
    best.push([]);
    back.push([]);
    for (let b = 0; b < LABELS.length; b++) {
      const label = LABELS[b]!;
      if (i === 0) {
        best[i]![b] = model.start[label] + scores[i]![b]!;
        back[i]![b] = -1;
        continue;
      }
      let top = -Infinity;
      let arg = 0;
      for (let a = 0; a < LABELS.length; a++) {
        const value = best[i - 1]![a]! + model.transitions[LABELS[a]!][label];
        if (value > top) [top, arg] = [value, a];
      }
      best[i]![b] = top + scores[i]![b]!;
      back[i]![b] = arg;
    }
  }
  const labels: StarLabel[] = new Array(n);
  let k = best[n - 1]!.indexOf(Math.max(...best[n - 1]!));
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = LABELS[k]!;
    k = back[i]![k]!;
  }
  const { alpha, beta, logZ } = forwardBackward(model, scores);
  const marginals = alpha.map((row, i) => row.map((a, b) => Math.exp(a + beta[i]![b]! - logZ)));
  return { labels, marginals };
}
