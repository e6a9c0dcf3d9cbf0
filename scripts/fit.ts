// Fits Starl's models on labelled answers and writes src/core/model/weights.json.
//   npm run fit
// The training data is our own corpus (corpus/*.jsonl) plus, when it is present beside the project,
// the real candidates' development set (../shared/eval/real-dev.jsonl). Deterministic: the same files
// always give the same weights. `npm run eval` reports figures for that set only by cross-validation.
import { existsSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fitModels, readLabelled } from './lib/train.js';
import { TRAINING_FILES } from './lib/training-files.js';

const files = TRAINING_FILES.filter((f) => existsSync(f));
const records = readLabelled(files);
const started = Date.now();
const models = fitModels(records);
const weights = {
  about: 'Fitted by scripts/fit.ts; regenerate with `npm run fit`, never edit by hand.',
  // Paths relative to the project, so the file is the same on every machine that fits it.
  fittedOn: { files: files.map((f) => relative(resolve(import.meta.dirname, '..'), f)), answers: records.length },
  ...models,
};
writeFileSync('src/core/model/weights.json', `${JSON.stringify(weights)}\n`);
console.log(`fitted on ${records.length} answers from ${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
