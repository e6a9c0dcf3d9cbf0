import { describe, expect, it } from 'vitest';
import { join, RATE, silence, tone } from '../../../test/support/audio.js';
import { useTestApp } from '../../../test/support/api-app.js';
import { forEachDatabase } from '../../../test/support/databases.js';
import { measureDelivery, timePerStarPart, type AnswerDelivery } from '../../delivery/index.js';
import { analyze } from '../../core/analyze.js';
import { parseExport } from '../export-file.js';

forEachDatabase((database) => {
  const test = useTestApp(database);
  const send = (path: string, body: unknown, method?: string) => test.send(path, body, method);

  const STORY = 'At my last job our scanners dropped orders. I logged every failed scan and moved two access points. As a result, lost orders fell from 40 a day to none.';

  /** How a spoken answer was delivered: four bursts with pauses of 0.5, 1 and 2 s, and the story's word times. */
  function delivery(): AnswerDelivery {
    const audio = join(silence(0.5), tone(0.6), silence(0.5), tone(0.6), silence(1), tone(0.6), silence(2), tone(0.6), silence(0.5));
    const words = STORY.split(' ').map((word, i) => ({ word, start: 0.5 + i * 0.25, end: 0.75 + i * 0.25 }));
    const report = analyze({ question: 'Tell me about a time you solved a problem.', answer: STORY });
    return { measures: measureDelivery(audio, RATE, { text: STORY, words }), starParts: timePerStarPart(report.sentences, words) };
  }

  async function drill(): Promise<{ id: number }> {
    return (await send('/api/sessions', { only: 'behavioral', count: 1, seed: 7 })).json();
  }

  describe('how a recorded answer was delivered, through the API', () => {
    it('keeps the delivery sent with an answer and gives it back with the session', async () => {
      const session = await drill();
      const spoken = delivery();
      const saved = await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: STORY, seconds: 7, delivery: spoken });
      expect(saved.status).toBe(201);
      expect((await saved.json()).delivery).toEqual(spoken);
      const typed = await (await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: STORY, seconds: 30 })).json();
      expect(typed.delivery).toBeNull();
      const detail = await (await test.app.request(`/api/sessions/${session.id}`)).json();
      expect(detail.answers.map((answer: { delivery: AnswerDelivery | null }) => answer.delivery?.measures.pauses.count ?? null)).toEqual([3, null]);
    });

    it('names what is wrong with a delivery it cannot keep', async () => {
      const session = await drill();
      const spoken = delivery();
      const answer = (changed: unknown) => send(`/api/sessions/${session.id}/answers`, { position: 0, answer: STORY, seconds: 7, delivery: changed });
      const share = await (await answer({ ...spoken, measures: { ...spoken.measures, pauses: { ...spoken.measures.pauses, silentShare: 2 } } })).json();
      expect(share.error).toMatchObject({ code: 'E_INPUT_BAD_FIELD', field: 'delivery.measures.pauses.silentShare' });
      const missing = await (await answer({ starParts: null })).json();
      expect(missing.error.field).toBe('delivery.measures');
      expect(missing.error.message).toMatch(/missing/);
      const extra = await answer({ ...spoken, audio: 'AAAA' });
      expect(extra.status).toBe(400);
      const detail = await (await test.app.request(`/api/sessions/${session.id}`)).json();
      expect(detail.answers).toEqual([]);
    });

    it('adds a delivery to a saved answer, and forgets it', async () => {
      const session = await drill();
      const saved = await (await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: STORY, seconds: 7 })).json();
      const spoken = delivery();
      const put = await send(`/api/sessions/${session.id}/answers/${saved.id}/delivery`, { delivery: spoken }, 'PUT');
      expect(put.status).toBe(200);
      expect((await put.json()).delivery).toEqual(spoken);
      const forgotten = await (await send(`/api/sessions/${session.id}/answers/${saved.id}/delivery`, { delivery: null }, 'PUT')).json();
      expect(forgotten.delivery).toBeNull();
      const other = await drill();
      expect((await send(`/api/sessions/${other.id}/answers/${saved.id}/delivery`, { delivery: spoken }, 'PUT')).status).toBe(404);
    });

    it('charts the recorded answers\' pace, pauses and fillers by day in progress', async () => {
      const session = await drill();
      const spoken = delivery();
      await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: STORY, seconds: 7, delivery: spoken });
      await send(`/api/sessions/${session.id}/answers`, { position: 0, answer: STORY, seconds: 7 });
      const progress = await (await test.app.request('/api/progress')).json();
      const { measures } = spoken;
      expect(progress.delivery).toEqual([
        {
          day: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
          answers: 1,
          wordsPerMinute: Math.round(measures.wordsPerMinute!),
          estimatedPaces: 0,
          pausesPerMinute: Math.round(measures.pauses.perMinute * 10) / 10,
          longestPauseSeconds: Math.round(measures.pauses.longestSeconds * 10) / 10,
          silentShare: Math.round(measures.pauses.silentShare * 100) / 100,
          fillersPer100Words: 0,
        },
      ]);
    });

    it('reads an export written before answers kept their delivery as having none', () => {
      const file = {
        format: 'starl-export',
        version: 1,
        exportedAt: '2026-01-31T09:00:00.000Z',
        companies: [],
        company_facts: [],
        sessions: [{ id: 1, uid: 's1', company_id: null, role: null, field: null, mode: 'drill', status: 'active', started_at: '2026-01-31T09:00:00.000Z', finished_at: null }],
        session_questions: [{ id: 1, session_id: 1, position: 0, bank_id: null, question_type: 'behavioral', text: 'Tell me about a time.' }],
        answers: [{ id: 1, uid: 'a1', session_id: 1, position: 0, attempt: 1, follow_up_of: null, question: 'Tell me about a time.', answer: STORY, seconds: 3, report: analyze({ question: 'Tell me about a time.', answer: STORY }), created_at: '2026-01-31T09:01:00.000Z' }],
        stories: [],
        reviews: [],
      };
      expect(parseExport(JSON.stringify(file), 'old.json').answers[0]!.delivery).toBeNull();
    });
  });
});
