import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable', () => {
  it.each([
    ['clearing the screen', 'Acme\u001b[2J\u001b[H Ltd', 'Acme Ltd'],
    ['setting the window title', 'Acme\u001b]0;you have been pwned\u0007 Ltd', 'Acme Ltd'],
    ['a title ended by ESC \\', 'Acme\u001b]2;title\u001b\\ Ltd', 'Acme Ltd'],
    ['colouring the output', '\u001b[31;1mJordan\u001b[0m Kim', 'Jordan Kim'],
    ['a one-character CSI', 'Jordan\u009b2J Kim', 'Jordan2J Kim'],
    ['a carriage return that overwrites the line', 'Fine\rHacked', 'FineHacked'],
    ['a right-to-left override', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['a bell and a backspace', 'Ac\u0007m\be', 'Acme'],
  ])('removes %s', (_what, input, expected) => {
    expect(printable(input)).toBe(expected);
  });

  it('keeps line breaks, tabs and every other character', () => {
    expect(printable('Q:\tWhy us?\nA: Café — “naïve” 数据 🎉')).toBe('Q:\tWhy us?\nA: Café — “naïve” 数据 🎉');
  });
});
