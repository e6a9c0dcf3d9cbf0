#!/usr/bin/env node
// Runs `starl analyze --jsonl` over a labelled JSONL file and prints the scorer's table.
//   npm run eval [FILE] [-- --errors N]
// FILE defaults to ../shared/eval/dev.jsonl; several files may be given (e.g. corpus/*.jsonl).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scorer = resolve(root, '../shared/eval/score.mjs');
const args = process.argv.slice(2);
const files = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] === '--errors'));
const passOn = args.filter((a) => !files.includes(a));
if (files.length === 0) files.push(resolve(root, '../shared/eval/dev.jsonl'));

if (!existsSync(scorer)) {
  console.error(`starl eval: the scorer is missing: ${scorer}`);
  process.exit(2);
}
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`starl eval: no such labelled file: ${file}`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'starl-eval-'));
  const predictions = join(dir, 'predictions.jsonl');
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'analyze', '--jsonl', file], { maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.stderr.length) process.stderr.write(run.stderr);
  writeFileSync(predictions, run.stdout);
  const count = readFileSync(predictions, 'utf8').split('\n').filter(Boolean).length;
  console.log(`${file}: ${count} answers judged in ${ms.toFixed(0)} ms`);
  const score = spawnSync(process.execPath, [scorer, file, predictions, ...passOn], { stdio: 'inherit' });
  if (score.status !== 0) process.exit(score.status ?? 2);
}
