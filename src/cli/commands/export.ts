import type { Command } from 'commander';
import { countOf } from '../../format/plural.js';
import { DB_OPTION_HELP, exportAll, withStore } from '../../storage/index.js';
import { writeFileAtomically } from '../write-file.js';
import { print } from '../print.js';

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
      writeFileAtomically(flags.out, json, 'export');
      const counts = [
        countOf(document.sessions.length, 'session'),
        countOf(document.answers.length, 'answer'),
        countOf(document.stories.length, 'story', 'stories'),
        countOf(document.companies.length, 'company', 'companies'),
        countOf(document.reviews.length, 'review'),
      ].join(', ');
      print(`Exported ${counts} to ${flags.out}\n`);
    });
}
