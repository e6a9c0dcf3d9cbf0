import { describe, expect, it } from 'vitest';
import { contextTerms, guessCompanyName } from './terms.js';

describe("the company's name in a posting", () => {
  const opening = 'We are hiring now. '.repeat(21).slice(0, 390);

  it('is read whole when it starts just before the end of the opening', () => {
    expect(guessCompanyName(`${opening} Brightloop Cycles is a bike company.`)).toBe('Brightloop');
  });

  it('is not looked for past the opening', () => {
    expect(guessCompanyName(`${opening}          Brightloop Cycles is a bike company.`)).toBeNull();
  });

  it('is read from the same posting its terms come from, in either order', () => {
    const posting = `${opening} Brightloop Cycles builds the offline bike-share app.`;
    expect(contextTerms(posting).map((t) => t.text)).toContain('bike-share app');
    expect(guessCompanyName(posting)).toBe('Brightloop');
  });
});
