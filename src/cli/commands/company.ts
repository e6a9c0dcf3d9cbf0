import type { Command } from 'commander';
import { extractContextTerms } from '../../core/context/terms.js';
import { describeCompany } from '../../company/describe.js';
import { FACT_KINDS, parseFactKind } from '../../company/notebook.js';
import { notebookTerms } from '../../company/notebook-terms.js';
import { questionsToAsk } from '../../company/questions.js';
import { readPosting } from '../../company/source.js';
import { parseWholeNumber } from '../../practice/options.js';
import { companyKey, DB_OPTION_HELP, withStore } from '../../storage/index.js';
import { print } from '../print.js';
import { registerCompanyEdits } from './company-edit.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `starl company`: the company notebook: posting, aliases, competitors, research facts, checklist. */
export function registerCompany(program: Command): void {
  const company = program.command('company').description('your homework on a company: posting, facts, competitors, questions to ask');
  registerCompanyEdits(company);

  company
    .command('add')
    .description('save a company with its job posting (from --file, --url or standard input)')
    .argument('<name>', 'the company name')
    .option('--file <file>', 'the job posting or company text (text or HTML)')
    .option('--url <url>', 'fetch the posting from this page')
    .option('--timeout <seconds>', 'give up fetching after this many seconds (default 15)', (v) => parseWholeNumber(v, '--timeout'))
    .option('--alias <name>', 'another name the company goes by (repeatable)', collect)
    .option('--competitor <name>', 'a competitor, for the swap test (repeatable)', collect)
    .option('--db <file>', DB_OPTION_HELP)
    .action(
      async (
        name: string,
        flags: { file?: string; url?: string; timeout?: number; alias?: string[]; competitor?: string[]; db?: string },
      ) => {
        // Read (and fetch) before opening the database, so a failed download changes nothing.
        const posting = await readPosting({
          ...(flags.file ? { file: flags.file } : {}),
          ...(flags.url ? { url: flags.url } : {}),
          stdin: process.stdin,
          limits: flags.timeout ? { timeoutMs: flags.timeout * 1000 } : {},
        });
        const postingTerms = posting ? extractContextTerms(posting.text) : undefined;
        await withStore(flags.db, async (store) => {
          const known = await store.findCompany(name);
          const saved = await store.saveCompany({
            name,
            aliases: flags.alias ?? [],
            competitors: flags.competitor ?? [],
            ...(posting ? { contextText: posting.text, contextSource: posting.source, terms: postingTerms } : {}),
          });
          const what = posting ? `with its posting from ${posting.source}` : known?.contextText ? 'keeping its posting' : 'without a posting';
          const alias = known && companyKey(known.name) !== companyKey(name) ? ` ("${name.trim()}" is another name for it)` : '';
          print(`${known ? 'Updated' : 'Saved'} ${saved.name}${alias} ${what}.\n`);
          const terms = notebookTerms(saved);
          if (terms.length) print(`Distinctive terms: ${terms.join(' · ')}\n`);
          print(`See everything with: starl company show "${saved.name}"\n`);
        });
      },
    );

  company
    .command('fact')
    .description(`save a research fact with its source; kinds: ${FACT_KINDS.join(', ')}`)
    .argument('<name>', 'the company name or alias')
    .argument('<kind>', `one of: ${FACT_KINDS.join(', ')}`)
    .argument('<text...>', 'the fact, in your words')
    .requiredOption('--source <where>', 'where you found it: a URL, an article, a person')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (name: string, kindText: string, words: string[], flags: { source: string; db?: string }) => {
      const kind = parseFactKind(kindText);
      await withStore(flags.db, async (store) => {
        const found = await store.requireCompany(name);
        await store.addFact(found.id, { kind, text: words.join(' ').trim(), source: flags.source.trim() });
        print(`Saved a fact (${kind}) about ${found.name}.\n`);
        // The questions to ask follow the facts: show them as they are now.
        const questions = questionsToAsk(await store.factsOf(found.id));
        print(`Questions to ask them now:\n${questions.map(({ question }, i) => `  ${i + 1}. ${question}\n`).join('')}`);
      }, { create: false });
    });

  company
    .command('show')
    .description('what Starl knows: terms, facts with sources, the homework checklist, questions to ask')
    .argument('<name>', 'the company name or alias')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (name: string, flags: { db?: string }) => {
      await withStore(flags.db, async (store) => {
        const found = await store.requireCompany(name);
        print(describeCompany(found, await store.factsOf(found.id)));
      }, { create: false });
    });

  company
    .command('list')
    .description('the companies you have saved')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (flags: { db?: string }) => {
      await withStore(flags.db, async (store) => {
        const companies = await store.listCompanies();
        if (companies.length === 0) print('No companies yet: starl company add NAME --file posting.txt\n');
        for (const c of companies) print(`${c.name}${c.aliases.length ? ` (${c.aliases.join(', ')})` : ''}\n`);
      }, { create: false });
    });
}
