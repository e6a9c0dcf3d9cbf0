import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store, exportAll, importAll } from '../../src/storage/index.js';
import { MIGRATIONS, migrate } from '../../src/storage/migrations.js';
import { openSqliteDriver } from '../../src/storage/sqlite.js';
import { reportWith, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const NOW = () => new Date('2026-03-02T10:00:00.000Z');

/** Adds a user row directly, as the accounts code would, and returns its id. */
function addUser(file: string, email: string): number {
  const raw = new Database(file);
  const id = Number(raw.prepare("insert into users (email, name, role, password_hash, created_at) values (?, ?, 'candidate', 'x', '2026-03-01')").run(email, email).lastInsertRowid);
  raw.close();
  return id;
}

/** One of everything a candidate keeps, saved through `store`. */
async function fillStore(store: Store, label: string) {
  const company = await store.saveCompany({ name: 'Fernway', aliases: [`${label} alias`] });
  const fact = await store.addFact(company.id, { kind: 'product', text: `${label} fact`, source: '', clientId: 'fact-key' });
  const session = await store.createSession({ companyId: company.id, role: null, field: null, mode: 'drill', questions: [{ bankId: null, questionType: 'behavioral', text: 'Tell me about a time.' }], clientId: 'session-key' });
  const answer = await store.saveAnswer({ sessionId: session.id, position: 0, question: 'Tell me about a time.', answer: `${label} answer`, seconds: 30, report: reportWith({}), clientId: 'answer-key' });
  const story = await store.saveStory({ title: `${label} story`, text: 'I did it.', competencies: [], parts: [], sourceAnswerId: answer.id, clientId: 'story-key' });
  const [review] = await store.saveReviews([{ sourceFile: `${label}.vtt`, question: 'Why us?', answer: 'Pay.', report: reportWith({}) }], `${label}-transcript`);
  return { company, fact, session, answer, story, review: review! };
}

describe('migration 7 on a database written by migrations 1 to 6', () => {
  it('keeps every row and every link, gives them the single-user owner, and makes names unique per owner', async () => {
    const file = join(dir, 'starl.db');
    const old = openSqliteDriver(file);
    await migrate(old, NOW, MIGRATIONS.filter((migration) => migration.id <= 6));
    const raw = new Database(file);
    raw.exec(`
      insert into companies (id, name, name_key, aliases, competitors, context_text, context_source, terms, created_at, updated_at)
        values (4, 'Fernway', 'fernway', '["Fern"]', '[]', 'Routes for fleets', 'pasted', '["routes"]', '2026-01-01', '2026-01-02');
      insert into company_facts (uid, company_id, kind, text, source, created_at, client_id) values ('f1', 4, 'product', 'Routes', '', '2026-01-01', 'k1');
      insert into sessions (id, uid, company_id, mode, status, started_at, client_id) values (9, 's9', 4, 'drill', 'active', '2026-01-01', 'k2');
      insert into session_questions (session_id, position, question_type, text) values (9, 0, 'behavioral', 'Tell me.');
      insert into answers (id, uid, session_id, position, attempt, question, answer, seconds, report, created_at, question_type, opportunity, memorable, specific_reason, starl)
        values (12, 'a12', 9, 0, 1, 'Tell me.', 'I did.', 10, '{}', '2026-01-01', 'behavioral', 'pass', 'pass', 'n/a', 'miss');
      insert into recordings (answer_id, media_type, seconds, bytes, data, created_at) values (12, 'audio/webm', 3, 2, x'1a45', '2026-01-01');
      insert into stories (uid, title, text, competencies, parts, source_answer_id, created_at) values ('st1', 'Rota', 'I did.', '[]', '[]', 12, '2026-01-01');
    `);
    const before = raw.prepare('select * from companies').all();
    raw.close();
    await old.close();

    const store = await Store.open(openSqliteDriver(file), NOW);
    try {
      const check = new Database(file);
      expect(check.prepare('select id from schema_migrations order by id').all()).toEqual(MIGRATIONS.map((m) => ({ id: m.id })));
      expect(check.pragma('foreign_key_check')).toEqual([]);
      expect(check.pragma('foreign_keys', { simple: true })).toBe(1);
      const after = check.prepare('select * from companies').all() as Record<string, unknown>[];
      expect(after).toEqual((before as Record<string, unknown>[]).map((row) => ({ ...row, owner_id: null })));
      for (const table of ['company_facts', 'sessions', 'session_questions', 'answers', 'recordings', 'stories']) {
        expect(check.prepare(`select count(*) as n, count(owner_id) as owned from ${table}`).get(), table).toEqual({ n: 1, owned: 0 });
      }
      check.close();
      // The single-user owner sees all of it, linked as before.
      expect((await store.requireCompanyById(4)).aliases).toEqual(['Fern']);
      expect((await store.factsOf(4)).map((fact) => fact.text)).toEqual(['Routes']);
      expect((await store.requireSession(9)).companyId).toBe(4);
      expect((await store.recordingOf(12))?.bytes).toBe(2);
      expect((await store.listStories())[0]?.sourceAnswerId).toBe(12);
      // A second company called Fernway is still refused for the same owner.
      const raw2 = new Database(file);
      expect(() => raw2.prepare("insert into companies (name, name_key, aliases, competitors, terms, created_at, updated_at) values ('FERNWAY', 'fernway', '[]', '[]', '[]', 'x', 'x')").run()).toThrow(/UNIQUE/);
      raw2.close();
      // Ids go on from where they were: the rebuilt tables kept their sequences.
      expect((await store.saveCompany({ name: 'Ashdown' })).id).toBe(5);
      expect((await store.createSession({ companyId: null, role: null, field: null, mode: 'drill', questions: [] })).id).toBe(10);
    } finally {
      await store.close();
    }
  });
});

describe('an owner scope', () => {
  it('confines every read, change and delete to its owner, and lets owners reuse names and client keys', async () => {
    const file = join(dir, 'starl.db');
    const store = await Store.open(openSqliteDriver(file), NOW);
    try {
      const ana = store.forUser(addUser(file, 'ana@example.org'));
      const ben = store.forUser(addUser(file, 'ben@example.org'));
      const anas = await fillStore(ana, 'ana');
      const bens = await fillStore(ben, 'ben');
      // The same company name and the same client keys, each owner's own rows.
      expect(bens.company.id).not.toBe(anas.company.id);
      expect(bens.answer.id).not.toBe(anas.answer.id);

      expect((await ana.listCompanies()).map((c) => c.aliases)).toEqual([['ana alias']]);
      expect((await ana.listSessions()).map((s) => s.id)).toEqual([anas.session.id]);
      expect((await ana.listStories()).map((s) => s.title)).toEqual(['ana story']);
      expect((await ana.listReviews()).map((r) => r.sourceFile)).toEqual(['ana.vtt']);
      expect((await ana.judgedAnswers()).map((j) => j.answer).sort()).toEqual(['Pay.', 'ana answer']);
      expect(await store.listCompanies()).toEqual([]);

      await expect(ana.requireCompanyById(bens.company.id)).rejects.toThrow(/no company/);
      await expect(ana.requireAnswer(bens.answer.id)).rejects.toThrow(/no saved answer/);
      await expect(ana.requireSession(bens.session.id)).rejects.toThrow(/no practice session/);
      await expect(ana.deleteCompany(bens.company.id)).rejects.toThrow(/no company/);
      await expect(ana.deleteSession(bens.session.id)).rejects.toThrow(/no practice session/);
      await expect(ana.deleteStory(bens.story.id)).rejects.toThrow(/no story/);
      await expect(ana.addFact(bens.company.id, { kind: 'x', text: 'y', source: '' })).rejects.toThrow(/no company/);
      await expect(ana.saveAnswer({ sessionId: bens.session.id, position: 0, question: 'q', answer: 'a', seconds: 1, report: reportWith({}) })).rejects.toThrow(/no practice session/);
      await expect(ana.saveRecording(bens.answer.id, { mediaType: 'audio/webm', seconds: 1, data: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0, 0, 0]) })).rejects.toThrow();
      await ana.saveReviews([], 'ben-transcript');
      expect(await ana.recordingOf(bens.answer.id)).toBeNull();

      // Ben's data is all still there.
      expect(await ben.listCompanies()).toHaveLength(1);
      expect(await ben.listReviews()).toHaveLength(1);
      expect((await ben.answersOf(bens.session.id)).map((a) => a.answer)).toEqual(['ben answer']);
    } finally {
      await store.close();
    }
  });

  it('lets two owners import the same export file, each once, the ids renumbered and the uids kept per owner', async () => {
    const file = join(dir, 'starl.db');
    const store = await Store.open(openSqliteDriver(file), NOW);
    try {
      await fillStore(store, 'personal');
      const document = await exportAll(store);
      const ana = store.forUser(addUser(file, 'ana@example.org'));
      const ben = store.forUser(addUser(file, 'ben@example.org'));
      expect((await importAll(ana, document)).added).toMatchObject({ companies: 1, sessions: 1, answers: 1, stories: 1, reviews: 1 });
      expect((await importAll(ben, document)).added).toMatchObject({ companies: 1, sessions: 1, answers: 1, stories: 1, reviews: 1 });
      expect((await importAll(ana, document)).added).toEqual({});
      const bens = await exportAll(ben);
      expect(bens.answers.map((answer) => answer.uid)).toEqual(document.answers.map((answer) => answer.uid));
      expect(bens.answers[0]!.id).not.toBe(document.answers[0]!.id);
      expect(await store.listCompanies()).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('is the only way the storage code reaches the whole database', () => {
    // Reaching across owners is the accounts code's job; everything else goes through a scoped store.
    const src = join(import.meta.dirname, '..', '..', 'src');
    const users = (readdirSync(src, { recursive: true }) as string[])
      .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts'))
      .filter((path) => /unscopedDriver\(/.test(readFileSync(join(src, path), 'utf8')));
    expect(users.sort()).toEqual([join('accounts', 'accounts.ts'), join('storage', 'store.ts')]);
  });
});
