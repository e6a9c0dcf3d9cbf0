import { defineRule } from './rule.js';

export const noGenericReasons = defineRule({
  meta: {
    id: 'no-generic-reasons',
    reason: 'specificReason',
    description: 'Flags reasons that fit any employer ("great culture", "growth opportunities").',
    severity: 'warning',
    appliesTo: ['motivation'],
    messages: { generic: '"{{words}}" would be true of any employer.' },
    suggestions: { nameTheirs: 'Name what only this company has: a product, a team, a value in action, recent news.' },
  },
  check({ signals }) {
    return signals.genericReasons.map((m) => ({ messageId: 'generic', span: m, anchor: 'match' as const, data: { words: m.text }, suggestions: [{ kind: 'advice' as const, id: 'nameTheirs' }] }));
  },
});
