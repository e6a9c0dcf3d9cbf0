import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeBatch } from '../../src/cli/batch/run.js';
import { registerCompany } from '../../src/cli/commands/company.js';
import { registerStories } from '../../src/cli/commands/stories.js';
import { summaryText } from '../../src/practice/summary-text.js';
import { reportError } from '../../src/cli/errors.js';
import { StarlError } from '../../src/core/errors.js';
import { buildReview, renderReviewText } from '../../src/review/index.js';
import { withStore } from '../../src/storage/index.js';
import { readInterview } from '../../src/transcripts/index.js';
import { runCommand } from '../practice/inprocess.js';
import { tempDir } from '../practice/helpers.js';

/** Clears the screen, sets the window title and turns the text red: what a hostile name would carry. */
const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007\u001b[31m';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('data printed in the terminal carries no escape sequences', () => {
  it('company names, aliases and facts, as an older database may hold them', async () => {
    const db = join(dir, 'starl.db');
    await withStore(db, async (store) => {
      await sql`insert into companies (name, name_key, aliases, competitors, context_text, context_source, terms, created_at, updated_at)
        values (${`Acme${HOSTILE}`}, 'acme', ${JSON.stringify([`Ac${HOSTILE}me`])}, '[]', null, null, '[]', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(store.driver.db);
      await sql`insert into company_facts (uid, company_id, kind, text, source, created_at)
        values ('f1', 1, 'news', ${`They opened a depot${HOSTILE}.`}, ${`BBC${HOSTILE}`}, '2026-01-01T00:00:00.000Z')`.execute(store.driver.db);
    });
    const listed = await runCommand(registerCompany, ['company', 'list', '--db', db]);
    expect(listed.stdout).toBe('Acme (Acme)\n');
    const shown = await runCommand(registerCompany, ['company', 'show', 'acme', '--db', db]);
    expect(shown.stdout).toContain('[news] They opened a depot.  (source: BBC)');
    expect(shown.stdout).not.toMatch(/[\u001b\u0007]/);
  });

  it('story titles', async () => {
    const db = join(dir, 'starl.db');
    await withStore(db, (store) => sql`insert into stories (uid, title, text, competencies, parts, source_answer_id, created_at)
      values ('s1', ${`Payroll${HOSTILE}`}, 'text', '[]', '[]', null, '2026-01-01T00:00:00.000Z')`.execute(store.driver.db));
    const listed = await runCommand(registerStories, ['stories', 'list', '--db', db]);
    expect(listed.stdout).toMatch(/^#1 Payroll\n/);
  });

  it('what the edit and delete commands say back', async () => {
    const db = join(dir, 'starl.db');
    await withStore(db, async (store) => {
      await sql`insert into companies (name, name_key, aliases, competitors, context_text, context_source, terms, created_at, updated_at)
        values (${`Acme${HOSTILE}`}, 'acme', '[]', '[]', null, null, '[]', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(store.driver.db);
      await sql`insert into stories (uid, title, text, competencies, parts, source_answer_id, created_at)
        values ('s1', ${`Payroll${HOSTILE}`}, 'text', '[]', '[]', null, '2026-01-01T00:00:00.000Z')`.execute(store.driver.db);
    });
    expect((await runCommand(registerStories, ['stories', 'delete', '1', '--yes', '--db', db])).stdout).toBe('Deleted the story #1 "Payroll".\n');
    expect((await runCommand(registerCompany, ['company', 'delete', 'acme', '--yes', '--db', db])).stdout).toBe('Deleted Acme and its 0 facts.\n');
  });

  it("the session summary's questions, answers and company", () => {
    const none = { passed: 0, judged: 0 };
    const text = summaryText({
      sessionId: 1,
      mode: 'interview',
      company: `Acme${HOSTILE}`,
      role: null,
      planned: 1,
      answered: 1,
      totals: { opportunity: none, memorable: none, specificReason: none, starl: none },
      weakest: null,
      best: null,
      followUps: [{ position: 0, question: 'Why us?', followUp: `And then${HOSTILE}?`, answer: 'Then.' }],
      times: [{ position: 0, question: `Why us${HOSTILE}?`, seconds: 30 }],
      drill: { reason: 'opportunity', only: 'motivation', count: 3 },
      seconds: 30,
    });
    expect(text).toContain('1. Why us?');
    expect(text).toContain('--company "Acme"');
    expect(text).not.toMatch(/[\u001b\u0007]/);
  });

  it("a transcript's speaker names and words, in the review", () => {
    const transcript = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:04.000',
      `<v Dana${HOSTILE}>Why do you want to work here?</v>`,
      '',
      '00:00:05.000 --> 00:00:12.000',
      `<v Jordan${HOSTILE} Kim>I love your product${HOSTILE} and I have used it for years to plan routes.</v>`,
      '',
    ].join('\n');
    const text = renderReviewText(buildReview(readInterview(transcript, { file: 'call.txt' })));
    expect(text).toContain('Interview review: Jordan Kim');
    expect(text).not.toMatch(/[\u001b\u0007]/);
  });

  it('the skipped lines of a batch, whose file name is data too', async () => {
    const file = join(dir, `answers${HOSTILE}.jsonl`);
    writeFileSync(file, '{"id": 1, "question": "Why us?"}\n');
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    try {
      await analyzeBatch(file, 1);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toContain('answers.jsonl:1:');
    expect(stderr).not.toMatch(/[\u001b\u0007]/);
  });

  it('error messages that quote the data', () => {
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    try {
      reportError(new StarlError('E_USAGE', `no speaker named "Alex"; the speakers are "Jordan${HOSTILE} Kim"`), false);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toBe('starl: no speaker named "Alex"; the speakers are "Jordan Kim" [E_USAGE]\n');
  });
});
