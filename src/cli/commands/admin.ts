import type { Command } from 'commander';
import { isCancel, password as promptPassword } from '@clack/prompts';
import { Accounts, ROLES } from '../../accounts/accounts.js';
import { StarlError } from '../../core/errors.js';
import { invitationPath } from '../../server/routes/admin.js';
import type { Role } from '../../storage/schema.js';
import { DATABASE_URL_OPTION_HELP, DB_OPTION_HELP, withStore, type DatabaseChoice } from '../../storage/index.js';
import { readStdin } from '../io.js';
import { print } from '../print.js';

/** The new password: the first line of standard input with --password-stdin, else asked for without echo. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return (await readStdin(4096, 'the password')).split(/\r?\n/)[0] ?? '';
  if (!process.stdin.isTTY) throw new StarlError('E_USAGE', 'There is no terminal to ask for the password on; pipe it in with --password-stdin.');
  const answer = await promptPassword({ message: 'Password for the new account (at least 10 characters)' });
  if (isCancel(answer)) throw new StarlError('E_USAGE', 'Cancelled; no account was created.');
  return answer;
}

function parseRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new StarlError('E_USAGE', `--role must be one of ${ROLES.join(', ')}, not "${value}".`);
  return value as Role;
}

/** A multi-user database is always named: the personal default never gets accounts. */
function requireDb(flags: DatabaseChoice): DatabaseChoice {
  if (!flags.db && !flags.databaseUrl && !process.env.STARL_DATABASE_URL) {
    throw new StarlError('E_USAGE', 'Name the multi-user database with --database-url (or --db FILE), as given to starl serve --multi-user.');
  }
  return { ...(flags.db ? { db: flags.db } : {}), ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}) };
}

/** `starl admin`: accounts of a multi-user Starl, made from the server's own machine. */
export function registerAdmin(program: Command): void {
  const admin = program.command('admin').description('accounts of a multi-user Starl (starl serve --multi-user): create an admin, invite people');

  admin
    .command('create')
    .description('create an account (an admin unless --role says otherwise); the password is asked for, or read with --password-stdin')
    .requiredOption('--email <address>', 'the account\'s email, which it signs in with')
    .requiredOption('--name <name>', 'the name shown to others')
    .option('--role <role>', `${ROLES.join(', ')} (default admin)`, parseRole, 'admin' as Role)
    .option('--password-stdin', 'read the password from the first line of standard input')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--database-url <url>', DATABASE_URL_OPTION_HELP)
    .action(async (flags: { email: string; name: string; role: Role; passwordStdin?: boolean; db?: string; databaseUrl?: string }) => {
      const database = requireDb(flags);
      const password = await readPassword(flags.passwordStdin ?? false);
      const user = await withStore(database, async (store) => {
        const accounts = new Accounts(store);
        const created = await accounts.createUser({ email: flags.email, name: flags.name, role: flags.role, password });
        await accounts.audit(null, 'user.create', `${created.email} as ${created.role}, from the command line`, null);
        return created;
      });
      print(`Created ${user.role} ${user.email} (user ${user.id}).\n`);
    });

  admin
    .command('invite')
    .description('invite someone by link as a coach or candidate, optionally into a cohort (created if new); prints the link')
    .requiredOption('--email <address>', 'whom the invitation is for')
    .requiredOption('--role <role>', ROLES.join(', '), parseRole)
    .option('--cohort <name>', 'the cohort the candidate joins, or the coach coaches')
    .option('--url <address>', 'the address people open Starl at, for the link', 'http://127.0.0.1:4747/')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--database-url <url>', DATABASE_URL_OPTION_HELP)
    .action(async (flags: { email: string; role: Role; cohort?: string; url: string; db?: string; databaseUrl?: string }) => {
      const database = requireDb(flags);
      const { token, expiresAt, cohortNote } = await withStore(database, async (store) => {
        const accounts = new Accounts(store);
        let cohortNote = '';
        let cohort = flags.cohort ? await accounts.cohortNamed(flags.cohort) : undefined;
        if (flags.cohort && !cohort) {
          cohort = await accounts.createCohort(flags.cohort);
          cohortNote = `Created cohort "${cohort.name}".\n`;
        }
        const invitation = await accounts.invite({ email: flags.email, role: flags.role, cohortId: cohort?.id ?? null, createdBy: null });
        await accounts.audit(null, 'invitation.create', `${flags.email} as ${flags.role}${cohort ? ` into cohort ${cohort.id}` : ''}, from the command line`, null);
        return { ...invitation, cohortNote };
      });
      print(`${cohortNote}Invitation for ${flags.email} as ${flags.role}, valid until ${expiresAt}:\n${new URL(invitationPath(token), flags.url).href}\n`);
    });
}
