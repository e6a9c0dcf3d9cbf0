import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerCompany } from '../../src/cli/commands/company.js';
import { registerExport } from '../../src/cli/commands/export.js';
import { registerProgress } from '../../src/cli/commands/progress.js';
import { registerReport } from '../../src/cli/commands/report.js';
import { registerStories } from '../../src/cli/commands/stories.js';
import { StarlError } from '../../src/core/errors.js';
import { runCli } from '../support/cli.js';
import { runCommand } from '../practice/inprocess.js';
import { tempDir } from '../practice/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Commands that only read, with the registration that adds them. */
const READ_ONLY: [string, (program: Command) => void, string[]][] = [
  ['progress', registerProgress, ['progress']],
  ['report', registerReport, ['report']],
  ['report --list', registerReport, ['report', '--list']],
  ['company show', registerCompany, ['company', 'show', 'Forkful']],
  ['company list', registerCompany, ['company', 'list']],
  ['company fact', registerCompany, ['company', 'fact', 'Forkful', 'news', 'They', 'launched', '--source', 'blog']],
  ['stories list', registerStories, ['stories', 'list']],
  ['stories suggest', registerStories, ['stories', 'suggest', 'Tell me about a conflict.']],
  ['export', registerExport, ['export']],
];

describe('a database path with no database', () => {
  it.each(READ_ONLY)('`starl %s` says there is none and creates nothing', async (_name, register, args) => {
    const typo = join(dir, 'typo', 'starl.db');
    const { error, stdout } = await runCommand(register, [...args, '--db', typo]);
    expect(error).toBeInstanceOf(StarlError);
    expect((error as StarlError).code).toBe('E_NOT_FOUND');
    expect((error as StarlError).describe()).toMatch(new RegExp(`^${typo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: there is no Starl database at this path`));
    expect(stdout).toBe('');
    expect(existsSync(join(dir, 'typo'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('at the default place says that nothing has been saved yet, and creates nothing there either', async () => {
    vi.stubEnv('STARL_DB', '');
    vi.stubEnv('XDG_DATA_HOME', dir);
    try {
      const { error } = await runCommand(registerProgress, ['progress']);
      expect((error as StarlError).describe()).toBe(
        `${join(dir, 'starl', 'starl.db')}: there is no Starl database yet: nothing has been saved; commands that save something (practice, company add, stories add, import, review --save) create it [E_NOT_FOUND]`,
      );
    } finally {
      vi.unstubAllEnvs();
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is reported on stderr with its code and exit code 2, and the file is still not created', async () => {
    const typo = join(dir, 'stralr.db');
    const { code, stdout, stderr } = await runCli(['progress', '--db', typo]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`starl: ${typo}: there is no Starl database at this path; check --db or STARL_DB`);
    expect(stderr).toContain('[E_NOT_FOUND]');
    expect(existsSync(typo)).toBe(false);
  });

  it('is created by a command that saves something, which read-only commands then read', async () => {
    const file = join(dir, 'new', 'starl.db');
    const posting = join(dir, 'posting.txt');
    writeFileSync(posting, 'Forkful ships FreshBox meal kits from Leeds; the support team owns Zendesk triage.');
    const added = await runCommand(registerCompany, ['company', 'add', 'Forkful', '--file', posting, '--db', file]);
    expect(added.error).toBeNull();
    expect(existsSync(file)).toBe(true);
    const listed = await runCommand(registerCompany, ['company', 'list', '--db', file]);
    expect(listed).toMatchObject({ error: null, stdout: 'Forkful\n' });
    expect(readdirSync(dir).sort()).toEqual(['new', 'posting.txt']);
  });
});
