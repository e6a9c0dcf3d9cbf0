import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerCompany } from '../../src/cli/commands/company.js';
import { registerStories } from '../../src/cli/commands/stories.js';
import { StarlError } from '../../src/core/errors.js';
import { withStore } from '../../src/storage/index.js';
import { MAX_NAME_LENGTH } from '../../src/text/limits.js';
import { runCommand } from './inprocess.js';
import { tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function codeOf(error: unknown): string | undefined {
  return error instanceof StarlError ? error.code : undefined;
}

describe('names and titles', () => {
  it('are one company whether typed in NFC or NFD, with or without zero-width or bidi characters', async () => {
    await withStore(join(dir, 'starl.db'), async (store) => {
      const nfc = await store.saveCompany({ name: 'Caf\u00e9 Bleu' });
      const nfd = await store.saveCompany({ name: 'Cafe\u0301 Bleu' });
      const hidden = await store.saveCompany({ name: 'Caf\u00e9\u200b Bleu\u202e' });
      expect(new Set([nfc.id, nfd.id, hidden.id]).size).toBe(1);
      expect((await store.listCompanies()).map((company) => company.name)).toEqual(['Caf\u00e9 Bleu']);
      expect((await store.findCompany('CAFE\u0301 BLEU'))?.id).toBe(nfc.id);
      const story = await store.saveStory({ title: '\u202eThe night\u200d payroll failed', text: 'text', competencies: [], parts: [], sourceAnswerId: null });
      expect(story.title).toBe('The night payroll failed');
    });
  });

  it('refuse a lone surrogate and a name that is empty once invisible characters are removed', async () => {
    await withStore(join(dir, 'starl.db'), async (store) => {
      expect(codeOf(await store.saveCompany({ name: 'Acme\ud800' }).catch((e: unknown) => e))).toBe('E_INPUT_BAD_FIELD');
      expect(codeOf(await store.saveCompany({ name: '\u200b\u200d\u2060' }).catch((e: unknown) => e))).toBe('E_INPUT_BAD_FIELD');
      expect(codeOf(await store.saveCompany({ name: 'Acme', aliases: ['\udc00'] }).catch((e: unknown) => e))).toBe('E_INPUT_BAD_FIELD');
      expect(await store.listCompanies()).toEqual([]);
    });
  });

  it('have the API\'s length limits on the command line too', async () => {
    const db = join(dir, 'starl.db');
    const posting = join(dir, 'posting.txt');
    writeFileSync(posting, 'Acme ships FreshBox meal kits from Leeds.');
    const company = await runCommand(registerCompany, ['company', 'add', 'A'.repeat(10_000), '--file', posting, '--db', db]);
    expect(codeOf(company.error)).toBe('E_INPUT_TOO_LONG');
    expect((company.error as StarlError).message).toBe(`the name is 10000 characters; the limit is ${MAX_NAME_LENGTH}`);
    const story = await runCommand(registerStories, ['stories', 'add', '--title', 'T'.repeat(20_000), '--file', posting, '--db', db]);
    expect(codeOf(story.error)).toBe('E_INPUT_TOO_LONG');
    await withStore(db, async (store) => {
      expect(await store.listCompanies()).toEqual([]);
      expect(await store.listStories()).toEqual([]);
    });
  });
});
