/**
 * Every match of a global pattern in `text`, in order: what `text.matchAll(pattern)` yields. It runs
 * `exec` on the pattern itself, because `matchAll` runs a fresh copy of it, and V8 compiles that copy
 * again after each full garbage collection: in long batches that cost more than the matching did.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError('allMatches needs a pattern with the g flag');
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    // An empty match would be found again at the same place; step past it as matchAll does.
    if (match[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode || pattern.flags.includes('v'));
  }
  return found;
}

/** The index after `index`, a whole code point on in a Unicode pattern. */
function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}
