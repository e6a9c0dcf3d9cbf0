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
