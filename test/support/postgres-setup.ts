import { decidePostgres, POSTGRES_SKIPPED } from './databases.js';

/** Says once per run, in one line, when the storage and server suites do not run on PostgreSQL. */
export default function setup(): void {
  const decision = decidePostgres(process.env);
  if (decision.kind === 'skip') process.stderr.write(`\n${POSTGRES_SKIPPED}\n\n`);
  if (decision.kind === 'fail') process.stderr.write(`\n${decision.line}\n\n`);
}
