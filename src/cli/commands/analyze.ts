import type { Command } from 'commander';

/** `starl analyze`: judges one answer, or a JSONL batch. */
export function registerAnalyze(program: Command): void {
  program.command('analyze').description('judge an answer on the four reasons');
}
