import { describe, expect, it } from 'vitest';
import { registerExport } from '../../src/cli/commands/export.js';
import { registerImport } from '../../src/cli/commands/import.js';
import { registerMigrate } from '../../src/cli/commands/migrate.js';
import { MIGRATIONS } from '../../src/storage/index.js';
import { runCli } from '../support/cli.js';
import { decidePostgres, forEachDatabase } from '../support/databases.js';
import { runAsMain } from '../practice/inprocess.js';

const NEWEST = Math.max(...MIGRATIONS.map((m) => m.id));

forEachDatabase((database) => {
  describe('starl migrate', () => {
    it('applies every pending migration and lists them, then says the database is up to date', async () => {
      const first = await runAsMain(registerMigrate, ['migrate', ...database.args]);
      expect(first.code).toBe(0);
      const lines = first.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(new RegExp(`: applied ${MIGRATIONS.length} migrations:$`));
      expect(lines.slice(1)).toEqual(MIGRATIONS.map((m) => `  ${m.id}  ${m.name}`));
      const again = await runAsMain(registerMigrate, ['migrate', ...database.args]);
      expect(again).toMatchObject({ code: 0, stderr: '' });
      expect(again.stdout).toMatch(new RegExp(`: up to date \\(schema ${NEWEST}\\); nothing to apply\\.\\n$`));
    });
  });
});

describe('choosing the database on the command line', () => {
  it.each([
    ['migrate', registerMigrate, ['migrate']],
    ['export', registerExport, ['export']],
    ['import', registerImport, ['import', 'package.json']],
  ] as const)('`starl %s` refuses --db with --database-url as a usage error', async (_name, register, args) => {
    const result = await runAsMain(register, [...args, '--db', 'x.db', '--database-url', 'postgres://starl@localhost/starl']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('starl: --db and --database-url both name a database; give only one (a file for SQLite, a postgres:// URL for PostgreSQL) [E_USAGE]\n');
  });

  it('refuses a database URL that is not postgres:// before connecting anywhere', async () => {
    const result = await runAsMain(registerMigrate, ['migrate', '--database-url', 'mysql://starl@localhost/starl']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('starl: the database URL must start with postgres:// or postgresql:// (for an SQLite file, use --db FILE) (database-url) [E_USAGE]\n');
  });

  it('says the server is unreachable, in one line, with the password left out', async () => {
    // Port 1 is reserved (tcpmux) and nothing listens on it here.
    const result = await runCli(['migrate', '--database-url', 'postgres://starl:secret@127.0.0.1:1/starl']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'starl: postgres://starl@127.0.0.1:1/starl: cannot reach the PostgreSQL server (ECONNREFUSED); check the host and port in the database URL and that the server is running [E_STORAGE]\n',
    );
  });
});

const postgres = decidePostgres();

describe.runIf(postgres.kind === 'run')('a PostgreSQL server that refuses', () => {
  const url = postgres.kind === 'run' ? new URL(postgres.url) : new URL('postgres://unused');
  const redacted = (changed: URL) => {
    const copy = new URL(changed);
    copy.password = '';
    return copy.toString().replace(/:@/, '@');
  };

  it('names a wrong password', async () => {
    const wrong = new URL(url);
    wrong.password = 'not-the-password';
    const result = await runAsMain(registerMigrate, ['migrate', '--database-url', wrong.toString()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`starl: ${redacted(wrong)}: the PostgreSQL server refused the user name or password in the database URL [E_STORAGE]\n`);
  });

  it('names a database that does not exist', async () => {
    const missing = new URL(url);
    missing.pathname = '/starl_no_such_database';
    const result = await runAsMain(registerMigrate, ['migrate', '--database-url', missing.toString()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `starl: ${redacted(missing)}: the database named in the URL does not exist on the PostgreSQL server; create it first (see docs/deploy.md) [E_STORAGE]\n`,
    );
  });
});
