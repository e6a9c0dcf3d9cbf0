import { defineRule } from './rule.js';

export const preferMeasuredResult = defineRule({
  meta: {
    id: 'prefer-measured-result',
    reason: 'starl',
    description: 'A result with a number is believed and remembered; this is a suggestion, never a miss.',
    severity: 'info',
    appliesTo: ['behavioral'],
    messages: { unmeasured: 'The result has no number; how much did it change?' },
    suggestions: { addNumber: 'Put a number on it: time saved, share improved, people helped.' },
  },
  check({ judgements, star, doc }) {
    const story = judgements.starl?.story;
    if (!story || !story.result || story.measuredResult || !star) return [];
    const index = star.labels.lastIndexOf('R');
    if (index < 0) return [];
    const sentence = doc.sentences[index]!;
    return [{ messageId: 'unmeasured', span: { start: sentence.start, end: sentence.end }, anchor: 'match', suggestions: [{ kind: 'advice', id: 'addNumber' }] }];
  },
});
