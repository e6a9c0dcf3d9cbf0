import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';

const ruleIds = (report: ReturnType<typeof analyze>): string[] => report.findings.map((f) => f.ruleId);

describe('an answer that does not address its question misses opportunity', () => {
  it.each([
    ['a success story for a failure question', 'Tell me about a time you failed.', 'Last year I led the launch of our loyalty app. I planned the rollout, trained the store staff and ran the first campaign. Sign-ups reached 40,000 in the first month.'],
    ['a refund story for a conflict with a coworker', 'Tell me about a conflict with a coworker.', 'A customer asked for a refund on a sofa delivered with a torn cover. I checked the delivery photos, approved the refund the same day and booked a replacement. The customer left a five-star review.'],
  ])('%s', (_, question, answer) => {
    const report = analyze({ question, answer });
    expect(report.reasons.opportunity.verdict).toBe('miss');
    expect(ruleIds(report)).toContain('require-on-point');
  });
});

describe('a pasted posting or a company notebook does not make generic praise pass', () => {
  const context = 'Monzo is a digital bank with a great app used by millions of customers across the UK. Default settings apply. Trust and safety team based in London.';
  it('misses specific reason with and without the company', () => {
    const answer = 'You are a digital bank with a great app and millions of customers, and I love fintech.';
    for (const input of [{}, { context, company: { name: 'Monzo', competitors: ['Starling', 'Revolut'] } }]) {
      expect(analyze({ question: 'Why do you want to work here?', answer, ...input }).reasons.specificReason.verdict).toBe('miss');
    }
  });
  it('does not count places, team names or page furniture as homework', () => {
    const report = analyze({ question: 'Why do you want to work here?', answer: 'I like that you have a Trust and safety team in London, and the Default settings.', context, company: { name: 'Monzo' } });
    expect(report.context?.used ?? []).toEqual([]);
  });
});

describe('a company whose name is also a tool is still the company asked about', () => {
  const answer = "Google's mission of organising the world's information fits what I want from my work: I built a search tool for my university's library archive and want to do that at scale.";
  it.each([
    ['named in the question', { question: 'Why do you want to work at Google?' }],
    ['named in the pasted posting', { question: 'Why do you want to work here?', context: 'Google builds Search, Maps and YouTube. This opening is a software engineering job in the Search team.' }],
  ])('%s', (_, input) => {
    const report = analyze({ answer, ...input });
    expect(report.reasons.specificReason.verdict).toBe('pass');
    expect(report.reasons.specificReason.strengths.map((s) => s.kind)).toContain('companyTerm');
  });
});

describe('findings say only what is true', () => {
  it('does not call a denied complaint negative', () => {
    const report = analyze({ question: 'Tell me about a time you disagreed with your manager.', answer: 'I told her, without being rude to her, that the rota left nights short, and showed her the sickness figures. She moved two shifts the next week.' });
    expect(ruleIds(report)).not.toContain('no-negativity');
  });
  it.each([
    ['a complaint about the journey in', 'How was your journey here?', 'The parking was terrible.'],
    ['blaming a former manager', 'Why are you leaving your current job?', 'My manager was useless and never listened to anyone, so I want a new place with a bigger team and better training.'],
  ])('misses opportunity for %s', (_, question, answer) => {
    expect(analyze({ question, answer }).reasons.opportunity.verdict).toBe('miss');
  });
  it.each([
    ['a duration', 'Last week a lorry arrived two hours late with 26 pallets. I split the crew into two lines and ran the scanner myself. The unload took 2.5 hours instead of the usual four.'],
    ['a percentage', 'Our returns were climbing last spring. I rewrote the size guide for our top twenty products. Returns fell by 30% over the next quarter.'],
  ])('does not say the result has no number when it has %s', (_, answer) => {
    const report = analyze({ question: 'Tell me about a time you improved a process.', answer });
    expect(ruleIds(report)).not.toContain('prefer-measured-result');
  });
  it('hears a cliché weakness as deflecting', () => {
    const report = analyze({ question: 'What is your greatest weakness?', answer: "I'm a perfectionist and I work too hard." });
    expect(report.reasons.opportunity.verdict).toBe('miss');
    expect(ruleIds(report)).toContain('no-cliche-weakness');
  });
  it('does not take one sentence repeated to the limit for a strong introduction', () => {
    const answer = "I'm a staff nurse and I led our ward's move to electronic records. ".repeat(290).trim();
    expect(answer.length).toBeLessThan(20_000);
    const report = analyze({ question: 'Tell me about yourself.', answer });
    expect(report.reasons.opportunity.verdict).toBe('miss');
    expect(report.reasons.memorable.verdict).toBe('miss');
    expect(ruleIds(report)).toContain('no-repetition');
  });
});

describe('sentences shown to the user do not end at abbreviations', () => {
  it('keeps "3 a.m.", "Dr. Patel", "e.g.", "U.S." and "No. 5" inside their sentences', () => {
    const answer = 'The alarm went off at 3 a.m. and I paged Dr. Patel, e.g. the on-call lead for the U.S. team, from bay No. 5. She arrived in six minutes and the patient was stable by four.';
    const report = analyze({ question: 'Tell me about a time you handled an emergency.', answer });
    expect(report.sentences.map((s) => s.text)).toEqual([
      'The alarm went off at 3 a.m. and I paged Dr. Patel, e.g. the on-call lead for the U.S. team, from bay No. 5.',
      'She arrived in six minutes and the patient was stable by four.',
    ]);
  });
});

describe('labels and findings never contradict each other', () => {
  const stories = [
    'Last December our warehouse had double the usual orders. I was on the packing line. We all worked hard and got through it together as a team.',
    'Our month-end close took eight days. I was asked to bring it under five. I built a matching script and trained two clerks to check only the exceptions. The close came down to four days.',
    'A customer shouted at me about a late order. I listened and apologised. Everyone was really busy that week.',
  ];
  it.each(stories)('no result is highlighted beside "the story has no result": %s', (answer) => {
    const report = analyze({ question: 'Tell me about a time you worked under pressure.', answer });
    const missingResult = ruleIds(report).includes('require-star-result');
    const shownResults = report.strengths.filter((s) => s.kind === 'outcome');
    expect(missingResult && shownResults.length > 0).toBe(false);
    if (missingResult) expect(report.sentences.some((s) => s.star === 'R')).toBe(false);
  });
  it('does not count effort as the result', () => {
    const report = analyze({ question: 'Tell me about a time you worked under pressure.', answer: stories[0]! });
    expect(ruleIds(report)).toContain('require-star-result');
  });
});

describe('what the company has or does is homework however it is phrased', () => {
  const evidence = (question: string, answer: string): string[] =>
    analyze({ question, answer }).reasons.specificReason.strengths.filter((s) => s.kind === 'companyTerm').map((s) => s.actual);
  it.each([
    ['a doing with an adverb', 'Why Marlow & Finch?', 'You mostly act for housing co-operatives, and I sat on the board of ours for two years.', 'You mostly act for housing co-operatives'],
    ['a doing in the present perfect', 'Why Pellow Pharmacy?', "You've just opened a travel vaccination clinic, and I ran the flu clinic at my branch last winter.", "You've just opened a travel vaccination clinic"],
    ['a doing in the progressive', 'Why Ashgrove Libraries?', "You're now lending laptops from every branch, and I taught basic computing at the community centre.", "You're now lending laptops from every branch"],
    ['"do" as the verb itself', 'Why Penrose Roofing?', 'You do a lot of slate repairs, and I learned slate work from my grandfather.', 'You do a lot of slate repairs'],
    ['a thing of theirs with a modifier', 'Why Kestrel School?', 'Your forest school mornings are why I applied: I led the outdoor club at my last school.', 'Your forest school mornings'],
    ['a team of theirs that does something', 'Why Harrow Legal?', 'Your team runs a free tenancy clinic on Wednesdays, and I volunteered at Shelter for a year.', 'Your team runs a free tenancy clinic on Wednesdays'],
    ['a claim that sets them apart', 'Why Tern Dental?', "You're the only practice here that opens on Sundays, and I've worked weekend shifts for three years.", "You're the only practice here that opens on Sundays"],
  ])('finds %s', (_, question, answer, expected) => {
    expect(evidence(question, answer)).toContain(expected);
  });
  it.each([
    ['how the company seems', 'Why Brightmoor?', 'You seem like a great company and you have a good reputation, so I applied.'],
    ['the company named as a place', 'Why do you want to work in our hotel?', 'I think your hotel is good and I need a job near home.'],
    ['what anyone could do there', 'Why Harlow Tech?', 'You can learn so much and grow your career at a big company.'],
    ['what any employer has', 'Why Corby Foods?', 'Your products are popular and your customers are loyal.'],
  ])('finds nothing in %s', (_, question, answer) => {
    expect(evidence(question, answer)).toEqual([]);
  });
});
