import { Command, CommanderError } from 'commander';
import { vi } from 'vitest';
import { reportError } from '../../src/cli/errors.js';

/** What a command printed, the error it threw (or null), and the exit code `starl` would end with. */
interface Captured {
  stdout: string;
  stderr: string;
  error: unknown;
  code: number;
}

/** What a write to a stream carries, as text: commands write strings, and the batch writes its reports as UTF-8 bytes. */
function text(chunk: string | Uint8Array): string {
  return typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
}

async function capture(register: (program: Command) => void, args: string[], printErrors: boolean): Promise<Captured> {
  const program = new Command('starl').exitOverride();
  register(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += text(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += text(chunk)), true));
  // A command may set the exit code (a batch with bad lines); it belongs to the command, not to the test run.
  const exitCodeBefore = process.exitCode;
  process.exitCode = undefined;
  let error: unknown = null;
  let code = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
    code = Number(process.exitCode ?? 0);
  } catch (caught) {
    error = caught;
    if (caught instanceof CommanderError) code = caught.exitCode === 0 ? 0 : 2;
    else code = printErrors ? reportError(caught, false) : 2;
  } finally {
    process.exitCode = exitCodeBefore;
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout, stderr, error, code };
}

/**
 * Runs one command's registration in-process, as `starl ARGS` would, and collects what it printed.
 * Faster than a new process; the tests that need the real exit code and message spawn `starl`.
 */
export async function runCommand(
  register: (program: Command) => void,
  args: string[],
): Promise<{ stdout: string; stderr: string; error: unknown }> {
  const { stdout, stderr, error } = await capture(register, args, false);
  return { stdout, stderr, error };
}

/**
 * Like {@link runCommand}, but errors are printed the way `starl` prints them (one line, a code, no stack)
 * and the exit code is returned: for tests of what a user sees where the process itself is not the point.
 */
export async function runAsMain(register: (program: Command) => void, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await capture(register, args, true);
  return { code, stdout, stderr };
}
