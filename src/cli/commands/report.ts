import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { StarlError } from '../../core/errors.js';
import { countOf } from '../../format/plural.js';
import { parseWholeNumber } from '../../practice/options.js';
import { sessionHtml } from '../../report/html.js';
import { sessionMarkdown } from '../../report/markdown.js';
import { buildSessionReport } from '../../report/session.js';
import { DB_OPTION_HELP, withStore } from '../../storage/index.js';
import { print, printError } from '../print.js';

function writeFile(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new StarlError('E_INPUT_FILE', `cannot write the report: ${(error as Error).message}`, { file });
  }
}

/** `starl report [SESSION]`: a session's report as Markdown (default), standalone HTML or JSON. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description("a practice session's report: Markdown, standalone HTML with highlighted answers and gauges, or JSON")
    .argument('[session]', 'the session id (default: the newest session)', (v) => parseWholeNumber(v, 'session'))
    .option('--html <file>', 'write a standalone HTML page')
    .option('--md <file>', 'write the Markdown to a file instead of standard output')
    .option('--json', 'print the report as JSON')
    .option('--list', 'list the sessions instead')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (sessionId: number | undefined, flags: { html?: string; md?: string; json?: boolean; list?: boolean; db?: string }) => {
      await withStore(flags.db, async (store) => {
        if (flags.list) {
          const sessions = await store.listSessions();
          if (sessions.length === 0) print('No sessions yet: starl practice\n');
          for (const s of sessions) {
            print(`#${s.id}  ${s.startedAt.slice(0, 16).replace('T', ' ')}  ${s.mode}  ${s.status}  ${countOf(s.questions.length, 'question')}${s.role ? `  ${s.role}` : ''}\n`);
          }
          return;
        }
        // By default the newest session with an answer: one stopped before its first answer has nothing to show.
        const id = sessionId ?? (await store.newestAnsweredSession());
        if (id === null) throw new StarlError('E_NOT_FOUND', 'there are no answered practice sessions yet; start one with: starl practice');
        const data = await buildSessionReport(store, id);
        if (flags.json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        if (flags.html) {
          writeFile(flags.html, sessionHtml(data));
          printError(`HTML report written to ${flags.html}\n`);
        }
        if (flags.md) {
          writeFile(flags.md, sessionMarkdown(data));
          printError(`Markdown report written to ${flags.md}\n`);
        }
        if (!flags.json && !flags.html && !flags.md) print(sessionMarkdown(data));
      }, { create: false });
    });
}
