import { printable } from '../text/printable.js';

/**
 * Text as literal Markdown, so that what a candidate typed (or a transcript said) never becomes markup
 * when the report is rendered. HTML's special characters become entities, so no renderer sees a tag
 * (`<img onerror>`, `<script>`) or an autolink; the characters of emphasis, links, images, code,
 * tables and strikethrough are escaped with a backslash, so `[x](javascript:…)` stays text; and a line
 * that would start a heading, list or rule has its first mark escaped. Escape sequences are removed
 * too, since the Markdown is also printed in the terminal.
 *
 * @example
 * markdownText('<img src=x onerror=alert(1)> [go](javascript:alert(1))');
 * // → '&lt;img src=x onerror=alert\(1\)&gt; \[go\]\(javascript:alert\(1\)\)'
 */
export function markdownText(text: string): string {
  return printable(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]()!|~]/g, '\\$&')
    .replace(/^(\s*)([#+=-]|\d+(?=[.)]))/gm, (_match, space: string, mark: string) => (/\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`));
}
