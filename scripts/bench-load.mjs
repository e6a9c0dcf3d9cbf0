// `npm run bench:load`: throughput, latency and memory of POST /api/analyze under load, on loopback.
// 50 keep-alive clients post a 60-word answer for 20 s, then a 3,000-word one for 20 s, to the built
// `starl serve` (its default workers) with a throwaway database. It prints requests a second, p50
// and p99, and the resident memory of the server's processes (command and workers together) before,
// at its peak and after each phase. It stops by itself, and gives up after a fixed deadline.
// Needs `npm run build` first. Usage: node scripts/bench-load.mjs [--seconds S] [--concurrency C] [--workers W] [--json]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { answerOf, measureApi, quantile, startServer, sumOverProcessTree } from './load.mjs';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '50' },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(options.seconds);
const CONCURRENCY = Number(options.concurrency);
/** The answer lengths measured, in words: a short spoken answer, and one near the 20,000-character limit. */
const PHASES = [60, 3000];
/** Past this the run is abandoned: the phases, their warm-ups and start-up, with room to spare on a busy machine. */
const DEADLINE_MS = (PHASES.length * SECONDS + 180) * 1000;

if (!existsSync('dist/cli/main.js')) {
  console.error('bench-load: dist/cli/main.js is missing; run "npm run build" first.');
  process.exit(2);
}

/** Resident memory in MB of a process and its children (Linux /proc), 0 for a process gone. */
function residentMb(pid) {
  return sumOverProcessTree(pid, (id) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) / 1024);
}

/** Runs one phase while sampling the server's memory twice a second. */
async function phase(server, words) {
  const before = residentMb(server.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentMb(server.pid))), 500);
  try {
    // A few warm-up requests per client load the model in every worker; long answers need fewer.
    const run = await measureApi(server.url, { answer: answerOf(words), seconds: SECONDS, concurrency: CONCURRENCY, warmUp: words > 1000 ? 1 : 10 });
    const latencies = [...run.latencies].sort((a, b) => a - b);
    return {
      words,
      requests: run.requests,
      requestsPerSecond: run.requests / run.seconds,
      p50Ms: quantile(latencies, 0.5),
      p99Ms: quantile(latencies, 0.99),
      memoryMb: { before, peak, after: residentMb(server.pid) },
    };
  } finally {
    clearInterval(sampler);
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'starl-bench-load-'));
const server = await startServer(workDir, options.workers);
const deadline = setTimeout(() => {
  console.error(`bench-load: gave up after ${DEADLINE_MS / 1000} s`);
  server.stop();
  rmSync(workDir, { recursive: true, force: true });
  process.exit(2);
}, DEADLINE_MS);
try {
  const results = [];
  for (const words of PHASES) results.push(await phase(server, words));
  if (options.json) {
    console.log(JSON.stringify({ concurrency: CONCURRENCY, seconds: SECONDS, serverWorkers: server.workers, phases: results }, null, 2));
  } else {
    console.log(`POST /api/analyze, ${CONCURRENCY} clients for ${SECONDS} s per answer length, ${server.workers} server worker(s), loopback:`);
    for (const r of results) {
      const memory = `memory ${r.memoryMb.before.toFixed(0)} MB before, ${r.memoryMb.peak.toFixed(0)} MB peak, ${r.memoryMb.after.toFixed(0)} MB after`;
      console.log(`  ${String(r.words).padStart(4)} words: ${r.requestsPerSecond.toFixed(0)} requests/s (${r.requests}), p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms; ${memory}`);
    }
  }
} finally {
  clearTimeout(deadline);
  server.stop();
  rmSync(workDir, { recursive: true, force: true });
}
