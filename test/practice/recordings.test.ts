import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StarlError } from '../../src/core/errors.js';
import { MAX_RECORDING_BYTES } from '../../src/recording/index.js';
import { exportAll, importAll, withStore, type ExportDocument, type Store } from '../../src/storage/index.js';
import { appliedMigrations, MIGRATIONS, migrate } from '../../src/storage/migrations.js';
import { parseExport } from '../../src/server/export-file.js';
import { registerExport } from '../../src/cli/commands/export.js';
import { registerImport } from '../../src/cli/commands/import.js';
import { registerAnswers } from '../../src/cli/commands/answers.js';
import { fakeWebm } from '../support/recording-bytes.js';
import { reportWith, tempDir } from './helpers.js';
import { runCommand } from './inprocess.js';
import { forEachDatabase } from '../support/databases.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const QUESTION = 'Tell me about a time you fixed a process.';
const WEBM = 'audio/webm;codecs=opus';

/** A session with an answer, its follow-up and a retry to one question. */
async function answered(store: Store) {
  const session = await store.createSession({
    companyId: null,
    role: null,
    field: null,
    mode: 'drill',
    questions: [{ bankId: null, questionType: 'behavioral', text: QUESTION }],
  });
  const base = { sessionId: session.id, position: 0, question: QUESTION, seconds: 40, report: reportWith({}) };
  const first = await store.saveAnswer({ ...base, answer: 'first try' });
  const followUp = await store.saveAnswer({ ...base, answer: 'the follow-up', followUpOf: first.id });
  const retry = await store.saveAnswer({ ...base, answer: 'second try' });
  return { session, first, followUp, retry };
}

forEachDatabase((database) => {
  describe('keeping recordings', () => {
    it('keeps a recording with its answer, byte for byte, and lists it without its audio', async () => {
      await withStore(database.choice, async (store) => {
        const { session, first, retry } = await answered(store);
        const audio = fakeWebm(48_000);
        const info = await store.saveRecording(first.id, { mediaType: WEBM, seconds: 12.5, data: audio });
        expect(info).toEqual({ answerId: first.id, mediaType: WEBM, seconds: 12.5, bytes: 48_000, createdAt: expect.any(String) });
        const kept = await store.recordingOf(first.id);
        expect(kept).toMatchObject(info);
        expect(Buffer.compare(kept!.data, audio)).toBe(0);
        expect(await store.recordingOf(retry.id)).toBeNull();
        expect(await store.recordingsOf(session.id)).toEqual([info]);
        expect(await store.recordingsOf(session.id + 1)).toEqual([]);
      });
    });

    it('replaces the recording an answer had', async () => {
      await withStore(database.choice, async (store) => {
        const { session, first } = await answered(store);
        await store.saveRecording(first.id, { mediaType: WEBM, seconds: 5, data: fakeWebm(1000, 1) });
        await store.saveRecording(first.id, { mediaType: 'audio/webm', seconds: 6, data: fakeWebm(2000, 2) });
        expect(await store.recordingsOf(session.id)).toEqual([expect.objectContaining({ mediaType: 'audio/webm', seconds: 6, bytes: 2000 })]);
        expect(Buffer.compare((await store.recordingOf(first.id))!.data, fakeWebm(2000, 2))).toBe(0);
      });
    });

    it('refuses, writing nothing, a recording over the limit, of another type, not audio, or for no answer', async () => {
      await withStore(database.choice, async (store) => {
        const { first } = await answered(store);
        await store.saveRecording(first.id, { mediaType: WEBM, seconds: 5, data: fakeWebm(1000) });
        const refused = (input: Parameters<Store['saveRecording']>[1], answerId = first.id) => store.saveRecording(answerId, input).then(() => null, (error: unknown) => error as StarlError);
        const tooLarge = await refused({ mediaType: WEBM, seconds: 500, data: fakeWebm(MAX_RECORDING_BYTES + 1) });
        expect(tooLarge?.code).toBe('E_INPUT_TOO_LONG');
        expect(tooLarge?.message).toBe('the recording is 10 MB; Starl keeps recordings up to 10 MB and 10 minutes');
        expect((await refused({ mediaType: 'audio/wav', seconds: 5, data: fakeWebm(100) }))?.message).toMatch(/^a recording must be audio\/webm, audio\/ogg, audio\/mp4, not "audio\/wav"$/);
        expect((await refused({ mediaType: 'audio/ogg', seconds: 5, data: fakeWebm(100) }))?.message).toBe('the recording was sent as audio/ogg but its bytes are audio/webm');
        expect((await refused({ mediaType: WEBM, seconds: 5, data: new TextEncoder().encode('<html>not audio</html>') }))?.message).toMatch(/its bytes are not audio/);
        expect((await refused({ mediaType: WEBM, seconds: 5, data: fakeWebm(100) }, 999))?.message).toBe('no saved answer 999');
        // The recording kept before is still there, unchanged.
        expect((await store.recordingOf(first.id))?.bytes).toBe(1000);
      });
    });

    it('takes a recording just under the limit', async () => {
      await withStore(database.choice, async (store) => {
        const { first } = await answered(store);
        expect((await store.saveRecording(first.id, { mediaType: WEBM, seconds: 600, data: fakeWebm(MAX_RECORDING_BYTES) })).bytes).toBe(MAX_RECORDING_BYTES);
      });
    });

    it('deletes a recording alone, keeping the answer', async () => {
      await withStore(database.choice, async (store) => {
        const { first } = await answered(store);
        await store.saveRecording(first.id, { mediaType: WEBM, seconds: 5, data: fakeWebm(100) });
        await store.deleteRecording(first.id);
        expect(await store.recordingOf(first.id)).toBeNull();
        expect((await store.requireAnswer(first.id)).answer).toBe('first try');
        await expect(store.deleteRecording(first.id)).rejects.toThrow(`answer ${first.id} has no recording`);
      });
    });

    it('deletes the recordings with their answer and its follow-up, and with their session', async () => {
      await withStore(database.choice, async (store) => {
        const { session, first, followUp, retry } = await answered(store);
        for (const answer of [first, followUp, retry]) await store.saveRecording(answer.id, { mediaType: WEBM, seconds: 5, data: fakeWebm(100, answer.id) });
        expect(await store.deleteAnswer(first.id)).toEqual({ answers: 2, recordings: 2 });
        expect((await store.recordingsOf(session.id)).map((r) => r.answerId)).toEqual([retry.id]);
        expect(await store.deleteSession(session.id)).toEqual({ answers: 1, recordings: 1 });
        const left = await store.driver.db.selectFrom('recordings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(left).toEqual({ n: 0 });
      });
    });

    // `starl answers` works on a file only: with PostgreSQL, answers belong to accounts in the web app.
    it.runIf(database.dialect === 'sqlite')('says on the command line that a deleted answer took its recordings with it', async () => {
      const first = await withStore(database.choice, async (store) => {
        const { first, followUp } = await answered(store);
        await store.saveRecording(first.id, { mediaType: WEBM, seconds: 5, data: fakeWebm(100) });
        await store.saveRecording(followUp.id, { mediaType: WEBM, seconds: 5, data: fakeWebm(100) });
        return first;
      });
      const deleted = await runCommand(registerAnswers, ['answers', 'delete', String(first.id), '--yes', '--db', database.choice.db!]);
      expect(deleted.stdout).toBe('Deleted 2 answers and 2 recordings from session 1.\n');
    });

    it('adds the recordings table to a database made before it, keeping what it holds', async () => {
      const driver = await database.driver();
      const recordings = MIGRATIONS.find((m) => m.name === 'recordings of spoken answers')!.id;
      await migrate(driver, () => new Date(), MIGRATIONS.filter((m) => m.id < recordings));
      await driver.close();
      await withStore(database.choice, async (store) => {
        const { first } = await answered(store);
        await store.saveRecording(first.id, { mediaType: WEBM, seconds: 5, data: fakeWebm(100) });
        expect(await appliedMigrations(store.driver.db)).toEqual(MIGRATIONS.map((m) => m.id));
      });
    });
  });
});

describe('recordings in an export', { timeout: 90_000 }, () => {
  /** A database with three answers, two of them recorded. */
  async function fill(file: string): Promise<{ audio: Uint8Array[] }> {
    return withStore(file, async (store) => {
      const { first, retry } = await answered(store);
      const audio = [fakeWebm(30_000, 3), fakeWebm(20_000, 4)];
      await store.saveRecording(first.id, { mediaType: WEBM, seconds: 9.5, data: audio[0]! });
      await store.saveRecording(retry.id, { mediaType: 'audio/webm', seconds: 7, data: audio[1]! });
      return { audio };
    });
  }

  it('round-trips recordings through starl export and starl import, and a second import adds nothing', async () => {
    const source = join(dir, 'source.db');
    const target = join(dir, 'target.db');
    const { audio } = await fill(source);
    const out = join(dir, 'all.json');
    const exported = await runCommand(registerExport, ['export', '--out', out, '--db', source]);
    expect(exported.stdout).toBe(`Exported 1 session, 3 answers, 0 stories, 0 companies, 0 reviews, 2 recordings to ${out}\n`);
    const file = JSON.parse(readFileSync(out, 'utf8')) as ExportDocument;
    expect(file.version).toBe(2);
    expect(file.recordings.map((r) => r.answer_id)).toEqual([1, 3]);

    const imported = await runCommand(registerImport, ['import', out, '--db', target]);
    expect(imported.stdout).toBe('Imported: sessions 1, session questions 1, answers 3, recordings 2.\n');
    const again = await runCommand(registerImport, ['import', out, '--db', target]);
    expect(again.stdout).toBe('Imported nothing new (6 rows already present).\n');
    await withStore(target, async (store) => {
      const [session] = await store.listSessions();
      const kept = await store.recordingsOf(session!.id);
      expect(kept.map((r) => [r.seconds, r.bytes])).toEqual([[9.5, 30_000], [7, 20_000]]);
      for (const [i, info] of kept.entries()) expect(Buffer.compare((await store.recordingOf(info.answerId))!.data, audio[i]!)).toBe(0);
      const { exportedAt: _a, ...again } = await exportAll(store);
      const { exportedAt: _b, ...first } = file;
      expect(again).toEqual(first);
    });
  });

  it('leaves the recordings out with --no-recordings', async () => {
    const source = join(dir, 'source.db');
    await fill(source);
    const out = join(dir, 'small.json');
    const exported = await runCommand(registerExport, ['export', '--no-recordings', '--out', out, '--db', source]);
    expect(exported.stdout).not.toContain('recording');
    expect((JSON.parse(readFileSync(out, 'utf8')) as ExportDocument).recordings).toEqual([]);
  });

  it('adds a recording to an answer already imported without one', async () => {
    const source = join(dir, 'source.db');
    const target = join(dir, 'target.db');
    await fill(source);
    const [without, withAudio] = await withStore(source, async (store) => [await exportAll(store, { recordings: false }), await exportAll(store)]);
    await withStore(target, async (store) => {
      await importAll(store, without!);
      expect(await importAll(store, withAudio!)).toEqual({ added: { recordings: 2 }, alreadyPresent: { sessions: 1, answers: 3 } });
    });
  });

  it('still imports a version 1 file, written before recordings', async () => {
    const source = join(dir, 'source.db');
    await fill(source);
    const document = await withStore(source, (store) => exportAll(store));
    const { recordings: _none, ...older } = { ...document, version: 1 };
    const parsed = parseExport(JSON.stringify(older), 'old.json');
    expect(parsed.recordings).toEqual([]);
    await withStore(join(dir, 'target.db'), async (store) => {
      expect((await importAll(store, parsed)).added).toEqual({ sessions: 1, session_questions: 1, answers: 3 });
    });
  });

  it('refuses a file with a recording it cannot keep, naming the record, before writing anything', async () => {
    const source = join(dir, 'source.db');
    await fill(source);
    const good = await withStore(source, (store) => exportAll(store));
    const damage = (change: (doc: ExportDocument) => void): string => {
      const copy = structuredClone(good);
      change(copy);
      try {
        parseExport(JSON.stringify(copy), 'mine.json');
      } catch (error) {
        return (error as StarlError).describe();
      }
      throw new Error('the damaged file was accepted');
    };
    expect(damage((doc) => (doc.recordings[1]!.media_type = 'audio/ogg'))).toBe(
      'mine.json: the export file has a recording Starl cannot keep: the recording was sent as audio/ogg but its bytes are audio/webm (recordings[1]) [E_INPUT_BAD_FIELD]',
    );
    expect(damage((doc) => (doc.recordings[0]!.data = 'not base64!'))).toBe(
      'mine.json: the export file is damaged: the recording\'s audio is not a valid base64 (recordings[0].data) [E_INPUT_BAD_FIELD]',
    );
    expect(damage((doc) => (doc.recordings[0]!.answer_id = 42))).toMatch(/it refers to answer 42 it does not contain \(recordings\[0\]\.answer_id\)/);
    expect(damage((doc) => doc.recordings.push({ ...doc.recordings[0]! }))).toMatch(/answer 1 has two recordings \(recordings\[2\]\.answer_id\)/);
    expect(damage((doc) => (doc.recordings[0]!.data = Buffer.from(fakeWebm(MAX_RECORDING_BYTES + 10)).toString('base64')))).toMatch(/recording Starl cannot keep: the recording is 10 MB; Starl keeps recordings up to 10 MB and 10 minutes/);
    expect(damage((doc) => ((doc as { version: number }).version = 3))).toBe(
      'mine.json: this export was written by a newer Starl (format version 3; this one reads versions 1 and 2); update Starl to import it (version) [E_INPUT_BAD_FIELD]',
    );
    expect(damage((doc) => ((doc as { version: unknown }).version = 'two'))).toMatch(/the export format's version is not valid \(version\)/);
  });

  it('writes a file an import reads back, recordings and all, through the API', async () => {
    const source = join(dir, 'source.db');
    await fill(source);
    const { createApp } = await import('../../src/server/app.js');
    const { analyze } = await import('../../src/core/analyze.js');
    const { rules } = await import('../../src/core/rules/index.js');
    const json = await withStore(source, async (store) => {
      const app = createApp({ analyze, rules, store });
      const full = await (await app.request('/api/export')).text();
      const small = (await (await app.request('/api/export?recordings=0')).json()) as ExportDocument;
      expect(small.recordings).toEqual([]);
      return full;
    });
    writeFileSync(join(dir, 'web.json'), json);
    await withStore(join(dir, 'target.db'), async (store) => {
      const app = createApp({ analyze, rules, store });
      const response = await app.request('/api/import?file=web.json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
      expect(await response.json()).toEqual({ added: { sessions: 1, session_questions: 1, answers: 3, recordings: 2 }, alreadyPresent: {} });
    });
  });
});
