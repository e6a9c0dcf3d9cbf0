import { defineRule } from './rule.js';

export const noSwappableReason = defineRule({
  meta: {
    id: 'no-swappable-reason',
    reason: 'specificReason',
    description: 'The swap test: would the answer still be true with a competitor\'s name in place of this company\'s?',
    severity: 'warning',
    appliesTo: ['motivation'],
    messages: { swappable: 'Put "{{competitor}}" in place of "{{company}}" and this answer still works.' },
    suggestions: { makeUnswappable: 'Add a reason a competitor could not claim: their product, team or approach.' },
  },
  check({ signals, input }) {
    const mention = signals.companyMentions[0];
    if (!mention || signals.specifics.length) return [];
    const competitor = input.company?.competitors?.[0] ?? 'a competitor';
    return [{ messageId: 'swappable', span: mention, anchor: 'match', data: { competitor, company: mention.text }, suggestions: [{ kind: 'advice', id: 'makeUnswappable' }] }];
  },
});
