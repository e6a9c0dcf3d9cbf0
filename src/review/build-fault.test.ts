import { expect, test, vi } from 'vitest';
import type { AnalyzeInput } from '../core/types.js';
import { readInterview } from '../transcripts/interview.js';
import { buildReview } from './build.js';

// The real analyzer, except that it fails on one answer, as a fault in it would.
vi.mock('../core/analyze.js', async (importActual) => {
  const actual = await importActual<typeof import('../core/analyze.js')>();
  return {
    analyze: (input: AnalyzeInput) => {
      if (input.answer.includes('trigger the fault')) throw new TypeError("Cannot read properties of undefined (reading 'isStory')");
      return actual.analyze(input);
    },
  };
});

test('a fault in the analyzer on one answer is recorded there; the other answers are judged', () => {
  const text = 'Q: How are you?\nA: Great, thanks, I have been looking forward to this all week.\nQ: Tell me about a time you failed.\nA: This will trigger the fault.\n';
  const review = buildReview(readInterview(text));
  expect(review.pairs[0]).toMatchObject({ problem: null, questionType: 'opener' });
  expect(review.pairs[0]?.reasons?.opportunity.verdict).toMatch(/^(pass|miss)$/);
  expect(review.pairs[1]).toMatchObject({
    reasons: null,
    problem: { code: 'E_INTERNAL', message: "internal error: Cannot read properties of undefined (reading 'isStory')" },
  });
});
