import { defineRule } from './rule.js';

/** Fewer words than this give the interviewer nothing to build on (the guide's "literal minimum"). */
const MIN_WORDS = 12;

export const noMinimalAnswer = defineRule({
  meta: {
    id: 'no-minimal-answer',
    reason: 'opportunity',
    description: 'Flags answers that give the literal minimum or deflect the question.',
    severity: 'error',
    messages: {
      deflects: 'You decline the question ("{{words}}"), which wastes a chance to connect.',
      minimal: 'The answer is {{count}} words long; it gives the interviewer nothing to ask about.',
    },
    suggestions: {
      addHook: 'Add one real detail about you or the role that invites a follow-up question.',
    },
  },
  check({ signals, judgements, doc }) {
    if ((judgements.opportunity?.z ?? 0) >= 0) return [];
    const early = signals.deflections.find((d) => d.start < 40 || signals.words < 25);
    if (early) return [{ messageId: 'deflects', span: early, anchor: 'match', data: { words: early.text }, suggestions: [{ kind: 'advice', id: 'addHook' }] }];
    if (signals.words < MIN_WORDS) {
      const span = { start: 0, end: doc.text.trimEnd().length };
      return [{ messageId: 'minimal', span, anchor: 'scope', data: { count: String(signals.words) }, suggestions: [{ kind: 'advice', id: 'addHook' }] }];
    }
    return [];
  },
});
