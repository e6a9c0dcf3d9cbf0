import { defineRule } from './rule.js';

/** Above about one filler in twenty words, listeners start to notice (our own spoken-answer corpus). */
const MAX_FILLER_RATE = 0.05;

export const maxFillerRate = defineRule({
  meta: {
    id: 'max-filler-rate',
    reason: 'delivery',
    description: 'Flags answers where fillers ("um", "you know", "like") are frequent enough to distract.',
    severity: 'info',
    messages: { fillers: '{{count}} fillers in {{words}} words; they blur your point.' },
    suggestions: { pause: 'Pause instead of filling: silence sounds more confident than "um".' },
  },
  check({ signals }) {
    if (signals.words < 20 || signals.fillers.length / signals.words <= MAX_FILLER_RATE) return [];
    const first = signals.fillers[0]!;
    return [{ messageId: 'fillers', span: first, anchor: 'match', evidence: signals.fillers.slice(1), data: { count: String(signals.fillers.length), words: String(signals.words) }, suggestions: [{ kind: 'advice', id: 'pause' }] }];
  },
});
