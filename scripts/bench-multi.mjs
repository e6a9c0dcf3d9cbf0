// `npm run bench:multi`: a shared Starl under a career centre's load. Two `starl serve --multi-user`
// processes on one PostgreSQL database; 200 candidates sign in, take questions, submit answers and read
// their progress, and 10 coaches read their cohort's dashboard and a candidate's answers, for 60 s.
// Requests go to the two processes in turn, so a session started on one is used on the other. It
// prints requests a second, p50 and p99 per route and every error, then counts the answers in the
// database against the submissions that were answered 2xx. It prints figures and never fails a test.
//
// The database is a throwaway cluster (scripts/lib/postgres-cluster.sh) with fsync and synchronous
// commits turned back on, as a real server has them, unless STARL_BENCH_DATABASE_URL names an empty
// database to use instead. Needs `npm run build` first and, without that variable, Debian's postgresql.
// Usage: node scripts/bench-multi.mjs [--seconds 60] [--candidates 200] [--coaches 10] [--think-ms 5000] [--workers W] [--json]
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { QUESTION, STORY, quantile, sumOverProcessTree } from './load.mjs';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    candidates: { type: 'string', default: '200' },
    coaches: { type: 'string', default: '10' },
    'think-ms': { type: 'string', default: '5000' },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const SECONDS = positive('seconds');
const CANDIDATES = positive('candidates');
const COACHES = positive('coaches');
const THINK_MS = Number(options['think-ms']);
const PASSWORD = 'bench password, long enough';
/** The figures the issue sets for this machine. */
const TARGET_ANSWER_P99_MS = 150;
const ANSWER_ROUTE = 'POST /api/sessions/:id/answers';
/** Sign-ins are spread over the run's first part, as people arrive, rather than 210 argon2 checks at once. */
const ARRIVAL_MS = Math.min(10, SECONDS / 4) * 1000;
/** Past this the run is abandoned: set-up, the run and the count, with room to spare on a busy machine. */
const DEADLINE_MS = (SECONDS + 240) * 1000;

function positive(name) {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench-multi: --${name} must be a whole number of at least 1, not "${options[name]}"`);
    process.exit(2);
  }
  return value;
}

if (!existsSync('dist/cli/main.js')) {
  console.error('bench-multi: dist/cli/main.js is missing; run "npm run build" first.');
  process.exit(2);
}
const log = (line) => process.stderr.write(`bench-multi: ${line}\n`);
const cleanups = [];
const cleanUp = async () => {
  for (const step of cleanups.reverse()) await step().catch(() => undefined);
};
const deadline = setTimeout(async () => {
  log(`gave up after ${DEADLINE_MS / 1000} s`);
  await cleanUp();
  process.exit(2);
}, DEADLINE_MS);
deadline.unref();

/**
 * A throwaway cluster from the same script the tests use. Its shell stays alive while our end of its
 * stdin is open and removes the cluster when it closes, so the cluster goes even if this process dies.
 */
async function startCluster() {
  const shell = spawn('bash', ['-c', '. scripts/lib/postgres-cluster.sh && STARL_PG_DURABLE=1 start_test_cluster >&2 && echo "$STARL_TEST_DATABASE_URL" && read -r _'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    shell.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('\n')) resolve(output.trim());
    });
    shell.once('exit', (code) => reject(new Error(`the PostgreSQL cluster did not start (exit code ${code})`)));
  });
  cleanups.push(async () => {
    const exited = new Promise((resolve) => shell.once('exit', resolve));
    shell.stdin.end();
    await exited;
  });
  return url;
}

/** Runs the built command line to completion, failing with its output when it fails. */
function starl(args) {
  const run = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`starl ${args[0]} failed: ${run.stderr || run.stdout}`);
  return run.stdout;
}

/** Runs `work` over `items`, at most `limit` at once. */
async function inParallel(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

/** The admin, a cohort, its coaches and its candidates, written through the store as `starl admin create` does. */
async function createPeople(databaseUrl) {
  const { openStore } = await import('../dist/storage/index.js');
  const { Accounts } = await import('../dist/accounts/accounts.js');
  const store = await openStore({ databaseUrl });
  try {
    const accounts = new Accounts(store);
    await accounts.createUser({ email: 'admin@bench.example', name: 'Admin', role: 'admin', password: PASSWORD });
    const cohort = await accounts.createCohort('Bench cohort');
    const person = (role, i) => ({ email: `${role}${i}@bench.example`, name: `${role} ${i}`, role, password: PASSWORD });
    // argon2 hashing is most of the set-up: its thread pool hashes four at a time.
    const coaches = await inParallel(Array.from({ length: COACHES }, (_, i) => person('coach', i)), 4, (input) => accounts.createUser(input));
    const candidates = await inParallel(Array.from({ length: CANDIDATES }, (_, i) => person('candidate', i)), 4, (input) => accounts.createUser(input));
    for (const coach of coaches) await accounts.addCoach(cohort.id, coach.id);
    await inParallel(candidates, 8, (candidate) => accounts.addMember(cohort.id, candidate.id));
    return { cohortId: cohort.id, coaches, candidates };
  } finally {
    await store.close();
  }
}

/** Starts one `starl serve --multi-user` process on a free loopback port. */
async function startServe(databaseUrl) {
  const workers = options.workers ? ['--workers', options.workers] : [];
  const child = spawn(process.execPath, ['dist/cli/main.js', 'serve', '--multi-user', '--database-url', databaseUrl, '--port', '0', ...workers], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`starl serve exited with code ${code} before it started`)));
  });
  cleanups.push(async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
  const address = new URL(url);
  address.pid = child.pid;
  return address;
}

/** CPU seconds a process and its children (the workers) have used so far, from Linux's /proc. */
function cpuSeconds(pid) {
  // utime and stime, the 14th and 15th fields, in Linux's clock ticks of 1/100 s.
  return sumOverProcessTree(pid, (id) => {
    const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  });
}

/**
 * Latencies and failures per route, as `METHOD /path/:id`; `settled` holds the latencies of requests
 * sent once everyone had signed in, when the 210 argon2 checks of the arrivals are over.
 */
const measured = new Map();
let everyoneSignedInAt = Infinity;
function record(route, ms, failure, sentAt) {
  let entry = measured.get(route);
  if (!entry) measured.set(route, (entry = { latencies: [], settled: [], errors: new Map() }));
  if (failure) entry.errors.set(failure, (entry.errors.get(failure) ?? 0) + 1);
  else entry.latencies.push(ms);
  if (!failure && sentAt >= everyoneSignedInAt) entry.settled.push(ms);
}

/** Counts the people signed in; the last one starts the settled part of the run. */
let signedIn = 0;
function arrived() {
  if (++signedIn === CANDIDATES + COACHES) everyoneSignedInAt = performance.now();
}

/**
 * One person's browser: keeps the session cookie and CSRF token as the web app does, and sends each
 * request to the next server in turn over keep-alive connections.
 */
class Browser {
  cookie;
  csrfToken;
  constructor(servers) {
    this.servers = servers;
  }

  /** Sends a request; the body parsed as JSON when it succeeded, undefined (and an error recorded) when not. */
  async send(method, path, route, body) {
    const server = this.servers.next();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { host: server.url.host, origin: server.url.origin };
    if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const started = performance.now();
    try {
      const response = await new Promise((resolve, reject) => {
        const outgoing = request({ host: server.url.hostname, port: server.url.port, method, path, headers, agent: server.agent }, (incoming) => {
          const chunks = [];
          incoming.on('data', (chunk) => chunks.push(chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
          incoming.on('error', reject);
        });
        outgoing.on('error', reject);
        outgoing.end(payload);
      });
      const ms = performance.now() - started;
      const session = [response.headers['set-cookie'] ?? []].flat().find((cookie) => cookie.startsWith('starl_session='));
      if (session) this.cookie = session.split(';')[0];
      if (response.status < 200 || response.status >= 300) {
        const code = /"code":"(\w+)"/.exec(response.text)?.[1];
        record(route, ms, `HTTP ${response.status}${code ? ` ${code}` : ''}`, started);
        return undefined;
      }
      record(route, ms, undefined, started);
      return response.text ? JSON.parse(response.text) : null;
    } catch (error) {
      record(route, performance.now() - started, error.code ?? error.message, started);
      return undefined;
    }
  }

  async login(email) {
    const me = await this.send('POST', '/api/auth/login', 'POST /api/auth/login', { email, password: PASSWORD });
    this.csrfToken = me?.csrfToken;
    return me !== undefined;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A person's pause between two actions: reading a report, typing the next answer. */
const think = () => sleep(THINK_MS * (0.5 + Math.random()));

/** The two servers, taken in turn by every request. */
function roundRobin(urls) {
  // Idle connections are closed here before the server's 5 s keep-alive timeout closes them, so a
  // request never goes out on a connection the server is closing (a spurious ECONNRESET).
  const servers = urls.map((url) => ({ url, agent: new Agent({ keepAlive: true, timeout: 4000 }) }));
  let turn = 0;
  return { next: () => servers[turn++ % servers.length], close: () => servers.forEach((server) => server.agent.destroy()) };
}

const ANSWERS = STORY.trim().split('. ').map((sentence, i, all) => all.slice(i, i + 3).join('. '));

/** A candidate: signs in, then takes drills of three questions, answering each and reading progress after. */
async function candidate(servers, email, until, acknowledged) {
  const browser = new Browser(servers);
  if (!(await browser.login(email))) return;
  arrived();
  let seed = Math.floor(Math.random() * 1e6);
  while (performance.now() < until) {
    const session = await browser.send('POST', '/api/sessions', 'POST /api/sessions', { only: 'behavioral', count: 3, seed: seed++ });
    if (!session) {
      await think();
      continue;
    }
    for (let position = 0; position < session.questions.length && performance.now() < until; position++) {
      await think();
      const clientId = randomUUID();
      const answer = ANSWERS[(seed + position) % ANSWERS.length];
      const saved = await browser.send('POST', `/api/sessions/${session.id}/answers`, ANSWER_ROUTE, { position, answer, seconds: 60, clientId });
      if (saved) acknowledged.add(clientId);
      await browser.send('GET', '/api/progress', 'GET /api/progress');
    }
  }
}

/** A coach: signs in, then reads the cohort's dashboard and one candidate's answers, again and again. */
async function coach(servers, email, cohortId, candidateIds, until) {
  const browser = new Browser(servers);
  if (!(await browser.login(email))) return;
  arrived();
  while (performance.now() < until) {
    await browser.send('GET', `/api/coach/cohorts/${cohortId}`, 'GET /api/coach/cohorts/:id');
    await think();
    const candidateId = candidateIds[Math.floor(Math.random() * candidateIds.length)];
    await browser.send('GET', `/api/coach/candidates/${candidateId}/answers`, 'GET /api/coach/candidates/:id/answers');
    await think();
  }
}

/**
 * Loads the language model in every worker of both servers before anything is timed: the admin judges
 * answers on each server, a few at once so the cluster hands them to every worker.
 */
async function warmUp(urls) {
  await Promise.all(
    urls.map(async (url) => {
      const browser = new Browser({ next: () => ({ url, agent: undefined }) });
      await browser.login('admin@bench.example');
      await Promise.all(Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 4; i++) await browser.send('POST', '/api/analyze', 'warm-up', { question: QUESTION, answer: STORY });
      }));
    }),
  );
  measured.clear();
}

/** Every answer the database holds, by its client key. */
async function savedAnswerKeys(databaseUrl) {
  const { openStore } = await import('../dist/storage/index.js');
  const store = await openStore({ databaseUrl });
  try {
    const rows = await store.unscopedDriver().db.selectFrom('answers').select('client_id').execute();
    return rows.map((row) => row.client_id);
  } finally {
    await store.close();
  }
}

function formatMs(ms) {
  return ms === undefined ? '-' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0);
}

try {
  const givenUrl = process.env.STARL_BENCH_DATABASE_URL;
  const databaseUrl = givenUrl || (await startCluster());
  const migrated = starl(['migrate', '--database-url', databaseUrl]).trim().split('\n')[0];
  log(migrated.replace(/\/\/[^@/]*@/, '//'));
  let started = performance.now();
  const people = await createPeople(databaseUrl);
  log(`created an admin, a cohort, ${COACHES} coaches and ${CANDIDATES} candidates in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const urls = await Promise.all([startServe(databaseUrl), startServe(databaseUrl)]);
  log(`two servers: ${urls.map((url) => url.origin).join(', ')}; ${SECONDS} s of load, people arriving over the first ${ARRIVAL_MS / 1000} s, ${THINK_MS} ms between actions on average`);

  await warmUp(urls);
  const servers = roundRobin(urls);
  const acknowledged = new Set();
  const serverCpu = () => urls.reduce((sum, url) => sum + cpuSeconds(url.pid), 0);
  const cpuBefore = serverCpu();
  started = performance.now();
  const until = started + SECONDS * 1000;
  const arrival = (i, count) => sleep((ARRIVAL_MS * i) / count);
  const candidateIds = people.candidates.map((person) => person.id);
  await Promise.all([
    ...people.candidates.map(async (person, i) => {
      await arrival(i, CANDIDATES);
      await candidate(servers, person.email, until, acknowledged);
    }),
    ...people.coaches.map(async (person, i) => {
      await arrival(i, COACHES);
      await coach(servers, person.email, people.cohortId, candidateIds, until);
    }),
  ]);
  const elapsed = (performance.now() - started) / 1000;
  const cpuUsed = serverCpu() - cpuBefore;
  servers.close();

  const saved = await savedAnswerKeys(databaseUrl);
  const savedKeys = new Set(saved);
  const lost = [...acknowledged].filter((key) => !savedKeys.has(key)).length;
  const routes = [...measured].sort(([a], [b]) => a.localeCompare(b)).map(([route, { latencies, settled, errors }]) => {
    const sorted = latencies.sort((a, b) => a - b);
    const settledSorted = settled.sort((a, b) => a - b);
    const failed = [...errors.values()].reduce((sum, n) => sum + n, 0);
    return {
      route,
      requests: sorted.length + failed,
      perSecond: (sorted.length + failed) / elapsed,
      p50Ms: quantile(sorted, 0.5),
      p99Ms: quantile(sorted, 0.99),
      settled: { requests: settledSorted.length, p50Ms: quantile(settledSorted, 0.5), p99Ms: quantile(settledSorted, 0.99) },
      errors: Object.fromEntries(errors),
    };
  });
  const totalRequests = routes.reduce((sum, route) => sum + route.requests, 0);
  const totalErrors = routes.reduce((sum, route) => sum + Object.values(route.errors).reduce((a, b) => a + b, 0), 0);
  const answerRoute = routes.find((route) => route.route === ANSWER_ROUTE);
  const answerP99 = answerRoute?.p99Ms;
  const settledAnswerP99 = answerRoute?.settled.p99Ms;
  const settledSeconds = Math.max(0, (started + elapsed * 1000 - everyoneSignedInAt) / 1000);
  const result = {
    seconds: elapsed,
    candidates: CANDIDATES,
    coaches: COACHES,
    thinkMs: THINK_MS,
    database: givenUrl ? 'STARL_BENCH_DATABASE_URL' : 'throwaway cluster, fsync on',
    /** The machine's load average over the last minute as the run ended: other work on it shows here. */
    loadAverage: loadavg()[0],
    requests: totalRequests,
    requestsPerSecond: totalRequests / elapsed,
    /** CPU the two servers' processes used per request: what the run cost, whatever else the machine was doing. */
    serverCpuMsPerRequest: (cpuUsed * 1000) / totalRequests,
    serverCores: cpuUsed / elapsed,
    routes,
    errors: totalErrors,
    answersAcknowledged: acknowledged.size,
    answersSaved: saved.length,
    answersLost: lost,
    answerP99Ms: answerP99,
    /** Seconds of the run after everyone had signed in, and the answer submit p99 over them. */
    settledSeconds,
    settledAnswerP99Ms: settledAnswerP99,
  };

  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const mark = (ok) => (ok ? 'met' : 'MISSED');
    console.log(`${CANDIDATES} candidates and ${COACHES} coaches on two starl serve processes, ${elapsed.toFixed(1)} s, ${THINK_MS} ms between actions on average (${result.database})`);
    console.log(`${totalRequests} requests, ${result.requestsPerSecond.toFixed(1)} a second; the servers used ${result.serverCores.toFixed(2)} cores, ${result.serverCpuMsPerRequest.toFixed(1)} ms of CPU a request; the machine's load average was ${result.loadAverage.toFixed(1)} as the run ended\n`);
    console.log(`"settled": the last ${settledSeconds.toFixed(0)} s, once everyone had signed in\n`);
    const header = ['route', 'requests', 'per s', 'p50 ms', 'p99 ms', 'settled p50', 'settled p99', 'errors'];
    const rows = routes.map((route) => [
      route.route,
      String(route.requests),
      route.perSecond.toFixed(1),
      formatMs(route.p50Ms),
      formatMs(route.p99Ms),
      formatMs(route.settled.p50Ms),
      formatMs(route.settled.p99Ms),
      Object.entries(route.errors).map(([what, n]) => `${n} × ${what}`).join(', ') || '0',
    ]);
    const widths = header.map((_, i) => Math.max(header[i].length, ...rows.map((row) => row[i].length)));
    const leftAligned = new Set([0, header.length - 1]);
    for (const row of [header, ...rows]) console.log(row.map((cell, i) => (leftAligned.has(i) ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
    console.log('\ntarget                                   measured');
    console.log(`no errors                                ${totalErrors} errors: ${mark(totalErrors === 0)}`);
    console.log(`no lost answers                          ${acknowledged.size} answered 2xx, ${saved.length} in the database, ${lost} lost: ${mark(lost === 0 && saved.length >= acknowledged.size)}`);
    console.log(`answer submit p99 < ${TARGET_ANSWER_P99_MS} ms                ${formatMs(answerP99)} ms: ${mark(answerP99 !== undefined && answerP99 < TARGET_ANSWER_P99_MS)}`);
    console.log(`  once everyone had signed in            ${formatMs(settledAnswerP99)} ms: ${mark(settledAnswerP99 !== undefined && settledAnswerP99 < TARGET_ANSWER_P99_MS)}`);
  }
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
} finally {
  await cleanUp();
}
