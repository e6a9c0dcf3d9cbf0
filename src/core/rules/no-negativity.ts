import { defineRule } from './rule.js';

export const noNegativity = defineRule({
  meta: {
    id: 'no-negativity',
    reason: 'opportunity',
    description: 'Flags complaints about employers, colleagues or the day: interviewers hear them as a warning.',
    severity: 'warning',
    messages: { negative: 'You sound negative here ("{{words}}"); interviewers remember complaints.' },
    suggestions: {
      reframe: 'Say what you did about it, or what you learned, without judging anyone.',
      remove: 'Leave this out.',
    },
  },
  check({ signals }) {
    return signals.negativity.map((match) => ({
      messageId: 'negative',
      span: match,
      anchor: 'match' as const,
      data: { words: match.text },
      suggestions: [{ kind: 'advice' as const, id: 'reframe' }],
    }));
  },
});
