import { defineRule } from './rule.js';
import { endOf } from '../engine.js';

export const requireOpenerWarmth = defineRule({
  meta: {
    id: 'require-opener-warmth',
    reason: 'opportunity',
    description: 'Small talk is already the interview: an opener answer needs a warm line of enthusiasm.',
    severity: 'error',
    appliesTo: ['opener'],
    messages: { noWarmth: 'Polite, but nothing shows you are glad to be here.' },
    suggestions: { addWarmth: 'Add a warm line: "Really well, thanks, I\'ve been looking forward to this."' },
  },
  check({ signals, judgements, doc }) {
    if (signals.warmth.length || (judgements.opportunity?.z ?? 0) >= 0) return [];
    const at = endOf(doc.text);
    return [{ messageId: 'noWarmth', span: at, anchor: 'insertion', suggestions: [{ kind: 'insert', id: 'addWarmth', at: at.start, insertion: " I've been looking forward to this." }] }];
  },
});
