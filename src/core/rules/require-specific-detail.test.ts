import { testRule } from '../../../test/support/rule-tester.js';
import { requireSpecificDetail } from './require-specific-detail.js';

testRule(requireSpecificDetail, {
  valid: [
    {
      question: 'What do you like to do for fun?',
      answer: 'I restore 1970s synthesizers. Last spring I got a Korg MS-20 working again after it sat in a loft for twenty years.',
    },
    {
      question: 'Tell me about yourself.',
      answer: "I'm a staff nurse on a 28-bed respiratory ward at St Mary's, and last year I rewrote our oxygen weaning checklist, which cut readmissions from 14 to 9 a month.",
    },
    {
      question: 'Why do you want to work here?',
      answer: "Your community pharmacy scheme caught my eye. I ran the flu clinic at Boots for two winters and I'd love to help build that service here.",
    },
    {
      question: 'Tell me about a time you disagreed with your manager.',
      answer:
        'In my second year at the agency my manager wanted to launch the campaign a week early. I pulled the last three launch reports and showed her that early launches had half the sign-ups. She agreed to keep the date, and the campaign beat its target by 20%.',
    },
  ],
  invalid: [
    {
      question: 'What do you like to do for fun?',
      answer: 'I like reading and travelling, and spending time with friends and family.',
      errors: [{ messageId: 'generic', text: 'I like reading and travelling, and spending time with friends and family.' }],
    },
    {
      question: 'Tell me about yourself.',
      answer: "I'm a backend developer. I enjoy solving problems and working with different people, and I like learning new technologies.",
      errors: [{ messageId: 'generic', text: "I'm a backend developer. I enjoy solving problems and working with different people, and I like learning new technologies." }],
    },
    {
      question: 'Why do you want to work here?',
      answer: "It's a great company with a great culture, and I'm looking for growth opportunities.",
      errors: [{ messageId: 'generic', text: "It's a great company with a great culture, and I'm looking for growth opportunities." }],
    },
  ],
});
