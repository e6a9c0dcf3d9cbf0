import { testRule } from '../../../test/support/rule-tester.js';
import { requirePersonalTie } from './require-personal-tie.js';

testRule(requirePersonalTie, {
  valid: [
    {
      question: 'Why do you want to work here?',
      answer: "Your community pharmacy scheme caught my eye. I ran the flu clinic at Boots for two winters and I'd love to help build that service here.",
    },
    {
      question: 'What can you bring to our company?',
      answer:
        "I've spent four years running the returns desk at a busy Argos, and your returns team is rolling out self-service lockers; I set up the same lockers in my store last spring.",
      context: 'Returns team: we are rolling out self-service returns lockers across 40 stores.',
    },
    {
      name: 'nothing specific named: require-company-specifics speaks instead',
      question: 'Why do you want to work here?',
      answer: "It's a great company with a great culture, and I'm looking for growth opportunities.",
    },
  ],
  invalid: [
    {
      name: 'news about the company, with no tie to the candidate',
      question: 'Why this role?',
      answer: "I read that you are opening three new stores in Leeds this year. That's really impressive.",
      context: 'We are opening three new stores in Leeds this year and need supervisors for the launch.',
      errors: [{ messageId: 'untied', text: 'you are opening' }],
    },
    {
      name: 'flattery about the product',
      question: 'What interests you about this position?',
      answer: 'Your patient-first ward model is impressive and the new stroke unit looks brilliant.',
      context: 'Our stroke unit opened in March. We run a patient-first ward model with daily huddles.',
      errors: [{ messageId: 'untied', text: 'Your patient-first ward model' }],
    },
  ],
});
