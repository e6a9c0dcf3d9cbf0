import { testRule } from '../../../test/support/rule-tester.js';
import { noClicheWeakness } from './no-cliche-weakness.js';

testRule(noClicheWeakness, {
  valid: [
    {
      question: 'What is your greatest weakness?',
      answer: 'Public speaking. I used to read my slides word for word, so I joined a Toastmasters group and now give the monthly update to forty people without notes.',
    },
    {
      name: 'the same words for another question',
      question: 'How would your friends describe you?',
      answer: "A bit of a perfectionist about the food I cook for them: I once remade a birthday cake at 2 a.m. because the layers leaned.",
    },
  ],
  invalid: [
    {
      question: 'What is your greatest weakness?',
      answer: "I'm a perfectionist and I work too hard.",
      errors: [
        { messageId: 'disguisedStrength', text: 'a perfectionist' },
        { messageId: 'disguisedStrength', text: 'work too hard' },
      ],
    },
  ],
});
