import { testRule } from '../../../test/support/rule-tester.js';
import { testInsertionPoints, type PlacedCase } from '../../../test/support/insertion-point.js';
import { suggestLearning } from './suggest-learning.js';

const invalid: PlacedCase[] = [
  {
    question: 'Tell me about a time you disagreed with your manager.',
    answer:
      'In my second year at the agency my manager wanted to launch the campaign a week early. I pulled the last three launch reports and showed her that early launches had half the sign-ups. She agreed to keep the date, and the campaign beat its target by 20%.',
    errors: [{ messageId: 'noLearning', text: '' }],
    after: ['beat its target by 20%.'],
  },
  {
    question: 'Tell me about a time you improved something.',
    answer: 'I noticed our support tickets were taking ages to reach the right person. I wrote a triage guide and ran a short session with the team. Average time to first response fell from 9 hours to 2.',
    errors: [{ messageId: 'noLearning', text: '' }],
    after: ['fell from 9 hours to 2.'],
  },
];

testRule(suggestLearning, {
  valid: [
    {
      question: 'Tell me about a time you handled a difficult customer.',
      answer:
        'Last December a customer came to the returns desk furious because his order had been lost twice. I apologised, found the parcel in our depot system and drove it to his house after my shift. He left us a five-star review and asked for me by name the next time. I learned that owning the problem end to end calms people faster than any script.',
    },
    {
      name: 'not a story: require-story speaks instead',
      question: 'Tell me about a time you handled conflict in a team.',
      answer: "I would sit both people down and listen to each side, then I'd try to find a compromise that works for everyone.",
    },
  ],
  invalid,
});

testInsertionPoints(suggestLearning, invalid);
