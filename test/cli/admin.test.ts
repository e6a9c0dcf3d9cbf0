import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Accounts } from '../../src/accounts/accounts.js';
import { withStore } from '../../src/storage/index.js';
import { tempDir } from '../practice/helpers.js';
import { runCli } from '../support/cli.js';
import { forEachDatabase } from '../support/databases.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

forEachDatabase((database) => {
  describe('starl admin', () => {
    it('creates an admin with a password from standard input, then invites a candidate into a new cohort with a link', async () => {
      const created = await runCli(['admin', 'create', '--email', 'Root@Example.org', '--name', 'Root', '--password-stdin', ...database.args], { stdin: 'a long admin password\n' });
      expect(created.stderr).toBe('');
      expect(created.stdout).toMatch(/^Created admin root@example\.org \(user \d+\)\.\n$/);
      const again = await runCli(['admin', 'create', '--email', 'root@example.org', '--name', 'Root', '--password-stdin', ...database.args], { stdin: 'a long admin password\n' });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('there is already an account for root@example.org');

      const invited = await runCli(['admin', 'invite', '--email', 'dev@example.org', '--role', 'candidate', '--cohort', 'Spring', '--url', 'https://starl.example.edu/', ...database.args]);
      expect(invited.stderr).toBe('');
      const link = /https:\/\/starl\.example\.edu\/#\/invitation\/([\w-]+)\n$/.exec(invited.stdout);
      expect(invited.stdout).toContain('Created cohort "Spring".');
      expect(link).not.toBeNull();
      await withStore(database.choice, async (store) => {
        const accounts = new Accounts(store);
        expect(await accounts.invitation(link![1]!)).toMatchObject({ email: 'dev@example.org', role: 'candidate', cohort: { name: 'Spring' } });
        expect(await accounts.login('root@example.org', 'a long admin password', '127.0.0.1')).toMatchObject({ kind: 'ok', user: { role: 'admin' } });
      });
    });

    it('moves one person\'s data in and out of their account with --user', async () => {
      const personal = join(dir, 'personal.db');
      await withStore(personal, (store) => store.saveCompany({ name: 'Fernway' }));
      const file = join(dir, 'mine.json');
      expect((await runCli(['export', '--db', personal, '--out', file])).code).toBe(0);
      expect((await runCli(['admin', 'create', '--email', 'ana@example.org', '--name', 'Ana', '--role', 'candidate', '--password-stdin', ...database.args], { stdin: 'a long password here\n' })).code).toBe(0);
      const imported = await runCli(['import', file, '--user', 'ana@example.org', ...database.args]);
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toContain('companies 1');
      const anas = JSON.parse((await runCli(['export', '--user', 'ANA@example.org', ...database.args])).stdout) as { companies: { name: string }[] };
      expect(anas.companies.map((company) => company.name)).toEqual(['Fernway']);
      const nobodys = JSON.parse((await runCli(['export', ...database.args])).stdout) as { companies: unknown[] };
      expect(nobodys.companies).toEqual([]);
      const unknown = await runCli(['import', file, '--user', 'ben@example.org', ...database.args]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('there is no account for ben@example.org');
    });

    it('refuses a short password and a missing --db, creating nothing', async () => {
      const short = await runCli(['admin', 'create', '--email', 'root@example.org', '--name', 'Root', '--password-stdin', ...database.args], { stdin: 'short\n' });
      expect(short.code).toBe(2);
      expect(short.stderr).toContain('at least 10 characters');
      const noDb = await runCli(['admin', 'create', '--email', 'root@example.org', '--name', 'Root', '--password-stdin'], { stdin: 'a long admin password\n' });
      expect(noDb.code).toBe(2);
      expect(noDb.stderr).toContain('--database-url (or --db FILE)');
    });
  });
});

describe('starl serve', () => {
  it('refuses to listen beyond this machine without --multi-user, and multi-user mode without its own --db', async () => {
    const open = await runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--db', join(dir, 'a.db')]);
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('will not listen on 0.0.0.0 without accounts');
    const noDb = await runCli(['serve', '--multi-user', '--port', '0']);
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain('Multi-user mode needs its own database: name it with --database-url');
  });
});
