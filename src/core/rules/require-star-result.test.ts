import { testRule } from '../../../test/support/rule-tester.js';
import { testInsertionPoints, type PlacedCase } from '../../../test/support/insertion-point.js';
import { requireStarResult } from './require-star-result.js';

const invalid: PlacedCase[] = [
  {
    question: 'Tell me about a time you fixed a problem at work.',
    answer: 'The warehouse scanners kept dropping their connection during the night shift. I tested each access point with a laptop on the floor, and I moved two of them away from the metal racking.',
    errors: [{ messageId: 'missingResult', text: '' }],
    after: ['away from the metal racking.'],
  },
  {
    name: 'spoken failure story',
    question: 'Tell me about a time you made a mistake.',
    answer: 'So, um, in my first month at the bank I sent a client the wrong statement. I called him straight away, apologised, and sent the right one by courier that afternoon.',
    errors: [{ messageId: 'missingResult', text: '' }],
    after: ['by courier that afternoon.'],
  },
  {
    name: 'long set-up, then the story stops',
    question: 'Tell me about a time you went above and beyond.',
    answer:
      'It was the week before Easter at the garden centre, and two of the four staff were off with flu. My job that week was to look after the plant area and the tills. I reorganised the yard and rang the supplier.',
    errors: [{ messageId: 'missingResult', text: '' }],
    after: ['rang the supplier.'],
  },
];

testRule(requireStarResult, {
  valid: [
    {
      question: 'Tell me about a time you disagreed with your manager.',
      answer:
        'In my second year at the agency my manager wanted to launch the campaign a week early. I pulled the last three launch reports and showed her that early launches had half the sign-ups. She agreed to keep the date, and the campaign beat its target by 20%.',
    },
    {
      name: 'an unmeasured result still counts',
      question: 'Tell me about a time you improved something.',
      answer: 'I noticed our support tickets were taking ages to reach the right person. I wrote a triage guide and ran a short session with the team. Tickets got to the right person much faster after that.',
    },
  ],
  invalid,
});

testInsertionPoints(requireStarResult, invalid);
