import { testRule } from '../../../test/support/rule-tester.js';
import { requireStory } from './require-story.js';

testRule(requireStory, {
  valid: [
    {
      question: 'Tell me about a time you disagreed with your manager.',
      answer:
        'In my second year at the agency my manager wanted to launch the campaign a week early. I pulled the last three launch reports and showed her that early launches had half the sign-ups. She agreed to keep the date, and the campaign beat its target by 20%.',
    },
    {
      name: 'a story without a result is still a story',
      question: 'Tell me about a time you fixed a problem at work.',
      answer: 'The warehouse scanners kept dropping their connection during the night shift. I tested each access point with a laptop on the floor, and I moved two of them away from the metal racking.',
    },
  ],
  invalid: [
    {
      question: 'Tell me about a time you handled conflict in a team.',
      answer: "I would sit both people down and listen to each side, then I'd try to find a compromise that works for everyone.",
      errors: [{ messageId: 'hypothetical', text: "I would sit both people down and listen to each side, then I'd try to find a compromise that works for everyone." }],
    },
    {
      name: 'nothing to draw on yet',
      question: 'Give me an example of when you showed leadership.',
      answer: "Honestly I haven't really had a leadership role yet, but I would make sure everyone knows what they are doing and check in with them every day.",
      errors: [
        {
          messageId: 'hypothetical',
          text: "Honestly I haven't really had a leadership role yet, but I would make sure everyone knows what they are doing and check in with them every day.",
        },
      ],
    },
    {
      name: 'a routine, not one time',
      question: 'Describe a situation where you had to meet a tight deadline.',
      answer: 'I always plan my week on Monday morning and break big jobs into small steps. I usually keep a buffer of a day, and I tell people early if something slips.',
      errors: [{ messageId: 'habitual', text: 'I always plan my week on Monday morning and break big jobs into small steps.' }],
    },
  ],
});
