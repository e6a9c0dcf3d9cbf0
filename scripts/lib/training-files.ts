// What the shipped models are fitted on: our corpus, and the shared real development set when present.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
export const REAL_DEV = resolve(root, '../shared/eval/real-dev.jsonl');
export const TRAINING_FILES = [
  ...readdirSync(join(root, 'corpus'))
    .filter((f) => f.endsWith('.jsonl') && f !== 'question-types.jsonl')
    .sort()
    .map((f) => join(root, 'corpus', f)),
  REAL_DEV,
];
