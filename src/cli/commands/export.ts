import type { Command } from 'commander';
import { countOf } from '../../format/plural.js';
import { describeSize } from '../../files/size.js';
import { DATABASE_URL_OPTION_HELP, DB_OPTION_HELP, exportAll, MAX_EXPORT_BYTES, withStore } from '../../storage/index.js';
import { writeFileAtomically } from '../write-file.js';
import { print } from '../print.js';
import { userStore } from '../user-store.js';

/** `starl export`: everything Starl keeps, as one JSON file the candidate owns. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write all your data (companies, sessions, answers and their recordings, stories, reviews) as JSON')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--no-recordings', 'leave out the recordings of spoken answers, for a much smaller file')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--database-url <url>', DATABASE_URL_OPTION_HELP)
    .option('--user <email>', 'on a multi-user database: the data of this account')
    .action(async (flags: { out?: string; db?: string; databaseUrl?: string; recordings: boolean; user?: string }) => {
      const document = await withStore(flags, async (store) => exportAll(await userStore(store, flags.user), { recordings: flags.recordings }), { create: false });
      const json = `${JSON.stringify(document, null, 2)}\n`;
      // An export is for importing again: say so now if it is too large for that, not when it is needed.
      const size = Buffer.byteLength(json);
      if (size > MAX_EXPORT_BYTES) {
        process.stderr.write(
          `starl: warning: this export is ${describeSize(size)}, over the ${describeSize(MAX_EXPORT_BYTES)} that starl import reads; --no-recordings leaves the recordings out\n`,
        );
      }
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
        ...(document.recordings.length > 0 ? [countOf(document.recordings.length, 'recording')] : []),
      ].join(', ');
      print(`Exported ${counts} to ${flags.out}\n`);
    });
}
