import { Command } from 'commander';
import { vi } from 'vitest';

/**
 * Runs one command's registration in-process, as `starl ARGS` would, and collects what it printed.
 * Faster than a new process; the tests that need the real exit code and message spawn `starl`.
 */
export async function runCommand(
  register: (program: Command) => void,
  args: string[],
): Promise<{ stdout: string; stderr: string; error: unknown }> {
  const program = new Command('starl').exitOverride();
  register(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  let error: unknown = null;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (caught) {
    error = caught;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout, stderr, error };
}
