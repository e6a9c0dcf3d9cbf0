import { renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { StarlError } from '../../core/errors.js';
import { countOf } from '../../format/plural.js';
import { DB_OPTION_HELP, exportAll, withStore } from '../../storage/index.js';

/** `starl export`: everything Starl keeps, as one JSON file the candidate owns. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write all your data (companies, sessions, answers, stories, reviews) as JSON')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (flags: { out?: string; db?: string }) => {
      const document = await withStore(flags.db, (store) => exportAll(store), { create: false });
      const json = `${JSON.stringify(document, null, 2)}\n`;
      if (!flags.out) {
        process.stdout.write(json);
        return;
      }
      // Written beside the target and renamed, so a crash never leaves half an export under its name.
      const partial = `${flags.out}.partial`;
      try {
        writeFileSync(partial, json);
        renameSync(partial, flags.out);
      } catch (error) {
        throw new StarlError('E_INPUT_FILE', `cannot write the export: ${(error as Error).message}`, { file: flags.out });
      }
      const counts = [
        countOf(document.sessions.length, 'session'),
        countOf(document.answers.length, 'answer'),
        countOf(document.stories.length, 'story', 'stories'),
        countOf(document.companies.length, 'company', 'companies'),
        countOf(document.reviews.length, 'review'),
      ].join(', ');
      process.stdout.write(`Exported ${counts} to ${flags.out}\n`);
    });
}
