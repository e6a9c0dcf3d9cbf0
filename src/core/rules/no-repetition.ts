import { defineRule } from './rule.js';
import { PADDING_SHARE } from '../facts.js';

export const noRepetition = defineRule({
  meta: {
    id: 'no-repetition',
    reason: 'opportunity',
    description: 'Flags an answer padded with sentences it has already said, which add nothing however long it gets.',
    severity: 'error',
    messages: { repeatedSentences: '{{share}} of the sentences repeat an earlier one word for word.' },
    suggestions: { sayItOnce: 'Say each thing once, and use the time for one more specific detail.' },
  },
  check({ signals }) {
    const [first, ...rest] = signals.repeatedSentences;
    if (!first || signals.repetition < PADDING_SHARE) return [];
    return [
      {
        messageId: 'repeatedSentences',
        span: { start: first.start, end: first.end },
        anchor: 'match',
        data: { share: `${Math.round(signals.repetition * 100)}%` },
        evidence: rest.slice(0, 20).map((s) => ({ start: s.start, end: s.end })),
        suggestions: [{ kind: 'advice', id: 'sayItOnce' }],
      },
    ];
  },
});
