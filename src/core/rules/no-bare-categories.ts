import { defineRule } from './rule.js';

export const noBareCategories = defineRule({
  meta: {
    id: 'no-bare-categories',
    reason: 'memorable',
    description: 'Flags pastimes named as bare categories ("reading", "travelling") with no particular instance.',
    severity: 'warning',
    appliesTo: ['introduction', 'personal'],
    messages: { bare: '"{{words}}" is a category; which one, where, and what came of it?' },
    suggestions: { giveInstance: 'Name one instance: the book, the trip, the match, and a detail only you could add.' },
  },
  check({ signals, judgements }) {
    if ((judgements.memorable?.z ?? 0) >= 0) return [];
    return signals.bareCategories.slice(0, 3).map((m) => ({ messageId: 'bare', span: m, anchor: 'match' as const, data: { words: m.text }, suggestions: [{ kind: 'advice' as const, id: 'giveInstance' }] }));
  },
});
