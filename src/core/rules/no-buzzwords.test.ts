import { testRule } from '../../../test/support/rule-tester.js';
import { noBuzzwords } from './no-buzzwords.js';

testRule(noBuzzwords, {
  valid: [
    {
      question: 'Tell me about yourself.',
      answer: "I'm a staff nurse on a 28-bed respiratory ward at St Mary's, and last year I rewrote our oxygen weaning checklist, which cut readmissions from 14 to 9 a month.",
    },
    {
      question: "What's your biggest weakness?",
      answer: "I sometimes take on too much, so I keep a written list of what I've agreed to and check it every Monday before saying yes to anything new.",
    },
  ],
  invalid: [
    {
      name: 'jargon before a real story',
      question: 'Tell me about a time you improved a process.',
      answer:
        'We leveraged synergies across the team. I rebuilt the weekly rota in a shared spreadsheet so night staff could swap shifts themselves, and swap requests to me fell from about thirty a week to five.',
      errors: [
        { messageId: 'buzzword', text: 'leveraged' },
        { messageId: 'buzzword', text: 'synergies' },
      ],
    },
    {
      question: "What's your biggest weakness?",
      answer: 'I used to over-prepare slides, so now I time-box decks to an hour and we optimise the rest in review.',
      errors: [{ messageId: 'buzzword', text: 'optimise' }],
    },
    {
      question: 'What is your greatest strength?',
      answer: "I leverage data-driven insights with a holistic, customer-centric mindset and I'm results-driven.",
      errors: [
        { messageId: 'buzzword', text: 'leverage' },
        { messageId: 'buzzword', text: 'data-driven' },
        { messageId: 'buzzword', text: 'insights' },
        { messageId: 'buzzword', text: 'holistic' },
        { messageId: 'buzzword', text: 'customer-centric' },
      ],
    },
  ],
});
