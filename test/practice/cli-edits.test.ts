import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAnswers } from '../../src/cli/commands/answers.js';
import { registerCompany } from '../../src/cli/commands/company.js';
import { registerPractice } from '../../src/cli/commands/practice.js';
import { registerStories } from '../../src/cli/commands/stories.js';
import { withStore } from '../../src/storage/index.js';
import { judgedSession } from './fixtures/session.js';
import { tempDir } from './helpers.js';
import { runCommand } from './inprocess.js';

let dir: string;
let cleanup: () => void;
let db: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'starl.db');
});
afterEach(() => cleanup());

const STORY = 'Our month-end close took eight days. I built a matching script and trained two clerks. The close came down to four days.';

describe('starl company edit, delete and delete-fact', () => {
  it('renames a company and replaces its lists, then deletes a fact and the company only with --yes', async () => {
    await withStore(db, (store) => store.saveCompany({ name: 'Fernway', aliases: ['FW'], competitors: ['Parcelly'] }));
    await runCommand(registerCompany, ['company', 'fact', 'Fernway', 'news', 'Opened a hub in Leeds', '--source', 'press', '--db', db]);
    const edited = await runCommand(registerCompany, ['company', 'edit', 'FW', '--name', 'Fernway Logistics', '--clear-aliases', '--competitor', 'Shipwell', '--competitor', 'Parcelly', '--db', db]);
    expect(edited.error).toBeNull();
    expect(edited.stdout).toBe('Saved Fernway Logistics. See it with: starl company show "Fernway Logistics"\n');
    const company = await withStore(db, (store) => store.requireCompany('fernway logistics'));
    expect(company).toMatchObject({ aliases: [], competitors: ['Shipwell', 'Parcelly'] });

    const unconfirmed = await runCommand(registerCompany, ['company', 'delete-fact', 'Fernway Logistics', 'opened a hub in leeds', '--db', db]);
    expect(unconfirmed.error).toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('Add --yes') });
    expect(await withStore(db, (store) => store.factsOf(company.id))).toHaveLength(1);
    await runCommand(registerCompany, ['company', 'delete-fact', 'Fernway Logistics', 'opened a hub in leeds', '--yes', '--db', db]);
    expect(await withStore(db, (store) => store.factsOf(company.id))).toEqual([]);

    const deleted = await runCommand(registerCompany, ['company', 'delete', 'Fernway Logistics', '--yes', '--db', db]);
    expect(deleted.stdout).toBe('Deleted Fernway Logistics and its 0 facts.\n');
    const missing = await runCommand(registerCompany, ['company', 'delete', 'Fernway Logistics', '--yes', '--db', db]);
    expect(missing.error).toMatchObject({ code: 'E_NOT_FOUND' });
  });
});

describe('starl stories edit and delete', () => {
  it('changes a story\'s title and text, labelling the new text, and deletes it with --yes', async () => {
    const file = join(dir, 'story.txt');
    writeFileSync(file, 'We had a problem.');
    await runCommand(registerStories, ['stories', 'add', '--title', 'Close', '--file', file, '--db', db]);
    writeFileSync(file, STORY);
    const edited = await runCommand(registerStories, ['stories', 'edit', '1', '--title', 'The month-end close', '--file', file, '--competencies', 'Ownership', '--db', db]);
    expect(edited.stdout).toMatch(/^#1 The month-end close {2}\[ownership\]\n/);
    expect(edited.stdout).toMatch(/^ {2}R {2}The close came down to four days\.$/m);
    expect((await runCommand(registerStories, ['stories', 'edit', '1', '--db', db])).error).toMatchObject({ code: 'E_USAGE' });
    expect((await runCommand(registerStories, ['stories', 'delete', '1', '--db', db])).error).toMatchObject({ code: 'E_USAGE' });
    expect((await runCommand(registerStories, ['stories', 'delete', '1', '--yes', '--db', db])).stdout).toBe('Deleted the story #1 "The month-end close".\n');
    expect(await withStore(db, (store) => store.listStories())).toEqual([]);
  });
});

describe('starl answers edit and delete, and practice --abandon', () => {
  it('edits an answer, deletes it with its follow-up, and abandons only an unfinished session', async () => {
    const finished = await withStore(db, (store) => judgedSession(store));
    const [first] = await withStore(db, (store) => store.answersOf(finished));
    const file = join(dir, 'answer.txt');
    writeFileSync(file, 'At my last warehouse job two pickers clashed over the rota. I proposed a swap system. Complaints fell by half.');
    const edited = await runCommand(registerAnswers, ['answers', 'edit', String(first!.id), '--file', file, '--db', db]);
    expect(edited.stdout).toMatch(new RegExp(`^Saved answer ${first!.id}, judged again:\n {2}Opportunity +(pass|miss)\n`));
    expect((await withStore(db, (store) => store.requireAnswer(first!.id))).answer).toMatch(/^At my last warehouse job/);
    const deleted = await runCommand(registerAnswers, ['answers', 'delete', String(first!.id), '--yes', '--db', db]);
    expect(deleted.stdout).toBe(`Deleted 2 answers from session ${finished}.\n`);
    expect((await runCommand(registerPractice, ['practice', '--abandon', String(finished), '--yes', '--db', db])).error).toMatchObject({ code: 'E_USAGE' });

    const open = await withStore(db, (store) => store.createSession({ companyId: null, role: null, field: null, mode: 'drill', questions: [] }));
    expect((await runCommand(registerPractice, ['practice', '--abandon', '--db', db])).error).toMatchObject({ code: 'E_USAGE', message: expect.stringContaining(`unfinished session ${open.id}`) });
    expect((await runCommand(registerPractice, ['practice', '--abandon', '--yes', '--db', db])).stdout).toBe(`Abandoned session ${open.id}.\n`);
    expect(await withStore(db, (store) => store.findSession(open.id))).toBeNull();
    expect(await withStore(db, (store) => store.findSession(finished))).not.toBeNull();
  });
});
