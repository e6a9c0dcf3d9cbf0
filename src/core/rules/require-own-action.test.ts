import { testRule } from '../../../test/support/rule-tester.js';
import { requireOwnAction } from './require-own-action.js';

testRule(requireOwnAction, {
  valid: [
    {
      question: 'Tell me about a time you disagreed with your manager.',
      answer:
        'In my second year at the agency my manager wanted to launch the campaign a week early. I pulled the last three launch reports and showed her that early launches had half the sign-ups. She agreed to keep the date, and the campaign beat its target by 20%.',
    },
    {
      question: 'Tell me about a time you handled a difficult customer.',
      answer:
        'Last December a customer came to the returns desk furious because his order had been lost twice. I apologised, found the parcel in our depot system and drove it to his house after my shift. He left us a five-star review and asked for me by name the next time.',
    },
  ],
  invalid: [
    {
      question: 'Tell me about a time you worked under pressure.',
      answer:
        'Last spring our store was short of staff for the Christmas rush. We hired six temps through an agency and the manager trained them on the tills. Queues at peak went from twenty minutes to five.',
      errors: [{ messageId: 'weOnly', text: 'We hired six temps through an agency and the manager trained them on the tills.' }],
    },
    {
      question: 'Tell me about a time you worked under pressure.',
      answer:
        'During the audit season at Grant & Co we lost two seniors in a month. We split their clients across the team, and we reworked the review calendar. We delivered every audit before the deadline.',
      errors: [{ messageId: 'weOnly', text: 'We split their clients across the team, and we reworked the review calendar.' }],
    },
    {
      name: 'passive voice hides who did it',
      question: "Tell me about a project you're proud of.",
      answer:
        'Our team built a new booking system for the clinic last year. The system was designed to replace paper diaries, and it was rolled out to all four sites. Patients could book online for the first time.',
      errors: [{ messageId: 'weOnly', text: 'The system was designed to replace paper diaries, and it was rolled out to all four sites.' }],
    },
  ],
});
