import { defineLexiconRule } from './rule.js';

export const noNegativity = defineLexiconRule(
  {
    id: 'no-negativity',
    reason: 'opportunity',
    description: 'Flags complaints about employers, colleagues or the day: interviewers hear them as a warning.',
    severity: 'warning',
    messages: { negative: 'You sound negative here ("{{words}}"); interviewers remember complaints.' },
    suggestions: {
      reframe: 'Say what you did about it, or what you learned, without judging anyone.',
    },
  },
  (signals) => signals.negativity,
  { messageId: 'negative', suggestionId: 'reframe' },
);
