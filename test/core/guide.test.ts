// The judging specification's decisions (docs/judging.md), one table row each, checked against the analyzer
// through its public interface: a change that breaks one of them shows here at once.
import { describe, expect, it } from 'vitest';
import { analyze, type Reason, type StarLabel, type Verdict } from '../../src/index.js';

interface VerdictCase {
  rule: string;
  question: string;
  answer: string;
  expect: Partial<Record<Reason, Verdict>>;
}

const VERDICTS: VerdictCase[] = [
  { rule: 'a minimal opener answer misses opportunity', question: 'How are you?', answer: 'Fine, you?', expect: { opportunity: 'miss' } },
  { rule: 'an opener passes with a short, warm line about the interview', question: 'How are you today?', answer: "Really well, thanks, and I've been looking forward to this chat about the role all week!", expect: { opportunity: 'pass' } },
  { rule: 'a polite remark with no warmth misses an opener', question: 'Did you find us all right?', answer: 'Yes. Your directions were clear.', expect: { opportunity: 'miss' } },
  { rule: 'a polite formula returned is no warmth: it misses an opener', question: "How's your day going?", answer: 'Good thanks, and how are you?', expect: { opportunity: 'miss' } },
  { rule: 'polite small talk with no interest in the interview misses an opener', question: 'How are you today?', answer: 'Very well, thank you. The bus was on time and I found the building easily.', expect: { opportunity: 'miss' } },
  { rule: 'the same politeness with interest in the role passes an opener', question: 'How are you today?', answer: "Very well, thank you, and glad to be here: I've wanted to see your workshop since the open day.", expect: { opportunity: 'pass' } },
  { rule: 'an opener that tells what the candidate has been doing gives the interviewer a hook', question: 'Busy morning?', answer: 'Not too bad. I spent it repotting the herbs on our shop counter and unpacking a delivery of cookbooks, so I am in a good mood.', expect: { opportunity: 'pass' } },
  { rule: 'nerves alone are no enthusiasm: they miss an opener', question: 'How are you?', answer: 'Good thanks, bit nervous.', expect: { opportunity: 'miss' } },
  { rule: 'nerves beside enthusiasm for the role pass an opener', question: 'How are you?', answer: "Good thanks, a little nervous but mostly excited to finally meet the team I've been reading about.", expect: { opportunity: 'pass' } },
  { rule: 'an opener that notices something of the employer\'s is interest: it passes', question: 'How was the train?', answer: 'Fine, it was on time, and I read your housing team\'s blog on the way in.', expect: { opportunity: 'pass' } },
  { rule: 'a negative opener misses opportunity', question: 'How was the drive in?', answer: 'Awful, honestly. The traffic was a nightmare and your car park is useless.', expect: { opportunity: 'miss' } },
  { rule: 'a closing with one genuine question passes', question: 'Do you have any questions for me?', answer: 'Yes: what does a good first three months look like for someone in this role, and how does the team hand over between shifts?', expect: { opportunity: 'pass' } },
  { rule: 'a closing that asks only about pay or time off misses', question: 'Do you have any questions for me?', answer: 'What is the salary band, and could I book a fortnight of holiday in my first month?', expect: { opportunity: 'miss' } },
  { rule: 'questions about next steps at the close are logistics', question: 'Do you have any questions for us?', answer: 'Just two: when will I hear back, and what shift pattern would I be on?', expect: { opportunity: 'miss' } },
  { rule: 'a closing that declines to ask misses', question: 'What questions do you have for me?', answer: "No thanks, I'm all set, I read everything on the website.", expect: { opportunity: 'miss' } },
  { rule: 'a closing with no question misses', question: 'Is there anything you would like to ask us?', answer: 'No, I think you covered everything.', expect: { opportunity: 'miss' } },
  { rule: 'clichés and bare categories miss memorable', question: 'What do you do for fun?', answer: 'I like reading and travelling and hanging out with friends.', expect: { memorable: 'miss' } },
  { rule: 'a narrow, unusual interest is a distinguishing detail', question: 'What do you do outside work?', answer: 'I restore 1970s synthesizers; last spring I got a Korg MS-20 working again after twenty years in a loft.', expect: { memorable: 'pass' } },
  { rule: 'an introduction of a job area plus clichés passes opportunity and misses memorable', question: 'Tell me about yourself.', answer: "I've been scanning, picking and packing in a warehouse for three years. I'm a hard worker and a team player.", expect: { opportunity: 'pass', memorable: 'miss' } },
  { rule: 'an introduction of buzzwords alone misses opportunity', question: 'Tell me about yourself.', answer: "I'm a results-driven, passionate team player who leverages synergies to drive results and deliver value.", expect: { opportunity: 'miss', memorable: 'miss' } },
  { rule: 'a reason that fits any employer misses specific reason', question: 'Why do you want to work here?', answer: "It's a great company with a good culture and lots of growth opportunities.", expect: { specificReason: 'miss' } },
  { rule: "a reason about the candidate's needs misses specific reason", question: 'Why do you want this job?', answer: 'The pay is better than my current job and it is ten minutes from my house.', expect: { specificReason: 'miss', opportunity: 'miss' } },
  { rule: 'needs told in numbers are still only needs: they miss opportunity and specific reason', question: 'Why do you want to work here?', answer: 'Mainly the location. I live on Alder Street, so I could walk to work in eight minutes instead of the hour and a half I spend on two buses now, and the pension is far better than most places offer.', expect: { opportunity: 'miss', specificReason: 'miss' } },
  { rule: 'praise of a kind any employer could earn misses opportunity, even told at length', question: 'Why do you want to work here?', answer: 'It would give me exposure to big clients and large projects in many sectors, a strong learning culture, and the chance to build my career over the long term with a team of around 400 consultants.', expect: { opportunity: 'miss', specificReason: 'miss' } },
  { rule: 'the tie may be told as work done or a preference, without "my experience"', question: 'Why Millbrook Bakery?', answer: "You're the only bakery in town that mills its own flour, and I did weekend shifts at a watermill for two years, so I'd be happy running that side of things.", expect: { specificReason: 'pass' } },
  { rule: 'something specific tied to the candidate passes specific reason', question: 'Why do you want to work at Brightwater Trust?', answer: "Your community hydrotherapy programme is why I applied: I ran the pool sessions at Leigh Rehab for two years and I want to build that work out for stroke patients.", expect: { specificReason: 'pass' } },
  { rule: 'praise that names nothing specific misses opportunity and specific reason', question: 'Why do you want to work here?', answer: "I'm passionate about your products and I love what you stand for.", expect: { opportunity: 'miss', specificReason: 'miss' } },
  { rule: 'a real story with own action, result and little set-up passes STAR(L)', question: 'Tell me about a time you fixed a process.', answer: 'Our month-end close took eight days. I was asked to bring it under five. I built a matching script and trained two clerks to check only the exceptions. The close came down to four days.', expect: { starl: 'pass' } },
  { rule: 'a terse story with an action and a result passes STAR(L)', question: 'Tell me about a time you helped a customer.', answer: 'A man lost his wallet in our shop. I checked the cameras and found it under a shelf, and he got it back within the hour.', expect: { starl: 'pass' } },
  { rule: 'a hypothetical ("I would…") is no story', question: 'Tell me about a time you handled a difficult patient.', answer: "I haven't had that yet, but I would stay calm, listen to what they need and ask a senior nurse for help if it got worse.", expect: { starl: 'miss' } },
  { rule: 'an answer with nothing to draw on is no story', question: 'Tell me about a time you trained a new starter.', answer: "I don't believe I've had to do that yet. If it came up, I would pair them with me on the till for their first week.", expect: { starl: 'miss' } },
  { rule: 'a past story told in the present, as many speakers tell one, is still a story', question: 'Tell me about a time you dealt with a problem at work.', answer: 'A delivery driver is blocking the fire exit with twelve pallets. I move them with the forklift and I tell my supervisor. He puts up a new sign, and nobody leaves pallets there any more.', expect: { starl: 'pass' } },
  { rule: 'a routine told in the present, with no one occasion in it, is no story', question: 'Tell me about a time you dealt with a problem at work.', answer: 'I stay calm and I listen to the customer first. I check what went wrong and I explain it clearly. Then I fix it and I follow up.', expect: { starl: 'miss' } },
  { rule: 'general habits ("I always…") are no story', question: 'Give me an example of how you handle competing deadlines.', answer: 'I always make a list at the start of each day and rank everything by urgency. If two things clash I talk to my manager. That way I never miss a deadline.', expect: { starl: 'miss' } },
  { rule: 'a story with no result misses STAR(L)', question: 'Tell me about a time you took the initiative.', answer: 'Last summer the stockroom at my shop was a mess. I reorganised it by supplier and put labels on every shelf, and I wrote a short guide for the weekend staff.', expect: { starl: 'miss' } },
  { rule: 'a story where situation and task take more than half misses STAR(L)', question: 'Tell me about a challenge you faced.', answer: 'In my second year at the agency we had a huge client, a national bakery chain with 400 shops, and they were unhappy with everything we did because their previous agency had promised them far too much. Their marketing director changed every week, the briefs kept moving, and our team was small and already stretched across three other accounts. My job was to keep them on board for the rest of the contract. I set up a weekly call. They renewed.', expect: { starl: 'miss' } },
];

interface LabelCase {
  rule: string;
  question: string;
  answer: string;
  /** The sentence, and the label the specification gives it. */
  sentence: string;
  label: StarLabel;
}

const LABELS: LabelCase[] = [
  { rule: 'the scene of a story is S', question: 'Tell me about a time you fixed a process.', answer: 'At my last job our month-end close took eight days. I built a matching script. The close came down to four days.', sentence: 'At my last job our month-end close took eight days.', label: 'S' },
  { rule: '"my job was to" states the task, T', question: 'Tell me about a time you fixed a process.', answer: 'Our month-end close took eight days. My job was to bring it under five. I built a matching script. The close came down to four days.', sentence: 'My job was to bring it under five.', label: 'T' },
  { rule: "the candidate's own past action is A", question: 'Tell me about a time you fixed a process.', answer: 'Our month-end close took eight days. I built a matching script and trained two clerks to check the exceptions. The close came down to four days.', sentence: 'I built a matching script and trained two clerks to check the exceptions.', label: 'A' },
  { rule: 'an outcome, ideally measured, is R', question: 'Tell me about a time you fixed a process.', answer: 'Our month-end close took eight days. I built a matching script. The close came down to four days.', sentence: 'The close came down to four days.', label: 'R' },
  { rule: 'reflection is L', question: 'Tell me about a time you fixed a process.', answer: 'Our month-end close took eight days. I built a matching script. The close came down to four days. I learned to automate the boring part first.', sentence: 'I learned to automate the boring part first.', label: 'L' },
  { rule: 'actions told with "we" are A', question: 'Tell me about a time you worked in a team.', answer: 'Our ward had a backlog of discharge letters last winter. We split the letters by consultant and wrote them in pairs over two evenings. The backlog was cleared by Friday.', sentence: 'We split the letters by consultant and wrote them in pairs over two evenings.', label: 'A' },
  { rule: 'the mistake in a failure story is A and what it caused is R', question: 'Tell me about a mistake you made.', answer: 'In my first month I sent a quote to a client without checking the delivery charge. The client was billed £400 more than agreed and complained to my manager. I called him, apologised and refunded the difference the same day. Now I check every quote against the rate card.', sentence: 'The client was billed £400 more than agreed and complained to my manager.', label: 'R' },
  { rule: 'a preface is O', question: 'Tell me about your greatest accomplishment.', answer: "Oh, I'm proud of this one. Last year I rebuilt our volunteer rota in a shared sheet. No-shows fell from twelve a month to two.", sentence: "Oh, I'm proud of this one.", label: 'O' },
  { rule: 'fillers alone are O', question: 'Tell me about a time you led a team.', answer: 'Um, yeah. Last spring I led four volunteers through a food drive. We collected two tonnes of food.', sentence: 'Um, yeah.', label: 'O' },
];

describe('the judging specification, verdict by verdict', () => {
  for (const c of VERDICTS) {
    it(c.rule, () => {
      const report = analyze({ question: c.question, answer: c.answer });
      for (const [reason, verdict] of Object.entries(c.expect)) expect(report.reasons[reason as Reason].verdict, reason).toBe(verdict);
    });
  }
});

describe('the judging specification, label by label', () => {
  for (const c of LABELS) {
    it(c.rule, () => {
      const report = analyze({ question: c.question, answer: c.answer });
      expect(report.questionType).toBe('behavioral');
      const sentence = report.sentences.find((s) => s.text === c.sentence);
      expect(sentence, 'the sentence is split as the specification splits it').toBeDefined();
      expect(sentence!.star).toBe(c.label);
    });
  }

  it('a result told inside an action sentence still counts for the verdict', () => {
    const report = analyze({ question: 'Tell me about a time you fixed a process.', answer: 'Our month-end close took eight days. I rewrote the matching script, which cut the close to four days.' });
    expect(report.reasons.starl.verdict).toBe('pass');
  });
});
