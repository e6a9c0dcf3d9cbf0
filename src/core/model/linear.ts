/** A named feature vector: names keep the fitted weights readable and each verdict explainable. */
export type Features = Record<string, number>;

/** A fitted linear model: a bias and a weight per named feature. */
export interface LinearModel {
  bias: number;
  weights: Record<string, number>;
}

/** A linear score: the weighted sum of the named features plus the bias. */
export function linear(model: LinearModel, features: Features): number {
  const weights = weightMap(model.weights);
  let z = model.bias;
  for (const name in features) z += (weights.get(name) ?? 0) * features[name]!;
  return z;
}

const WEIGHT_MAPS = new WeakMap<Record<string, number>, Map<string, number>>();

/** A model's weights as a Map, built once: hundreds of named weights are faster to look up there. */
function weightMap(weights: Record<string, number>): Map<string, number> {
  let map = WEIGHT_MAPS.get(weights);
  if (!map) WEIGHT_MAPS.set(weights, (map = new Map(Object.entries(weights))));
  return map;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
