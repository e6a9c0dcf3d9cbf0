import { defineLexiconRule } from './rule.js';

export const noGenericReasons = defineLexiconRule(
  {
    id: 'no-generic-reasons',
    reason: 'specificReason',
    description: 'Flags reasons that fit any employer ("great culture", "growth opportunities").',
    severity: 'warning',
    appliesTo: ['motivation'],
    messages: { generic: '"{{words}}" would be true of any employer.' },
    suggestions: { nameTheirs: 'Name what only this company has: a product, a team, a value in action, recent news.' },
  },
  (signals) => signals.genericReasons,
  { messageId: 'generic', suggestionId: 'nameTheirs' },
);
