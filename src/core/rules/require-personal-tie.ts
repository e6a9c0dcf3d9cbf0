import { defineRule } from './rule.js';

export const requirePersonalTie = defineRule({
  meta: {
    id: 'require-personal-tie',
    reason: 'specificReason',
    description: 'The specific reason must be tied, in words, to the candidate\'s own goals, skills or experience.',
    severity: 'error',
    appliesTo: ['motivation'],
    messages: { untied: 'You name "{{words}}" but never say why it matters to you.' },
    suggestions: { tieIt: 'Say the link: what you have done that fits it, or what you want to do with it.' },
  },
  check({ signals }) {
    const first = signals.specifics[0];
    if (!first || signals.personalTies.length) return [];
    return [{ messageId: 'untied', span: first, anchor: 'match', data: { words: first.text }, suggestions: [{ kind: 'advice', id: 'tieIt' }] }];
  },
});
