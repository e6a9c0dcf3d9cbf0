import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze.js';
import { rules } from '../../core/rules/index.js';
import { Store } from '../../storage/index.js';
import { openSqliteDriver } from '../../storage/sqlite.js';
import { createApp } from '../app.js';
import { useTestApp } from '../../../test/support/api-app.js';
import { forEachDatabase } from '../../../test/support/databases.js';

forEachDatabase((database) => {
  const test = useTestApp(database);

  const send = (path: string, body: unknown, method?: string) => test.send(path, body, method);
  const remove = (path: string) => test.app.request(path, { method: 'DELETE' });

  const STORY = 'At my last job our scanners dropped orders. I logged every failed scan and moved two access points. As a result, lost orders fell from 40 a day to none.';

  describe('repeated writes', () => {
    it('return the first result for the same client key: a double-clicked story, fact, session and answer are saved once', async () => {
      const story = { title: 'Scanners', text: STORY, clientId: 'story-key-1' };
      const [first, second] = await Promise.all([send('/api/stories', story), send('/api/stories', story)]);
      expect((await first.json()).id).toBe((await second.json()).id);
      expect((await (await test.app.request('/api/stories')).json()).stories).toHaveLength(1);

      const company = await (await send('/api/companies', { name: 'Fernway' })).json();
      const fact = { kind: 'news', text: 'Opened a hub in Leeds', clientId: 'fact-key-1' };
      await send(`/api/companies/${company.id}/facts`, fact);
      await send(`/api/companies/${company.id}/facts`, fact);
      expect((await (await test.app.request(`/api/companies/${company.id}`)).json()).facts).toHaveLength(1);

      const plan = { only: 'behavioral', count: 1, clientId: 'session-key-1' };
      const session = await (await send('/api/sessions', plan)).json();
      expect((await (await send('/api/sessions', plan)).json()).id).toBe(session.id);
      const answer = { position: 0, answer: STORY, seconds: 30, clientId: 'answer-key-1' };
      const saved = await (await send(`/api/sessions/${session.id}/answers`, answer)).json();
      expect((await (await send(`/api/sessions/${session.id}/answers`, answer)).json()).id).toBe(saved.id);
      expect((await (await test.app.request(`/api/sessions/${session.id}`)).json()).answers).toHaveLength(1);
    });

    it('refuse a field that is too long in words the user reads, naming the field apart', async () => {
      const response = await send('/api/companies', { name: 'x'.repeat(201) });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toEqual({ code: 'E_INPUT_BAD_FIELD', message: 'The company name is at most 200 characters.', field: 'name' });
    });
  });

  describe('editing and deleting', () => {
    it('renames a company, replaces its lists and posting, deletes a fact and then the company', async () => {
      const company = await (await send('/api/companies', { name: 'Fernway', aliases: ['FW'] })).json();
      const fact = await (await send(`/api/companies/${company.id}/facts`, { kind: 'news', text: 'Opened a hub in Leeds' })).json();
      const edited = await send(`/api/companies/${company.id}`, { name: 'Fernway Logistics', aliases: [], competitors: ['Parcelly'], contextText: '<p>Routing platform team building same-day delivery.</p>' }, 'PATCH');
      expect(edited.status).toBe(200);
      const body = await edited.json();
      expect(body).toMatchObject({ name: 'Fernway Logistics', aliases: [], competitors: ['Parcelly'] });
      expect(body.contextText).not.toContain('<p>');
      expect(body.terms.length).toBeGreaterThan(0);
      expect((await remove(`/api/companies/${company.id}/facts/${fact.id + 1}`)).status).toBe(404);
      expect(await (await remove(`/api/companies/${company.id}/facts/${fact.id}`)).json()).toEqual({ deleted: { facts: 1 } });
      expect(await (await remove(`/api/companies/${company.id}`)).json()).toEqual({ deleted: { companies: 1, facts: 0 } });
      expect(await (await test.app.request('/api/companies')).json()).toEqual([]);
    });

    it('edits a story, labelling new text again, and deletes it', async () => {
      const story = await (await send('/api/stories', { title: 'Scanners', text: 'We had a problem.' })).json();
      const edited = await (await send(`/api/stories/${story.id}`, { title: 'The scanner outage', text: STORY, competencies: [' Ownership '] }, 'PATCH')).json();
      expect(edited).toMatchObject({ title: 'The scanner outage', text: STORY, competencies: ['ownership'] });
      expect(edited.parts.map((part: { star: string }) => part.star)).toContain('R');
      expect((await remove(`/api/stories/${story.id}`)).status).toBe(200);
      expect((await (await test.app.request('/api/stories')).json()).stories).toEqual([]);
    });

    it('deletes an answer and abandons a session', async () => {
      const session = await (await send('/api/sessions', { only: 'behavioral', count: 1 })).json();
      const answer = await (await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: STORY, seconds: 30 })).json();
      const other = await (await send('/api/sessions', { only: 'opener', count: 1 })).json();
      expect((await remove(`/api/sessions/${other.id}/answers/${answer.id}`)).status).toBe(404);
      expect(await (await remove(`/api/sessions/${session.id}/answers/${answer.id}`)).json()).toEqual({ deleted: { answers: 1, recordings: 0 } });
      expect(await (await remove(`/api/sessions/${other.id}`)).json()).toEqual({ deleted: { sessions: 1, answers: 0, recordings: 0 } });
      expect((await (await test.app.request('/api/sessions')).json()).map((s: { id: number }) => s.id)).toEqual([session.id]);
    });

    it('edits an answer: it is judged again, and so is the follow-up judged with it', async () => {
      const session = await (await send('/api/sessions', { only: 'behavioral', count: 1 })).json();
      const first = await (await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: 'I always work hard.', seconds: 5 })).json();
      const followUp = await (await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: 'I learned to measure first.', seconds: 5, followUpOf: first.id })).json();
      const edited = await send(`/api/sessions/${session.id}/answers/${first.id}`, { answer: STORY }, 'PATCH');
      expect(edited.status).toBe(200);
      expect(await edited.json()).toMatchObject({ id: first.id, answer: STORY, report: { words: expect.any(Number) } });
      const detail = await (await test.app.request(`/api/sessions/${session.id}`)).json();
      const rejudged = detail.answers.find((a: { id: number }) => a.id === followUp.id);
      expect(rejudged.answer).toBe('I learned to measure first.');
      expect(rejudged.report.sentences.map((sentence: { text: string }) => sentence.text).join(' ')).toContain('lost orders fell from 40 a day to none');
      expect((await send(`/api/sessions/${session.id}/answers/${first.id}`, { answer: '  ' }, 'PATCH')).status).toBe(400);
    });

    it.each([
      ['PATCH', '/api/companies/99', { name: 'x' }],
      ['DELETE', '/api/companies/99', undefined],
      ['DELETE', '/api/companies/99/facts/1', undefined],
      ['PATCH', '/api/stories/99', { title: 'x' }],
      ['DELETE', '/api/stories/99', undefined],
      ['DELETE', '/api/sessions/99', undefined],
      ['DELETE', '/api/sessions/99/answers/1', undefined],
      ['PATCH', '/api/sessions/99/answers/1', { answer: 'x' }],
      ['GET', '/api/sessions/99/summary', undefined],
    ])('answers %s %s for an unknown id with 404', async (method, path, body) => {
      const response = body ? await send(path, body, method) : await test.app.request(path, { method });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('E_NOT_FOUND');
    });
  });

  describe('finishing a session', () => {
    it('teaches: the summary names the weakest reason and a drill, and the full report downloads as HTML or Markdown', async () => {
      const session = await (await send('/api/sessions', { only: 'motivation', count: 1, seed: 3 })).json();
      await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: 'The pay is good and the office is close to my flat.', seconds: 12 });
      await send(`/api/sessions/${session.id}/finish`, {});
      const summary = await (await test.app.request(`/api/sessions/${session.id}/summary`)).json();
      expect(summary).toMatchObject({ sessionId: session.id, answered: 1, weakest: { passed: 0, judged: 1 }, drill: { only: 'motivation', count: 3 } });
      expect(summary.drill.reason).toBe(summary.weakest.reason);
      expect(summary.times).toEqual([{ position: 0, question: session.questions[0].text, seconds: 12 }]);
      const html = await test.app.request(`/api/sessions/${session.id}/report`);
      expect(html.headers.get('content-disposition')).toBe(`attachment; filename="starl-session-${session.id}.html"`);
      expect(await html.text()).toMatch(/^<!doctype html>/);
      const markdown = await test.app.request(`/api/sessions/${session.id}/report?format=md`);
      expect(await markdown.text()).toMatch(/^# Drill #/);
      expect((await test.app.request(`/api/sessions/${session.id}/report?format=pdf`)).status).toBe(400);
    });
  });

  describe('export and import', () => {
    it('downloads everything as the CLI exports it, and imports it into another database', async () => {
      await send('/api/stories', { title: 'Scanners', text: STORY });
      await send('/api/companies', { name: 'Fernway' });
      const exported = await test.app.request('/api/export');
      expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="starl-export-\d{4}-\d\d-\d\d\.json"$/);
      const document = await exported.text();
      const other = await Store.open(openSqliteDriver(':memory:'));
      try {
        const otherApp = createApp({ analyze, rules, store: other });
        const post = (body: string) => otherApp.request('/api/import?file=backup.json', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const imported = await (await post(document)).json();
        expect(imported.added).toMatchObject({ stories: 1, companies: 1 });
        expect((await other.listStories()).map((s) => s.title)).toEqual(['Scanners']);
        const damaged = await (await post(document.replace('"format":"starl-export"', '"format":"other"'))).json();
        expect(damaged.error).toMatchObject({ code: 'E_INPUT_BAD_FIELD', message: expect.stringContaining('backup.json: not a Starl export') });
      } finally {
        await other.close();
      }
    });
  });
});
