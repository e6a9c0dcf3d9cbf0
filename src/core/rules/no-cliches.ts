import { defineLexiconRule } from './rule.js';

export const noCliches = defineLexiconRule(
  {
    id: 'no-cliches',
    reason: 'memorable',
    description: 'Flags stock self-descriptions ("team player", "hard worker") that no evidence supports.',
    severity: 'warning',
    appliesTo: ['introduction', 'personal', 'motivation', 'behavioral'],
    messages: { cliche: '"{{words}}" is what every candidate says; it is forgotten at once.' },
    suggestions: { showInstead: 'Replace it with one moment that shows it: what you did, where, with what result.' },
  },
  (signals) => signals.cliches,
  { messageId: 'cliche', suggestionId: 'showInstead' },
);
