import { defineRule } from './rule.js';

export const maxSituationShare = defineRule({
  meta: {
    id: 'max-situation-share',
    reason: 'starl',
    description: 'Situation and task should take at most half of a story (the labelling guide); the rest is what you did and what came of it.',
    severity: 'error',
    appliesTo: ['behavioral'],
    messages: { tooMuchContext: 'Situation and task take {{share}}% of the answer; the interviewer is waiting for your part.' },
    suggestions: { trimContext: 'Cut the set-up to two sentences and spend the words on what you did.' },
  },
  check({ judgements, star, doc }) {
    const story = judgements.starl?.story;
    if (!story || !star || story.balance.ok) return [];
    const parts = doc.sentences.filter((_, i) => star.labels[i] === 'S' || star.labels[i] === 'T');
    if (!parts.length) return [];
    const span = { start: parts[0]!.start, end: parts[parts.length - 1]!.end };
    return [{ messageId: 'tooMuchContext', span, anchor: 'scope', evidence: parts.map((p) => ({ start: p.start, end: p.end })), data: { share: String(Math.round(story.balance.situationTaskShare * 100)) }, suggestions: [{ kind: 'advice', id: 'trimContext' }] }];
  },
});
