import { describe, expect, it } from 'vitest';
import { markdownText } from './markdown-text.js';

describe('markdownText', () => {
  it.each([
    ['an HTML tag', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['a script', '<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['a javascript: link', '[click](javascript:alert(1))', '\\[click\\]\\(javascript:alert\\(1\\)\\)'],
    ['an image', '![x](http://evil.example/a.png)', '\\!\\[x\\]\\(http://evil.example/a.png\\)'],
    ['an autolink', '<javascript:alert(1)>', '&lt;javascript:alert\\(1\\)&gt;'],
    ['an entity', '&lt;b&gt;', '&amp;lt;b&amp;gt;'],
    ['emphasis, code and a table cell', '*a* _b_ `c` | d ~~e~~', '\\*a\\* \\_b\\_ \\`c\\` \\| d \\~\\~e\\~\\~'],
    ['a heading, a list and a numbered list at line starts', '# Hi\n- one\n2. two', '\\# Hi\n\\- one\n2\\. two'],
    ['a terminal escape', 'Acme\u001b[2J', 'Acme'],
  ])('keeps %s as text', (_what, input, expected) => {
    expect(markdownText(input)).toBe(expected);
  });

  it('leaves plain words alone', () => {
    expect(markdownText("I cut the close from 8 days to 4, and learned to measure first.")).toBe("I cut the close from 8 days to 4, and learned to measure first.");
  });
});
