/** Elements whose content is never page text. */
const HIDDEN_ELEMENTS = ['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head'];

/** Elements that start a new line of text when a page is read as text. */
const BLOCK_ELEMENTS =
  'address|article|aside|blockquote|br|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul|title';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
};

/** Decodes the character references a page's text may hold; unknown named ones are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Whether a text looks like an HTML page rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(text) || /<(p|div|br|li|h[1-6])\b[^>]*>/i.test(text.slice(0, 5000));
}

/**
 * Reduces an HTML page to its readable text: scripts, styles and the head are dropped (the title is
 * kept), block elements become line breaks, tags go, character references are decoded, and blank
 * runs collapse.
 *
 * @example htmlToText('<h1>Forkful</h1><p>Meal kits &amp; more</p>') // 'Forkful\nMeal kits & more'
 */
export function htmlToText(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim();
  let text = html.replace(/<!--[\s\S]*?-->/g, ' ');
  for (const element of HIDDEN_ELEMENTS) {
    text = text.replace(new RegExp(`<${element}\\b[\\s\\S]*?</${element}\\s*>`, 'gi'), ' ');
  }
  text = text
    .replace(new RegExp(`</?(?:${BLOCK_ELEMENTS})\\b[^>]*>`, 'gi'), '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/\r\n?/g, '\n');
  const lines = decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean);
  if (title && !lines.includes(decodeEntities(title))) lines.unshift(decodeEntities(title));
  return lines.join('\n');
}
