import { StarlError } from '../core/errors.js';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** Where the database lives when neither `--db` nor `STARL_DB` says otherwise. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  // The XDG base directory spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  const dataHome = xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(dataHome, 'starl', 'starl.db');
}

/**
 * The database file to use: the `--db` option, else the `STARL_DB` environment variable, else
 * `$XDG_DATA_HOME/starl/starl.db` (default `~/.local/share/starl/starl.db`).
 */
export function resolveDatabasePath(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option) return option;
  if (env.STARL_DB) return env.STARL_DB;
  return defaultDatabasePath(env);
}

/** The help text of every command's `--db FILE` option. */
export const DB_OPTION_HELP = 'database file (default $STARL_DB, else $XDG_DATA_HOME/starl/starl.db or ~/.local/share/starl/starl.db)';

/** The help text of `--database-url URL`, on the commands that can use a PostgreSQL server. */
export const DATABASE_URL_OPTION_HELP = 'a PostgreSQL database instead of a file: postgres://USER:PASSWORD@HOST:PORT/NAME (default $STARL_DATABASE_URL)';

/** What a command was told about its database: `--db`, `--database-url`, or neither. */
export interface DatabaseChoice {
  db?: string;
  databaseUrl?: string;
}

/** The database a command uses: an SQLite file or a PostgreSQL server. */
export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/**
 * The database a command that can use PostgreSQL opens: `--database-url`, else `--db`, else
 * `STARL_DATABASE_URL`, else the file {@link resolveDatabasePath} names. Both options at once are a
 * usage error, since one of them would be silently ignored.
 */
export function chooseDatabase(choice: DatabaseChoice, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (choice.db && choice.databaseUrl) {
    throw new StarlError('E_USAGE', '--db and --database-url both name a database; give only one (a file for SQLite, a postgres:// URL for PostgreSQL)');
  }
  if (choice.databaseUrl) return { kind: 'postgres', url: choice.databaseUrl };
  if (!choice.db && env.STARL_DATABASE_URL) return { kind: 'postgres', url: env.STARL_DATABASE_URL };
  return { kind: 'sqlite', path: resolveDatabasePath(choice.db, env) };
}

/** Whether a database URL names a PostgreSQL server (the two schemes libpq accepts). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The URL without its password, for messages: `postgres://starl@db.example:5432/starl`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '';
    return parsed.toString().replace(/:@/, '@');
  } catch {
    return 'the database URL';
  }
}
