import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/index.js';
import { reportWith } from './helpers.js';
import { forEachDatabase, storeForEachTest } from '../support/databases.js';

forEachDatabase((database) => {
  let store: Store;
  storeForEachTest(database, (opened) => (store = opened));

  const STORY = { title: 'The scanner outage', text: 'I moved two access points.', competencies: ['ownership'], parts: [{ text: 'I moved two access points.', star: 'A' }], sourceAnswerId: null };

  async function sessionWithAnswers() {
    const session = await store.createSession({ companyId: null, role: null, field: null, mode: 'drill', questions: [{ bankId: null, questionType: 'behavioral', text: 'Tell me about a failure.' }] });
    const answer = (clientId?: string, followUpOf: number | null = null) =>
      store.saveAnswer({ sessionId: session.id, position: 0, followUpOf, question: 'Tell me about a failure.', answer: 'I missed a deadline.', seconds: 30, report: reportWith({}), ...(clientId ? { clientId } : {}) });
    return { session, answer };
  }

  describe('writes with a client key', () => {
    it('save a story once however often the same key is sent, and a new key saves a new one', async () => {
      const first = await store.saveStory({ ...STORY, clientId: 'k-1' });
      const again = await store.saveStory({ ...STORY, title: 'changed on the way', clientId: 'k-1' });
      expect(again).toEqual(first);
      await store.saveStory({ ...STORY, clientId: 'k-2' });
      await store.saveStory(STORY);
      await store.saveStory(STORY);
      expect((await store.listStories()).length).toBe(4);
    });

    it('save an answer, a session and a fact once per key', async () => {
      const { session, answer } = await sessionWithAnswers();
      const first = await answer('a-1');
      expect(await answer('a-1')).toEqual(first);
      expect(await store.answersOf(session.id)).toHaveLength(1);
      const plan = { companyId: null, role: null, field: null, mode: 'drill' as const, questions: [], clientId: 's-1' };
      expect((await store.createSession(plan)).id).toBe((await store.createSession(plan)).id);
      const company = await store.saveCompany({ name: 'Fernway' });
      const fact = { kind: 'news', text: 'Opened a hub in Leeds', source: '', clientId: 'f-1' };
      expect(await store.addFact(company.id, fact)).toEqual(await store.addFact(company.id, fact));
      expect(await store.factsOf(company.id)).toHaveLength(1);
    });

    it('answer a repeat of a saved answer after the session finished, and refuse a new one', async () => {
      const { session, answer } = await sessionWithAnswers();
      const first = await answer('a-1');
      await store.finishSession(session.id);
      expect(await answer('a-1')).toEqual(first);
      await expect(answer('a-2')).rejects.toMatchObject({ code: 'E_SESSION_FINISHED' });
    });
  });

  describe('editing and deleting', () => {
    it('renames a company and replaces its lists, refusing a name another company has', async () => {
      const acme = await store.saveCompany({ name: 'Acme', aliases: ['ACME Corp'], competitors: ['Globex'] });
      await store.saveCompany({ name: 'Initech' });
      const edited = await store.updateCompany(acme.id, { name: 'Acme Logistics', aliases: [], competitors: ['Globex', 'Parcelly'] });
      expect(edited).toMatchObject({ name: 'Acme Logistics', aliases: [], competitors: ['Globex', 'Parcelly'] });
      expect(await store.findCompany('acme logistics')).toMatchObject({ id: acme.id });
      await expect(store.updateCompany(acme.id, { name: 'initech' })).rejects.toMatchObject({ code: 'E_USAGE' });
      await expect(store.updateCompany(999, { name: 'x' })).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    });

    it('holds edited names to the same rules and limits as new ones, changing nothing when one is refused', async () => {
      const acme = await store.saveCompany({ name: 'Acme' });
      const edited = await store.updateCompany(acme.id, { name: ' Cafe\u0301\u200b  Ltd ', aliases: ['', 'Caf\u00e9'] });
      expect(edited).toMatchObject({ name: 'Caf\u00e9 Ltd', aliases: ['Caf\u00e9'] });
      await expect(store.updateCompany(acme.id, { name: 'A'.repeat(201) })).rejects.toMatchObject({ code: 'E_INPUT_TOO_LONG', where: { field: 'name' } });
      await expect(store.updateCompany(acme.id, { name: '\u200b' })).rejects.toMatchObject({ code: 'E_INPUT_BAD_FIELD', where: { field: 'name' } });
      await expect(store.updateCompany(acme.id, { competitors: ['B'.repeat(201)] })).rejects.toMatchObject({ code: 'E_INPUT_TOO_LONG', where: { field: 'competitor' } });
      expect(await store.requireCompanyById(acme.id)).toMatchObject({ name: 'Caf\u00e9 Ltd', competitors: [] });

      const story = await store.saveStory(STORY);
      expect(await store.updateStory(story.id, { title: '\u202eThe outage\u202c' })).toMatchObject({ title: 'The outage' });
      await expect(store.updateStory(story.id, { title: 'T'.repeat(201) })).rejects.toMatchObject({ code: 'E_INPUT_TOO_LONG', where: { field: 'title' } });
      await expect(store.updateStory(story.id, { competencies: Array.from({ length: 21 }, (_, i) => `c${i}`) })).rejects.toMatchObject({ code: 'E_INPUT_TOO_LONG' });
      await expect(store.updateStory(story.id, { competencies: ['c'.repeat(101)] })).rejects.toMatchObject({ code: 'E_INPUT_TOO_LONG', where: { field: 'competency' } });
      expect(await store.requireStory(story.id)).toMatchObject({ title: 'The outage', competencies: STORY.competencies });
    });

    it('deletes a company with its facts and keeps its sessions, untied', async () => {
      const acme = await store.saveCompany({ name: 'Acme' });
      await store.addFact(acme.id, { kind: 'news', text: 'a', source: '' });
      const fact = await store.addFact(acme.id, { kind: 'news', text: 'b', source: '' });
      await store.deleteFact(fact.id);
      expect((await store.factsOf(acme.id)).map((f) => f.text)).toEqual(['a']);
      const session = await store.createSession({ companyId: acme.id, role: null, field: null, mode: 'drill', questions: [] });
      expect(await store.deleteCompany(acme.id)).toEqual({ facts: 1 });
      expect(await store.listCompanies()).toEqual([]);
      expect((await store.requireSession(session.id)).companyId).toBeNull();
      await expect(store.deleteCompany(acme.id)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
      await expect(store.deleteFact(fact.id)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    });

    it('edits and deletes a story', async () => {
      const story = await store.saveStory(STORY);
      expect(await store.updateStory(story.id, { title: 'Scanners, fixed' })).toMatchObject({ title: 'Scanners, fixed', text: STORY.text });
      await store.deleteStory(story.id);
      expect(await store.listStories()).toEqual([]);
      await expect(store.deleteStory(story.id)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    });

    it('deletes an answer with its follow-up, keeping a story saved from it', async () => {
      const { session, answer } = await sessionWithAnswers();
      const first = await answer();
      const followUp = await answer(undefined, first.id);
      const kept = await answer();
      const story = await store.saveStory({ ...STORY, sourceAnswerId: followUp.id });
      expect(await store.deleteAnswer(first.id)).toEqual({ answers: 2, recordings: 0 });
      expect((await store.answersOf(session.id)).map((a) => a.id)).toEqual([kept.id]);
      expect((await store.requireStory(story.id)).sourceAnswerId).toBeNull();
    });

    it('abandons a session: its plan and answers go in one transaction, its stories stay', async () => {
      const { session, answer } = await sessionWithAnswers();
      const first = await answer();
      await answer(undefined, first.id);
      await store.saveStory({ ...STORY, sourceAnswerId: first.id });
      expect(await store.deleteSession(session.id)).toEqual({ answers: 2, recordings: 0 });
      expect(await store.findSession(session.id)).toBeNull();
      expect(await store.judgedAnswers()).toEqual([]);
      expect(await store.listStories()).toHaveLength(1);
      await expect(store.deleteSession(session.id)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    });

    it('abandons only an unfinished session: one that finished first is kept whole', async () => {
      const { session, answer } = await sessionWithAnswers();
      await answer();
      await store.finishSession(session.id);
      await expect(store.deleteSession(session.id, { onlyUnfinished: true })).rejects.toMatchObject({ code: 'E_SESSION_FINISHED' });
      expect(await store.answersOf(session.id)).toHaveLength(1);
      expect((await store.requireSession(session.id)).status).toBe('finished');
    });
  });
});
