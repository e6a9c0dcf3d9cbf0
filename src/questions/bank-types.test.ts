import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.js';
import { bank, fillPlaceholders } from './index.js';

/**
 * A neutral answer of about thirty words: no story, no company, no question type of its own, so the
 * analyzer's question type comes from the question alone.
 */
const NEUTRAL_ANSWER =
  'Thank you for asking. I think about this often, and I am happy to share my view on it with you today, ' +
  'because it matters to me and to the people I work with.';

/** The share of questions whose type the analyzer must agree on: the bank's labels follow the guide. */
const MIN_AGREEMENT = 0.9;

describe('the analyzer and the bank agree on question types', () => {
  it(`classifies at least ${MIN_AGREEMENT * 100}% of the bank's questions as labelled`, () => {
    const disagreements = bank.flatMap((question) => {
      const text = fillPlaceholders(question, { company: 'Northwind', role: 'support engineer' });
      const found = analyze({ question: text, answer: NEUTRAL_ANSWER }).questionType;
      return found === question.type ? [] : [`${question.id}: labelled ${question.type}, classified ${found}: ${text}`];
    });
    const agreement = 1 - disagreements.length / bank.length;
    console.log(
      `question type agreement: ${(agreement * 100).toFixed(1)}% of ${bank.length}` +
        (disagreements.length > 0 ? `; disagreements:\n${disagreements.join('\n')}` : ''),
    );
    expect(agreement).toBeGreaterThanOrEqual(MIN_AGREEMENT);
  });
});
