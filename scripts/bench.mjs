#!/usr/bin/env node
// Measures Starl's speed and memory targets in one run and prints ratios and figures; never a pass/fail test.
//   npm run bench [-- --lines N] [-- --rounds N] [-- --startup-runs N] [-- --skip-startup] [-- --skip-batch] [-- --skip-delivery] [-- --web]
// 1. analyze() against wink-nlp's own parse of the same answer (30, 150, 400 words): median ratio, p99.
// 2. Start-up: `starl --help`, `--version`, `rules` and `analyze` on one answer, whole process, against `node -e 0`.
// 3. `starl analyze --jsonl` over N lines (default 10,000), end to end, on one core and on every core,
//    against wink-nlp's parse of the same answers, end to end too (scripts/wink-parse.mjs); CPU time,
//    and peak memory sampled as it runs.
// 4. The delivery measures, in ms per second of audio (scripts/bench-delivery.mjs); --skip-delivery leaves them out.
// 5. With --web, the web benchmark (scripts/bench-web.mjs).
import { readFileSync, mkdtempSync, createWriteStream, existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
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

const median = (xs) => quantile(xs, 0.5);
const work = mkdtempSync(join(tmpdir(), 'starl-bench-'));
const starl = join(root, 'dist/cli/main.js');

/** Runs a command to its end: wall-clock milliseconds, and peak memory in MB where /usr/bin/time can say. */
function runToEnd(argv) {
  const memory = join(work, 'memory');
  const timed = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M', '-o', memory, ...argv] : argv;
  const started = performance.now();
  const { status } = spawnSync(timed[0], timed.slice(1), { stdio: 'ignore' });
  const ms = performance.now() - started;
  if (status !== 0) throw new Error(`${argv.slice(1).join(' ')} exited with ${status}`);
  const mb = timed === argv ? null : Number(readFileSync(memory, 'utf8').trim().split('\n').at(-1)) / 1024;
  return { ms, mb };
}

if (!args.includes('--skip-startup')) {
  const runs = option('--startup-runs', 9);
  const commands = {
    'node -e 0': [process.execPath, '-e', '0'],
    'starl --help': [process.execPath, starl, '--help'],
    'starl --version': [process.execPath, starl, '--version'],
    'starl rules': [process.execPath, starl, 'rules'],
    'starl analyze (one answer)': [process.execPath, starl, 'analyze', '-q', 'How are you?', '-a', 'Fine, thanks; I just got back from a week of walking in the Alps.'],
  };
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  // Interleaved, so a busy moment on the machine falls on every command alike.
  for (let run = 0; run < runs; run++) for (const [name, argv] of Object.entries(commands)) samples[name].push(runToEnd(argv));
  const base = median(samples['node -e 0'].map((s) => s.ms));
  console.log(`\nStart-up, whole process, median of ${runs} runs interleaved with node -e 0`);
  console.log('command                       median   × node -e 0   − node -e 0   peak memory');
  for (const [name, runsOf] of Object.entries(samples)) {
    const ms = median(runsOf.map((s) => s.ms));
    const mb = runsOf[0].mb === null ? 'n/a' : `${Math.max(...runsOf.map((s) => s.mb)).toFixed(0)} MB`;
    console.log(`${name.padEnd(28)} ${ms.toFixed(0).padStart(5)} ms  ${(ms / base).toFixed(2).padStart(8)}x  ${(ms - base).toFixed(0).padStart(8)} ms   ${mb}`);
  }
  const of = (name) => median(samples[name].map((s) => s.ms));
  console.log(`targets: --help ≤ 2× node -e 0 (now ${(of('starl --help') / base).toFixed(2)}×); analyze ≤ node -e 0 + 250 ms (now + ${(of('starl analyze (one answer)') - base).toFixed(0)} ms)`);
}

if (!args.includes('--skip-batch')) {
  const lines = option('--lines', 10_000);
  const rounds = option('--rounds', 3);
  const cores = availableParallelism();
  const file = join(work, 'batch.jsonl');
  const out = createWriteStream(file);
  const records = corpus.concat(readFileSync(join(root, 'corpus/non-behavioral.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
  for (let i = 0; i < lines; i++) {
    const r = records[i % records.length];
    out.write(`${JSON.stringify({ id: `b${i}`, question: r.question, answer: r.answer, context: r.context })}\n`);
  }
  await new Promise((done) => out.end(done));
  // One core means one core for the whole process, reader and worker alike, where taskset can pin it.
  const pin = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', '-c', '0'] : [];

  const timeBin = existsSync('/usr/bin/time');
  /** The process and its children, so memory is counted wherever /usr/bin/time or taskset put the batch. */
  const treeOf = (pid) => {
    let children = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {}
    return [pid, ...children.flatMap(treeOf)];
  };
  const rssOf = (pid) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  /**
   * A command run end to end over the batch file: wall time, CPU time (user and system, all threads,
   * where /usr/bin/time can say), and memory sampled every 200 ms.
   */
  const endToEnd = async (command) => {
    const cpuFile = join(work, 'cpu');
    const argv = timeBin ? ['/usr/bin/time', '-f', '%U %S', '-o', cpuFile, ...command] : command;
    const started = performance.now();
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
    const samples = [];
    const timer = setInterval(() => {
      // /usr/bin/time itself is about 2 MB; only the batch's own process is counted.
      const mb = treeOf(child.pid).filter((pid) => pid !== child.pid || !timeBin).reduce((sum, pid) => sum + rssOf(pid), 0);
      if (mb) samples.push(mb);
    }, 200);
    const code = await new Promise((done) => child.on('exit', done));
    clearInterval(timer);
    if (code !== 0) throw new Error(`${command.join(' ')} exited with ${code}`);
    const ms = performance.now() - started;
    const cpuMs = timeBin ? readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1).split(' ').reduce((sum, s) => sum + Number(s) * 1000, 0) : null;
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const cut = (from, to) => samples.slice(Math.floor(samples.length * from), Math.max(Math.floor(samples.length * from) + 1, Math.floor(samples.length * to)));
    return { ms, cpuMs, peak: Math.max(0, ...samples), early: mean(cut(0.1, 0.2)), late: mean(cut(0.8, 1)) };
  };
  const batch = (workers, pinned) => endToEnd([...(pinned ? pin : []), process.execPath, starl, 'analyze', '--jsonl', file, '--workers', String(workers)]);
  // wink's parse of the same answers, end to end in its own process on the same one core: start, model, reading, parsing.
  const winkParse = () => endToEnd([...pin, process.execPath, join(root, 'scripts/wink-parse.mjs'), file]);
  const wink = [];
  const one = [];
  const all = [];
  // Rounds interleave wink's parse with both batches, so the machine's load falls on all three alike.
  for (let round = 0; round < rounds; round++) {
    wink.push(await winkParse());
    one.push(await batch(1, true));
    all.push(await batch(cores, false));
  }
  const winkMs = median(wink.map((w) => w.ms));
  const winkCpu = median(wink.map((w) => w.cpuMs));
  console.log(`\nstarl analyze --jsonl over ${lines.toLocaleString('en')} lines, end to end (whole process), median of ${rounds} rounds`);
  console.log(`wink-nlp's readDoc() of the same answers, end to end (scripts/wink-parse.mjs${pin.length ? ', pinned to one core' : ''}): ${winkMs.toFixed(0)} ms${winkCpu === null ? '' : ` (CPU ${winkCpu.toFixed(0)} ms)`}`);
  const line = (label, runs) => {
    const ms = median(runs.map((r) => r.ms));
    const mid = runs.find((r) => r.ms === ms);
    const cpu = mid.cpuMs === null || winkCpu === null ? '' : `, CPU ${(mid.cpuMs / winkCpu).toFixed(2)}× wink's`;
    console.log(`${label}: ${ms.toFixed(0)} ms, ${(ms / winkMs).toFixed(2)}× wink${cpu}; ${((lines / ms) * 1000).toFixed(0)} answers/s`);
    console.log(`  peak memory ${mid.peak.toFixed(0)} MB; mean ${mid.early.toFixed(0)} MB at 10–20% of the run, ${mid.late.toFixed(0)} MB at 80–100% (flat when these are close)`);
    return ms;
  };
  const oneMs = line(`--workers 1${pin.length ? ', pinned to one core' : ''}`, one);
  const allMs = line(`--workers ${cores} (the default here), on ${cores} cores`, all);
  console.log(`targets: one core ≤ 2.5× wink (now ${(oneMs / winkMs).toFixed(2)}×); on 2 cores ≥ 1.8× the one-core throughput (now ${(oneMs / allMs).toFixed(2)}× on ${cores})`);
}

if (!args.includes('--skip-delivery')) {
  await new Promise((done) => spawn(process.execPath, [join(root, 'scripts/bench-delivery.mjs')], { stdio: 'inherit' }).on('exit', done));
}

if (args.includes('--web')) {
  const web = join(root, 'scripts/bench-web.mjs');
  if (existsSync(web)) await new Promise((done) => spawn(process.execPath, [web], { stdio: 'inherit' }).on('exit', done));
  else console.log('\n(no web benchmark in this checkout)');
}

