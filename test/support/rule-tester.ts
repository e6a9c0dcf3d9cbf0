import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { Rule } from '../../src/core/rules/rule.js';
import type { AnalyzeInput, Finding } from '../../src/core/types.js';

/** An answer the rule must leave alone. */
export interface ValidCase extends AnalyzeInput {
  name?: string;
}

/** An answer the rule must flag, with where: the quoted words each finding marks (empty for an insertion point). */
export interface InvalidCase extends AnalyzeInput {
  name?: string;
  errors: { messageId: string; text: string }[];
}

/**
 * ESLint's RuleTester for Starl: every valid answer gets no finding from the rule, and every invalid answer
 * gets exactly the listed findings, each at the quoted words. Runs the full analyzer, as users do.
 */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const own = (input: AnalyzeInput): Finding[] => analyze(input).findings.filter((f) => f.ruleId === rule.meta.id);
  describe(rule.meta.id, () => {
    it('has metadata that drives its messages', () => {
      expect(rule.meta.description.length).toBeGreaterThan(10);
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
      expect(Object.keys(rule.meta.suggestions).length).toBeGreaterThan(0);
    });
    for (const [i, c] of cases.valid.entries()) {
      it(`valid: ${c.name ?? c.answer.slice(0, 60)} (${i + 1})`, () => {
        expect(own(c).map((f) => `${f.messageId}: ${f.actual}`)).toEqual([]);
      });
    }
    for (const [i, c] of cases.invalid.entries()) {
      it(`invalid: ${c.name ?? c.answer.slice(0, 60)} (${i + 1})`, () => {
        const findings = own(c);
        expect(findings.map((f) => ({ messageId: f.messageId, text: f.actual }))).toEqual(c.errors);
        for (const f of findings) {
          expect(f.message).not.toMatch(/\{\{/);
          expect(f.suggestions.length).toBeGreaterThan(0);
          expect(f.span.start).toBeGreaterThanOrEqual(0);
          expect(f.span.end).toBeLessThanOrEqual(c.answer.length);
        }
      });
    }
  });
}
