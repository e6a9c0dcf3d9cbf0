import { defineLexiconRule } from './rule.js';

export const noClicheWeakness = defineLexiconRule(
  {
    id: 'no-cliche-weakness',
    reason: 'opportunity',
    description: 'Flags a strength passed off as a weakness ("I\'m a perfectionist"), which dodges the question.',
    severity: 'error',
    appliesTo: ['other'],
    messages: { disguisedStrength: '"{{words}}" is a strength in disguise; interviewers hear it as a dodge.' },
    suggestions: { nameRealWeakness: 'Name a real weakness, show one time it cost you, and say what you do about it now.' },
  },
  (signals) => signals.clicheWeaknesses,
  { messageId: 'disguisedStrength', suggestionId: 'nameRealWeakness' },
);
