import type { Command } from 'commander';
import { DATABASE_URL_OPTION_HELP, DB_OPTION_HELP, MIGRATIONS, withStore } from '../../storage/index.js';
import { countOf } from '../../format/plural.js';
import { print } from '../print.js';

/**
 * `starl migrate`: brings a database up to this version's schema and says which migrations it applied.
 * Every command does this when it opens the database; this does it on purpose, before an upgrade
 * starts the new processes (see docs/deploy.md).
 */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description("apply the database's pending migrations and list the ones applied")
    .option('--db <file>', DB_OPTION_HELP)
    .option('--database-url <url>', DATABASE_URL_OPTION_HELP)
    .action(async (flags: { db?: string; databaseUrl?: string }) => {
      const { location, applied } = await withStore(flags, async (store) => ({ location: store.driver.location, applied: store.migrated }));
      if (applied.length === 0) {
        print(`${location}: up to date (schema ${Math.max(...MIGRATIONS.map((m) => m.id))}); nothing to apply.\n`);
        return;
      }
      const names = new Map(MIGRATIONS.map((m) => [m.id, m.name]));
      print(`${location}: applied ${countOf(applied.length, 'migration')}:\n${applied.map((id) => `  ${id}  ${names.get(id)}\n`).join('')}`);
    });
}
