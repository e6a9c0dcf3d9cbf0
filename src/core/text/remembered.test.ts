import { expect, it } from 'vitest';
import { remembered } from './remembered.js';

it('computes a key once, and starts again past its limit', () => {
  const computed: string[] = [];
  const upper = remembered(2, (key: string) => {
    computed.push(key);
    return key.toUpperCase();
  });
  expect([upper('a'), upper('a'), upper('b'), upper('c')]).toEqual(['A', 'A', 'B', 'C']);
  expect(computed).toEqual(['a', 'b', 'c']);
  upper('d'); // three keys held, over the limit of two: all are forgotten before "d" is kept
  expect(upper('a')).toBe('A');
  expect(computed).toEqual(['a', 'b', 'c', 'd', 'a']);
});
