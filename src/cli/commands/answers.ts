import type { Command } from 'commander';
import { analyze } from '../../core/analyze.js';
import { StarlError } from '../../core/errors.js';
import { REASONS, REASON_LABELS } from '../../core/types.js';
import { readTextFile } from '../../files/read.js';
import { editAnswer } from '../../practice/edit-answer.js';
import { parseWholeNumber } from '../../practice/options.js';
import { DB_OPTION_HELP, withStore } from '../../storage/index.js';
import { countOf } from '../../format/plural.js';
import { requireYes } from '../confirm.js';
import { print } from '../print.js';
import { MAX_TEXT_FILE_BYTES, readStdin } from '../io.js';

/** `starl answers edit|delete ID`: changes a saved practice answer (judged again) or removes it with its follow-up. */
export function registerAnswers(program: Command): void {
  const answers = program.command('answers').description('your saved practice answers');
  answers
    .command('edit')
    .description('change a saved answer\'s text, from a file or standard input; it is judged again, with any follow-up to it')
    .argument('<id>', 'the answer\'s id', (v) => parseWholeNumber(v, 'id'))
    .option('--file <file>', 'read the new text from a text file')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (id: number, flags: { file?: string; db?: string }) => {
      let text: string;
      if (flags.file) text = await readTextFile(flags.file, { what: 'answer file', limit: MAX_TEXT_FILE_BYTES });
      else if (!process.stdin.isTTY) text = await readStdin(MAX_TEXT_FILE_BYTES, 'answer');
      else throw new StarlError('E_USAGE', 'give the new text with --file or on standard input');
      await withStore(flags.db, async (store) => {
        const edited = await editAnswer(store, id, text.trim(), analyze);
        print(`Saved answer ${id}, judged again:\n`);
        for (const reason of REASONS) print(`  ${REASON_LABELS[reason].padEnd(16)} ${edited.report.reasons[reason].verdict}\n`);
      }, { create: false });
    });

  answers
    .command('delete')
    .description('delete a saved answer, its follow-up and their recordings (ids are in `starl report --json`)')
    .argument('<id>', 'the answer\'s id', (v) => parseWholeNumber(v, 'id'))
    .option('--yes', 'really delete')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (id: number, flags: { yes?: boolean; db?: string }) => {
      await withStore(flags.db, async (store) => {
        const answer = await store.requireAnswer(id);
        requireYes(flags.yes, `answer ${id} to "${answer.question}" in session ${answer.sessionId}, with any follow-up to it and their recordings`);
        const { answers: count, recordings } = await store.deleteAnswer(id);
        print(`Deleted ${countOf(count, 'answer')}${recordings > 0 ? ` and ${countOf(recordings, 'recording')}` : ''} from session ${answer.sessionId}.\n`);
      }, { create: false });
    });
}
