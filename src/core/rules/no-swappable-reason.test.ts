import { testRule } from '../../../test/support/rule-tester.js';
import { noSwappableReason } from './no-swappable-reason.js';

testRule(noSwappableReason, {
  valid: [
    {
      question: 'Why do you want to work here?',
      answer: 'I want to join Wellway because your community pharmacy scheme is exactly the work I did at Boots, where I ran the flu clinic for two winters.',
      company: { name: 'Wellway', competitors: ['Boots'] },
    },
    {
      name: 'the company never named',
      question: 'Why do you want to work here?',
      answer: "Your community pharmacy scheme caught my eye. I ran the flu clinic at Boots for two winters and I'd love to help build that service here.",
      company: { name: 'Wellway' },
    },
  ],
  invalid: [
    {
      question: 'Why do you want to work at Brightloop?',
      answer: "Brightloop is a great place to work and I think I'd fit in well at Brightloop.",
      company: { name: 'Brightloop', competitors: ['Cedarline'] },
      errors: [{ messageId: 'swappable', text: 'Brightloop' }],
    },
    {
      question: 'Why do you want to work here?',
      answer: "I like Northwind because Northwind is a well-known name and I'd be proud to work for Northwind.",
      company: { name: 'Northwind' },
      errors: [{ messageId: 'swappable', text: 'Northwind' }],
    },
  ],
});
