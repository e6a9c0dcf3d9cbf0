import { testRule } from '../../../test/support/rule-tester.js';
import { noNegativity } from './no-negativity.js';

testRule(noNegativity, {
  valid: [
    {
      name: 'a complaint denied',
      question: 'Tell me about a time you disagreed with your manager.',
      answer: 'I told her, without being rude to her, that the rota left nights short, and showed her the sickness figures. She moved two shifts the next week.',
    },
    {
      name: "someone else's mood in a story",
      question: 'Tell me about a difficult customer.',
      answer: 'One man was annoyed because I had brought the wrong drink. I apologised, brought the right one and took it off his bill, and he left a big tip.',
    },
    {
      question: 'Why do you want to leave your current role?',
      answer: "I've run the same two warehouses for four years and I want to design the picking layouts, not just follow them, which is what this role does.",
    },
    {
      name: 'a difficult customer, told without blame',
      question: 'Tell me about a time you handled a difficult customer.',
      answer:
        'Last December a customer came to the returns desk furious because his order had been lost twice. I apologised, found the parcel in our depot system and drove it to his house after my shift. He left us a five-star review and asked for me by name the next time.',
    },
    {
      question: 'How are you?',
      answer: "Really well, thanks! I've been looking forward to this since Tuesday.",
    },
  ],
  invalid: [
    {
      question: 'Why did you leave your last job?',
      answer: 'My manager was useless and the whole place was toxic, so I left.',
      errors: [
        { messageId: 'negative', text: 'useless' },
        { messageId: 'negative', text: 'toxic' },
      ],
    },
    {
      question: 'Tell me about yourself.',
      answer: "Honestly I'm sick of retail, my last boss was a nightmare, and I just want something different.",
      errors: [
        { messageId: 'negative', text: 'sick of' },
        { messageId: 'negative', text: 'nightmare' },
      ],
    },
  ],
});
