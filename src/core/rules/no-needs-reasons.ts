import { defineRule } from './rule.js';

export const noNeedsReasons = defineRule({
  meta: {
    id: 'no-needs-reasons',
    reason: 'specificReason',
    description: 'Flags reasons that are only about the candidate\'s needs (pay, commute, hours).',
    severity: 'warning',
    appliesTo: ['motivation'],
    messages: { needs: '"{{words}}" is what you get, not why you fit; it gives them no reason to choose you.' },
    suggestions: { giveFit: 'Lead with what you would bring to the work, and why this work in particular.' },
  },
  check({ signals }) {
    return signals.needs.map((m) => ({ messageId: 'needs', span: m, anchor: 'match' as const, data: { words: m.text }, suggestions: [{ kind: 'advice' as const, id: 'giveFit' }] }));
  },
});
