import { testRule } from '../../../test/support/rule-tester.js';
import { testInsertionPoints, type PlacedCase } from '../../../test/support/insertion-point.js';
import { requireOpenerWarmth } from './require-opener-warmth.js';

const invalid: PlacedCase[] = [
  {
    question: 'How are you?',
    answer: 'Fine, thanks.',
    errors: [{ messageId: 'noWarmth', text: '' }],
    after: ['Fine, thanks.'],
  },
  {
    name: 'polite, with no warmth or hook',
    question: 'Did you find us all right?',
    answer: 'Yes, no problem. Your directions were clear.',
    errors: [{ messageId: 'noWarmth', text: '' }],
    after: ['Your directions were clear.'],
  },
  {
    question: 'How are you today?',
    answer: 'Okay, I suppose. Bit tired.',
    errors: [{ messageId: 'noWarmth', text: '' }],
    after: ['Bit tired.'],
  },
];

testRule(requireOpenerWarmth, {
  valid: [
    {
      question: 'How are you?',
      answer: "Really well, thanks! I've been looking forward to this since Tuesday, I read the piece on your new depot.",
    },
    {
      question: 'Did you find us all right?',
      answer: "I did, thanks, and it was lovely walking past the bakery on the corner; I'm excited to see the kitchens.",
    },
    {
      name: 'spoken, with fillers',
      question: "How's your week going?",
      answer: "Busy but good, thanks. I finally finished the fire-safety course on Wednesday, so I'm glad to be here with that off my plate.",
    },
  ],
  invalid,
});

testInsertionPoints(requireOpenerWarmth, invalid);
