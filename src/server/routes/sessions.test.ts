import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/api-app.js';
import { forEachDatabase } from '../../../test/support/databases.js';

forEachDatabase((database) => {
  const test = useTestApp(database);

  const send = (path: string, body: unknown, method?: string) => test.send(path, body, method);

  const STORY = 'At my last job our scanners dropped orders. I logged every failed scan and moved two access points. As a result, lost orders fell from 40 a day to none.';

  describe('/api/sessions', () => {
    it('plans a drill, judges and saves answers, retries and follow-ups, then finishes', async () => {
      const created = await send('/api/sessions', { only: 'behavioral', count: 2, seed: 7 });
      expect(created.status).toBe(201);
      const session = await created.json();
      expect(session).toMatchObject({ mode: 'drill', status: 'active' });
      expect(session.questions).toHaveLength(2);
      expect(session.aimSeconds).toEqual([120, 120]);

      const first = await (await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: STORY, seconds: 42 })).json();
      expect(first).toMatchObject({ attempt: 1, followUpOf: null, question: session.questions[0].text, seconds: 42 });
      expect(first.report.questionType).toBe('behavioral');
      const retry = await (await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: STORY, seconds: 30 })).json();
      expect(retry.attempt).toBe(2);
      const followUp = await (await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: 'I learned to measure first.', seconds: 9, followUpOf: retry.id })).json();
      expect(followUp).toMatchObject({ attempt: 2, followUpOf: retry.id });
      // Judged together with the answer it follows, as the interviewer hears them.
      expect(followUp.report.words).toBeGreaterThan(retry.report.words);

      const detail = await (await test.app.request(`/api/sessions/${session.id}`)).json();
      expect(detail.answers.map((a: { id: number }) => a.id)).toEqual([first.id, retry.id, followUp.id]);
      const finished = await (await send(`/api/sessions/${session.id}/finish`, {})).json();
      expect(finished.status).toBe('finished');
      const late = await send(`/api/sessions/${session.id}/answers`, { position: 1, answer: STORY, seconds: 5 });
      expect(late.status).toBe(409);
      expect((await late.json()).error.code).toBe('E_SESSION_FINISHED');
    });

    it('stores no answer after a finish that raced it, and finishing twice keeps the first time', async () => {
      const session = await (await send('/api/sessions', { only: 'behavioral', count: 1, seed: 3 })).json();
      // The answer is judged between reading the session and saving; the finish lands in that gap.
      const [answered, finished] = await Promise.all([
        send(`/api/sessions/${session.id}/answers`, { position: 0, answer: STORY, seconds: 20 }),
        send(`/api/sessions/${session.id}/finish`, {}),
      ]);
      expect(finished.status).toBe(200);
      const { finishedAt } = await finished.json();
      const detail = await (await test.app.request(`/api/sessions/${session.id}`)).json();
      if (answered.status === 201) expect(detail.answers[0].createdAt <= finishedAt).toBe(true);
      else expect((await answered.json()).error.code).toBe('E_SESSION_FINISHED');
      for (const answer of detail.answers) expect(answer.createdAt <= finishedAt).toBe(true);
      const again = await (await send(`/api/sessions/${session.id}/finish`, {})).json();
      expect(again.finishedAt).toBe(finishedAt);
    });

    it('names what is wrong: a position outside the plan, an unknown session, a bad id, an unknown company', async () => {
      const session = await (await send('/api/sessions', { only: 'opener', count: 1, seed: 1 })).json();
      const outside = await (await send(`/api/sessions/${session.id}/answers`, { position: 3, answer: 'Hi', seconds: 1 })).json();
      expect(outside.error).toMatchObject({ code: 'E_INPUT_BAD_FIELD' });
      expect(outside.error.field).toBe('position');
      expect((await test.app.request('/api/sessions/999')).status).toBe(404);
      expect((await (await test.app.request('/api/sessions/abc')).json()).error.code).toBe('E_INPUT_BAD_FIELD');
      // Past what an id column holds on either database: still not found, never a failure of the database.
      expect((await test.app.request('/api/sessions/99999999999')).status).toBe(404);
      const farFollowUp = await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: 'Hi', seconds: 1, followUpOf: 99_999_999_999 });
      expect(farFollowUp.status).toBe(404);
      expect((await test.app.request('/api/stories/99999999999', { method: 'DELETE' })).status).toBe(404);
      const unknownCompany = await send('/api/sessions', { company: 'Nowhere Inc' });
      expect(unknownCompany.status).toBe(404);
    });
  });
});
