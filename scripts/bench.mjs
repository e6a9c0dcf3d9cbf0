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

if (!args.includes('--skip-batch')) {
  const lines = option('--lines', 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'starl-bench-'));
  const file = join(dir, 'batch.jsonl');
  const out = createWriteStream(file);
  const records = corpus.concat(readFileSync(join(root, 'corpus/non-behavioral.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
  for (let i = 0; i < lines; i++) {
    const r = records[i % records.length];
    out.write(`${JSON.stringify({ id: `b${i}`, question: r.question, answer: r.answer, context: r.context })}\n`);
  }
  await new Promise((done) => out.end(done));
  console.log(`\nstarl analyze --jsonl over ${lines.toLocaleString('en')} lines (one process, one core)`);
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, 'dist/cli/main.js'), 'analyze', '--jsonl', file], { stdio: ['ignore', 'ignore', 'inherit'] });
  const samples = [];
  // The batch may run in a child of the command (it re-runs itself with a capped heap): count the whole tree.
  const treeOf = (pid) => {
    let children = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {}
    return [pid, ...children.flatMap(treeOf)];
  };
  const rss = () => {
    let total = 0;
    for (const pid of treeOf(child.pid)) {
      try {
        total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      } catch {}
    }
    return total || null;
  };
  const timer = setInterval(() => {
    const mb = rss();
    if (mb) samples.push({ at: Date.now() - started, mb });
  }, 200);
  const code = await new Promise((done) => child.on('exit', done));
  clearInterval(timer);
  const seconds = (Date.now() - started) / 1000;
  const peak = Math.max(...samples.map((s) => s.mb));
  const early = samples.slice(Math.floor(samples.length * 0.1), Math.floor(samples.length * 0.2)).map((s) => s.mb);
  const late = samples.slice(Math.floor(samples.length * 0.8)).map((s) => s.mb);
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log(`exit ${code}; ${(lines / seconds).toFixed(0)} answers a second (target ≥ 1,000)`);
  console.log(`peak memory ${peak.toFixed(0)} MB (target < 200 MB); mean at 10–20% of the run ${avg(early).toFixed(0)} MB, at 80–100% ${avg(late).toFixed(0)} MB (flat when these are close)`);
}

if (args.includes('--web')) {
  const web = join(root, 'scripts/bench-web.mjs');
  if (existsSync(web)) await new Promise((done) => spawn(process.execPath, [web], { stdio: 'inherit' }).on('exit', done));
  else console.log('\n(no web benchmark in this checkout)');
}

