import { testRule } from '../../../test/support/rule-tester.js';
import { testInsertionPoints, type PlacedCase } from '../../../test/support/insertion-point.js';
import { requireCompanySpecifics } from './require-company-specifics.js';

const noSpecifics: PlacedCase[] = [
  {
    question: 'Why do you want to work here?',
    answer: "It's a great company with a great culture, and I'm looking for growth opportunities.",
    errors: [{ messageId: 'noSpecifics', text: '' }],
    after: ['growth opportunities.'],
  },
  {
    name: 'only the candidate\'s needs',
    question: 'Why do you want to work here?',
    answer: "The hybrid working suits me and the pension is good, plus there's free parking.",
    errors: [{ messageId: 'noSpecifics', text: '' }],
    after: ['free parking.'],
  },
];

testRule(requireCompanySpecifics, {
  valid: [
    {
      question: 'Why do you want to work here?',
      answer: "Your community pharmacy scheme caught my eye. I ran the flu clinic at Boots for two winters and I'd love to help build that service here.",
    },
    {
      question: 'Why do you want to work here?',
      answer: "I've been following your open source work on the Kite scheduler, and I'd love to work on it full time; I sent a patch for its retry logic last year.",
      context: 'Kite is our open source job scheduler. The platform team maintains Kite and its retry and backoff logic.',
    },
    {
      question: 'What can you bring to our company?',
      answer:
        "I've spent four years running the returns desk at a busy Argos, and your returns team is rolling out self-service lockers; I set up the same lockers in my store last spring.",
      context: 'Returns team: we are rolling out self-service returns lockers across 40 stores.',
    },
  ],
  invalid: [
    ...noSpecifics,
    {
      name: 'the company named only as a label',
      question: 'Why do you want to work here?',
      answer: "I like Northwind because Northwind is a well-known name and I'd be proud to work for Northwind.",
      company: { name: 'Northwind' },
      errors: [{ messageId: 'labelOnly', text: 'Northwind' }],
    },
  ],
});

testInsertionPoints(requireCompanySpecifics, noSpecifics);
