import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.js';
import { verdictLines, type Painter } from './feedback.js';

const plain: Painter = { paint: (_style, text) => text };

describe('verdict lines', () => {
  it('mark an uncertain verdict as a lean and leave a settled one alone', () => {
    const report = analyze({ question: 'How are you?', answer: 'Fine, you?' });
    const settled = verdictLines(report, plain)[0]!;
    expect(settled).toMatch(/^Opportunity\s+✘ miss  /);
    expect(settled).not.toContain('uncertain');
    const leaning = verdictLines({ ...report, reasons: { ...report.reasons, opportunity: { ...report.reasons.opportunity, confidence: 0.55, uncertain: true } } }, plain)[0]!;
    expect(leaning).toMatch(/^Opportunity\s+✘ miss \(uncertain\)  /);
  });
});
