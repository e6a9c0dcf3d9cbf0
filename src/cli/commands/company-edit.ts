import type { Command } from 'commander';
import { extractContextTerms } from '../../core/context/terms.js';
import { StarlError } from '../../core/errors.js';
import { readPosting } from '../../company/source.js';
import { parseWholeNumber } from '../../practice/options.js';
import { DB_OPTION_HELP, companyKey, withStore } from '../../storage/index.js';
import { countOf } from '../../format/plural.js';
import { requireYes } from '../confirm.js';
import { print } from '../print.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface EditFlags {
  name?: string;
  alias?: string[];
  competitor?: string[];
  clearAliases?: boolean;
  clearCompetitors?: boolean;
  file?: string;
  url?: string;
  timeout?: number;
  removePosting?: boolean;
  db?: string;
}

/** `starl company edit|delete|delete-fact`: change or remove what the notebook keeps. */
export function registerCompanyEdits(company: Command): void {
  company
    .command('edit')
    .description('change a company: rename it, replace its other names, competitors or posting')
    .argument('<name>', 'the company name or alias')
    .option('--name <new>', 'a new name')
    .option('--alias <name>', 'another name (repeatable); replaces the saved ones', collect)
    .option('--clear-aliases', 'remove every other name')
    .option('--competitor <name>', 'a competitor (repeatable); replaces the saved ones', collect)
    .option('--clear-competitors', 'remove every competitor')
    .option('--file <file>', 'a new job posting or company text (text or HTML)')
    .option('--url <url>', 'fetch a new posting from this page')
    .option('--timeout <seconds>', 'give up fetching after this many seconds (default 15)', (v) => parseWholeNumber(v, '--timeout'))
    .option('--remove-posting', 'forget the saved posting and its terms')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (name: string, flags: EditFlags) => {
      const posting = flags.file || flags.url
        ? await readPosting({ ...(flags.file ? { file: flags.file } : {}), ...(flags.url ? { url: flags.url } : {}), limits: flags.timeout ? { timeoutMs: flags.timeout * 1000 } : {} })
        : null;
      await withStore(flags.db, async (store) => {
        const found = await store.requireCompany(name);
        const saved = await store.updateCompany(found.id, {
          ...(flags.name !== undefined ? { name: flags.name } : {}),
          ...(flags.clearAliases ? { aliases: [] } : flags.alias ? { aliases: flags.alias } : {}),
          ...(flags.clearCompetitors ? { competitors: [] } : flags.competitor ? { competitors: flags.competitor } : {}),
          ...(posting ? { contextText: posting.text, contextSource: posting.source, terms: extractContextTerms(posting.text) } : flags.removePosting ? { contextText: null } : {}),
        });
        print(`Saved ${saved.name}. See it with: starl company show "${saved.name}"\n`);
      }, { create: false });
    });

  company
    .command('delete')
    .description('delete a company with its facts (its practice sessions are kept)')
    .argument('<name>', 'the company name or alias')
    .option('--yes', 'really delete')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (name: string, flags: { yes?: boolean; db?: string }) => {
      await withStore(flags.db, async (store) => {
        const found = await store.requireCompany(name);
        const facts = (await store.factsOf(found.id)).length;
        requireYes(flags.yes, `${found.name} and its ${countOf(facts, 'fact')}`);
        await store.deleteCompany(found.id);
        print(`Deleted ${found.name} and its ${countOf(facts, 'fact')}.\n`);
      }, { create: false });
    });

  company
    .command('delete-fact')
    .description('delete a research fact, named by its text as `company show` prints it')
    .argument('<name>', 'the company name or alias')
    .argument('<text...>', 'the fact\'s text')
    .option('--yes', 'really delete')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (name: string, words: string[], flags: { yes?: boolean; db?: string }) => {
      await withStore(flags.db, async (store) => {
        const found = await store.requireCompany(name);
        const text = words.join(' ');
        const fact = (await store.factsOf(found.id)).find((f) => companyKey(f.text) === companyKey(text));
        if (!fact) throw new StarlError('E_NOT_FOUND', `${found.name} has no fact "${text}"; see its facts with: starl company show "${found.name}"`);
        requireYes(flags.yes, `the fact "${fact.text}"`);
        await store.deleteFact(fact.id);
        print(`Deleted the fact "${fact.text}" about ${found.name}.\n`);
      }, { create: false });
    });
}
