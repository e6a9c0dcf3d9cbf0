import { defineRule } from './rule.js';
import { endOf } from '../engine.js';

export const requireCompanySpecifics = defineRule({
  meta: {
    id: 'require-company-specifics',
    reason: 'specificReason',
    description: 'A reason for this job needs something specific to this company or role: homework shows.',
    severity: 'error',
    appliesTo: ['motivation'],
    messages: {
      noSpecifics: 'Nothing here is specific to this company or role.',
      labelOnly: 'You name "{{words}}", but only as a label; the reason would fit a competitor too.',
    },
    suggestions: {
      useTerms: 'Use what you know about them, for example: {{terms}}.',
      doHomework: 'Name one thing only they have (a product, a team, a value in action) and why it matters to you.',
    },
  },
  check({ signals, judgements, doc }) {
    if (signals.specifics.length || (judgements.specificReason?.z ?? 0) >= 0) return [];
    const terms = signals.contextUnused.slice(0, 3).map((t) => `"${t.text}"`).join(', ');
    const suggestion = terms ? { kind: 'advice' as const, id: 'useTerms' } : { kind: 'advice' as const, id: 'doHomework' };
    const label = signals.companyMentions[0];
    if (label) return [{ messageId: 'labelOnly', span: label, anchor: 'match', data: { words: label.text, terms }, suggestions: [suggestion] }];
    const at = endOf(doc.text);
    return [{ messageId: 'noSpecifics', span: at, anchor: 'insertion', data: { terms }, suggestions: [suggestion] }];
  },
});
