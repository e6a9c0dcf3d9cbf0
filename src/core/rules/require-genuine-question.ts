import { defineRule } from './rule.js';
import { endOf } from '../engine.js';

export const requireGenuineQuestion = defineRule({
  meta: {
    id: 'require-genuine-question',
    reason: 'opportunity',
    description: 'A closing answer needs at least one genuine question about the role, team or work.',
    severity: 'error',
    appliesTo: ['closing'],
    messages: {
      noQuestion: 'You end without asking anything about the role or team.',
      logisticsOnly: 'This question ("{{words}}") is about logistics, not the role.',
    },
    suggestions: {
      askAboutRole: 'Ask about the work: "What would success look like in the first six months?"',
    },
  },
  check({ signals, doc }) {
    if (signals.asked.some((q) => !q.logistics)) return [];
    if (signals.asked.length) {
      return signals.asked.map((q) => ({ messageId: 'logisticsOnly', span: q, anchor: 'match' as const, data: { words: q.text }, suggestions: [{ kind: 'advice' as const, id: 'askAboutRole' }] }));
    }
    const at = endOf(doc.text);
    return [{ messageId: 'noQuestion', span: at, anchor: 'insertion', suggestions: [{ kind: 'advice', id: 'askAboutRole' }] }];
  },
});
