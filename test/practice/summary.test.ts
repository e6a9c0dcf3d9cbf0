import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSessionReport } from '../../src/report/session.js';
import { summarizeSession } from '../../src/practice/summary.js';
import { summaryText } from '../../src/practice/summary-text.js';
import { Store } from '../../src/storage/index.js';
import { openSqliteDriver } from '../../src/storage/sqlite.js';
import { FOLLOW, judgedSession, MOTIVATION, MOTIVATION_ANSWER, QUESTION, RETRY } from './fixtures/session.js';

let store: Store;
beforeEach(async () => {
  store = await Store.open(openSqliteDriver(':memory:'));
});
afterEach(async () => {
  await store.close();
});

describe('session summary', () => {
  it('teaches from the session: weakest reason with its answers, best answer, follow-ups, times and a drill', async () => {
    const report = await buildSessionReport(store, await judgedSession(store));
    const summary = summarizeSession(report);
    expect(summary).toMatchObject({ planned: 2, answered: 2, totals: report.totals, seconds: 47 });
    // The motivation answer ("the pay is good and the office is close") misses the specific reason outright.
    expect(summary.weakest).toMatchObject({ reason: 'specificReason', passed: 0, judged: 1 });
    expect(summary.weakest!.misses).toEqual([{ position: 1, question: MOTIVATION, answer: MOTIVATION_ANSWER, why: expect.any(String) }]);
    expect(summary.weakest!.misses[0]!.why).toBe(report.questions[1]!.attempts[0]!.report.reasons.specificReason.summary);
    expect(summary.drill).toEqual({ reason: 'specificReason', only: 'motivation', count: 3 });
    // The retried story is the try that counts for the first question, and the better answer.
    expect(summary.best).toMatchObject({ position: 0, question: QUESTION, answer: RETRY });
    expect(summary.followUps).toEqual([{ position: 0, question: QUESTION, followUp: expect.any(String), answer: FOLLOW }]);
    expect(summary.times).toEqual([
      { position: 0, question: QUESTION, seconds: 40 },
      { position: 1, question: MOTIVATION, seconds: 7 },
    ]);
  });

  it('prints the same summary in the terminal, with the command for the drill', async () => {
    const summary = summarizeSession(await buildSessionReport(store, await judgedSession(store)));
    const text = summaryText(summary);
    expect(text).toMatch(/^Opportunity\s+\d of 2 passed$/m);
    expect(text).toContain('Weakest: Specific reason, passed in 0 of 1.');
    expect(text).toContain(`"${MOTIVATION_ANSWER}"`);
    expect(text).toContain(`Best answer (${summary.best!.score} of 100): 1. ${QUESTION}`);
    expect(text).toContain(`• ${summary.followUps[0]!.followUp}`);
    expect(text).toMatch(/ 0:40 {2}1\. Tell me about a time/);
    expect(text).toContain('starl practice --only motivation --count 3');
  });

  it('has nothing to teach about a session with no answers yet', async () => {
    const session = await store.createSession({ companyId: null, role: null, field: null, mode: 'drill', questions: [{ bankId: null, questionType: 'opener', text: 'How are you?' }] });
    const summary = summarizeSession(await buildSessionReport(store, session.id));
    expect(summary).toMatchObject({ answered: 0, weakest: null, best: null, drill: null, followUps: [], times: [] });
  });
});
