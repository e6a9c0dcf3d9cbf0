import { defineLexiconRule } from './rule.js';

export const noNeedsReasons = defineLexiconRule(
  {
    id: 'no-needs-reasons',
    reason: 'specificReason',
    description: 'Flags reasons that are only about the candidate\'s needs (pay, commute, hours).',
    severity: 'warning',
    appliesTo: ['motivation'],
    messages: { needs: '"{{words}}" is what you get, not why you fit; it gives them no reason to choose you.' },
    suggestions: { giveFit: 'Lead with what you would bring to the work, and why this work in particular.' },
  },
  (signals) => signals.needs,
  { messageId: 'needs', suggestionId: 'giveFit' },
);
