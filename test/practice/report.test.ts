import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerReport } from '../../src/cli/commands/report.js';
import { analyze } from '../../src/core/analyze.js';
import { StarlError } from '../../src/core/errors.js';
import { sessionHtml } from '../../src/report/html.js';
import { sessionMarkdown } from '../../src/report/markdown.js';
import { buildSessionReport } from '../../src/report/session.js';
import { openStore, type Store } from '../../src/storage/index.js';
import { FOLLOW, judgedSession, MOTIVATION_ANSWER, RETRY } from './fixtures/session.js';
import { tempDir } from './helpers.js';
import { runCommand } from './inprocess.js';

let dir: string;
let cleanup: () => void;
let store: Store;
let file: string;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  file = join(dir, 'starl.db');
  store = await openStore(file);
});
afterEach(async () => {
  await store.close();
  cleanup();
});

describe('session report', () => {
  it('keeps every attempt and follow-up, and totals each question by its final judgement', async () => {
    const id = await judgedSession(store);
    const data = await buildSessionReport(store, id);
    const [story, motivation] = data.questions;
    expect(story!.attempts.map((a) => [a.attempt, a.followUp?.answer ?? null])).toEqual([
      [1, FOLLOW],
      [2, null],
    ]);
    expect(story!.attempts[0]!.followUp!.question).toBeTruthy();
    // The final judgement of the story is the retry's, not the first try's.
    const retryVerdict = story!.attempts[1]!.report.reasons.starl.verdict;
    expect(data.totals.starl).toEqual({ passed: retryVerdict === 'pass' ? 1 : 0, judged: 1 });
    expect(data.totals.specificReason.judged).toBe(motivation!.attempts[0]!.report.reasons.specificReason.verdict === 'n/a' ? 0 : 1);
    expect(data.seconds).toBe(47);
  });

  it('writes Markdown with marked evidence and the follow-up judged with the first answer', async () => {
    const markdown = sessionMarkdown(await buildSessionReport(store, await judgedSession(store)));
    expect(markdown).toMatch(/^# Mock interview #1: warehouse lead\n/);
    expect(markdown).toContain('### Attempt 2');
    expect(markdown).toContain('Judged together with the first answer:');
    expect(markdown).toMatch(/\| STAR\(L\) \| (pass|miss) \|/);
    expect(markdown).toMatch(/\*\*[^*]+\*\*/);
  });

  it('writes a standalone HTML page with four gauges, highlighted answers and escaped text', async () => {
    const html = sessionHtml(await buildSessionReport(store, await judgedSession(store)));
    expect(html.match(/<figure class="gauge"/g)).toHaveLength(4);
    expect(html).toContain('<mark class="strength">');
    expect(html).toContain(RETRY.slice(0, 30));
    expect(html.replace(/<\/?(mark|ins)[^>]*>/g, '')).toContain('is good &lt;and&gt; the office is close.');
    expect(html).not.toContain('<and>');
    expect(MOTIVATION_ANSWER).toContain('<and>');
    // Standalone: nothing loaded from elsewhere.
    expect(html).not.toMatch(/<(script|link|img)\b|src=|href=/);
  });

  it('prints JSON and writes HTML from the command line', async () => {
    const id = await judgedSession(store);
    const htmlFile = join(dir, 'report.html');
    const result = await runCommand(registerReport, ['report', String(id), '--json', '--html', htmlFile, '--db', file]);
    expect(result.error).toBeNull();
    expect(JSON.parse(result.stdout).session).toMatchObject({ id, role: 'warehouse lead', status: 'finished' });
    expect(result.stderr).toBe(`HTML report written to ${htmlFile}\n`);
    expect(readFileSync(htmlFile, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('names an unknown session', async () => {
    const result = await runCommand(registerReport, ['report', '42', '--db', file]);
    expect(result.error).toBeInstanceOf(StarlError);
    expect((result.error as StarlError).message).toBe('no practice session 42; list them with: starl report --list');
  });
});

describe('a Markdown report of hostile text', () => {
  it('carries no HTML, script or javascript: link that a renderer would run', async () => {
    const hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script> [click](javascript:alert(3))';
    const company = await store.saveCompany({ name: 'Acme' });
    await store.addFact(company.id, { kind: 'news', text: 'They opened a depot.', source: 'BBC' });
    const session = await store.createSession({
      companyId: company.id,
      role: `nurse ${hostile}`,
      field: null,
      mode: 'drill',
      questions: [{ bankId: null, questionType: 'behavioral', text: `Tell me about a time you fixed a process. ${hostile}` }],
    });
    const answer = `Our month-end close took eight days. I built a matching script. The close came down to four days. ${hostile}`;
    await store.saveAnswer({ sessionId: session.id, position: 0, question: session.questions[0]!.text, answer, seconds: 30, report: analyze({ question: 'Tell me about a time you fixed a process.', answer }) });
    const markdown = sessionMarkdown(await buildSessionReport(store, session.id));
    expect(markdown).not.toMatch(/<img|<script|\]\(javascript:|<javascript:/i);
    expect(markdown).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(markdown).toContain('\\[click\\]\\(javascript:alert\\(3\\)\\)');
  });
});
