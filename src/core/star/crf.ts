import type { StarLabel } from '../types.js';
import type { LinearModel } from '../model/linear.js';
import type { FeatureRow } from './features.js';

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

/** Each sentence's score for each label, in LABELS order, summed in the row's order. */
export function emissionScores(model: StarModel, rows: FeatureRow[]): number[][] {
  const table = compiled(model);
  const biases = LABELS.map((l) => model.labels[l].bias);
  return rows.map(({ names, values }) => {
    const scores = biases.slice();
    for (let j = 0; j < names.length; j++) {
      const row = table.get(names[j]!);
      if (!row) continue;
      const value = values[j]!;
      for (let k = 0; k < scores.length; k++) scores[k]! += row[k]! * value;
    }
    return scores;
  });
}

/** log(Σ exp(v)), without overflow. */
export function logSumExp(values: number[]): number {
  // A plain loop rather than Math.max(...values): this runs dozens of times per sentence.
  let top = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > top || Number.isNaN(values[i]!)) top = values[i]!;
  if (top === -Infinity) return top;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - top);
  return top + Math.log(sum);
}

const TRANSITIONS = new WeakMap<StarModel, number[][]>();

/** The transition scores as a matrix in LABELS order, built once per model. */
function transitionMatrix(model: StarModel): number[][] {
  let trans = TRANSITIONS.get(model);
  if (!trans) TRANSITIONS.set(model, (trans = LABELS.map((a) => LABELS.map((b) => model.transitions[a][b]))));
  return trans;
}

/** Forward and backward log scores, and the log partition function, for one sequence. */
export function forwardBackward(model: StarModel, scores: number[][]): { alpha: number[][]; beta: number[][]; logZ: number } {
  const n = scores.length;
  const k = LABELS.length;
  const trans = transitionMatrix(model);
  const alpha: number[][] = [];
  const beta: number[][] = new Array(n);
  // One scratch array for every log-sum, summed in the same order as before.
  const terms: number[] = new Array(k);
  for (let i = 0; i < n; i++) {
    const row: number[] = new Array(k);
    for (let b = 0; b < k; b++) {
      if (i === 0) row[b] = model.start[LABELS[b]!] + scores[i]![b]!;
      else {
        for (let p = 0; p < k; p++) terms[p] = alpha[i - 1]![p]! + trans[p]![b]!;
        row[b] = logSumExp(terms) + scores[i]![b]!;
      }
    }
    alpha.push(row);
  }
  for (let i = n - 1; i >= 0; i--) {
    const row: number[] = new Array(k);
    for (let a = 0; a < k; a++) {
      if (i === n - 1) row[a] = 0;
      else {
        for (let b = 0; b < k; b++) terms[b] = trans[a]![b]! + scores[i + 1]![b]! + beta[i + 1]![b]!;
        row[a] = logSumExp(terms);
      }
    }
    beta[i] = row;
  }
  return { alpha, beta, logZ: n ? logSumExp(alpha[n - 1]!) : 0 };
}

/**
 * The most likely label sequence (Viterbi) and each sentence's marginal label probabilities. `forbid`
 * names labels a sentence cannot take (the specification's hard decisions); the rest is learned.
 */
export function decode(model: StarModel, rows: FeatureRow[], forbid: (i: number, label: StarLabel) => boolean = () => false): Decoded {
  const scores = emissionScores(model, rows).map((row, i) => row.map((v, k) => (forbid(i, LABELS[k]!) ? -1e9 : v)));
  const n = scores.length;
  if (n === 0) return { labels: [], marginals: [] };
  const trans = transitionMatrix(model);
  const best: number[][] = [];
  const back: number[][] = [];
  for (let i = 0; i < n; i++) {
    best.push([]);
    back.push([]);
    for (let b = 0; b < LABELS.length; b++) {
      if (i === 0) {
        best[i]![b] = model.start[LABELS[b]!] + scores[i]![b]!;
        back[i]![b] = -1;
        continue;
      }
      let top = -Infinity;
      let arg = 0;
      for (let a = 0; a < LABELS.length; a++) {
        const value = best[i - 1]![a]! + trans[a]![b]!;
        if (value > top) {
          top = value;
          arg = a;
        }
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
