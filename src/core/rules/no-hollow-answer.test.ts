import { testRule } from '../../../test/support/rule-tester.js';
import { noHollowAnswer } from './no-hollow-answer.js';

testRule(noHollowAnswer, {
  valid: [
    {
      name: 'clichés, but relevant experience named (the guide passes opportunity)',
      question: 'Tell me about yourself.',
      answer: "I'm a hard worker and a team player, and I've spent three years scanning, picking and packing at the Daventry warehouse.",
    },
    {
      question: 'Tell me about yourself.',
      answer: "I'm a staff nurse on a 28-bed respiratory ward at St Mary's, and last year I rewrote our oxygen weaning checklist, which cut readmissions from 14 to 9 a month.",
    },
  ],
  invalid: [
    {
      question: 'Tell me about yourself.',
      answer: "I'm a results-driven, passionate team player who leverages synergies to drive results and deliver value.",
      errors: [{ messageId: 'hollow', text: 'results-driven' }],
    },
    {
      question: 'Tell me about a time you led a project.',
      answer: 'I drove an omnichannel strategy, aligned key stakeholders and moved the needle as a data-driven team player.',
      errors: [{ messageId: 'hollow', text: 'omnichannel' }],
    },
    {
      question: 'What is your greatest strength?',
      answer: "I leverage data-driven insights with a holistic, customer-centric mindset and I'm results-driven.",
      errors: [{ messageId: 'hollow', text: 'leverage' }],
    },
  ],
});
