import { testRule } from '../../../test/support/rule-tester.js';
import { maxSituationShare } from './max-situation-share.js';

const gardenCentreSetUp =
  'So this was at my last job, at a small garden centre outside Bath, which was family-run and had been open for about thirty years. It was the week before Easter, our busiest week, and two of the four staff were off with flu, and the owner was away in Spain. Deliveries were piling up in the yard and the tills kept crashing, and nobody really knew who was in charge. My job that week was to look after the plant area and the tills.';

const rotterdamSetUp =
  'This was at my previous company, a logistics firm in Rotterdam with about two hundred drivers. We had a legacy routing system that was written in 2009 and had been patched by many different contractors over the years. The drivers were complaining constantly, the customers were getting late deliveries, and the operations director was under a lot of pressure from the board. The whole IT department was focused on a big ERP migration at the time, so nobody had capacity. My task was to find out why the routes were so bad.';

testRule(maxSituationShare, {
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
  ],
  invalid: [
    {
      name: 'spoken, four sentences of set-up and one of action',
      question: 'Tell me about a time you went above and beyond.',
      answer: `${gardenCentreSetUp} I reorganised the yard and rang the supplier.`,
      errors: [{ messageId: 'tooMuchContext', text: gardenCentreSetUp }],
    },
    {
      question: 'Tell me about a time you solved a difficult problem.',
      answer: `${rotterdamSetUp} I rewrote the distance function and late deliveries dropped by 30%.`,
      errors: [{ messageId: 'tooMuchContext', text: rotterdamSetUp }],
    },
  ],
});
