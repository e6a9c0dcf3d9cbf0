import { describe, expect, it } from 'vitest';
import { buildSessionReport } from '../../src/report/session.js';
import { summarizeSession } from '../../src/practice/summary.js';
import { summaryText } from '../../src/practice/summary-text.js';
import type { Store } from '../../src/storage/index.js';
import { reportWith } from './helpers.js';
import { forEachDatabase, storeForEachTest } from '../support/databases.js';

forEachDatabase((database) => {
  let store: Store;
  storeForEachTest(database, (opened) => (store = opened));

  const STORY_QUESTION = 'Tell me about a time you handled a conflict.';
  const MOTIVATION = 'Why do you want to work at Forkful?';
  const FOLLOW_UP = 'What exactly did you do?';

  /**
   * A session with verdicts chosen here, not by the analyzer: a story missed, followed up and retried
   * (the retry passes), and a motivation answer that misses the specific reason.
   */
  async function session(): Promise<number> {
    const planned = await store.createSession({
      companyId: null,
      role: 'warehouse lead',
      field: null,
      mode: 'interview',
      questions: [
        { bankId: null, questionType: 'behavioral', text: STORY_QUESTION },
        { bankId: null, questionType: 'motivation', text: MOTIVATION },
      ],
    });
    const story = { sessionId: planned.id, position: 0, question: STORY_QUESTION };
    const first = await store.saveAnswer({ ...story, answer: 'We sorted it.', seconds: 12, report: { ...reportWith({ starl: 'miss', memorable: 'miss' }), followUp: FOLLOW_UP } });
    await store.saveAnswer({ ...story, answer: 'I called a meeting.', followUpOf: first.id, seconds: 9, report: reportWith({ memorable: 'miss' }) });
    await store.saveAnswer({ ...story, answer: 'I rebuilt the rota.', seconds: 40, report: reportWith({}) });
    await store.saveAnswer({ sessionId: planned.id, position: 1, question: MOTIVATION, answer: 'The pay is good.', seconds: 7, report: reportWith({ specificReason: 'miss' }, 'motivation') });
    await store.finishSession(planned.id);
    return planned.id;
  }

  describe('session summary', () => {
    it('teaches from the session: weakest reason with its answers, best answer, follow-ups, times and a drill', async () => {
      const report = await buildSessionReport(store, await session());
      const summary = summarizeSession(report);
      expect(summary).toMatchObject({ planned: 2, answered: 2, totals: report.totals, seconds: 47 });
      // The retry is the try that counts for the story, so only the motivation answer misses anything.
      expect(summary.totals.specificReason).toEqual({ passed: 0, judged: 1 });
      expect(summary.weakest).toEqual({ reason: 'specificReason', passed: 0, judged: 1, misses: [{ position: 1, question: MOTIVATION, answer: 'The pay is good.', why: 'miss' }] });
      expect(summary.drill).toEqual({ reason: 'specificReason', only: 'motivation', count: 3 });
      expect(summary.best).toMatchObject({ position: 0, question: STORY_QUESTION, answer: 'I rebuilt the rota.', score: 80, passed: ['opportunity', 'memorable', 'starl'] });
      expect(summary.followUps).toEqual([{ position: 0, question: STORY_QUESTION, followUp: FOLLOW_UP, answer: 'I called a meeting.' }]);
      expect(summary.times).toEqual([
        { position: 0, question: STORY_QUESTION, seconds: 40 },
        { position: 1, question: MOTIVATION, seconds: 7 },
      ]);
    });

    it('prints the same summary in the terminal, with the command for the drill', async () => {
      const text = summaryText(summarizeSession(await buildSessionReport(store, await session())));
      expect(text).toMatch(/^Opportunity\s+2 of 2 passed$/m);
      expect(text).toMatch(/^Specific reason\s+0 of 1 passed$/m);
      expect(text).toContain('Weakest: Specific reason, passed in 0 of 1. The answers that show it:');
      expect(text).toContain('"The pay is good."');
      expect(text).toContain(`Best answer (80 of 100): 1. ${STORY_QUESTION}`);
      expect(text).toContain(`• ${FOLLOW_UP}`);
      expect(text).toMatch(/ 0:40 {2}1\. Tell me about a time/);
      expect(text).toContain('Next: drill Specific reason with 3 motivation questions: starl practice --only motivation --count 3');
    });

    it('has nothing to teach about a session with no answers yet', async () => {
      const empty = await store.createSession({ companyId: null, role: null, field: null, mode: 'drill', questions: [{ bankId: null, questionType: 'opener', text: 'How are you?' }] });
      const summary = summarizeSession(await buildSessionReport(store, empty.id));
      expect(summary).toMatchObject({ answered: 0, weakest: null, best: null, drill: null, followUps: [], times: [] });
    });
  });
});
