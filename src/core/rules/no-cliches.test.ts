import { testRule } from '../../../test/support/rule-tester.js';
import { noCliches } from './no-cliches.js';

testRule(noCliches, {
  valid: [
    {
      question: 'Tell me about yourself.',
      answer: 'I run the night shift at a 40-bed ward, and last winter I rebuilt our handover sheet so nothing fell between shifts.',
    },
  ],
  invalid: [
    {
      question: 'Tell me about yourself.',
      answer: "I'm a hard worker and a team player, and I've worked in retail for six years.",
      errors: [
        { messageId: 'cliche', text: 'hard worker' },
        { messageId: 'cliche', text: 'team player' },
      ],
    },
  ],
});
