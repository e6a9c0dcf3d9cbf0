import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('sentences do not end at abbreviations', () => {
  it.each([
    ['a time of day', 'The alarm went off at 3 a.m. and I was the only nurse on.'],
    ['a title before a name', 'I asked Dr. Patel for a second opinion.'],
    ['Latin shorthand', 'I ordered the basics, e.g. gloves and masks, before the shift.'],
    ['dotted initials', 'I called the U.S. office that night.'],
    ['a number sign', 'We climbed to No. 5 in the region.'],
    ['etc. inside a sentence', 'Gloves, masks etc. were all low.'],
  ])('keeps %s inside one sentence', (_, text) => {
    expect(split(text)).toEqual([text]);
  });

  it.each([
    ['a time that closes the sentence', 'I got there at 7 a.m. The shift had started.', ['I got there at 7 a.m.', 'The shift had started.']],
    ['"no." as a word', 'I said no. Then she agreed.', ['I said no.', 'Then she agreed.']],
    ['a company suffix', 'I worked at Acme Ltd. The team was small.', ['I worked at Acme Ltd.', 'The team was small.']],
  ])('still ends %s', (_, text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});
