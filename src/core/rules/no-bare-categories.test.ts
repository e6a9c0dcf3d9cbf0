import { testRule } from '../../../test/support/rule-tester.js';
import { noBareCategories } from './no-bare-categories.js';

testRule(noBareCategories, {
  valid: [
    {
      question: 'What do you like to do for fun?',
      answer: 'I restore 1970s synthesizers. Last spring I got a Korg MS-20 working again after it sat in a loft for twenty years, and I played it at my sister\'s wedding.',
    },
    {
      name: 'a common pastime with a particular instance',
      question: 'What do you do outside work?',
      answer: "I coach an under-nines football team on Saturdays; last season we went a whole year without a single kid quitting, which I'm weirdly proud of.",
    },
    {
      question: 'What do you do outside work?',
      answer: "I umpire club cricket most Saturdays, and um, last summer I stood in my first county second-eleven match, which I'd been working towards for three seasons.",
    },
  ],
  invalid: [
    {
      question: 'What do you like to do for fun?',
      answer: 'I like reading and travelling, and spending time with friends and family.',
      errors: [
        { messageId: 'bare', text: 'reading' },
        { messageId: 'bare', text: 'travelling' },
        { messageId: 'bare', text: 'spending time with friends' },
      ],
    },
    {
      question: 'What do you do outside work?',
      answer: 'Mostly music and films, and the gym at the weekend.',
      errors: [
        { messageId: 'bare', text: 'music' },
        { messageId: 'bare', text: 'films' },
        { messageId: 'bare', text: 'the gym' },
      ],
    },
    {
      name: 'spoken introduction',
      question: 'Tell me about yourself.',
      answer: "So, um, I've been a primary teacher for six years, and in my free time I like reading and cooking.",
      errors: [
        { messageId: 'bare', text: 'reading' },
        { messageId: 'bare', text: 'cooking' },
      ],
    },
  ],
});
