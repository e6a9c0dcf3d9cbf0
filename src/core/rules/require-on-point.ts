import { defineRule } from './rule.js';

export const requireOnPoint = defineRule({
  meta: {
    id: 'require-on-point',
    reason: 'opportunity',
    description: 'A story question asks for one kind of story; an answer that never gets to it misses the question.',
    severity: 'error',
    appliesTo: ['behavioral'],
    messages: { offPoint: 'The question asks about {{asks}}, and this answer never gets to one.' },
    suggestions: { answerTheQuestion: 'Tell a story that is about {{asks}}: what happened, what you did, what came of it.' },
  },
  check({ signals, doc }) {
    if (!signals.offPoint) return [];
    const first = doc.sentences[0]!;
    return [{ messageId: 'offPoint', span: { start: first.start, end: first.end }, anchor: 'scope', data: { asks: signals.offPoint.asks }, suggestions: [{ kind: 'advice', id: 'answerTheQuestion' }] }];
  },
});
