import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { exportAll, importAll, withStore } from '../../src/storage/index.js';
import { parseExport } from '../../src/server/export-file.js';
import { registerExport } from '../../src/cli/commands/export.js';
import { registerImport } from '../../src/cli/commands/import.js';
import { StarlError } from '../../src/core/errors.js';
import { measureDelivery } from '../../src/delivery/index.js';
import { join as joinAudio, RATE, silence, tone } from '../support/audio.js';
import { runCli } from '../support/cli.js';
import { runCommand } from './inprocess.js';
import { forEachDatabase } from '../support/databases.js';
import { tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const QUESTION = 'Tell me about a time you handled a conflict.';
const FIRST = 'We had a conflict about the rota and it got sorted.';
const FOLLOW = 'I called both pickers into a meeting and proposed a new rota; complaints dropped by half.';
const RETRY =
  'At my last warehouse job two pickers kept clashing over the rota. I called them into a meeting and proposed a swap system. As a result, complaints dropped by half in a month.';

/** A database with one of everything: company and facts, a session with a follow-up and a retry, a story, a review. */
async function fill(file: string): Promise<void> {
  await withStore(file, async (store) => {
    const company = await store.saveCompany({
      name: 'Forkful',
      aliases: ['Forkful Ltd'],
      competitors: ['HelloFresh'],
      contextText: 'Forkful ships FreshBox meal kits from Leeds.',
      contextSource: 'posting.txt',
      terms: ['Forkful', 'FreshBox'],
    });
    await store.addFact(company.id, { kind: 'news', text: 'Forkful opened a depot in York.', source: 'BBC Leeds' });
    const session = await store.createSession({
      companyId: company.id,
      role: 'support engineer',
      field: 'support',
      mode: 'interview',
      questions: [{ bankId: 'beh-conflict-01', questionType: 'behavioral', text: QUESTION }],
    });
    const base = { sessionId: session.id, position: 0, question: QUESTION };
    const first = await store.saveAnswer({ ...base, answer: FIRST, seconds: 12.5, report: analyze({ question: QUESTION, answer: FIRST }) });
    const followUp = await store.saveAnswer({
      ...base,
      answer: FOLLOW,
      followUpOf: first.id,
      seconds: 9,
      report: analyze({ question: QUESTION, answer: `${FIRST}\n${FOLLOW}` }),
    });
    // The retry was spoken: it keeps how it was delivered.
    const measures = measureDelivery(joinAudio(silence(0.3), tone(0.5), silence(0.6), tone(0.5), silence(0.3)), RATE, { text: RETRY });
    const retry = await store.saveAnswer({ ...base, answer: RETRY, seconds: 40, report: analyze({ question: QUESTION, answer: RETRY }), delivery: { measures, starParts: null } });
    await store.finishSession(session.id);
    await store.saveStory({
      title: 'Rota swap',
      text: RETRY,
      competencies: ['conflict'],
      parts: retry.report.sentences.map((s) => ({ text: s.text, star: s.star ?? null })),
      sourceAnswerId: retry.id,
    });
    await store.saveReview({
      sourceFile: 'interview.vtt',
      question: 'Why Forkful?',
      answer: 'The pay is good.',
      report: analyze({ question: 'Why Forkful?', answer: 'The pay is good.' }),
      answeredAt: '2026-11-20T10:00:00.000Z',
    });
    expect(followUp.attempt).toBe(1);
  });
}

/** An export without its time stamp, to compare two databases' contents. */
function contents(json: string): unknown {
  const { exportedAt: _when, ...rest } = JSON.parse(json) as Record<string, unknown>;
  return rest;
}

describe('export and import', { timeout: 90_000 }, () => {
  it('round-trips everything through the command line, and a second import adds nothing', async () => {
    const source = join(dir, 'source.db');
    const target = join(dir, 'target.db');
    await fill(source);
    const exported = await runCli(['export', '--db', source]);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    writeFileSync(join(dir, 'all.json'), exported.stdout);

    const imported = await runCommand(registerImport, ['import', join(dir, 'all.json'), '--db', target]);
    expect(imported.error).toBeNull();
    expect(imported.stdout).toBe(
      'Imported: companies 1, company facts 1, sessions 1, session questions 1, answers 3, stories 1, reviews 1.\n',
    );
    const again = await runCommand(registerImport, ['import', join(dir, 'all.json'), '--db', target]);
    expect(again.stdout).toBe('Imported nothing new (8 rows already present).\n');

    const reexported = await withStore(target, (store) => exportAll(store));
    expect(contents(JSON.stringify(reexported))).toEqual(contents(exported.stdout));
    // The spoken retry's delivery came across with it; the typed answers have none.
    expect(reexported.answers.map((answer) => answer.delivery?.measures.pauses.count ?? null)).toEqual([null, null, 1]);
  });

  it('names what a file refers to but does not contain, before writing anything', () => {
    const document = {
      format: 'starl-export',
      version: 1,
      exportedAt: '2026-11-27T10:00:00.000Z',
      companies: [],
      company_facts: [],
      sessions: [],
      session_questions: [{ id: 1, session_id: 7, position: 0, bank_id: null, question_type: 'opener', text: 'Hi?' }],
      answers: [],
      stories: [],
      reviews: [],
    };
    expect(() => parseExport(JSON.stringify(document), 'x.json')).toThrow(/refers to session 7 it does not contain/);
    expect(() => parseExport('{"format": "something-else"}', 'x.json')).toThrow(/not a Starl export/);
  });

  it('names the last line of a file that stops short, where JSON gives no position', () => {
    let error: unknown;
    try {
      parseExport('{\n  "format": "starl-export",\n  "companies": [\n', 'short.json');
    } catch (e) {
      error = e;
    }
    expect((error as StarlError).describe()).toMatch(/^short\.json:3: not a valid JSON file: .*\[E_INPUT_BAD_JSON\]$/);
  });

  it('writes the export to a file with --out', async () => {
    const source = join(dir, 'source.db');
    await fill(source);
    const out = join(dir, 'mine.json');
    const result = await runCommand(registerExport, ['export', '--out', out, '--db', source]);
    expect(result.stdout).toBe(`Exported 1 session, 3 answers, 1 story, 1 company, 1 review to ${out}\n`);
    expect(parseExport(readFileSync(out, 'utf8'), out).answers.map((a) => a.answer)).toEqual([FIRST, FOLLOW, RETRY]);
  });
});

forEachDatabase((database) => {
  describe('importing into this database', { timeout: 90_000 }, () => {
    it('merges into a database that already knows the company, renumbering ids', async () => {
      const source = join(dir, 'source.db');
      await fill(source);
      const document = await withStore(source, (store) => exportAll(store));
      await withStore(database.choice, async (store) => {
        const known = await store.saveCompany({ name: 'FORKFUL', competitors: ['Gousto'] });
        await store.addFact(known.id, { kind: 'team', text: 'Support has 12 agents.', source: 'recruiter' });
        await store.createSession({ companyId: null, role: null, field: null, mode: 'drill', questions: [] });
        await importAll(store, document);
        const [company] = await store.listCompanies();
        expect(company).toMatchObject({ name: 'FORKFUL', competitors: ['Gousto', 'HelloFresh'], aliases: ['Forkful Ltd'] });
        expect((await store.factsOf(company!.id)).map((f) => f.kind)).toEqual(['team', 'news']);
        const imported = (await store.listSessions()).find((s) => s.role === 'support engineer')!;
        expect(imported.id).toBe(2);
        const answers = await store.answersOf(imported.id);
        expect(answers[1]!.followUpOf).toBe(answers[0]!.id);
        expect((await store.listStories())[0]!.sourceAnswerId).toBe(answers[2]!.id);
      });
    });

    it('refuses a damaged file with its line, exit 2, and leaves the database as it was', async () => {
      const target = join(dir, 'target.db');
      await fill(target);
      const document = await withStore(target, (store) => exportAll(store));
      await withStore(database.choice, (store) => importAll(store, document));
      const before = await withStore(database.choice, (store) => exportAll(store));
      const good = JSON.stringify(before, null, 2);

      const truncated = join(dir, 'truncated.json');
      writeFileSync(truncated, good.slice(0, good.length / 2));
      const cut = await runCli(['import', truncated, ...database.args]);
      expect(cut.code).toBe(2);
      expect(cut.stderr).toMatch(new RegExp(`^starl: ${truncated}:\\d+: not a valid JSON file: .* \\[E_INPUT_BAD_JSON\\]\\n$`));

      const wrongField = join(dir, 'wrong.json');
      const damaged = JSON.parse(good) as { answers: { seconds: unknown }[] };
      damaged.answers[1]!.seconds = 'nine';
      writeFileSync(wrongField, JSON.stringify(damaged));
      const wrong = await runCommand(registerImport, ['import', wrongField, ...database.args]);
      expect((wrong.error as StarlError).describe()).toBe(
        `${wrongField}: the export file is damaged: the time taken must be a number (answers[1].seconds) [E_INPUT_BAD_FIELD]`,
      );

      const after = await withStore(database.choice, (store) => exportAll(store));
      expect(contents(JSON.stringify(after))).toEqual(contents(good));
    });
  });

  describe('moving data between SQLite and this database through the command line', { timeout: 120_000 }, () => {
    it('exports from an SQLite file, imports here, exports from here and imports into a new file, losing nothing', async () => {
      const source = join(dir, 'source.db');
      await fill(source);
      const fromFile = await runCli(['export', '--db', source]);
      expect(fromFile).toMatchObject({ code: 0, stderr: '' });
      writeFileSync(join(dir, 'from-file.json'), fromFile.stdout);

      const imported = await runCli(['import', join(dir, 'from-file.json'), ...database.args]);
      expect(imported).toMatchObject({ code: 0, stderr: '' });
      expect(imported.stdout).toBe('Imported: companies 1, company facts 1, sessions 1, session questions 1, answers 3, stories 1, reviews 1.\n');
      const fromHere = await runCli(['export', ...database.args]);
      expect(fromHere).toMatchObject({ code: 0, stderr: '' });
      expect(contents(fromHere.stdout)).toEqual(contents(fromFile.stdout));

      writeFileSync(join(dir, 'from-here.json'), fromHere.stdout);
      const back = join(dir, 'back.db');
      const importedBack = await runCommand(registerImport, ['import', join(dir, 'from-here.json'), '--db', back]);
      expect(importedBack.error).toBeNull();
      const reexported = await withStore(back, (store) => exportAll(store));
      expect(contents(JSON.stringify(reexported))).toEqual(contents(fromFile.stdout));
    });
  });
});
