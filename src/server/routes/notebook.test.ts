import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/api-app.js';
import { forEachDatabase } from '../../../test/support/databases.js';

forEachDatabase((database) => {
  const test = useTestApp(database);

  const send = (path: string, body: unknown, method?: string) => test.send(path, body, method);

  const POSTING =
    '<h1>Data Analyst, Fernway Logistics</h1><p>Join the routing platform team. You will build dashboards in Looker for our same-day delivery network and forecast parcel volumes with Python.</p>';

  describe('/api/companies', () => {
    it('saves a company with the distinctive terms of its posting, read from HTML as text', async () => {
      const created = await send('/api/companies', { name: 'Fernway', competitors: ['Parcelly'], contextText: POSTING });
      expect(created.status).toBe(201);
      const company = await created.json();
      expect(company.contextText).not.toContain('<h1>');
      expect(company.terms.length).toBeGreaterThan(0);
      expect(company.terms.join(' ').toLowerCase()).toMatch(/looker|routing|same-day|parcel/);
      expect((await (await test.app.request('/api/companies')).json()).map((c: { name: string }) => c.name)).toEqual(['Fernway']);
    });

    it('keeps research facts, ticks the checklist and proposes questions to ask', async () => {
      const company = await (await send('/api/companies', { name: 'Fernway' })).json();
      const fact = await send(`/api/companies/${company.id}/facts`, { kind: 'news', text: 'Fernway opened a hub in Leeds in March', source: 'press release' });
      expect(fact.status).toBe(201);
      const detail = await (await test.app.request(`/api/companies/${company.id}`)).json();
      expect(detail.facts).toHaveLength(1);
      expect(detail.checklist.find((item: { item: string }) => item.item === 'news')).toMatchObject({ done: true });
      expect(detail.checklist.find((item: { item: string }) => item.item === 'job posting')).toMatchObject({ done: false });
      expect(detail.questionsToAsk[0].question).toContain('Leeds');
    });

    it('shows the notebook as it is after every change, its terms without the company\'s name or places', async () => {
      const company = await (await send('/api/companies', { name: 'Fernway', contextText: POSTING })).json();
      const before = await (await test.app.request(`/api/companies/${company.id}`)).json();
      expect(before.company.terms.join(' · ')).toMatch(/Python/);
      expect(before.company.terms).not.toContain('Fernway');
      // A new posting saved under an alias of the company replaces the terms the notebook shows.
      await send('/api/companies', { name: 'Fernway', aliases: ['Fernway Logistics'] });
      const posting = 'Fernway Logistics is based in Harrogate. You will run Kafka streams for the Courier Tracker app.';
      await send('/api/companies', { name: 'Fernway Logistics', contextText: posting });
      const after = await (await test.app.request(`/api/companies/${company.id}`)).json();
      expect(after.company.terms.join(' · ')).toMatch(/Kafka/);
      expect(after.company.terms.join(' · ')).not.toMatch(/Python|Harrogate|Fernway/);
      expect(after.questionsToAsk).toEqual([]);
      await send(`/api/companies/${company.id}/facts`, { kind: 'interviewer', text: 'Interviewer Sam wrote a blog post about Kafka at Fernway.', source: 'blog' });
      const withFact = await (await test.app.request(`/api/companies/${company.id}`)).json();
      expect(withFact.questionsToAsk[0].question).toMatch(/^I saw that you wrote a blog post about Kafka at Fernway\. /);
    });

    it('refuses an unknown kind of fact and an unknown company by name', async () => {
      const company = await (await send('/api/companies', { name: 'Fernway' })).json();
      const bad = await (await send(`/api/companies/${company.id}/facts`, { kind: 'gossip', text: 'x' })).json();
      expect(bad.error).toMatchObject({ code: 'E_INPUT_BAD_FIELD' });
      expect(bad.error).toMatchObject({ field: 'kind', message: expect.stringMatching(/^The kind of fact must be one of "product", /) });
      expect((await test.app.request('/api/companies/99')).status).toBe(404);
    });
  });

  describe('/api/stories', () => {
    it('labels a story\'s parts and says which stories fit a question', async () => {
      const saved = await send('/api/stories', {
        title: 'The scanner outage',
        text: 'At my last job our warehouse scanners dropped orders. I logged every failed scan and moved two access points. As a result, lost orders fell from 40 a day to none.',
        competencies: ['Problem solving', ' problem solving '],
      });
      expect(saved.status).toBe(201);
      const story = await saved.json();
      expect(story.competencies).toEqual(['problem solving']);
      expect(story.parts.map((part: { star: string }) => part.star)).toContain('A');
      const bank = await (await test.app.request(`/api/stories?question=${encodeURIComponent('Tell me about a time the warehouse scanners failed')}`)).json();
      expect(bank.stories).toHaveLength(1);
      expect(bank.fits[0]).toMatchObject({ storyId: story.id });
      expect((await (await test.app.request('/api/stories?question=What%20is%20your%20favourite%20colour')).json()).fits).toEqual([]);
    });

    it('fits stories by competency, not by a word they happen to share, and says why', async () => {
      const refund = await (
        await send('/api/stories', {
          title: 'The refund',
          text: 'A customer was angry about a late parcel. I refunded the postage and my manager approved it. She ordered again the next week.',
          competencies: ['customer'],
        })
      ).json();
      const clash = await (
        await send('/api/stories', {
          title: 'Release date',
          text: 'My lead wanted to ship before the tests passed and we disagreed. I showed her the failing cases and proposed a two-day slip. We shipped with no payment bugs.',
        })
      ).json();
      const bank = await (await test.app.request(`/api/stories?question=${encodeURIComponent('Tell me about a time you disagreed with your manager.')}`)).json();
      expect(bank.fits.map((fit: { storyId: number }) => fit.storyId)).toEqual([clash.id]);
      expect(bank.fits[0].why).toMatch(/^fits: conflict \(in its words\); /);
      expect(bank.fits.map((fit: { storyId: number }) => fit.storyId)).not.toContain(refund.id);
    });
  });
});
