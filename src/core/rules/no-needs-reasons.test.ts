import { testRule } from '../../../test/support/rule-tester.js';
import { noNeedsReasons } from './no-needs-reasons.js';

testRule(noNeedsReasons, {
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
  ],
  invalid: [
    {
      question: 'Why this role?',
      answer: "Honestly, the salary is better than what I'm on now and it's only ten minutes from my house.",
      errors: [
        { messageId: 'needs', text: 'salary' },
        { messageId: 'needs', text: 'minutes from my house' },
      ],
    },
    {
      question: 'Why do you want to work here?',
      answer: "The hybrid working suits me and the pension is good, plus there's free parking.",
      errors: [
        { messageId: 'needs', text: 'hybrid working' },
        { messageId: 'needs', text: 'suits me' },
        { messageId: 'needs', text: 'pension' },
        { messageId: 'needs', text: 'free parking' },
      ],
    },
    {
      question: 'Why do you want this job?',
      answer: 'I want to work somewhere with room to grow, and honestly the flexible hours fit around the school run.',
      errors: [
        { messageId: 'needs', text: 'flexible hours' },
        { messageId: 'needs', text: 'school run' },
      ],
    },
  ],
});
