import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StarlError } from '../../src/core/errors.js';
import { defaultDatabasePath, openStore, resolveDatabasePath, withStore } from '../../src/storage/index.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { reportWith, tempDir } from './helpers.js';

const WRITER = join(import.meta.dirname, 'fixtures', 'writer.ts');

/** Runs the writer fixture in its own Node process. */
function startWriter(file: string, count: number, label: string) {
  return spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(count), label], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('dialect boundary', () => {
  it('keeps SQLite in one file, so PostgreSQL needs only a new driver', () => {
    const src = join(import.meta.dirname, '..', '..', 'src');
    const offenders = (readdirSync(src, { recursive: true }) as string[])
      .filter((path) => /\.ts$/.test(path) && !path.endsWith('.test.ts') && path !== join('storage', 'sqlite.ts'))
      .filter((path) => /better-sqlite3|SqliteDialect/.test(readFileSync(join(src, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('database location', () => {
  it('prefers --db, then STARL_DB, then XDG_DATA_HOME, then ~/.local/share', () => {
    expect(resolveDatabasePath('/x/a.db', { STARL_DB: '/y/b.db' })).toBe('/x/a.db');
    expect(resolveDatabasePath(undefined, { STARL_DB: '/y/b.db', XDG_DATA_HOME: '/data' })).toBe('/y/b.db');
    expect(resolveDatabasePath(undefined, { XDG_DATA_HOME: '/data' })).toBe('/data/starl/starl.db');
    expect(defaultDatabasePath({}, '/home/ana')).toBe('/home/ana/.local/share/starl/starl.db');
  });

  it('ignores a relative XDG_DATA_HOME, as the XDG spec says', () => {
    expect(defaultDatabasePath({ XDG_DATA_HOME: 'data' }, '/home/ana')).toBe('/home/ana/.local/share/starl/starl.db');
  });
});

describe('opening', () => {
  it('creates the file and its directory, in WAL mode, with every migration applied once', async () => {
    const file = join(dir, 'nested', 'starl.db');
    await withStore(file, async () => undefined);
    await withStore(file, async () => undefined);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('select id from schema_migrations order by id').all()).toEqual(MIGRATIONS.map((m) => ({ id: m.id })));
    raw.close();
  });

  it('refuses a file that is not SQLite with a clear error and leaves it as it was', async () => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'these are my interview notes, not a database\n');
    const error = await openStore(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StarlError);
    expect((error as StarlError).code).toBe('E_STORAGE');
    expect((error as StarlError).describe()).toContain(`${file}: this file is not a Starl database`);
    expect(readFileSync(file, 'utf8')).toBe('these are my interview notes, not a database\n');
    expect(readdirSync(dir)).toEqual(['notes.db']);
  });

  it('refuses a directory', async () => {
    mkdirSync(join(dir, 'adir'));
    await expect(openStore(join(dir, 'adir'))).rejects.toThrow(/is a directory/);
  });

  it('refuses a database written by a newer schema', async () => {
    const file = join(dir, 'starl.db');
    await withStore(file, async () => undefined);
    const raw = new Database(file);
    raw.prepare("insert into schema_migrations values (99, 'future', '2030-01-01')").run();
    raw.close();
    await expect(openStore(file)).rejects.toThrow(/newer Starl \(schema 99/);
  });
});

describe('answers', () => {
  it('numbers retries and keeps every version; a follow-up shares its original attempt', async () => {
    await withStore(join(dir, 'starl.db'), async (store) => {
      const session = await store.createSession({
        companyId: null,
        role: 'nurse',
        field: 'healthcare',
        mode: 'interview',
        questions: [{ bankId: 'b1', questionType: 'behavioral', text: 'Tell me about a conflict.' }],
      });
      const base = { sessionId: session.id, position: 0, question: 'Tell me about a conflict.', seconds: 30 };
      const first = await store.saveAnswer({ ...base, answer: 'first', report: reportWith({ starl: 'miss' }) });
      const followUp = await store.saveAnswer({ ...base, answer: 'I called her.', followUpOf: first.id, report: reportWith({}) });
      const retry = await store.saveAnswer({ ...base, answer: 'second', report: reportWith({}) });
      expect([first.attempt, followUp.attempt, retry.attempt]).toEqual([1, 1, 2]);
      expect((await store.answersOf(session.id)).map((a) => a.answer)).toEqual(['first', 'I called her.', 'second']);
      expect(retry.report.reasons.starl.verdict).toBe('pass');
      const judged = await store.judgedAnswers();
      expect(judged.map((j) => j.verdicts.starl)).toEqual(['miss', 'pass', 'pass']);
    });
  });

  it('names an unknown session id', async () => {
    await withStore(join(dir, 'starl.db'), async (store) => {
      await expect(store.requireSession(42)).rejects.toThrow(/no practice session 42/);
    });
  });

  it('keeps reviews beside practice answers for progress', async () => {
    await withStore(join(dir, 'starl.db'), async (store) => {
      await store.saveReviews([
        { sourceFile: 'call.vtt', question: 'Why us?', answer: 'Pay.', report: reportWith({ specificReason: 'miss' }, 'motivation') },
      ]);
      const [judged] = await store.judgedAnswers();
      expect(judged).toMatchObject({ origin: 'review', questionType: 'motivation', verdicts: { specificReason: 'miss' } });
      expect((await store.listReviews())[0]?.sourceFile).toBe('call.vtt');
    });
  });
});

describe('crash safety and concurrency', () => {
  it('keeps every committed answer when the writing process is killed with SIGKILL', async () => {
    const file = join(dir, 'starl.db');
    await withStore(file, async () => undefined);
    const writer = startWriter(file, 0, 'killed');
    const committed: number[] = [];
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      writer.on('error', reject);
      writer.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        committed.push(...lines.map(Number));
        if (committed.length >= 40) {
          writer.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => writer.on('exit', resolve));
    expect(existsSync(file)).toBe(true);
    await withStore(file, async (store) => {
      const [session] = await store.listSessions();
      const saved = new Set((await store.answersOf(session!.id)).map((a) => a.id));
      for (const id of committed) expect(saved.has(id)).toBe(true);
    });
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });

  it('lets two processes write to one database at once without "database is locked"', async () => {
    const file = join(dir, 'starl.db');
    const run = (label: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = startWriter(file, 150, label);
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    // Both start on a file that does not exist yet, so they also race to create and migrate it.
    const results = await Promise.all([run('one'), run('two')]);
    for (const result of results) expect(result).toEqual({ code: 0, stderr: '' });
    await withStore(file, async (store) => {
      const answers = (await store.judgedAnswers()).map((a) => a.answer);
      expect(answers.filter((a) => a.startsWith('one')).length).toBe(150);
      expect(answers.filter((a) => a.startsWith('two')).length).toBe(150);
    });
  });
});
