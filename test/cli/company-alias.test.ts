import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { registerCompany } from '../../src/cli/commands/company.js';
import { withStore } from '../../src/storage/index.js';
import { runCli } from '../support/cli.js';
import { runCommand } from '../practice/inprocess.js';
import { tempDir } from '../practice/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

it('`company add` with an alias of a saved company updates that company instead of adding another', async () => {
  const db = join(dir, 'starl.db');
  const posting = join(dir, 'posting.txt');
  writeFileSync(posting, 'Forkful ships FreshBox meal kits from Leeds; the support team owns Zendesk triage.');
  const first = await runCommand(registerCompany, ['company', 'add', 'Forkful', '--alias', 'Forkful Ltd', '--file', posting, '--db', db]);
  expect(first.stdout).toContain('Saved Forkful with its posting from');

  // Standard input is empty here, as it is when nothing is piped: the saved posting is kept.
  const again = await runCli(['company', 'add', 'forkful  ltd', '--competitor', 'HelloFresh', '--db', db]);
  expect(again).toMatchObject({ code: 0, stderr: '' });
  expect(again.stdout).toContain('Updated Forkful ("forkful  ltd" is another name for it) keeping its posting.');

  await withStore(db, async (store) => {
    const companies = await store.listCompanies();
    expect(companies.map((c) => [c.name, c.aliases, c.competitors])).toEqual([['Forkful', ['Forkful Ltd'], ['HelloFresh']]]);
    expect(companies[0]!.contextText).toContain('FreshBox');
  });
});

it('the store updates a company saved under one of its aliases, for the web app too', async () => {
  await withStore(join(dir, 'starl.db'), async (store) => {
    const saved = await store.saveCompany({ name: 'Parcelo', aliases: ['Parcelo Group'] });
    const updated = await store.saveCompany({ name: 'PARCELO GROUP', competitors: ['Evri'] });
    expect(updated).toMatchObject({ id: saved.id, name: 'Parcelo', aliases: ['Parcelo Group'], competitors: ['Evri'] });
    expect(await store.listCompanies()).toHaveLength(1);
  });
});
