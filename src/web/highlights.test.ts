import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding, ReasonReport, Report, Severity, Strength } from '../core/types.js';
import { classesFor, layoutHighlights } from './highlights.js';
import type { Run } from './highlights.js';

const ANSWER = 'We had a problem. I rewrote the importer and cut load time by 40 percent.';

function finding(start: number, end: number, severity: Severity = 'warning'): Finding {
  return {
    ruleId: 'test-rule', reason: 'starl', severity, messageId: 'm', message: 'message', span: { start, end },
    anchor: start === end ? 'insertion' : 'match', actual: ANSWER.slice(start, end), evidence: [], suggestions: [], fingerprint: `${start}-${end}`,
  };
}

function strength(start: number, end: number): Strength {
  return { kind: 'number', reason: 'memorable', span: { start, end }, actual: ANSWER.slice(start, end) };
}

function report(parts: Partial<Report>, answer = ANSWER): Report {
  const na: ReasonReport = { verdict: 'n/a', score: null, confidence: 1, uncertain: false, summary: '', findings: [], strengths: [] };
  return {
    questionType: 'behavioral', questionTypeConfidence: 1,
    reasons: { opportunity: na, memorable: na, specificReason: na, starl: na },
    sentences: [
      { start: 0, end: 17, text: answer.slice(0, 17), star: 'S' },
      { start: 18, end: answer.length, text: answer.slice(18), star: 'A' },
    ],
    balance: null, findings: [], strengths: [], context: null, followUp: null, words: 14, ...parts,
  };
}

function textOf(runs: Run[]): string {
  return runs.map((run) => (run.type === 'gap' ? run.text : run.sentence.segments.map((s) => s.text).join(''))).join('');
}

describe('layoutHighlights', () => {
  it('splits sentences and the gap between them, keeping their STAR(L) labels', () => {
    const runs = layoutHighlights(ANSWER, report({}));
    expect(runs.map((run) => (run.type === 'gap' ? `gap:${run.text}` : run.sentence.star))).toEqual(['S', 'gap: ', 'A']);
  });

  it('cuts overlapping marks into runs that carry each mark they overlap', () => {
    const we = finding(0, 6);
    const forty = strength(ANSWER.indexOf('40'), ANSWER.indexOf('40') + 2);
    const cut = finding(ANSWER.indexOf('cut'), ANSWER.indexOf('percent') + 7, 'info');
    const runs = layoutHighlights(ANSWER, report({ findings: [we, cut], strengths: [forty] }));
    const marked = runs.flatMap((run) => (run.type === 'sentence' ? run.sentence.segments : [])).filter((s) => s.marks.length > 0);
    expect(marked.map((s) => [s.text, s.marks.length])).toEqual([
      ['We had', 1],
      ['cut load time by ', 1],
      ['40', 2],
      [' percent', 1],
    ]);
  });

  it('places a missing part at the end of the sentence it follows', () => {
    const missingResult = finding(ANSWER.length, ANSWER.length, 'error');
    const missingTask = finding(17, 17);
    const runs = layoutHighlights(ANSWER, report({ findings: [missingResult, missingTask] }));
    const sentences = runs.flatMap((run) => (run.type === 'sentence' ? [run.sentence] : []));
    expect(sentences[0]?.insertions.map((i) => i.at)).toEqual([17]);
    expect(sentences[1]?.insertions.map((i) => i.at)).toEqual([ANSWER.length]);
  });

  it('gives back every character of the answer once, in order, whatever the spans', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(70), fc.nat(70)), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(70), fc.nat(70)), { maxLength: 4 }),
        (answer, findingSpans, sentenceSpans) => {
          const ordered = (a: number, b: number) => ({ start: Math.min(a, b, answer.length), end: Math.min(Math.max(a, b), answer.length) });
          const sentences = sentenceSpans.map(([a, b]) => ({ ...ordered(a, b), text: '' }));
          const findings = findingSpans.map(([a, b]) => finding(ordered(a, b).start, ordered(a, b).end));
          expect(textOf(layoutHighlights(answer, report({ sentences, findings }, answer)))).toBe(answer);
        },
      ),
    );
  });
});

describe('classesFor', () => {
  it('underlines by the most severe finding and fills strengths, so style is not colour alone', () => {
    expect(classesFor([{ kind: 'finding', severity: 'info', finding: finding(0, 1) }, { kind: 'finding', severity: 'error', finding: finding(0, 1) }])).toBe('mark-error');
    expect(classesFor([{ kind: 'strength', strength: strength(0, 1) }, { kind: 'finding', severity: 'warning', finding: finding(0, 1) }])).toBe('mark-warning mark-strength');
  });
});
