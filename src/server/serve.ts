import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { analyze } from '../core/analyze.js';
import { StarlError } from '../core/errors.js';
import type { ErrorCode, ErrorWhere } from '../core/errors.js';
import { rules } from '../core/rules/index.js';
import { openStore, resolveDatabasePath } from '../storage/index.js';
import { createApp } from './app.js';
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
export interface ServeOptions {
  /** Port to listen on; 0 picks a free one. Default 4747. */
  port?: number;
  /** Address to bind. Default 127.0.0.1, so nothing outside this machine can connect. */
  host?: string;
  /** The database file; default as `resolveDatabasePath` decides (`--db`, `STARL_DB`, XDG data home). */
  dbFile?: string;
  /** The built front end; default dist/web beside the compiled server. */
  webRoot?: string;
}

/** A started server: its address and how to stop it. */
export interface RunningServer {
  url: string;
  databasePath: string;
  /** Whether only this machine can connect (the server is bound to a loopback address). */
  loopback: boolean;
  close(): Promise<void>;
}

/** The default port: unassigned by IANA and unlikely to clash with a development server. */
export const DEFAULT_PORT = 4747;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Opens the database and starts Starl's web app. The only place in Starl that binds a port.
 * @example
 * const server = await startServer({ port: 0 });
 * console.log(server.url); // http://127.0.0.1:38211/
 * await server.close();
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_PORT;
  const webRoot = requireWebRoot(options.webRoot);
  const databasePath = resolveDatabasePath(options.dbFile);
  const store = await openStore(databasePath);

  // Filled in once the port is known; the app reads it on every request.
  const allowedHosts: string[] = [];
  const app = createApp({
    analyze,
    rules,
    store,
    assets: directoryAssets(webRoot),
    allowedHosts: LOOPBACK.has(host) ? allowedHosts : undefined,
    logError: (error) => console.error(error),
    version: process.env.npm_package_version,
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(started));
    started.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? `port ${port} is already in use; choose another with --port` : error.message;
      reject(new StarlError('E_USAGE', `Cannot listen on ${host}:${port}: ${reason}.`));
    });
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const bound = (server.address() as AddressInfo).port;
  allowedHosts.push(`127.0.0.1:${bound}`, `localhost:${bound}`, `[::1]:${bound}`);
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${bound}/`,
    databasePath,
    loopback: LOOPBACK.has(host),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
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
  if (workers <= 1) return startServer(options);
  const host = options.host ?? '127.0.0.1';
  const webRoot = requireWebRoot(options.webRoot);
  const databasePath = resolveDatabasePath(options.dbFile);
  // Opening the store once here migrates it before the workers open it side by side.
  await (await openStore(databasePath)).close();

  cluster.setupPrimary({ exec: WORKER_ENTRY, args: [] });
  const workerOptions: ServeOptions = { port: options.port ?? DEFAULT_PORT, host, dbFile: databasePath, webRoot };
  const running = new Set<Worker>();
  let stopping = false;
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
    await Promise.all([...running].map(stopWorker));
  };

  const started = Array.from({ length: workers }, () => {
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
        if (stopping || code === 0) return;
        // After start-up the others keep serving; the command ends, failing, once none is left.
        console.error(`starl: a server worker stopped (${how}); ${running.size} still running.`);
        if (running.size === 0) process.exitCode = 1;
      });
    });
  });
  let url: string;
  try {
    [url] = (await Promise.all(started)) as [string];
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { url, databasePath, loopback: LOOPBACK.has(host), close: stopAll };
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
