import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { StarlError } from '../../core/errors.js';
import { MAX_ANSWER_LENGTH } from '../../core/validate.js';
import { readTextFile } from '../../files/read.js';
import { parseWholeNumber } from '../../practice/options.js';
import { MAX_TEXT_FILE_BYTES, readStdin } from '../io.js';

interface AnalyzeFlags {
  question?: string;
  questionFile?: string;
  answer?: string;
  answerFile?: string;
  context?: string;
  contextFile?: string;
  json?: boolean;
  jsonl?: string | boolean;
  workers?: number;
  color?: boolean;
}

/** `starl analyze`: judges one answer (flags, files or stdin), or a JSONL batch with `--jsonl`. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('judge an answer on opportunity, memorable, specific reason and STAR(L)')
    .option('-q, --question <text>', 'the interview question (required, or --question-file)')
    .option('--question-file <file>', 'read the question from a file')
    .option('-a, --answer <text>', 'your answer (default: read from standard input)')
    .option('--answer-file <file>', 'read the answer from a file')
    .option('-c, --context <text>', 'text from the job posting or company page')
    .option('--context-file <file>', 'read the job posting or company text from a file')
    .option('--json', 'print the report as JSON')
    .option('--jsonl [file]', 'batch: read {"id","question","answer","context"?} lines from FILE or standard input, write one report per line')
    .option('--workers <n>', 'batch: judge on this many threads (default: one per core)', (v) => parseWholeNumber(v, '--workers'))
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
Examples:
  starl analyze -q "How are you?" -a "Fine, you?"
  echo "I led the migration..." | starl analyze -q "Tell me about a time you led a project."
  starl analyze --jsonl answers.jsonl > reports.jsonl
  starl analyze --jsonl answers.jsonl --workers 2 > reports.jsonl

Answers are limited to ${MAX_ANSWER_LENGTH.toLocaleString('en')} characters.`,
    )
    .action(async (flags: AnalyzeFlags) => {
      if (flags.jsonl !== undefined) {
        // The batch judges in worker threads; this thread only reads and writes, so it never loads the analyzer.
        const { analyzeBatch } = await import('../batch/run.js');
        process.exitCode = await analyzeBatch(typeof flags.jsonl === 'string' ? flags.jsonl : null, flags.workers ?? availableParallelism());
        return;
      }
      const question = await pick(flags.question, flags.questionFile, 'question');
      if (question === undefined) throw new StarlError('E_USAGE', 'give the question with --question or --question-file');
      let answer = await pick(flags.answer, flags.answerFile, 'answer');
      if (answer === undefined) {
        if (process.stdin.isTTY) throw new StarlError('E_USAGE', 'give the answer with --answer, --answer-file or on standard input');
        answer = await readStdin(MAX_TEXT_FILE_BYTES, 'answer');
      }
      const context = (await pick(flags.context, flags.contextFile, 'context')) ?? null;
      // Loaded here, not at the top, so `starl analyze --help` and the batch never load the language model.
      const [{ analyze }, { renderReport }] = await Promise.all([import('../../core/analyze.js'), import('../render.js')]);
      const report = analyze({ question, answer, context });
      if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else process.stdout.write(renderReport(answer, report, flags.color !== false && Boolean(process.stdout.isTTY)));
    });
}

async function pick(value: string | undefined, file: string | undefined, what: string): Promise<string | undefined> {
  if (value !== undefined && file !== undefined) throw new StarlError('E_USAGE', `give the ${what} as text or as a file, not both`);
  if (file !== undefined) return readTextFile(file, { what: `${what} file`, limit: MAX_TEXT_FILE_BYTES });
  return value;
}
