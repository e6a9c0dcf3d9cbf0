import { expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { Rule } from '../../src/core/rules/rule.js';
import type { InvalidCase } from './rule-tester.js';

/** A failing case whose findings are insertion points, with the words each one must follow. */
export interface PlacedCase extends InvalidCase {
  /** The answer's words just before the insertion point, one per finding, in answer order. */
  after: string[];
}

/**
 * Checks where a rule's insertion-point findings sit: an insertion has no words of its own, so the case
 * quotes the words it follows instead ("no result" belongs right after the last action).
 */
export function testInsertionPoints(rule: Rule, cases: PlacedCase[]): void {
  for (const [i, c] of cases.entries()) {
    it(`${rule.meta.id}: insertion point after ${c.after.map((w) => `"${w}"`).join(', ')} (${i + 1})`, () => {
      const points = analyze(c)
        .findings.filter((f) => f.ruleId === rule.meta.id && f.anchor === 'insertion')
        .map((f) => c.answer.slice(0, f.span.start).trimEnd());
      expect(points).toHaveLength(c.after.length);
      points.forEach((before, n) => expect(before.endsWith(c.after[n]!), `after "${c.after[n]}"`).toBe(true));
    });
  }
}
