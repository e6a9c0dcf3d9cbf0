import type { Reason } from '../types.js';
import type { LinearModel } from './linear.js';
import type { StarModel } from '../star/crf.js';
import weights from './weights.json' with { type: 'json' };

/** Maps a verdict's weighted evidence to the probability that a pass is right: `sigmoid(scale·z + shift)`. */
export interface Calibration {
  scale: number;
  shift: number;
}

/** Everything the analyzer learned from labelled answers; `npm run fit` writes it to weights.json. */
export interface Models {
  opportunity: LinearModel;
  memorable: LinearModel;
  specificReason: LinearModel;
  /** The STAR(L) verdict over the labelled story; without it the guide's four conditions decide alone. */
  starl?: LinearModel;
  star: StarModel;
  calibration: Partial<Record<Reason, Calibration>>;
}

/** The models that ship with Starl. */
export const SHIPPED_MODELS = weights as unknown as Models;
