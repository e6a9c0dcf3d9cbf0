import type { Command } from 'commander';
import { analyze } from '../../core/analyze.js';
import { StarlError } from '../../core/errors.js';
import { readTextFile } from '../../files/read.js';
import { parseList, parseWholeNumber } from '../../practice/options.js';
import { DB_OPTION_HELP, withStore } from '../../storage/index.js';
import { describeStory, STORY_PROMPT, storyFromAnswer, suggestableStories } from '../../stories/bank.js';
import { suggestStories } from '../../stories/match.js';
import { MAX_TEXT_FILE_BYTES, readStdin } from '../io.js';
import { print } from '../print.js';
import { registerStoryEdits } from './stories-edit.js';

/** `starl stories`: the story bank: save STAR(L) stories, see their parts, find the best for a question. */
export function registerStories(program: Command): void {
  const stories = program.command('stories').description('your bank of STAR(L) stories');
  registerStoryEdits(stories);

  stories
    .command('add')
    .description('save a story: from a practice answer (--from-answer), a file, or standard input')
    .requiredOption('--title <title>', 'a short title')
    .option('--competencies <list>', 'competencies it shows, comma-separated', parseList)
    .option('--from-answer <id>', 'a saved practice answer (ids are in `starl report --json`)', (v) => parseWholeNumber(v, '--from-answer'))
    .option('--file <file>', 'read the story from a text file')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (flags: { title: string; competencies?: string[]; fromAnswer?: number; file?: string; db?: string }) => {
      await withStore(flags.db, async (store) => {
        let draft;
        if (flags.fromAnswer !== undefined) {
          const answer = await store.requireAnswer(flags.fromAnswer);
          const original = answer.followUpOf === null ? null : await store.requireAnswer(answer.followUpOf);
          const text = original ? `${original.answer}\n${answer.answer}` : answer.answer;
          draft = storyFromAnswer({ id: answer.id, text, report: answer.report }, flags.title, flags.competencies ?? []);
        } else {
          let text: string;
          if (flags.file) text = await readTextFile(flags.file, { what: 'story file', limit: MAX_TEXT_FILE_BYTES });
          else if (!process.stdin.isTTY) text = await readStdin(MAX_TEXT_FILE_BYTES, 'story');
          else throw new StarlError('E_USAGE', 'give the story with --from-answer, --file, or on standard input');
          const report = analyze({ question: STORY_PROMPT, answer: text.trim() });
          draft = storyFromAnswer({ id: null, text: text.trim(), report }, flags.title, flags.competencies ?? []);
        }
        print(describeStory(await store.saveStory(draft)));
      });
    });

  stories
    .command('list')
    .description('every story, with its parts as Starl labelled them')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (flags: { db?: string }) => {
      await withStore(flags.db, async (store) => {
        const all = await store.listStories();
        if (all.length === 0) print('No stories yet: save one from practice, or with starl stories add\n');
        for (const story of all) print(`${describeStory(story)}\n`);
      }, { create: false });
    });

  stories
    .command('suggest')
    .description('the stories that fit a question best')
    .argument('<question...>', 'the interview question')
    .option('--competencies <list>', 'what the question probes, besides what its words and the question bank say', parseList)
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (words: string[], flags: { competencies?: string[]; db?: string }) => {
      const text = words.join(' ');
      await withStore(flags.db, async (store) => {
        const best = suggestStories({ text, competencies: flags.competencies ?? [] }, await suggestableStories(store));
        if (best.length === 0) print('No story in your bank fits this question yet.\n');
        for (const { story, why } of best) print(`#${story.id} ${story.title}  (${why})\n`);
      }, { create: false });
    });
}
