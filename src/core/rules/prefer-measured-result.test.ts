import { testRule } from '../../../test/support/rule-tester.js';
import { preferMeasuredResult } from './prefer-measured-result.js';

testRule(preferMeasuredResult, {
  valid: [
    {
      question: 'Tell me about a time you disagreed with your manager.',
      answer:
        'In my second year at the agency my manager wanted to launch the campaign a week early. I pulled the last three launch reports and showed her that early launches had half the sign-ups. She agreed to keep the date, and the campaign beat its target by 20%.',
    },
    {
      question: 'Tell me about a time you improved something.',
      answer: 'I noticed our support tickets were taking ages to reach the right person. I wrote a triage guide and ran a short session with the team. Average time to first response fell from 9 hours to 2.',
    },
    {
      name: 'no result at all: require-star-result speaks instead',
      question: 'Tell me about a time you fixed a problem at work.',
      answer: 'The warehouse scanners kept dropping their connection during the night shift. I tested each access point with a laptop on the floor, and I moved two of them away from the metal racking.',
    },
  ],
  invalid: [
    {
      question: 'Tell me about a time you improved something.',
      answer: 'I noticed our support tickets were taking ages to reach the right person. I wrote a triage guide and ran a short session with the team. Tickets got to the right person much faster after that.',
      errors: [{ messageId: 'unmeasured', text: 'Tickets got to the right person much faster after that.' }],
    },
    {
      question: "Tell me about a project you're proud of.",
      answer:
        'Our team built a new booking system for the clinic last year. The system was designed to replace paper diaries, and it was rolled out to all four sites. Patients could book online for the first time.',
      errors: [{ messageId: 'unmeasured', text: 'Patients could book online for the first time.' }],
    },
  ],
});
