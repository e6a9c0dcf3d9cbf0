import { defineLexiconRule } from './rule.js';

export const noBareCategories = defineLexiconRule(
  {
    id: 'no-bare-categories',
    reason: 'memorable',
    description: 'Flags pastimes named as bare categories ("reading", "travelling") with no particular instance.',
    severity: 'warning',
    appliesTo: ['introduction', 'personal'],
    messages: { bare: '"{{words}}" is a category; which one, where, and what came of it?' },
    suggestions: { giveInstance: 'Name one instance: the book, the trip, the match, and a detail only you could add.' },
  },
  (signals) => signals.bareCategories,
  { messageId: 'bare', suggestionId: 'giveInstance', when: ({ judgements }) => (judgements.memorable?.z ?? 0) < 0, max: 3 },
);
