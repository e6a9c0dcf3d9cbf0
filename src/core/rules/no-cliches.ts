import { defineRule } from './rule.js';

export const noCliches = defineRule({
  meta: {
    id: 'no-cliches',
    reason: 'memorable',
    description: 'Flags stock self-descriptions ("team player", "hard worker") that no evidence supports.',
    severity: 'warning',
    appliesTo: ['introduction', 'personal', 'motivation', 'behavioral'],
    messages: { cliche: '"{{words}}" is what every candidate says; it is forgotten at once.' },
    suggestions: { showInstead: 'Replace it with one moment that shows it: what you did, where, with what result.' },
  },
  check({ signals }) {
    return signals.cliches.map((m) => ({ messageId: 'cliche', span: m, anchor: 'match' as const, data: { words: m.text }, suggestions: [{ kind: 'advice' as const, id: 'showInstead' }] }));
  },
});
