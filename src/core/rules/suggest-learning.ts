import { defineRule } from './rule.js';

export const suggestLearning = defineRule({
  meta: {
    id: 'suggest-learning',
    reason: 'starl',
    description: 'The L of STAR(L): a line of reflection shows growth. Never required for a pass.',
    severity: 'info',
    appliesTo: ['behavioral'],
    messages: { noLearning: 'The story has no learning; one line of reflection would round it off.' },
    suggestions: { addLearning: 'End with what you learned or do differently since.' },
  },
  check({ judgements, doc }) {
    const story = judgements.starl?.story;
    if (!story || !story.isStory || story.learning) return [];
    const end = doc.text.trimEnd().length;
    return [{ messageId: 'noLearning', span: { start: end, end }, anchor: 'insertion', suggestions: [{ kind: 'insert', id: 'addLearning', at: end, insertion: ' What I took from it was …' }] }];
  },
});
