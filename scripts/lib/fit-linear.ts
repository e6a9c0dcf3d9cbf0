// Logistic regression (pass = 1) with L2, fitted by the deterministic optimiser.
import type { Features, LinearModel } from '../../src/core/model/linear.js';
import { adam, dot, named, round, Vocabulary } from './optimize.js';

export function fitLogistic(examples: { x: Features; y: number }[], l2 = 0.01, steps = 400): LinearModel {
  const vocabulary = new Vocabulary();
  const data = examples.map((e) => ({ x: vocabulary.encode(e.x), y: e.y }));
  const size = vocabulary.names.length + 1;
  const bias = size - 1;
  const n = Math.max(1, data.length);
  const w = adam(size, (w, grad) => {
    let loss = 0;
    for (const { x, y } of data) {
      const z = dot(w, 0, x) + w[bias]!;
      const p = 1 / (1 + Math.exp(-z));
      loss -= y ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12);
      const error = (p - y) / n;
      for (let k = 0; k < x.index.length; k++) grad[x.index[k]!]! += error * x.value[k]!;
      grad[bias]! += error;
    }
    for (let i = 0; i < bias; i++) {
      grad[i]! += l2 * w[i]!;
      loss += (n * l2 * w[i]! * w[i]!) / 2;
    }
    return loss / n;
  }, steps);
  return { bias: round(w[bias]!), weights: named(vocabulary.names, w, 0) };
}
