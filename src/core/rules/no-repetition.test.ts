import { testRule } from '../../../test/support/rule-tester.js';
import { noRepetition } from './no-repetition.js';

testRule(noRepetition, {
  valid: [
    {
      question: 'Tell me about yourself.',
      answer: "I'm a staff nurse on a respiratory ward. I rewrote our oxygen weaning checklist last year. Readmissions fell from 14 to 9 a month. Now I'm ready to lead a team.",
    },
  ],
  invalid: [
    {
      name: 'one sentence repeated to fill the answer',
      question: 'Tell me about yourself.',
      answer: 'I led the move to a new warehouse system. '.repeat(12).trim(),
      errors: [{ messageId: 'repeatedSentences', text: 'I led the move to a new warehouse system.' }],
    },
  ],
});
