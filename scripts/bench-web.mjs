// Measures the web app's two performance targets and prints the numbers:
//   1. keystroke-to-highlight in Chromium for a 300-word answer (target: median under 16 ms);
//   2. POST /api/analyze throughput under a bounded local load (target: 2,000 requests/s, p99 under 20 ms).
// Needs `npm run build` first (it runs the built server and front end) and Debian's chromium.
// Usage: node scripts/bench-web.mjs [--keystrokes N] [--seconds S] [--concurrency C] [--workers W] [--json]
// --keystrokes 0 measures the API alone; --workers is passed to `starl serve` (default: its own).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { answerOf, measureApi, QUESTION, quantile, startServer } from './load.mjs';

const { values: options } = parseArgs({
  options: {
    keystrokes: { type: 'string', default: '60' },
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

/** Keystroke to highlight: time from an input event to the evidence showing the new text, and to the next frame. */
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
    const answer = answerOf(300);
    await page.getByLabel('Your answer').fill(answer);
    await page.locator('.evidence').waitFor();
    return await page.evaluate(async (count) => {
      const box = document.getElementById('answer');
      const toDom = [];
      const toFrame = [];
      for (let i = 0; i < count; i++) {
        const typed = i % 2 === 0 ? ' x' : 'y';
        const expected = box.value + typed;
        // Preact renders in a microtask after the input event; a MutationObserver sees the change as it lands.
        const tail = expected.slice(-40);
        const result = document.querySelector('.result');
        let start = 0;
        await new Promise((resolve) => {
          const shows = () => (document.querySelector('.evidence')?.textContent ?? '').includes(tail);
          const observer = new MutationObserver(() => {
            if (shows()) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(result, { subtree: true, childList: true, characterData: true });
          start = performance.now();
          box.value = expected;
          box.dispatchEvent(new Event('input', { bubbles: true }));
        });
        toDom.push(performance.now() - start);
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        toFrame.push(performance.now() - start);
        // Let the page settle between keystrokes, as between real key presses.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { toDom, toFrame, words: box.value.trim().split(/\s+/).length };
    }, KEYSTROKES);
  } finally {
    await context.close();
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'starl-bench-web-'));
const server = await startServer(workDir, options.workers);
try {
  const keys = KEYSTROKES > 0 ? await measureKeystrokes(server.url, workDir) : null;
  const api = await measureApi(server.url, { seconds: SECONDS, concurrency: CONCURRENCY });
  const dom = [...(keys?.toDom ?? [])].sort((a, b) => a - b);
  const frame = [...(keys?.toFrame ?? [])].sort((a, b) => a - b);
  const lat = [...api.latencies].sort((a, b) => a - b);
  const result = {
    keystroke: keys && { words: keys.words, samples: dom.length, medianToDomMs: quantile(dom, 0.5), p95ToDomMs: quantile(dom, 0.95), medianToFrameMs: quantile(frame, 0.5), targetMs: 16 },
    api: { concurrency: CONCURRENCY, serverWorkers: server.workers, requests: api.requests, requestsPerSecond: api.requests / api.seconds, p50Ms: quantile(lat, 0.5), p99Ms: quantile(lat, 0.99), targetRps: 2000, targetP99Ms: 20 },
  };
  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const k = result.keystroke;
    const a = result.api;
    const verdict = (ok) => (ok ? 'meets target' : 'MISSES target');
    if (k) {
      console.log(`keystroke to highlight, ${k.words}-word answer, ${k.samples} keystrokes in Chromium:`);
      console.log(`  median ${k.medianToDomMs.toFixed(2)} ms to the DOM (p95 ${k.p95ToDomMs.toFixed(2)} ms), ${k.medianToFrameMs.toFixed(2)} ms to the next frame; target < 16 ms: ${verdict(k.medianToDomMs < 16)}`);
    }
    console.log(`POST /api/analyze, ${a.concurrency} connections for ${SECONDS} s, ${a.serverWorkers} server worker(s):`);
    console.log(`  ${a.requestsPerSecond.toFixed(0)} requests/s, p50 ${a.p50Ms.toFixed(2)} ms, p99 ${a.p99Ms.toFixed(2)} ms; target 2000/s: ${verdict(a.requestsPerSecond >= 2000)}, p99 < 20 ms: ${verdict(a.p99Ms < 20)}`);
  }
} finally {
  server.stop();
  rmSync(workDir, { recursive: true, force: true });
}
