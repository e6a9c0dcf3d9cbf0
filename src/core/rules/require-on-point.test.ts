import { testRule } from '../../../test/support/rule-tester.js';
import { requireOnPoint } from './require-on-point.js';

testRule(requireOnPoint, {
  valid: [
    {
      question: 'Tell me about a time you failed.',
      answer: 'I missed a supplier deadline in my first month because I assumed the order had gone through. I called them that afternoon, paid for express delivery and now check every order the same day.',
    },
    {
      question: 'Describe a conflict with a coworker.',
      answer: 'A colleague and I disagreed about the rota: she wanted fixed shifts and I wanted them to rotate. We sat down, compared the sickness figures and agreed on a four-week rotation that we both signed off.',
    },
  ],
  invalid: [
    {
      name: 'a success story for a failure question',
      question: 'Tell me about a time you failed.',
      answer: 'Last year I led the launch of our loyalty app. I planned the rollout, trained the store staff and ran the first campaign. Sign-ups reached 40,000 in the first month.',
      errors: [{ messageId: 'offPoint', text: 'Last year I led the launch of our loyalty app.' }],
    },
    {
      name: 'a story about refunds for a question about a coworker',
      question: 'Tell me about a conflict with a coworker.',
      answer: 'A customer asked for a refund on a sofa delivered with a torn cover. I checked the delivery photos, approved the refund the same day and booked a replacement. The customer left a five-star review.',
      errors: [{ messageId: 'offPoint', text: 'A customer asked for a refund on a sofa delivered with a torn cover.' }],
    },
  ],
});
