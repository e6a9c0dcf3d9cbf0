import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Accounts } from '../../src/accounts/accounts.js';
import { StarlError } from '../../src/core/errors.js';
import { chooseDatabase, defaultDatabasePath, openStore, resolveDatabasePath, withStore, type Store } from '../../src/storage/index.js';
import { forEachDatabase } from '../support/databases.js';
import { appliedMigrations, MIGRATIONS } from '../../src/storage/migrations.js';
import { reportWith, tempDir } from './helpers.js';

const WRITER = join(import.meta.dirname, 'fixtures', 'writer.ts');

/** Runs the writer fixture in its own Node process. */
function startWriter(file: string, count: number, label: string) {
  return spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(count), label], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Accounts to own data, made as `starl admin create` makes them. */
async function createUsers(store: Store, names: readonly string[]) {
  const accounts = new Accounts(store);
  return Promise.all(names.map((name) => accounts.createUser({ email: `${name}@example.org`, name, role: 'candidate', password: 'a long enough password' })));
}

/**
 * Writes waiting for an advisory lock of this test's schema: Starl's lock (two numbers, the second the
 * schema's hash) or an account's (one 64-bit key whose upper half is the schema's hash), so that
 * other tests' databases on the same server do not count.
 */
async function waitingAdvisoryLocks(store: Store): Promise<number> {
  const db = store.unscopedDriver().db;
  const { rows: schema } = await sql<{ hash: number }>`select hashtext(current_schema()) as hash`.execute(db);
  const hash = schema[0]!.hash >>> 0;
  const { rows } = await sql<{ classid: number; objid: number; objsubid: number }>`select classid, objid, objsubid from pg_locks where locktype = 'advisory' and not granted`.execute(db);
  return rows.filter((lock) => (lock.objsubid === 2 ? lock.objid === hash : lock.classid === hash)).length;
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('dialect boundary', () => {
  const src = join(import.meta.dirname, '..', '..', 'src');
  const sources = (readdirSync(src, { recursive: true }) as string[]).filter((path) => /\.ts$/.test(path) && !path.endsWith('.test.ts'));
  const mentioning = (pattern: RegExp) => sources.filter((path) => pattern.test(readFileSync(join(src, path), 'utf8')));

  it('keeps each dialect in one file, so a new database needs only a new driver', () => {
    expect(mentioning(/better-sqlite3|SqliteDialect/)).toEqual([join('storage', 'sqlite.ts')]);
    expect(mentioning(/from 'pg'|PostgresDialect/)).toEqual([join('storage', 'postgres.ts')]);
  });
});

describe('database location', () => {
  it('prefers --db, then STARL_DB, then XDG_DATA_HOME, then ~/.local/share', () => {
    expect(resolveDatabasePath('/x/a.db', { STARL_DB: '/y/b.db' })).toBe('/x/a.db');
    expect(resolveDatabasePath(undefined, { STARL_DB: '/y/b.db', XDG_DATA_HOME: '/data' })).toBe('/y/b.db');
    expect(resolveDatabasePath(undefined, { XDG_DATA_HOME: '/data' })).toBe('/data/starl/starl.db');
    expect(defaultDatabasePath({}, '/home/ana')).toBe('/home/ana/.local/share/starl/starl.db');
  });

  it('opens PostgreSQL for --database-url, else --db, else STARL_DATABASE_URL, and refuses both options at once', () => {
    const url = 'postgres://starl@db.example/starl';
    expect(chooseDatabase({ databaseUrl: url }, { STARL_DB: '/y/b.db' })).toEqual({ kind: 'postgres', url });
    expect(chooseDatabase({ db: '/x/a.db' }, { STARL_DATABASE_URL: url })).toEqual({ kind: 'sqlite', path: '/x/a.db' });
    expect(chooseDatabase({}, { STARL_DATABASE_URL: url, STARL_DB: '/y/b.db' })).toEqual({ kind: 'postgres', url });
    expect(chooseDatabase({}, { STARL_DB: '/y/b.db' })).toEqual({ kind: 'sqlite', path: '/y/b.db' });
    expect(() => chooseDatabase({ db: '/x/a.db', databaseUrl: url }, {})).toThrow(/--db and --database-url both name a database; give only one/);
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
});

forEachDatabase((database) => {
  /** What the writer fixture is given for this test's database: the SQLite file or the PostgreSQL URL. */
  const target = () => database.args[1]!;

  describe('opening', () => {
    it('applies every migration once, however often it is opened', async () => {
      const first = await database.open();
      expect(first.migrated).toEqual(MIGRATIONS.map((m) => m.id));
      await first.close();
      const again = await database.open();
      expect(again.migrated).toEqual([]);
      expect(await appliedMigrations(again.driver.db)).toEqual(MIGRATIONS.map((m) => m.id));
      await again.close();
    });

    it('refuses a database written by a newer schema', async () => {
      const store = await database.open();
      await store.driver.db.insertInto('schema_migrations').values({ id: 99, name: 'future', applied_at: '2030-01-01' }).execute();
      await store.close();
      await expect(database.open()).rejects.toThrow(/newer Starl \(schema 99/);
    });
  });

  describe('answers', () => {
    it('numbers retries and keeps every version; a follow-up shares its original attempt', async () => {
      await withStore(database.choice, async (store) => {
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
      await withStore(database.choice, async (store) => {
        await expect(store.requireSession(42)).rejects.toThrow(/no practice session 42/);
      });
    });

    it('keeps reviews beside practice answers for progress', async () => {
      await withStore(database.choice, async (store) => {
        await store.saveReviews([
          { sourceFile: 'call.vtt', question: 'Why us?', answer: 'Pay.', report: reportWith({ specificReason: 'miss' }, 'motivation') },
        ]);
        const [judged] = await store.judgedAnswers();
        expect(judged).toMatchObject({ origin: 'review', questionType: 'motivation', verdicts: { specificReason: 'miss' } });
        expect((await store.listReviews())[0]?.sourceFile).toBe('call.vtt');
      });
    });
  });

  describe('values', () => {
    it('keeps fractional seconds and scores, and recordings, exactly as they were written', async () => {
      await withStore(database.choice, async (store) => {
        const session = await store.createSession({ companyId: null, role: null, field: null, mode: 'drill', questions: [{ bankId: null, questionType: 'behavioral', text: 'Q?' }] });
        const report = reportWith({});
        report.reasons.opportunity.score = 0.1 + 0.2;
        const saved = await store.saveAnswer({ sessionId: session.id, position: 0, question: 'Q?', answer: 'A.', seconds: 12.345678901, report });
        const [read] = await store.answersOf(session.id);
        expect(read?.seconds).toBe(12.345678901);
        const [judged] = await store.judgedAnswers();
        expect(judged?.verdicts.opportunity).toBe('pass');
        const scores = await store.driver.db.selectFrom('answers').select('opportunity_score').executeTakeFirstOrThrow();
        expect(scores.opportunity_score).toBe(0.1 + 0.2);
        // Every byte value, in a WebM's header so that it is taken as a recording.
        const data = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...Array.from({ length: 256 }, (_, i) => i)]);
        await store.saveRecording(saved.id, { mediaType: 'audio/webm;codecs=opus', seconds: 2.75, data });
        const recording = await store.recordingOf(saved.id);
        expect(recording?.seconds).toBe(2.75);
        expect(recording?.bytes).toBe(data.byteLength);
        expect(new Uint8Array(recording!.data)).toEqual(data);
      });
    });
  });

  describe.runIf(database.dialect === 'postgres')('text PostgreSQL cannot keep', () => {
    it('refuses a NUL character with E_INPUT_BINARY, saving nothing', async () => {
      await withStore(database.choice, async (store) => {
        const error = await store.saveCompany({ name: 'Fernway', contextText: 'We ship\u0000 kits.' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StarlError);
        expect((error as StarlError).describe()).toBe('the text contains a NUL character (U+0000), which this database cannot keep; nothing was saved [E_INPUT_BINARY]');
        expect(await store.listCompanies()).toEqual([]);
      });
    });
  });

  describe('crash safety and concurrency', () => {
    it('keeps every committed answer when the writing process is killed with SIGKILL', async () => {
      await withStore(database.choice, async () => undefined);
      const writer = startWriter(target(), 0, 'killed');
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
      await withStore(database.choice, async (store) => {
        const [session] = await store.listSessions();
        const saved = new Set((await store.answersOf(session!.id)).map((a) => a.id));
        for (const id of committed) expect(saved.has(id)).toBe(true);
      });
      if (database.dialect === 'sqlite') {
        const raw = new Database(database.choice.db!, { readonly: true });
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        raw.close();
      }
    });

    it('saves a write sent many times at once with one client key exactly once, for the single user and for each account', async () => {
      await withStore(database.choice, async (store) => {
        const [ana] = await createUsers(store, ['ana']);
        for (const writer of [store, store.forUser(ana!.id)]) {
          const session = await writer.createSession({ companyId: null, role: null, field: null, mode: 'drill', questions: [{ bankId: null, questionType: 'behavioral', text: 'Q?' }] });
          const send = () => writer.saveAnswer({ sessionId: session.id, position: 0, question: 'Q?', answer: 'A.', seconds: 3, report: reportWith({}), clientId: 'same-key' });
          const saved = await Promise.all(Array.from({ length: 12 }, send));
          expect(new Set(saved.map((answer) => answer.id)).size).toBe(1);
          expect(await writer.answersOf(session.id)).toHaveLength(1);
          const stories = await Promise.all(
            Array.from({ length: 12 }, () => writer.saveStory({ title: 'Rota', text: 'I swapped shifts.', competencies: [], parts: [], sourceAnswerId: null, clientId: 'story-key' })),
          );
          expect(new Set(stories.map((story) => story.id)).size).toBe(1);
          expect(await writer.listStories()).toHaveLength(1);
        }
      });
    });

    it.runIf(database.dialect === 'postgres')('runs one account\'s writes one at a time and another account\'s beside them', async () => {
      await withStore(database.choice, async (store) => {
        const [ana, ben] = await createUsers(store, ['ana', 'ben']);
        const anas = store.forUser(ana!.id);
        const drill = { companyId: null, role: null, field: null, mode: 'drill' as const, questions: [] };
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let holding!: () => void;
        const held = new Promise<void>((resolve) => (holding = resolve));
        const order: string[] = [];
        const first = anas.driver.writeTransaction(async () => {
          holding();
          await released;
          order.push('ana first');
        });
        await held;
        // Ben's write would wait forever (and the test time out) if it queued behind Ana's.
        await store.forUser(ben!.id).createSession(drill);
        order.push('ben');
        const second = anas.createSession(drill).then(() => order.push('ana second'));
        await expect.poll(() => waitingAdvisoryLocks(store)).toBe(1);
        // Nor may the single user's write, or a migration's, run beside any account's.
        const single = store.createSession(drill).then(() => order.push('single'));
        await expect.poll(() => waitingAdvisoryLocks(store)).toBe(2);
        release();
        await Promise.all([first, second, single]);
        expect(order.slice(0, 2)).toEqual(['ben', 'ana first']);
        expect(order.slice(2).sort()).toEqual(['ana second', 'single']);
      });
    });

    it('lets two processes write to one database at once without "database is locked"', async () => {
      const run = (label: string) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = startWriter(target(), 150, label);
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('exit', (code) => resolve({ code, stderr }));
        });
      // Both start on a database that does not exist yet (an empty schema), so they also race to create and migrate it.
      const results = await Promise.all([run('one'), run('two')]);
      for (const result of results) expect(result).toEqual({ code: 0, stderr: '' });
      await withStore(database.choice, async (store) => {
        const answers = (await store.judgedAnswers()).map((a) => a.answer);
        expect(answers.filter((a) => a.startsWith('one')).length).toBe(150);
        expect(answers.filter((a) => a.startsWith('two')).length).toBe(150);
      });
    });
  });
});
