import { describe, expect, it } from 'vitest';
import { analyze, REASONS } from '../../src/index.js';

describe('a verdict says when it is uncertain', () => {
  const answers = [
    { question: 'How are you?', answer: 'Fine, you?' },
    { question: 'Tell me about yourself.', answer: "I've worked in retail for a while and I like people." },
    { question: 'Why do you want to work here?', answer: 'Your stores are always busy and I shop there a lot, so I know the products.' },
    { question: 'Tell me about a time you helped a customer.', answer: 'A customer needed help. I helped her find a dress. She was happy.' },
  ];
  it('flags exactly the verdicts whose confidence is below the line, and never a reason that does not apply', () => {
    let flagged = 0;
    for (const input of answers) {
      const report = analyze(input);
      for (const reason of REASONS) {
        const r = report.reasons[reason];
        if (r.verdict === 'n/a') expect(r.uncertain).toBe(false);
        else expect(r.uncertain).toBe(r.confidence < 0.7);
        if (r.uncertain) flagged++;
      }
    }
    expect(flagged).toBeGreaterThan(0);
  });
  it('is settled on a clear case', () => {
    const report = analyze({ question: 'How are you?', answer: 'Fine, you?' });
    expect(report.reasons.opportunity.verdict).toBe('miss');
    expect(report.reasons.opportunity.uncertain).toBe(false);
  });
});
