import type { Command } from 'commander';
import { StarlError } from '../../core/errors.js';
import { parsePublicUrl } from '../../server/allowed-hosts.js';
import { DEFAULT_PORT, defaultWorkerCount, startWorkers } from '../../server/serve.js';
import { DATABASE_URL_OPTION_HELP, DB_OPTION_HELP } from '../../storage/index.js';

/** Parses `--port`: a whole number from 0 (any free port) to 65535. */
function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new StarlError('E_USAGE', `--port must be a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

/** Parses `--workers`: a whole number of processes, at least 1. */
function parseWorkers(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new StarlError('E_USAGE', `--workers must be a whole number of at least 1, not "${value}".`);
  }
  return Number(value);
}

/** `starl serve`: starts the web app on 127.0.0.1 and prints its address. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the web app on this machine and print its address')
    .option('--port <n>', `port to listen on, 0 for any free one (default ${DEFAULT_PORT})`, parsePort)
    .option('--host <address>', 'address to bind; other than loopback (127.0.0.1) only with --multi-user', '127.0.0.1')
    .option('--allowed-host <name>', 'a host name (or name:port) people reach Starl by beyond this machine; repeatable', (value: string, previous: string[] = []) => [...previous, value])
    .option('--public-url <url>', 'the address people open Starl at beyond this machine; its host is allowed', parsePublicUrl)
    .option('--db <file>', DB_OPTION_HELP)
    .option('--database-url <url>', DATABASE_URL_OPTION_HELP)
    .option('--workers <n>', 'processes that judge answers side by side (default: one per core, at most 4)', parseWorkers)
    .option('--multi-user', 'serve many people: accounts, coaches and cohorts, each person sees only their own data (needs --database-url, or --db)')
    .option('--trust-proxy', 'behind a reverse proxy: take the client address and TLS from its X-Forwarded-For and X-Forwarded-Proto')
    .action(async (options: { port?: number; host: string; db?: string; databaseUrl?: string; workers?: number; allowedHost?: string[]; publicUrl?: string; multiUser?: boolean; trustProxy?: boolean }) => {
      const workers = options.workers ?? defaultWorkerCount();
      const server = await startWorkers(
        {
          port: options.port,
          host: options.host,
          dbFile: options.db,
          databaseUrl: options.databaseUrl,
          allowedHosts: options.allowedHost ?? [],
          ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
          multiUser: options.multiUser ?? false,
          trustProxy: options.trustProxy ?? false,
        },
        workers,
      );
      if (!server.loopback) {
        process.stderr.write(`starl: listening on ${options.host}: other machines can reach Starl; each person signs in and sees only their own data.\n`);
        if (!options.allowedHost?.length && !options.publicUrl) {
          process.stderr.write('starl: only loopback names and the bound address are answered; name the others with --allowed-host NAME or --public-url URL.\n');
        }
      }
      const mode = options.multiUser ? 'Mode: multi-user (create the first admin with: starl admin create)\n' : '';
      process.stdout.write(`Starl is running at ${server.url}\nDatabase: ${server.databasePath}\n${mode}Workers: ${workers}\nPress Ctrl+C to stop.\n`);
      const stop = (): void => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
