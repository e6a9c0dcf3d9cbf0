import { defineRule } from './rule.js';

export const requireOwnAction = defineRule({
  meta: {
    id: 'require-own-action',
    reason: 'starl',
    description: 'The interviewer hires you, not your team: the story must say what you did yourself.',
    severity: 'error',
    appliesTo: ['behavioral'],
    messages: {
      weOnly: 'Every action here is "we" or passive; the interviewer cannot see your part.',
      noAction: 'The story never says what you did.',
    },
    suggestions: { sayI: 'Say what you did yourself, with "I": what you decided, built, said or changed.' },
  },
  check({ judgements, star, doc }) {
    const story = judgements.starl?.story;
    if (!story || !story.isStory || story.ownAction || !star) return [];
    const index = star.labels.findIndex((l) => l === 'A');
    const at = index >= 0 ? doc.sentences[index]! : doc.sentences[star.labels.lastIndexOf('T')] ?? doc.sentences[0]!;
    const span = index >= 0 ? { start: at.start, end: at.end } : { start: at.end, end: at.end };
    return [{ messageId: story.weOnly ? 'weOnly' : 'noAction', span, anchor: index >= 0 ? 'scope' : 'insertion', suggestions: [{ kind: 'advice', id: 'sayI' }] }];
  },
});
