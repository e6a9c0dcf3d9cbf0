import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

/** `starl serve` in its own process, run from source as `npm start` runs the build. */
function serve(args: string[], options: { ownProcessGroup?: boolean } = {}): { child: ChildProcessWithoutNullStreams; output: () => string } {
  // In its own process group, the command and its workers can be sent Ctrl+C together, as a terminal does.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', ...args], { cwd: ROOT, stdio: 'pipe', detached: options.ownProcessGroup ?? false });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Waits until the command prints its address, or fails with everything it printed. */
async function addressOf(started: ReturnType<typeof serve>): Promise<string> {
  for (;;) {
    const match = /running at (http:\/\/\S+)/.exec(started.output());
    if (match) return match[1]!;
    if (started.child.exitCode !== null) throw new Error(`starl serve exited early:\n${started.output()}`);
    await Promise.race([once(started.child.stdout, 'data'), once(started.child, 'exit')]);
  }
}

/** Process ids of a process's children (Linux). */
function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let workDir: string;
let started: ReturnType<typeof serve>;
let url: string;
/** A second server, started alongside, to be stopped with Ctrl+C. */
let interrupted: ReturnType<typeof serve>;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'starl-workers-'));
  started = serve(['--workers', '2', '--port', '0', '--db', join(workDir, 'starl.db')]);
  interrupted = serve(['--workers', '2', '--port', '0', '--db', join(workDir, 'starl.db')], { ownProcessGroup: true });
  [url] = await Promise.all([addressOf(started), addressOf(interrupted)]);
}, 30000);

afterAll(() => {
  for (const { child } of [started, interrupted]) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(workDir, { recursive: true, force: true });
});

describe('starl serve --workers', () => {
  it('prints the real port that all its workers share, and answers there', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/$/);
    expect(started.output()).toContain('Workers: 2');
    expect(childrenOf(started.child.pid!)).toHaveLength(2);
    // Round-robin hands each new connection to the next worker, so two connections reach both.
    const statuses = await Promise.all(
      [0, 1].map(async () => {
        const response = await fetch(`${url}api/analyze`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', connection: 'close' },
          body: JSON.stringify({ question: 'How are you?', answer: 'Great, thanks! I have been looking forward to talking about the data team.' }),
        });
        return [response.status, ((await response.json()) as { questionType: string }).questionType];
      }),
    );
    expect(statuses).toEqual([
      [200, 'opener'],
      [200, 'opener'],
    ]);
  });

  it('refuses a port that is taken with the reason a worker met', async () => {
    const second = serve(['--workers', '2', '--port', new URL(url).port, '--db', join(workDir, 'second.db')]);
    const [code] = (await once(second.child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(second.output()).toContain('already in use');
  }, 30000);

  it('stops every worker on Ctrl+C, which the terminal sends to the command and its workers alike', async () => {
    const workers = childrenOf(interrupted.child.pid!);
    expect(workers).toHaveLength(2);
    process.kill(-interrupted.child.pid!, 'SIGINT');
    const [code] = (await once(interrupted.child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(workers.filter(isAlive)).toEqual([]);
    expect(interrupted.output()).not.toContain('worker stopped');
  });

  it('stops every worker when only the command is told to stop', async () => {
    const workers = childrenOf(started.child.pid!);
    started.child.kill('SIGTERM');
    const [code] = (await once(started.child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(workers.filter(isAlive)).toEqual([]);
  });
});

/** Polls until `check` holds; the test's own timeout bounds the wait. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('a worker that dies', () => {
  it('is replaced and logged, and killing every worker leaves the command running and serving again', async () => {
    const server = serve(['--workers', '2', '--port', '0', '--db', join(workDir, 'restart.db')]);
    try {
      const address = await addressOf(server);
      const replacements = () => (server.output().match(/a new server worker is running/g) ?? []).length;
      const [first, second] = childrenOf(server.child.pid!) as [number, number];
      process.kill(first, 'SIGKILL');
      await until(() => replacements() === 1);
      expect(server.output()).toMatch(/a server worker stopped \(SIGKILL\); starting another/);
      const survivors = childrenOf(server.child.pid!);
      expect(survivors).toHaveLength(2);
      expect(survivors).not.toContain(first);
      for (const pid of survivors) process.kill(pid, 'SIGKILL');
      // Every worker now is a replacement, and the command never stopped.
      await until(() => replacements() === 3);
      expect(server.child.exitCode).toBeNull();
      expect(isAlive(second)).toBe(false);
      expect(childrenOf(server.child.pid!).filter((pid) => survivors.includes(pid))).toEqual([]);
      const response = await fetch(`${address}api/rules`, { headers: { connection: 'close' } });
      expect(response.status).toBe(200);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 120_000);
});
