import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { analyze } from '../core/analyze.js';
import { StarlError } from '../core/errors.js';
import { rules } from '../core/rules/index.js';
import { openStore, resolveDatabasePath } from '../storage/index.js';
import { createApp } from './app.js';
import { directoryAssets } from './assets.js';

/** Where `npm run build:web` puts the front end, relative to this file once compiled to dist/server/. */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

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
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (!existsSync(webRoot)) {
    throw new StarlError('E_INPUT_FILE', 'The web front end is not built; run "npm run build:web" first.', { file: webRoot });
  }
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
