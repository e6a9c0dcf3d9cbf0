import { defineRule } from './rule.js';

export const requireStarResult = defineRule({
  meta: {
    id: 'require-star-result',
    reason: 'starl',
    description: 'A story needs its result: what changed because of what you did.',
    severity: 'error',
    appliesTo: ['behavioral'],
    messages: { missingResult: 'The story ends before saying what came of it.' },
    suggestions: { addOutcome: 'Add the result: what improved, for whom, and by how much.' },
  },
  check({ judgements, star, doc }) {
    const story = judgements.starl?.story;
    if (!story || !story.isStory || story.result || !star) return [];
    // "No result" points at the end of the last action, where the result belongs.
    const lastAction = star.labels.lastIndexOf('A');
    const sentence = doc.sentences[lastAction >= 0 ? lastAction : doc.sentences.length - 1]!;
    return [{ messageId: 'missingResult', span: { start: sentence.end, end: sentence.end }, anchor: 'insertion', suggestions: [{ kind: 'insert', id: 'addOutcome', at: sentence.end, insertion: ' As a result, …' }] }];
  },
});
