import { testRule } from '../../../test/support/rule-tester.js';
import { maxFillerRate } from './max-filler-rate.js';

testRule(maxFillerRate, {
  valid: [
    {
      question: 'Tell me about yourself.',
      answer: "I'm a junior designer at a craft brewery in Bristol. I do all the can labels, and I redesigned our winter stout's label last year.",
    },
    {
      name: 'one "um" in thirty words',
      question: 'What do you do outside work?',
      answer: "I umpire club cricket most Saturdays, and um, last summer I stood in my first county second-eleven match, which I'd been working towards for three seasons.",
    },
  ],
  invalid: [
    {
      question: 'Tell me about yourself.',
      answer: "Um, so, basically I'm, like, a junior designer, you know, and I sort of, um, work on packaging for a, uh, craft brewery in Bristol, and I kind of, you know, do the labels.",
      errors: [{ messageId: 'fillers', text: 'Um' }],
    },
    {
      question: 'What do you do outside work?',
      answer: 'Honestly, um, I, uh, sort of go climbing, you know, at the wall in Sheffield, and, like, I basically, um, did my first outdoor lead route in the Peak last month, which was, like, terrifying.',
      errors: [{ messageId: 'fillers', text: 'Honestly' }],
    },
    {
      name: 'a warm opener, buried in fillers',
      question: 'How are you?',
      answer: "Um, yeah, good, I mean really well actually, thanks, I've been looking forward to this all week, you know, since I got your email about the new studio.",
      errors: [{ messageId: 'fillers', text: 'Um' }],
    },
  ],
});
