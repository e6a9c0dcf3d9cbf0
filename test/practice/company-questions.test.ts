import { describe, expect, it } from 'vitest';
import { notebookTerms } from '../../src/company/notebook-terms.js';
import { questionsToAsk, whatYouLearned } from '../../src/company/questions.js';
import type { CompanyFact } from '../../src/storage/index.js';

describe('questions to ask read as English, whatever shape the fact was saved in', () => {
  it.each([
    // Facts about the interviewer are said to them.
    ['interviewer', 'Interviewer Sam wrote a blog post about routing at scale.', 'I saw that you wrote a blog post about routing at scale.'],
    ['interviewer', 'Sam Lee has run the support team since 2019', 'I saw that you have run the support team since 2019.'],
    ['interviewer', "Sam's team rebuilt the routing engine", 'I saw that your team rebuilt the routing engine.'],
    ['interviewer', 'Writes a newsletter about warehouse robotics', 'I saw that you write a newsletter about warehouse robotics.'],
    ['interviewer', 'You spoke at LeadDev about on-call rotas.', 'I saw that you spoke at LeadDev about on-call rotas.'],
    ['interviewer', 'Blog post: how we cut first response time', 'I came across your “Blog post: how we cut first response time”.'],
    // A heading or product line is quoted as saved.
    ['product', 'Get paid early: payday advances for shift workers', 'I read about “Get paid early: payday advances for shift workers”.'],
    ['values', 'Kindness at speed', 'I read that you value “Kindness at speed”.'],
    ['mission', 'To make every payday fairer.', 'I read your mission, “To make every payday fairer”.'],
    // A sentence follows "I read that"; the company's own "we" and "our" are said back as "you" and "your".
    ['news', 'Forkful opened a depot in York. It has 40 staff.', 'I read that Forkful opened a depot in York.'],
    ['values', 'The company hires for kindness at speed.', 'I read that the company hires for kindness at speed.'],
    ['product', 'We ship 40,000 boxes a week', 'I saw that you ship 40,000 boxes a week.'],
    ['team', 'Our support team works four-day weeks', 'I saw that your support team works four-day weeks.'],
  ] as const)('%s: "%s"', (kind, fact, said) => {
    expect(whatYouLearned(kind, fact)).toBe(said);
  });

  it('ends each with the question its kind calls for', () => {
    const fact: CompanyFact = { id: 1, uid: 'f1', companyId: 1, kind: 'interviewer', text: 'Interviewer Sam wrote a blog post about routing.', source: 'blog', createdAt: '2026-01-01T00:00:00.000Z' };
    expect(questionsToAsk([fact])[0]!.question).toBe(
      'I saw that you wrote a blog post about routing. What did that work teach you that shapes how the team works now?',
    );
  });
});

describe('the distinctive terms the notebook shows', () => {
  it('leave out the company\'s own names, navigation, legal links and places', () => {
    const company = {
      name: 'Fernway',
      aliases: ['Fernway Ltd'],
      contextText: 'Skip to content. Fernway — Support Engineer (Harrogate, UK). Location: Otley. Our depot in Wetherby runs Zendesk triage.',
      terms: ['Fernway', 'fernway ltd', 'Careers Trust Centre Sign', 'in. Default', 'Trust', 'Privacy Policy', 'Cookie settings', 'Home', 'London', 'Remote', 'Harrogate', 'Otley', 'Wetherby', 'Zendesk triage', 'Logistics Squad', 'payday advances'],
    };
    expect(notebookTerms(company)).toEqual(['Zendesk triage', 'Logistics Squad', 'payday advances']);
  });
});
