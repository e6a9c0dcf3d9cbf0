// Fits the STAR(L) linear-chain CRF (src/core/star/crf.ts) by maximum likelihood with L2: the gradient
// is the observed feature counts minus those the model expects under forward-backward.
import type { StarLabel } from '../../src/core/types.js';
import type { Features } from '../../src/core/model/linear.js';
import { LABELS, logSumExp, type StarModel } from '../../src/core/star/crf.js';
import { adam, dot, named, round, Vocabulary, type Sparse } from './optimize.js';


export function fitCrf(sequences: { x: Features[]; y: StarLabel[] }[], l2 = 0.02, steps = 300): StarModel {
  const vocabulary = new Vocabulary();
  const data = sequences.filter((s) => s.x.length).map((s) => ({ x: s.x.map((f) => vocabulary.encode(f)), y: s.y.map((l) => LABELS.indexOf(l)) }));
  const F = vocabulary.names.length;
  const K = LABELS.length;
  // Layout: K blocks of F emission weights, then K×K transitions, then K start scores.
  const T = K * F;
  const S = T + K * K;
  const size = S + K;
  const sentences = data.reduce((n, s) => n + s.x.length, 0) || 1;
  const w = adam(size, (w, grad) => {
    let loss = 0;
    for (const { x, y } of data) {
      const n = x.length;
      const scores = x.map((f: Sparse) => LABELS.map((_, k) => dot(w, k * F, f)));
      const alpha: number[][] = [];
      for (let i = 0; i < n; i++) {
        alpha.push(LABELS.map((_, b) => (i === 0 ? w[S + b]! : logSumExp(alpha[i - 1]!.map((a, p) => a + w[T + p * K + b]!))) + scores[i]![b]!));
      }
      const beta: number[][] = new Array(n);
      for (let i = n - 1; i >= 0; i--) {
        beta[i] = i === n - 1 ? new Array(K).fill(0) : LABELS.map((_, a) => logSumExp(LABELS.map((__, b) => w[T + a * K + b]! + scores[i + 1]![b]! + beta[i + 1]![b]!)));
      }
      const logZ = logSumExp(alpha[n - 1]!);
      let gold = w[S + y[0]!]!;
      for (let i = 0; i < n; i++) {
        gold += scores[i]![y[i]!]!;
        if (i > 0) gold += w[T + y[i - 1]! * K + y[i]!]!;
      }
      loss += logZ - gold;
      for (let i = 0; i < n; i++) {
        const f = x[i]!;
        for (let k = 0; k < K; k++) {
          const expected = Math.exp(alpha[i]![k]! + beta[i]![k]! - logZ);
          const g = (expected - (y[i] === k ? 1 : 0)) / sentences;
          if (g === 0) continue;
          for (let j = 0; j < f.index.length; j++) grad[k * F + f.index[j]!]! += g * f.value[j]!;
          if (i === 0) grad[S + k]! += g;
        }
        if (i === 0) continue;
        for (let a = 0; a < K; a++) {
          for (let b = 0; b < K; b++) {
            const pair = Math.exp(alpha[i - 1]![a]! + w[T + a * K + b]! + scores[i]![b]! + beta[i]![b]! - logZ);
            grad[T + a * K + b]! += (pair - (y[i - 1] === a && y[i] === b ? 1 : 0)) / sentences;
          }
        }
      }
    }
    for (let i = 0; i < T; i++) {
      grad[i]! += l2 * w[i]!;
      loss += (sentences * l2 * w[i]! * w[i]!) / 2;
    }
    return loss / sentences;
  }, steps);
  const byLabel = <V>(f: (k: number, l: StarLabel) => V): Record<StarLabel, V> => Object.fromEntries(LABELS.map((l, k) => [l, f(k, l)])) as Record<StarLabel, V>;
  return {
    labels: byLabel((k) => ({ bias: 0, weights: named(vocabulary.names, w, k * F) })),
    start: byLabel((k) => round(w[S + k]!)),
    transitions: byLabel((a) => byLabel((b) => round(w[T + a * K + b]!))),
  };
}
