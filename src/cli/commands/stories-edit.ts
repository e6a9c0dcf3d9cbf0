import type { Command } from 'commander';
import { analyze } from '../../core/analyze.js';
import { readTextFile } from '../../files/read.js';
import { StarlError } from '../../core/errors.js';
import { parseList, parseWholeNumber } from '../../practice/options.js';
import { DB_OPTION_HELP, withStore } from '../../storage/index.js';
import { describeStory, storyChanges } from '../../stories/bank.js';
import { requireYes } from '../confirm.js';
import { print } from '../print.js';
import { MAX_TEXT_FILE_BYTES } from '../io.js';

/** `starl stories edit|delete`: change a story's title, text or competencies, or remove it. */
export function registerStoryEdits(stories: Command): void {
  stories
    .command('edit')
    .description('change a story: its title, competencies, or its text from a file (labelled again)')
    .argument('<id>', 'the story\'s number, as `stories list` shows it', (v) => parseWholeNumber(v, 'id'))
    .option('--title <title>', 'a new title')
    .option('--competencies <list>', 'the competencies it shows, comma-separated; replaces the saved ones', parseList)
    .option('--file <file>', 'the story\'s new text, from a text file')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (id: number, flags: { title?: string; competencies?: string[]; file?: string; db?: string }) => {
      const text = flags.file ? await readTextFile(flags.file, { what: 'story file', limit: MAX_TEXT_FILE_BYTES }) : undefined;
      if (flags.title === undefined && flags.competencies === undefined && text === undefined) {
        throw new StarlError('E_USAGE', 'say what to change: --title, --competencies or --file');
      }
      await withStore(flags.db, async (store) => {
        await store.requireStory(id);
        const edit = { ...(flags.title !== undefined ? { title: flags.title } : {}), ...(flags.competencies ? { competencies: flags.competencies } : {}), ...(text !== undefined ? { text } : {}) };
        print(describeStory(await store.updateStory(id, storyChanges(edit, analyze))));
      }, { create: false });
    });

  stories
    .command('delete')
    .description('delete a story from the bank')
    .argument('<id>', 'the story\'s number, as `stories list` shows it', (v) => parseWholeNumber(v, 'id'))
    .option('--yes', 'really delete')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (id: number, flags: { yes?: boolean; db?: string }) => {
      await withStore(flags.db, async (store) => {
        const story = await store.requireStory(id);
        requireYes(flags.yes, `the story #${story.id} "${story.title}"`);
        await store.deleteStory(id);
        print(`Deleted the story #${story.id} "${story.title}".\n`);
      }, { create: false });
    });
}
