import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import { existsSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { analyze } from '../core/analyze.js';
import { StarlError } from '../core/errors.js';
import type { ErrorCode, ErrorWhere } from '../core/errors.js';
import { rules } from '../core/rules/index.js';
import { Accounts } from '../accounts/accounts.js';
import { chooseDatabase, openStore, redactUrl, type DatabaseChoice, type DatabaseTarget } from '../storage/index.js';
import { allowedHostsFor, isLoopback, type HostOptions } from './allowed-hosts.js';
import { createApp, malformedRequestResponse } from './app.js';
import { directoryAssets } from './assets.js';

/** Where `npm run build:web` puts the front end, relative to this file once compiled to dist/server/. */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

/** The program each worker process runs; the .ts source when Starl itself runs from source under tsx. */
const WORKER_ENTRY = fileURLToPath(new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

/** How the primary hands a worker its {@link ServeOptions}. */
const WORKER_OPTIONS_ENV = 'STARL_SERVE_WORKER';

/** How long a stopping worker may take to finish its requests before it is killed. */
const WORKER_STOP_MS = 5000;

/** Options of {@link startServer}. */
export interface ServeOptions extends HostOptions {
  /** Port to listen on; 0 picks a free one. Default 4747. */
  port?: number;
  /** Address to bind. Default 127.0.0.1, so nothing outside this machine can connect. */
  host?: string;
  /** The database file (`--db`); without it or `databaseUrl`, as `chooseDatabase` decides (`STARL_DATABASE_URL`, `STARL_DB`, XDG data home). */
  dbFile?: string;
  /** A PostgreSQL database (`--database-url`) instead of a file. */
  databaseUrl?: string;
  /** The built front end; default dist/web beside the compiled server. */
  webRoot?: string;
  /**
   * Multi-user mode: accounts, roles and cohorts, each user confined to their own data. Needs a
   * database named explicitly (`--database-url`, `STARL_DATABASE_URL` or `--db`), never the personal default.
   */
  multiUser?: boolean;
  /** Behind a reverse proxy: trust its `x-forwarded-for` and `x-forwarded-proto` (multi-user mode only). */
  trustProxy?: boolean;
}

/**
 * Refuses what would expose someone's answers: binding beyond this machine without accounts (anyone
 * on the network would read and change the single user's data), and multi-user mode on the personal
 * default database.
 */
export function assertServeOptions(options: ServeOptions): void {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.multiUser) {
    throw new StarlError(
      'E_USAGE',
      `Starl will not listen on ${host} without accounts: everyone who can reach it would read and change your answers. Keep the default (127.0.0.1), or run a shared server with --multi-user and its own database (--database-url).`,
    );
  }
  if (options.multiUser && !options.dbFile && !options.databaseUrl && !process.env.STARL_DATABASE_URL) {
    throw new StarlError('E_USAGE', 'Multi-user mode needs its own database: name it with --database-url postgres://… (or --db FILE); your personal one stays single-user.');
  }
  if (!options.multiUser && !options.dbFile && (options.databaseUrl ?? process.env.STARL_DATABASE_URL)) {
    throw new StarlError('E_USAGE', 'A PostgreSQL database is for a shared Starl: serve it with --multi-user, so that each person signs in and sees only their own answers.');
  }
  if (options.trustProxy && !options.multiUser) {
    throw new StarlError('E_USAGE', '--trust-proxy is for a shared server behind a reverse proxy; use it with --multi-user.');
  }
}

/** A started server: its address and how to stop it. */
export interface RunningServer {
  url: string;
  /** The database file, or the PostgreSQL URL without its password. */
  databasePath: string;
  /** Whether only this machine can connect (the server is bound to a loopback address). */
  loopback: boolean;
  close(): Promise<void>;
}

/** The default port: unassigned by IANA and unlikely to clash with a development server. */
export const DEFAULT_PORT = 4747;

/**
 * Opens the database and starts Starl's web app. The only place in Starl that binds a port.
 * @example
 * const server = await startServer({ port: 0 });
 * console.log(server.url); // http://127.0.0.1:38211/
 * await server.close();
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  assertServeOptions(options);
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_PORT;
  const webRoot = requireWebRoot(options.webRoot);
  const target = chooseDatabase({ db: options.dbFile, databaseUrl: options.databaseUrl });
  const store = await openStore(choiceOf(target));
  const databasePath = store.driver.location;

  // Filled in once the port is known; the app reads it on every request.
  const allowedHosts: string[] = [];
  const app = createApp({
    analyze,
    rules,
    store,
    ...(options.multiUser ? { multiUser: { accounts: new Accounts(store), trustProxy: options.trustProxy ?? false } } : {}),
    assets: directoryAssets(webRoot),
    allowedHosts,
    logError: (error) => console.error(error),
    version: process.env.npm_package_version,
  });

  // A request too malformed for Hono (a Host that is no host name) still gets a body saying why.
  const server = createServer(getRequestListener(app.fetch, { hostname: host, errorHandler: malformedRequestResponse }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? `port ${port} is already in use; choose another with --port` : error.message;
      reject(new StarlError('E_USAGE', `Cannot listen on ${host}:${port}: ${reason}.`));
    });
    server.listen(port, host, () => resolve());
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const bound = (server.address() as AddressInfo).port;
  allowedHosts.push(...allowedHostsFor(host, bound, options));
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${bound}/`,
    databasePath,
    loopback: isLoopback(host),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/** What `openStore` takes to open exactly this database. */
function choiceOf(target: DatabaseTarget): DatabaseChoice {
  return target.kind === 'sqlite' ? { db: target.path } : { databaseUrl: target.url };
}

/** The options that name exactly this database, so that workers open the one the primary chose. */
function targetOptions(target: DatabaseTarget): Pick<ServeOptions, 'dbFile' | 'databaseUrl'> {
  return target.kind === 'sqlite' ? { dbFile: target.path, databaseUrl: undefined } : { dbFile: undefined, databaseUrl: target.url };
}

/** The front end's directory, or a clear error when it has not been built. */
function requireWebRoot(webRoot: string = DEFAULT_WEB_ROOT): string {
  if (!existsSync(webRoot)) {
    throw new StarlError('E_INPUT_FILE', 'The web front end is not built; run "npm run build:web" first.', { file: webRoot });
  }
  return webRoot;
}

/**
 * Worker processes `starl serve` starts unless told otherwise: one per core, since each answer is
 * judged on one core, but at most 4, since each worker holds its own copy of the language model.
 */
export function defaultWorkerCount(): number {
  return Math.min(availableParallelism(), 4);
}

/** What a worker tells the primary once it has started, or why it could not. */
type WorkerReport = { kind: 'listening'; url: string } | { kind: 'failed'; code: ErrorCode; message: string; where?: ErrorWhere };

/**
 * Starts Starl's web app in `workers` processes (node:cluster) that share one port, so answers are
 * judged on several cores at once. The primary process binds the port and hands each connection to
 * a worker; every worker opens the database itself (SQLite in WAL mode, writes in BEGIN IMMEDIATE).
 * With one worker the app runs in this process, as {@link startServer}.
 * @example
 * const server = await startWorkers({ port: 0 }, 2);
 * console.log(server.url); // http://127.0.0.1:38211/
 * await server.close(); // stops every worker
 */
export async function startWorkers(options: ServeOptions, workers: number): Promise<RunningServer> {
  assertServeOptions(options);
  if (workers <= 1) return startServer(options);
  const host = options.host ?? '127.0.0.1';
  const webRoot = requireWebRoot(options.webRoot);
  const target = chooseDatabase({ db: options.dbFile, databaseUrl: options.databaseUrl });
  const databasePath = target.kind === 'sqlite' ? target.path : redactUrl(target.url);
  // Opening the store once here migrates it before the workers open it side by side.
  await (await openStore(choiceOf(target))).close();

  cluster.setupPrimary({ exec: WORKER_ENTRY, args: [] });
  // A free port is chosen here rather than by the workers, so that a replacement for a dead worker
  // listens on the same port even after every worker has died.
  const port = options.port === 0 ? await freePort(host) : (options.port ?? DEFAULT_PORT);
  const workerOptions: ServeOptions = { ...options, port, host, ...targetOptions(target), webRoot };
  const running = new Set<Worker>();
  const pendingRestarts = new Set<NodeJS.Timeout>();
  let stopping = false;
  let started = false;
  const backOff = restartBackOff();
  const stopWorker = (worker: Worker): Promise<void> =>
    new Promise((resolve) => {
      if (worker.isDead()) return resolve();
      const killer = setTimeout(() => worker.process.kill('SIGKILL'), WORKER_STOP_MS);
      worker.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      worker.process.kill('SIGTERM');
    });
  const stopAll = async (): Promise<void> => {
    stopping = true;
    for (const timer of pendingRestarts) clearTimeout(timer);
    await Promise.all([...running].map(stopWorker));
  };

  /** Starts one worker; resolves with its address once it listens, rejects if it fails or dies first. */
  const startWorker = (): Promise<string> => {
    const worker = cluster.fork({ [WORKER_OPTIONS_ENV]: JSON.stringify(workerOptions) });
    running.add(worker);
    return new Promise<string>((resolve, reject) => {
      worker.once('message', (report: WorkerReport) => {
        if (report.kind === 'listening') resolve(report.url);
        else reject(new StarlError(report.code, report.message, report.where));
      });
      worker.once('exit', (code, signal) => {
        running.delete(worker);
        const how = signal ?? `exit code ${code}`;
        reject(new StarlError('E_INTERNAL', `A server worker stopped while starting (${how}).`));
        // Ctrl+C reaches the workers too, and they stop cleanly with code 0 before the primary may have heard it.
        if (stopping || !started || code === 0) return;
        // A worker that dies after start-up (killed, out of memory) is replaced, waiting longer each time
        // it happens again soon, so a worker that cannot start does not spin. The primary stays up meanwhile.
        const delay = backOff();
        console.error(`starl: a server worker stopped (${how}); starting another in ${delay / 1000} s, ${running.size} still running.`);
        const timer = setTimeout(() => {
          pendingRestarts.delete(timer);
          if (stopping) return;
          startWorker().then(
            () => console.error(`starl: a new server worker is running; ${running.size} running.`),
            (error: unknown) => console.error(`starl: the new server worker did not start: ${error instanceof Error ? error.message : String(error)}`),
          );
        }, delay);
        pendingRestarts.add(timer);
      });
    });
  };

  let url: string;
  try {
    [url] = (await Promise.all(Array.from({ length: workers }, startWorker))) as [string];
  } catch (error) {
    await stopAll();
    throw error;
  }
  started = true;
  return { url, databasePath, loopback: isLoopback(host), close: stopAll };
}

/** A port nothing listens on at `host` just now. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The first wait before replacing a dead worker, the longest, and how long a calm spell must last to start again from the first. */
const RESTART_FIRST_MS = 100;
const RESTART_MAX_MS = 10_000;
const RESTART_CALM_MS = 30_000;

/** Each call gives the next wait before a restart: doubling while restarts come close together, back to the first after a calm spell. */
export function restartBackOff(now: () => number = Date.now): () => number {
  let delay = 0;
  let last = -Infinity;
  return () => {
    delay = now() - last > RESTART_CALM_MS ? RESTART_FIRST_MS : Math.min(delay * 2, RESTART_MAX_MS);
    last = now();
    return delay;
  };
}

/** Sends a report over the cluster's channel and waits until it is out, so an exit cannot swallow it. */
function tellPrimary(report: WorkerReport): Promise<void> {
  return new Promise((resolve) => {
    if (process.send) process.send(report, () => resolve());
    else resolve();
  });
}

/**
 * The body of a worker process started by {@link startWorkers}: starts the app with the primary's
 * options, reports its address or its error, and closes the server and database on SIGINT or SIGTERM.
 */
export async function runWorker(): Promise<void> {
  let server: RunningServer;
  try {
    server = await startServer(JSON.parse(process.env[WORKER_OPTIONS_ENV] ?? '{}') as ServeOptions);
  } catch (error) {
    const failure = error instanceof StarlError ? error : new StarlError('E_INTERNAL', String(error));
    await tellPrimary({ kind: 'failed', code: failure.code, message: failure.message, where: failure.where });
    process.exit(2);
  }
  // Ctrl+C reaches the workers and the primary together, and the primary then asks again with SIGTERM.
  let closing: Promise<void> | undefined;
  const stop = (): void => {
    closing ??= server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await tellPrimary({ kind: 'listening', url: server.url });
}
