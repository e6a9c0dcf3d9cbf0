import type { Command } from 'commander';
import { readTextFile } from '../../files/read.js';
import { countOf } from '../../format/plural.js';
import { chooseDatabase, DATABASE_URL_OPTION_HELP, DB_OPTION_HELP, importAll, MAX_EXPORT_BYTES, withStore } from '../../storage/index.js';
import { parseExport } from '../../server/export-file.js';
import { print } from '../print.js';
import { userStore } from '../user-store.js';

/** `starl import FILE`: adds an export's data; a damaged file is refused before anything changes. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('add the data of a `starl export` file; rows already present are skipped')
    .argument('<file>', 'a file written by starl export')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--database-url <url>', DATABASE_URL_OPTION_HELP)
    .option('--user <email>', 'on a multi-user database: add the data to this account')
    .action(async (file: string, flags: { db?: string; databaseUrl?: string; user?: string }) => {
      // A mistake in the options is named before the file is read.
      chooseDatabase(flags);
      const source = await readTextFile(file, { what: 'export file', limit: MAX_EXPORT_BYTES });
      // Checked in full before the database is opened: a damaged file changes nothing.
      const document = parseExport(source, file);
      const counts = await withStore(flags, async (store) => importAll(await userStore(store, flags.user), document));
      const added = Object.entries(counts.added).map(([table, n]) => `${table.replace(/_/g, ' ')} ${n}`);
      const present = Object.values(counts.alreadyPresent).reduce((sum, n) => sum + n, 0);
      print(`${added.length ? `Imported: ${added.join(', ')}` : 'Imported nothing new'}${present ? ` (${countOf(present, 'row')} already present)` : ''}.\n`);
    });
}
