// Measures the web app's performance targets and prints the numbers:
//   1. typing in Chromium at answers of 50 words up to the 20,000-character limit: the main thread's work
//      per keystroke (target: median under 8 ms, p95 under 16 ms at every length), and at 3,000 words how
//      long after typing stops the results are on screen (target: within 150 ms);
//   2. POST /api/analyze throughput under a bounded local load (target: 2,000 requests/s, p99 under 20 ms).
// Needs `npm run build` first (it runs the built server and front end) and Debian's chromium.
// Usage: node scripts/bench-web.mjs [--keystrokes N] [--seconds S] [--concurrency C] [--workers W] [--json]
// --keystrokes is per answer length (0 measures the API alone); --workers is passed to `starl serve`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { answerOf, measureApi, QUESTION, quantile, startServer } from './load.mjs';

const { values: options } = parseArgs({
  options: {
    keystrokes: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8' },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const KEYSTROKES = Number(options.keystrokes);
const SECONDS = Number(options.seconds);
const CONCURRENCY = Number(options.concurrency);
const CHROMIUM = '/usr/bin/chromium';

for (const file of ['dist/cli/main.js', 'dist/web/index.html']) {
  if (!existsSync(file)) {
    console.error(`bench-web: ${file} is missing; run "npm run build" first.`);
    process.exit(2);
  }
}
if (KEYSTROKES > 0 && !existsSync(CHROMIUM)) {
  console.error(`bench-web: ${CHROMIUM} is missing; install Debian's chromium (apt-get install -y chromium).`);
  process.exit(2);
}

/** Answer lengths typed at: words, or (for the last) characters just under the limit. */
const LENGTHS = [{ words: 50 }, { words: 330 }, { words: 1000 }, { words: 3000 }, { chars: 19_900 }];
/** Milliseconds between keystrokes: a fast typist, about ten keys a second. */
const KEY_GAP_MS = 100;
/** Bursts of typing at 3,000 words after which the time to results is measured. */
const BURSTS = 6;

/**
 * Typing, in the page: each keystroke inserts text at the caret as the browser does for a key press.
 * The main thread's work for it is the time from the insertion until the page's scripts are done
 * (the next task), plus the next frame's style, layout and paint (from its animation-frame callback
 * to the task after it). Waiting for the frame itself is not work and is not counted.
 */
function typeInPage({ count, gap, bursts }) {
  const box = document.getElementById('answer');
  const channel = new MessageChannel();
  const nextTask = () =>
    new Promise((resolve) => {
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const press = (i) => document.execCommand('insertText', false, i % 2 === 0 ? ' x' : 'y');
  const shows = (word) => (document.querySelector('.evidence')?.textContent ?? '').includes(word);
  return (async () => {
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    const work = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      press(i);
      const scripts = (await nextTask()) - t0;
      const frameStart = await frame();
      const rendering = (await nextTask()) - frameStart;
      work.push(scripts + rendering);
      await sleep(gap);
    }
    // Results after typing stops: a burst of keys, then the time until the evidence shows the last of them, painted.
    const settle = [];
    for (let burst = 0; burst < bursts; burst++) {
      for (let i = 0; i < 7; i++) {
        press(i);
        await sleep(gap);
      }
      // The last key of a burst leaves a word found nowhere else, so the evidence showing it is the newest result.
      const last = ` q${burst}z`;
      document.execCommand('insertText', false, last);
      const stopped = performance.now();
      while (!shows(last)) await frame();
      await frame();
      settle.push(performance.now() - stopped);
      await sleep(300);
    }
    return { work, settle, words: box.value.trim().split(/\s+/).length, chars: box.value.length };
  })();
}

/** Types at every length in LENGTHS; per length the work per keystroke, and at 3,000 words the time to results. */
async function measureKeystrokes(url, workDir) {
  const context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}#/analyze`);
    await page.getByLabel('Question').fill(QUESTION);
    const results = [];
    for (const length of LENGTHS) {
      const answer = length.chars ? answerOf(5000).slice(0, length.chars - KEYSTROKES * 2 - 12 * BURSTS) : answerOf(length.words);
      await page.getByLabel('Your answer').fill(answer);
      await page.waitForFunction(
        (tail) => {
          const evidence = document.querySelector('.evidence')?.cloneNode(true);
          evidence?.querySelectorAll('.star-tag, .mark-insertion').forEach((node) => node.remove());
          return (evidence?.textContent ?? '').endsWith(tail);
        },
        answer.slice(-30),
        { timeout: 60_000 },
      );
      const bursts = length.words === 3000 ? BURSTS : 0;
      results.push(await page.evaluate(typeInPage, { count: KEYSTROKES, gap: KEY_GAP_MS, bursts }));
    }
    return results;
  } finally {
    await context.close();
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'starl-bench-web-'));
const server = await startServer(workDir, options.workers);
try {
  const keys = KEYSTROKES > 0 ? await measureKeystrokes(server.url, workDir) : null;
  const api = await measureApi(server.url, { seconds: SECONDS, concurrency: CONCURRENCY });
  const lat = [...api.latencies].sort((a, b) => a - b);
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const result = {
    typing: keys?.map((k) => {
      const work = sorted(k.work);
      const settle = sorted(k.settle);
      return {
        words: k.words,
        chars: k.chars,
        keystrokes: work.length,
        medianWorkMs: quantile(work, 0.5),
        p95WorkMs: quantile(work, 0.95),
        ...(settle.length ? { medianResultsAfterStopMs: quantile(settle, 0.5), maxResultsAfterStopMs: settle.at(-1) } : {}),
      };
    }) ?? null,
    targets: { medianWorkMs: 8, p95WorkMs: 16, resultsAfterStopMs: 150 },
    api: { concurrency: CONCURRENCY, serverWorkers: server.workers, requests: api.requests, requestsPerSecond: api.requests / api.seconds, p50Ms: quantile(lat, 0.5), p99Ms: quantile(lat, 0.99), targetRps: 2000, targetP99Ms: 20 },
  };
  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const a = result.api;
    const verdict = (ok) => (ok ? 'meets target' : 'MISSES target');
    if (result.typing) {
      console.log(`typing in Chromium, ${KEYSTROKES} keystrokes ${KEY_GAP_MS} ms apart per length; main-thread work per keystroke (target: median < 8 ms, p95 < 16 ms):`);
      for (const t of result.typing) {
        const after = t.medianResultsAfterStopMs === undefined ? '' : `; results ${t.medianResultsAfterStopMs.toFixed(0)} ms after typing stops (max ${t.maxResultsAfterStopMs.toFixed(0)} ms; target ≤ 150 ms: ${verdict(t.medianResultsAfterStopMs <= 150)})`;
        console.log(`  ${String(t.words).padStart(5)} words (${String(t.chars).padStart(6)} chars): median ${t.medianWorkMs.toFixed(2)} ms, p95 ${t.p95WorkMs.toFixed(2)} ms, ${verdict(t.medianWorkMs < 8 && t.p95WorkMs < 16)}${after}`);
      }
    }
    console.log(`POST /api/analyze, ${a.concurrency} connections for ${SECONDS} s, ${a.serverWorkers} server worker(s):`);
    console.log(`  ${a.requestsPerSecond.toFixed(0)} requests/s, p50 ${a.p50Ms.toFixed(2)} ms, p99 ${a.p99Ms.toFixed(2)} ms; target 2000/s: ${verdict(a.requestsPerSecond >= 2000)}, p99 < 20 ms: ${verdict(a.p99Ms < 20)}`);
  }
} finally {
  server.stop();
  rmSync(workDir, { recursive: true, force: true });
}
