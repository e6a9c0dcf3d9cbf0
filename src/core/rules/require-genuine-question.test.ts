import { testRule } from '../../../test/support/rule-tester.js';
import { testInsertionPoints, type PlacedCase } from '../../../test/support/insertion-point.js';
import { requireGenuineQuestion } from './require-genuine-question.js';

const noQuestion: PlacedCase = {
  question: 'Do you have any questions for me?',
  answer: 'No, I think you covered everything.',
  errors: [{ messageId: 'noQuestion', text: '' }],
  after: ['you covered everything.'],
};

testRule(requireGenuineQuestion, {
  valid: [
    {
      question: 'Do you have any questions for me?',
      answer: 'I do. What would success look like for this role in the first six months? And how does the night team hand over to days on the ward?',
    },
    {
      name: 'spoken, asked without a question mark',
      question: "Is there anything else you'd like to ask us?",
      answer: 'Um, yeah, I was wondering how the support team decides which customer issues go to the product roadmap.',
    },
  ],
  invalid: [
    noQuestion,
    {
      name: 'only leave and next steps',
      question: 'Do you have any questions for me?',
      answer: 'Yes, how many days of annual leave do I get? And when will I hear back?',
      errors: [
        { messageId: 'logisticsOnly', text: 'Yes, how many days of annual leave do I get?' },
        { messageId: 'logisticsOnly', text: 'And when will I hear back?' },
      ],
    },
  ],
});

testInsertionPoints(requireGenuineQuestion, [noQuestion]);
