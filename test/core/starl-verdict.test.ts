import { describe, expect, it } from 'vitest';
import { analyze, analyzeWith } from '../../src/core/analyze.js';
import { SHIPPED_MODELS } from '../../src/core/model/models.js';

const QUESTION = 'Tell me about a time you solved a problem at work.';
const STORIES = [
  {
    story: 'a clear story with own action and a measured result',
    answer:
      'Last spring our warehouse scanners kept dropping orders. I traced the fault to a firmware update, rolled the devices back one shift at a time and wrote a check that flagged any scanner on the bad version. Lost orders fell from forty a week to two.',
    verdict: 'pass',
  },
  {
    story: 'a story told only as what happened, with nothing the candidate did',
    answer:
      'Last spring the warehouse scanners kept dropping orders. The vendor had pushed a firmware update that nobody tested. It was a stressful month for everyone and the backlog grew every day.',
    verdict: 'miss',
  },
  {
    story: 'a habit, not one particular time',
    answer: 'I always check the logs first. Usually I would call the vendor and then I would write up what I found for the team.',
    verdict: 'miss',
  },
] as const;

describe('the STAR(L) verdict', () => {
  const { starl: _fitted, ...withoutVerdictModel } = SHIPPED_MODELS;
  for (const { story, answer, verdict } of STORIES) {
    it(`${verdict}es ${story}, with the fitted verdict and with the four conditions alone`, () => {
      expect(analyze({ question: QUESTION, answer }).reasons.starl.verdict).toBe(verdict);
      expect(analyzeWith(withoutVerdictModel, { question: QUESTION, answer }).reasons.starl.verdict).toBe(verdict);
    });
  }

  it('says what is missing whenever it misses, and never calls a miss a clear story', () => {
    for (const { answer, verdict } of STORIES) {
      const report = analyze({ question: QUESTION, answer }).reasons.starl;
      if (verdict === 'miss') expect(report.summary).not.toMatch(/clear result/);
      else expect(report.summary).toMatch(/clear result/);
    }
  });
});
