import type { Command } from 'commander';

/** Adds one command, with its options and action, to the program. */
export type Register = (program: Command) => void;

/** A command as `starl --help` lists it, and the module that defines it, loaded only when it runs. */
export interface CommandEntry {
  name: string;
  /** The command's term in the listing, as commander would print it for the real command. */
  term: string;
  /** The real command's description, shown in the listing. */
  summary: string;
  load: () => Promise<Register>;
}

/**
 * Every `starl` command. The listing of `starl --help` comes from this table, so that it loads no
 * command module (some bring the database, the server or the language model); a test checks that
 * each entry agrees with the command its module registers.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'admin',
    term: 'admin',
    summary: 'accounts of a multi-user Starl (starl serve --multi-user): create an admin, invite people',
    load: async () => (await import('./admin.js')).registerAdmin,
  },
  {
    name: 'analyze',
    term: 'analyze [options]',
    summary: 'judge an answer on opportunity, memorable, specific reason and STAR(L)',
    load: async () => (await import('./analyze.js')).registerAnalyze,
  },
  {
    name: 'answers',
    term: 'answers',
    summary: 'your saved practice answers',
    load: async () => (await import('./answers.js')).registerAnswers,
  },
  {
    name: 'company',
    term: 'company',
    summary: 'your homework on a company: posting, facts, competitors, questions to ask',
    load: async () => (await import('./company.js')).registerCompany,
  },
  {
    name: 'export',
    term: 'export [options]',
    summary: 'write all your data (companies, sessions, answers and their recordings, stories, reviews) as JSON',
    load: async () => (await import('./export.js')).registerExport,
  },
  {
    name: 'import',
    term: 'import [options] <file>',
    summary: 'add the data of a `starl export` file; rows already present are skipped',
    load: async () => (await import('./import.js')).registerImport,
  },
  {
    name: 'migrate',
    term: 'migrate [options]',
    summary: "apply the database's pending migrations and list the ones applied",
    load: async () => (await import('./migrate.js')).registerMigrate,
  },
  {
    name: 'practice',
    term: 'practice [options]',
    summary: 'run a mock interview: timed answers, judged at once, follow-ups, retries, saved as you go',
    load: async () => (await import('./practice.js')).registerPractice,
  },
  {
    name: 'progress',
    term: 'progress [options]',
    summary: 'your share of passes per reason over time, the weakest reason now, and the answers that show it',
    load: async () => (await import('./progress.js')).registerProgress,
  },
  {
    name: 'report',
    term: 'report [options] [session]',
    summary: "a practice session's report: Markdown, standalone HTML with highlighted answers and gauges, or JSON",
    load: async () => (await import('./report.js')).registerReport,
  },
  {
    name: 'review',
    term: 'review [options] <file>',
    summary: 'review a real interview from its transcript: which of the four reasons cost you, with the moments that show it',
    load: async () => (await import('./review.js')).registerReview,
  },
  {
    name: 'stories',
    term: 'stories',
    summary: 'your bank of STAR(L) stories',
    load: async () => (await import('./stories.js')).registerStories,
  },
  {
    name: 'serve',
    term: 'serve [options]',
    summary: 'start the web app on this machine and print its address',
    load: async () => (await import('./serve.js')).registerServe,
  },
  {
    name: 'rules',
    term: 'rules [options]',
    summary: 'list the rules Starl judges answers with',
    load: async () => (await import('./rules.js')).registerRules,
  },
];
