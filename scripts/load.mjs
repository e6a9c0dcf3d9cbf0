// The load generator the web benchmarks share: the built server started on loopback, and keep-alive
// connections posting answers to /api/analyze for a fixed time.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

export const QUESTION = 'Tell me about a time you solved a difficult problem at work.';
export const STORY =
  'At my last job at a regional grocery distributor we had a warehouse scanner system that kept dropping orders during the evening shift. ' +
  'My task was to find out why before the holiday rush, because every lost order meant a missed delivery to a store. ' +
  'I logged every failed scan for a week and found that the Wi-Fi dropped near the cold-storage doors whenever they opened. ' +
  'I moved two access points, wrote a retry queue for the scanners and trained the night team to check the queue at the end of each shift. ' +
  'As a result, lost orders fell from 40 a day to none, and the holiday rush went through without a single missed delivery. ' +
  'I learned to measure before guessing, and since then I start every fix with a week of data. ';

/**
 * Sums `measure` over a process and its children (a server's command and its workers), from Linux's
 * /proc; a process that has stopped measures 0.
 */
export function sumOverProcessTree(pid, measure) {
  const safely = (id) => {
    try {
      return measure(id);
    } catch {
      return 0;
    }
  };
  let children = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // The command has stopped; only what it measured before counts, which is 0.
  }
  return safely(pid) + children.reduce((sum, child) => sum + safely(child), 0);
}

/** An answer of about `words` words, made of the story repeated. */
export function answerOf(words) {
  const storyWords = STORY.trim().split(/\s+/);
  return Array.from({ length: words }, (_, i) => storyWords[i % storyWords.length]).join(' ');
}

/** The `q` quantile of sorted numbers. */
export function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Starts the built `starl serve` on a free loopback port with a throwaway database, in its own process;
 * `pid` is the command's process, whose children are the workers.
 */
export async function startServer(workDir, workerCount) {
  const workers = workerCount ? ['--workers', String(workerCount)] : [];
  const child = spawn(process.execPath, ['dist/cli/main.js', 'serve', '--port', '0', '--db', join(workDir, 'bench.db'), ...workers], { stdio: ['ignore', 'pipe', 'inherit'] });
  const started = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1], workers: Number(/Workers: (\d+)/.exec(output)?.[1] ?? 1) });
    });
    child.once('exit', (code) => reject(new Error(`starl serve exited with code ${code} before it started`)));
  });
  return { ...started, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

/**
 * One keep-alive HTTP/1.1 connection that posts the same request, one at a time. Node's http client
 * cost this process about 0.13 ms of CPU per request, taken from the two cores the server needs; this
 * one writes request bytes prepared once and reads just the status line and Content-Length of each
 * response, about a third of that. Each response is still read in full and must be a 200.
 */
async function openConnection(hostname, port, requestBytes) {
  const socket = connect({ host: hostname, port: Number(port), noDelay: true });
  await once(socket, 'connect');
  let buffered = Buffer.alloc(0);
  let waiting = null;
  const settle = (error) => {
    const pending = waiting;
    waiting = null;
    if (error) pending?.reject(error);
    else pending?.resolve();
  };
  socket.on('data', (chunk) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    const headEnd = buffered.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = buffered.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) return settle(new Error(`a response without Content-Length: ${head.split('\r\n')[0]}`));
    const end = headEnd + 4 + Number(length[1]);
    if (buffered.length < end) return;
    buffered = buffered.subarray(end);
    const status = head.slice(9, 12);
    settle(status === '200' ? null : new Error(`HTTP ${status}`));
  });
  socket.on('error', (error) => settle(error));
  socket.on('close', () => settle(new Error('the server closed the connection')));
  return {
    post: () =>
      new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(requestBytes);
      }),
    close: () => socket.destroy(),
  };
}

/**
 * Bounded load: `concurrency` keep-alive connections to loopback posting one answer to
 * /api/analyze for `seconds`, after a warm-up; every latency is recorded.
 */
export async function measureApi(url, { answer = STORY.trim(), seconds, concurrency, warmUp = 50 }) {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify({ question: QUESTION, answer });
  const requestBytes = Buffer.from(
    `POST /api/analyze HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  const connections = await Promise.all(Array.from({ length: concurrency }, () => openConnection(hostname, port, requestBytes)));
  try {
    // Warm-up on every connection, so every server worker has loaded the model and its JIT has settled.
    await Promise.all(connections.map(async (connection) => {
      for (let i = 0; i < warmUp; i++) await connection.post();
    }));
    const latencies = [];
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      connections.map(async (connection) => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          await connection.post();
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    return { requests: latencies.length, seconds: elapsed, latencies };
  } finally {
    for (const connection of connections) connection.close();
  }
}
