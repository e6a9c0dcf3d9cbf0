import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { StarlError } from '../../core/errors.js';
import { DB_OPTION_HELP, importAll, parseExport, withStore } from '../../storage/index.js';

/** `starl import FILE`: adds an export's data; a damaged file is refused before anything changes. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('add the data of a `starl export` file; rows already present are skipped')
    .argument('<file>', 'a file written by starl export')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (file: string, flags: { db?: string }) => {
      let source: string;
      try {
        source = readFileSync(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new StarlError('E_INPUT_FILE', code === 'ENOENT' ? 'no such file' : (error as Error).message, { file });
      }
      // Checked in full before the database is opened: a damaged file changes nothing.
      const document = parseExport(source, file);
      const counts = await withStore(flags.db, (store) => importAll(store, document));
      const added = Object.entries(counts.added).map(([table, n]) => `${table.replace(/_/g, ' ')} ${n}`);
      const present = Object.values(counts.alreadyPresent).reduce((sum, n) => sum + n, 0);
      process.stdout.write(`${added.length ? `Imported: ${added.join(', ')}` : 'Imported nothing new'}${present ? ` (${present} rows already present)` : ''}.\n`);
    });
}
