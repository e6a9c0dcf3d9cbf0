import { describe, expect, it } from 'vitest';
import { StarlError } from '../../src/core/errors.js';
import { reportWith } from './helpers.js';
import { forEachDatabase } from '../support/databases.js';

forEachDatabase((database) => {
  describe('finishing a session', () => {
    it('happens once, and refuses every answer after it with E_SESSION_FINISHED', async () => {
      let minute = 0;
      // Each stamp a minute later, so a second finish would show as a later time.
      const clock = () => new Date(Date.UTC(2026, 0, 1, 9, minute++));
      const store = await database.open(clock);
      try {
        const session = await store.createSession({
          companyId: null,
          role: null,
          field: null,
          mode: 'drill',
          questions: [{ bankId: null, questionType: 'behavioral', text: 'Tell me about a time.' }],
        });
        await store.finishSession(session.id);
        const first = (await store.requireSession(session.id)).finishedAt;
        await store.finishSession(session.id);
        expect((await store.requireSession(session.id)).finishedAt).toBe(first);
        const late = await store
          .saveAnswer({ sessionId: session.id, position: 0, question: 'Tell me about a time.', answer: 'Late.', seconds: 1, report: reportWith({}) })
          .catch((error: unknown) => error);
        expect(late).toBeInstanceOf(StarlError);
        expect((late as StarlError).code).toBe('E_SESSION_FINISHED');
        expect(await store.answersOf(session.id)).toEqual([]);
        await expect(store.finishSession(999)).rejects.toThrow(/no practice session 999/);
      } finally {
        await store.close();
      }
    });
  });
});
