import { describe, expect, it } from 'vitest';
import { competenciesIn, normaliseCompetency } from '../../src/stories/competency.js';
import { starQuality, suggestStories, type SuggestableStory } from '../../src/stories/match.js';

const parts = (...labels: string[]) => labels.map((star, i) => ({ text: `sentence ${i}`, star }));

const REFUND: SuggestableStory = {
  id: 1,
  title: 'The angry customer refund',
  text: 'A customer shouted at the till about a faulty kettle. I checked the receipt, offered a refund on the spot and my manager approved it. She came back the next week and bought a toaster.',
  competencies: ['customer'],
  parts: parts('S', 'A', 'A', 'R'),
};
const ROTA: SuggestableStory = {
  id: 2,
  title: 'Rota swap',
  text: 'Two pickers kept clashing over weekend shifts. I mediated and set up a shift-swap board. Complaints dropped by half within a month. I learned to give people a fair process rather than a ruling.',
  competencies: ['Teamwork', 'disagreement'],
  parts: parts('S', 'A', 'R', 'L'),
};
const OUTAGE: SuggestableStory = {
  id: 3,
  title: 'Scanner outage',
  text: 'During peak season our handheld scanners failed. I switched the pickers to paper manifests and reconciled them overnight. We shipped every order on time.',
  competencies: ['pressure'],
  parts: parts('S', 'A', 'R'),
};
const RELEASE: SuggestableStory = {
  id: 4,
  title: 'Pushing back on the release date',
  text: 'My lead wanted the app out before the payment tests passed. I showed her the failing cases and proposed a two-day slip. We shipped on the Thursday with no payment bugs.',
  competencies: [],
  parts: parts('S', 'A', 'R'),
  question: 'Tell me about a time you disagreed with your manager.',
};
const HALF_TOLD: SuggestableStory = {
  id: 5,
  title: 'Argument about the budget',
  text: 'The finance team and I argued about the events budget for weeks.',
  competencies: ['conflict'],
  parts: parts('S', 'S'),
};
const LAUNCH: SuggestableStory = {
  id: 6,
  title: 'FreshBox launch',
  text: 'I planned the FreshBox launch emails and the signup page went live a day early.',
  competencies: [],
  parts: parts('A', 'R'),
};
const BANK = [REFUND, ROTA, OUTAGE, RELEASE, HALF_TOLD, LAUNCH];

describe('story suggestions', () => {
  it.each([
    {
      question: 'Tell me about a time you disagreed with your manager.',
      fits: [
        ['Pushing back on the release date', 'told for this question; fits: conflict; a STAR story without the learning'],
        ['Rota swap', 'fits: conflict; a complete STAR(L) story'],
        ['Argument about the budget', 'fits: conflict; no action of yours in it yet'],
      ],
    },
    {
      question: 'How do you deal with a difficult coworker?',
      fits: [
        ['Rota swap', 'fits: conflict; a complete STAR(L) story'],
        ['Pushing back on the release date', 'fits: conflict; a STAR story without the learning'],
        ['Argument about the budget', 'fits: conflict; no action of yours in it yet'],
      ],
    },
    {
      question: 'Describe a situation where you had to stay calm under pressure.',
      fits: [['Scanner outage', 'fits: pressure; a STAR story without the learning']],
    },
    {
      question: 'Tell me about a time you dealt with a difficult customer.',
      fits: [['The angry customer refund', 'fits: customer; a STAR story without the learning']],
    },
    {
      question: 'Tell me about a time you stayed calm when the scanners went down.',
      fits: [['Scanner outage', 'fits: pressure; shares: scanners; a STAR story without the learning']],
    },
    {
      question: 'What did you do for the FreshBox launch?',
      fits: [['FreshBox launch', 'shares: freshbox, launch; action and result, with no situation set up']],
    },
  ])('"$question"', ({ question, fits }) => {
    expect(suggestStories({ text: question }, BANK).map((fit) => [fit.story.title, fit.why])).toEqual(fits);
  });

  it('never suggests a story for a word it merely shares with the question', () => {
    const titles = suggestStories({ text: 'Tell me about a time you disagreed with your manager.' }, BANK).map((fit) => fit.story.title);
    expect(titles).not.toContain('The angry customer refund');
  });

  it('reads a competency given in other words', () => {
    const fits = suggestStories({ text: 'Tell me about a hard week.', competencies: ['Disagreements'] }, BANK);
    expect(fits.map((fit) => fit.story.title)).toEqual(['Rota swap', 'Pushing back on the release date', 'Argument about the budget']);
  });

  it('folds synonyms onto the bank\'s competencies, by lemma', () => {
    expect(['disagreement', 'Teamwork', 'difficult co-workers', 'mentoring', 'knitting'].map(normaliseCompetency)).toEqual([
      'conflict',
      'teamwork',
      'conflict',
      'leadership',
      'knitting',
    ]);
    expect(competenciesIn('Two of my colleagues were not getting along, and I was clashing with one of them.')).toEqual(['conflict']);
  });

  it('rates a story by its STAR(L) parts', () => {
    expect(starQuality(parts('S', 'T', 'A', 'R', 'L'))).toEqual({ note: 'a complete STAR(L) story', bonus: 2 });
    expect(starQuality(parts('S', 'A', 'R'))).toMatchObject({ note: 'a STAR story without the learning' });
    expect(starQuality(parts('S', 'A'))).toMatchObject({ note: 'no result in it yet' });
  });
});
