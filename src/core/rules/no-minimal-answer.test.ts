import { testRule } from '../../../test/support/rule-tester.js';
import { noMinimalAnswer } from './no-minimal-answer.js';

testRule(noMinimalAnswer, {
  valid: [
    {
      question: 'How are you?',
      answer: "Really well, thanks! I've been looking forward to this since Tuesday, I read the piece on your new depot.",
    },
    {
      question: 'Do you have any questions for me?',
      answer: 'I do. What would success look like for this role in the first six months? And how does the night team hand over to days on the ward?',
    },
    {
      name: 'short, but with a hook',
      question: 'What do you like to do for fun?',
      answer: 'I restore 1970s synthesizers. Last spring I got a Korg MS-20 working again after it sat in a loft for twenty years.',
    },
  ],
  invalid: [
    {
      question: 'How are you?',
      answer: 'Fine, thanks.',
      errors: [{ messageId: 'deflects', text: 'Fine, thanks' }],
    },
    {
      question: 'Do you have any questions for me?',
      answer: 'No, I think you covered everything.',
      errors: [{ messageId: 'deflects', text: 'No, I think you covered' }],
    },
    {
      question: 'How are you today?',
      answer: 'Okay, I suppose. Bit tired.',
      errors: [{ messageId: 'deflects', text: 'I suppose' }],
    },
    {
      question: 'Did you find us all right?',
      answer: 'Yes. The sat nav brought me straight here.',
      errors: [{ messageId: 'minimal', text: 'Yes. The sat nav brought me straight here.' }],
    },
    {
      question: 'What do you do outside work?',
      answer: 'Mostly music and films, and the gym at the weekend.',
      errors: [{ messageId: 'minimal', text: 'Mostly music and films, and the gym at the weekend.' }],
    },
  ],
});
