#!/usr/bin/env node
// Measures Starl's speed and memory targets in one run and prints ratios and figures; never a pass/fail test.
//   npm run bench [-- --lines N] [-- --skip-batch] [-- --web]
// 1. analyze() against wink-nlp's own parse of the same answer (30, 150, 400 words): median ratio, p99.
// 2. `starl analyze --jsonl` over N lines (default 100,000): answers a second and peak memory, sampled as it runs.
// 3. With --web, the web benchmark (scripts/bench-web.mjs).
import { readFileSync, mkdtempSync, createWriteStream, existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { analyze } = await import(join(root, 'dist/index.js'));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);

const corpus = readFileSync(join(root, 'corpus/behavioral.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const allWords = corpus.flatMap((r) => r.answer.split(/\s+/));
/** Answers of exactly `n` words, cut from the corpus at different places so no two are the same. */
const answersOf = (n, count) => Array.from({ length: count }, (_, i) => allWords.slice((i * 37) % (allWords.length - n), ((i * 37) % (allWords.length - n)) + n).join(' '));
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const time = (f) => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

const nlp = winkNLP(model);
const question = 'Tell me about a time you solved a difficult problem.';
// Warm both up on every size first, so the first size measured is not paying for the JIT.
for (const n of [30, 150, 400]) {
  for (const a of answersOf(n, 300)) {
    nlp.readDoc(a);
    analyze({ question, answer: a });
  }
}
console.log('analyze() against wink-nlp readDoc() on the same answers (one core, after warm-up)');
console.log('words  wink median  analyze median  ratio (target ≤ 2.5)  analyze p99 (target < 5 ms at 400)');
// Three rounds over 700 answers each, wink and analyze interleaved answer by answer; the median round is shown.
for (const n of [30, 150, 400]) {
  const answers = answersOf(n, 1000).slice(300);
  const rounds = [];
  for (let round = 0; round < 3; round++) {
    const wink = [];
    const ours = [];
    for (const a of answers) {
      wink.push(time(() => nlp.readDoc(a)));
      ours.push(time(() => analyze({ question, answer: a })));
    }
    rounds.push({ wink: quantile(wink, 0.5), ours: quantile(ours, 0.5), p99: quantile(ours, 0.99) });
  }
  const { wink, ours, p99 } = rounds.sort((a, b) => a.ours / a.wink - b.ours / b.wink)[1];
  console.log(`${String(n).padStart(5)}  ${wink.toFixed(3).padStart(8)} ms  ${ours.toFixed(3).padStart(11)} ms  ${(ours / wink).toFixed(2).padStart(10)}x  ${p99.toFixed(2).padStart(16)} ms`);
}
