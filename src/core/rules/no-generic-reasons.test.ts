import { testRule } from '../../../test/support/rule-tester.js';
import { noGenericReasons } from './no-generic-reasons.js';

testRule(noGenericReasons, {
  valid: [
    {
      question: 'Why do you want to work here?',
      answer: "Your community pharmacy scheme caught my eye. I ran the flu clinic at Boots for two winters and I'd love to help build that service here.",
    },
    {
      question: 'What can you bring to our company?',
      answer:
        "I've spent four years running the returns desk at a busy Argos, and your returns team is rolling out self-service lockers; I set up the same lockers in my store last spring.",
      context: 'Returns team: we are rolling out self-service returns lockers across 40 stores.',
    },
  ],
  invalid: [
    {
      question: 'Why do you want to work here?',
      answer: "It's a great company with a great culture, and I'm looking for growth opportunities.",
      errors: [
        { messageId: 'generic', text: 'great company' },
        { messageId: 'generic', text: 'great culture' },
        { messageId: 'generic', text: 'growth opportunities' },
      ],
    },
    {
      question: 'Why do you want to work at Brightloop?',
      answer: "Brightloop is a great place to work and I think I'd fit in well at Brightloop.",
      company: { name: 'Brightloop' },
      errors: [{ messageId: 'generic', text: 'great place to work' }],
    },
    {
      name: 'spoken, a hope that fits any employer',
      question: 'Why do you want this job?',
      answer: 'I want to work somewhere with room to grow, and honestly the flexible hours fit around the school run.',
      errors: [{ messageId: 'generic', text: 'room to grow' }],
    },
  ],
});
