import type { Command } from 'commander';
import { parseWholeNumber } from '../../practice/options.js';
import { DB_OPTION_HELP, withStore } from '../../storage/index.js';
import { countOf } from '../../format/plural.js';
import { requireYes } from '../confirm.js';

/** `starl answers delete ID`: removes a saved practice answer, with the follow-up answered after it. */
export function registerAnswers(program: Command): void {
  const answers = program.command('answers').description('your saved practice answers');
  answers
    .command('delete')
    .description('delete a saved answer and its follow-up (ids are in `starl report --json`)')
    .argument('<id>', 'the answer\'s id', (v) => parseWholeNumber(v, 'id'))
    .option('--yes', 'really delete')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (id: number, flags: { yes?: boolean; db?: string }) => {
      await withStore(flags.db, async (store) => {
        const answer = await store.requireAnswer(id);
        requireYes(flags.yes, `answer ${id} to "${answer.question}" in session ${answer.sessionId}, with any follow-up to it`);
        const { answers: count } = await store.deleteAnswer(id);
        process.stdout.write(`Deleted ${countOf(count, 'answer')} from session ${answer.sessionId}.\n`);
      });
    });
}
