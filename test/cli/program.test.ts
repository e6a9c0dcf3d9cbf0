import { readFileSync } from 'node:fs';
import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandEntry } from '../../src/cli/commands/index.js';
import { buildProgram } from '../../src/cli/program.js';

/** The command table with loaders that note which commands were loaded. */
function recordingTable(): { table: CommandEntry[]; loaded: string[] } {
  const loaded: string[] = [];
  const table = COMMANDS.map((entry) => ({
    ...entry,
    load: async () => {
      loaded.push(entry.name);
      return entry.load();
    },
  }));
  return { table, loaded };
}

/** Runs the program on `args` in this process and returns what it printed. */
async function run(args: string[], table: CommandEntry[]): Promise<string> {
  let printed = '';
  const program = await buildProgram(args, table);
  const capture = (command: Command): void => {
    command.configureOutput({ writeOut: (text) => (printed += text), writeErr: (text) => (printed += text) });
    command.commands.forEach(capture);
  };
  capture(program);
  await program.parseAsync(args, { from: 'user' }).catch(() => undefined);
  return printed;
}

describe('the starl program', () => {
  it('lists every command for --help without loading any of them', async () => {
    const { table, loaded } = recordingTable();
    const help = await run(['--help'], table);
    expect(loaded).toEqual([]);
    for (const entry of COMMANDS) expect(help).toContain(entry.term);
    expect(help).toMatch(/review \[options\] <file>\s+review a real interview/);
  });

  it('prints its version without loading a command', async () => {
    const { table, loaded } = recordingTable();
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect((await run(['--version'], table)).trim()).toBe(version);
    expect(loaded).toEqual([]);
  });

  it('loads only the command it runs, and the one `help` asks about', async () => {
    const { table, loaded } = recordingTable();
    await run(['rules', '--help'], table);
    expect(loaded).toEqual(['rules']);
    const help = await run(['help', 'analyze'], table);
    expect(loaded).toEqual(['rules', 'analyze']);
    expect(help).toContain('--workers <n>');
  });

  it('lists each command as the command itself would be listed', async () => {
    for (const entry of COMMANDS) {
      const program = new Command('starl');
      (await entry.load())(program);
      const [command] = program.commands;
      expect(command?.name()).toBe(entry.name);
      expect(new Help().subcommandTerm(command!)).toBe(entry.term);
      expect(command?.description()).toBe(entry.summary);
    }
  });
});
