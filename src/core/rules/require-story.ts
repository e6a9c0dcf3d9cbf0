import { defineRule } from './rule.js';

export const requireStory = defineRule({
  meta: {
    id: 'require-story',
    reason: 'starl',
    description: 'A behavioral question asks for one real, past story, not what you would do or usually do.',
    severity: 'error',
    appliesTo: ['behavioral'],
    messages: {
      hypothetical: 'This says what you would do ("{{words}}"), not what you did.',
      habitual: 'This describes what you usually do ("{{words}}"), not one particular time.',
      noStory: 'There is no story here: no particular time, action and outcome.',
    },
    suggestions: { tellOneTime: 'Pick one real time: where you were, what you did, what came of it.' },
  },
  check({ judgements, star, doc }) {
    const story = judgements.starl?.story;
    if (!story || story.isStory || !star) return [];
    const index = star.cues.findIndex((c) => (story.hypothetical ? c.hypothetical : c.habitual));
    const sentence = doc.sentences[index >= 0 ? index : 0]!;
    const messageId = story.hypothetical ? 'hypothetical' : story.habitual ? 'habitual' : 'noStory';
    return [{ messageId, span: { start: sentence.start, end: sentence.end }, anchor: 'match', data: { words: sentence.text.slice(0, 60) }, suggestions: [{ kind: 'advice', id: 'tellOneTime' }] }];
  },
});
