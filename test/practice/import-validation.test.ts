import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { StarlError } from '../../src/core/errors.js';
import { exportAll, importAll, withStore, type ExportDocument } from '../../src/storage/index.js';
import { parseExport } from '../../src/server/export-file.js';
import { reportWith, tempDir } from './helpers.js';

const QUESTION = 'Tell me about a time you handled a conflict.';

let valid: ExportDocument;
let cleanup: () => void;

beforeAll(async () => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  valid = await withStore(join(dir, 'starl.db'), async (store) => {
    const company = await store.saveCompany({ name: 'Forkful' });
    await store.addFact(company.id, { kind: 'news', text: 'Forkful opened a depot in York.', source: 'BBC Leeds' });
    const session = await store.createSession({
      companyId: company.id,
      role: 'support engineer',
      field: null,
      mode: 'interview',
      questions: [
        { bankId: null, questionType: 'behavioral', text: QUESTION },
        { bankId: null, questionType: 'motivation', text: 'Why us?' },
      ],
    });
    const base = { sessionId: session.id, question: QUESTION, seconds: 10 };
    const first = await store.saveAnswer({ ...base, position: 0, answer: 'We sorted it.', report: analyze({ question: QUESTION, answer: 'We sorted it out together.' }) });
    await store.saveAnswer({ ...base, position: 0, followUpOf: first.id, answer: 'I called a meeting.', report: reportWith({}) });
    await store.saveAnswer({ ...base, position: 1, question: 'Why us?', answer: 'Your depot.', report: reportWith({}) });
    await store.saveStory({ title: 'The rota', text: 'text', competencies: ['conflict'], parts: [], sourceAnswerId: first.id });
    await store.saveReviews([{ sourceFile: 'call.vtt', question: 'Why us?', answer: 'Pay.', report: reportWith({}) }]);
    return exportAll(store);
  });
});
afterAll(() => cleanup());

/** A copy of the valid export with one change, as JSON text. */
function damaged(change: (doc: ExportDocument) => void): string {
  const doc = structuredClone(valid) as ExportDocument;
  change(doc);
  return JSON.stringify(doc, null, 2);
}

function refusal(source: string): StarlError {
  try {
    parseExport(source, 'mine.json');
  } catch (error) {
    if (error instanceof StarlError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('an import file is checked whole, before anything is written, naming the first bad record', () => {
  it('accepts an export as Starl writes it', () => {
    expect(parseExport(JSON.stringify(valid), 'mine.json').answers).toHaveLength(3);
  });

  it("keeps a review's transcript key and an uncertain verdict, and reads a file written before either", async () => {
    const key = 'a'.repeat(64);
    const current = parseExport(
      damaged((doc) => {
        doc.reviews[0]!.transcript_key = key;
        doc.reviews[0]!.report.reasons.memorable.uncertain = true;
      }),
      'mine.json',
    );
    expect(current.reviews[0]!.transcript_key).toBe(key);
    expect(current.reviews[0]!.report.reasons.memorable.uncertain).toBe(true);
    const { dir, cleanup: remove } = tempDir();
    try {
      // Imported with its key, the interview is still the one a later save of the same transcript replaces.
      await withStore(join(dir, 'starl.db'), async (store) => {
        await importAll(store, current);
        expect(await store.hasReviewOf(key)).toBe(true);
      });
    } finally {
      remove();
    }

    const older = parseExport(
      damaged((doc) => {
        delete (doc.reviews[0] as { transcript_key?: unknown }).transcript_key;
        delete (doc.reviews[0]!.report.reasons.memorable as { uncertain?: unknown }).uncertain;
      }),
      'mine.json',
    );
    expect(older.reviews[0]!.transcript_key).toBeNull();
    expect(older.reviews[0]!.report.reasons.memorable.uncertain).toBe(false);
  });

  it('keeps the client keys of rows written from the page, reads a file written before them, and drops a key another row holds', async () => {
    const keyed = parseExport(
      damaged((doc) => {
        doc.company_facts[0]!.client_id = 'fact-key-1';
        doc.sessions[0]!.client_id = 'session-key-1';
        doc.answers[0]!.client_id = 'answer-key-1';
        doc.stories[0]!.client_id = 'story-key-1';
      }),
      'mine.json',
    );
    const { dir, cleanup: remove } = tempDir();
    try {
      await withStore(join(dir, 'starl.db'), async (store) => {
        // A story already saved here under the same key, as another row: the imported one keeps its text, not the key.
        const mine = await store.saveStory({ title: 'Mine', text: 'text', competencies: [], parts: [], sourceAnswerId: null, clientId: 'story-key-1' });
        await importAll(store, keyed);
        const again = await exportAll(store);
        expect(again.company_facts[0]!.client_id).toBe('fact-key-1');
        expect(again.sessions[0]!.client_id).toBe('session-key-1');
        expect(again.answers[0]!.client_id).toBe('answer-key-1');
        expect(again.stories.map((story) => [story.title, story.client_id])).toEqual([[mine.title, 'story-key-1'], ['The rota', null]]);
        // The key still answers a repeat of the write that made the row.
        expect((await store.saveAnswer({ sessionId: again.sessions[0]!.id, position: 0, question: QUESTION, answer: 'Again.', seconds: 1, report: reportWith({}), clientId: 'answer-key-1' })).id).toBe(again.answers[0]!.id);
      });
    } finally {
      remove();
    }

    const older = parseExport(damaged((doc) => doc.answers.forEach((answer) => delete (answer as { client_id?: unknown }).client_id)), 'mine.json');
    expect(older.answers.map((answer) => answer.client_id)).toEqual([null, null, null]);
  });

  it.each<[string, (doc: ExportDocument) => void, string, RegExp]>([
    ['one client key twice', (doc) => (doc.answers[0]!.client_id = doc.answers[2]!.client_id = 'answer-key-1'), 'answers[2].client_id', /appears twice in answers/],
    ['a duplicate id', (doc) => doc.sessions.push({ ...doc.sessions[0]!, uid: 'another' }), 'sessions[1].id', /id 1 appears twice in sessions/],
    ['a duplicate uid', (doc) => (doc.answers[2]!.uid = doc.answers[0]!.uid), 'answers[2].uid', /appears twice in answers/],
    ['a follow-up cycle', (doc) => (doc.answers[0]!.follow_up_of = doc.answers[1]!.id), 'answers[0].follow_up_of', /not an earlier answer to the same question/],
    ['a dangling follow-up', (doc) => (doc.answers[1]!.follow_up_of = 99), 'answers[1].follow_up_of', /refers to answer 99/],
    ['a position past the end of the plan', (doc) => (doc.answers[2]!.position = 7), 'answers[2].position', /answers question 7, which session 1 does not have/],
    ['an unknown kind of fact', (doc) => ((doc.company_facts[0] as { kind: string }).kind = 'gossip'), 'company_facts[0].kind', /damaged/],
    ['a time that is no date', (doc) => (doc.sessions[0]!.started_at = '9999-99-99'), 'sessions[0].started_at', /damaged/],
    ['a report summary that is a number', (doc) => ((doc.answers[0]!.report.reasons.opportunity as { summary: unknown }).summary = 12345), 'answers[0].report.reasons.opportunity.summary', /damaged/],
    ['findings that are not a list', (doc) => ((doc.reviews[0]!.report as { findings: unknown }).findings = 'x'), 'reviews[0].report.findings', /damaged/],
    ['a company name over the limit', (doc) => (doc.companies[0]!.name = 'A'.repeat(10_000)), 'companies[0].name', /damaged/],
  ])('refuses %s', (_what, change, field, message) => {
    const error = refusal(damaged(change));
    expect(error.code).toBe('E_INPUT_BAD_FIELD');
    expect(error.where).toEqual({ file: 'mine.json', field });
    expect(error.message).toMatch(message);
  });
});
