import { defineLexiconRule } from './rule.js';

export const noBuzzwords = defineLexiconRule(
  {
    id: 'no-buzzwords',
    reason: 'memorable',
    description: 'Flags corporate jargon ("leveraged", "moved the needle") that sounds like content but names nothing.',
    severity: 'warning',
    appliesTo: ['introduction', 'personal', 'motivation', 'behavioral', 'other'],
    messages: { buzzword: '"{{words}}" is jargon; say what actually happened.' },
    suggestions: { plainWords: 'Say it in plain words, with the thing itself: which channel, which number, which change.' },
  },
  (signals) => signals.buzzwords,
  { messageId: 'buzzword', suggestionId: 'plainWords' },
);
