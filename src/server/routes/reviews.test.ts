import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze.js';
import { MAX_REVIEW_PAIRS } from '../../transcripts/index.js';
import { useTestApp } from '../../../test/support/api-app.js';
import { forEachDatabase } from '../../../test/support/databases.js';

const TRANSCRIPT = readFileSync(new URL('../../../test/fixtures/transcripts/zoom-backend-engineer.vtt', import.meta.url), 'utf8');

forEachDatabase((database) => {
  const test = useTestApp(database);

  const postReview = (body: unknown) => test.send('/api/reviews', body);

  describe('/api/reviews', () => {
    it('refuses a transcript with more pairs than one review holds before judging any, and saves nothing', async () => {
      const text = Array.from({ length: MAX_REVIEW_PAIRS + 1 }, (_, i) => `Q: Tell me about a time you led team ${i + 1}.\nA: I rebuilt the rota.\n`).join('\n');
      const res = await postReview({ fileName: 'many.txt', text });
      expect(res.status).toBe(413);
      const { error } = await res.json();
      expect(error.code).toBe('E_INPUT_TOO_LONG');
      expect(error.message).toContain(`many.txt:${3 * MAX_REVIEW_PAIRS + 1}: the transcript has ${MAX_REVIEW_PAIRS + 1} questions and answers`);
      expect(await test.store.listReviews()).toEqual([]);
    });

    // Filled up through SQLite's page limit; PostgreSQL has no per-database limit to fill.
    it.runIf(database.dialect === 'sqlite')('answers a save that meets a full disk with 507 and E_STORAGE_FULL, keeping what was saved', async () => {
      const first = await postReview({ fileName: 'zoom.vtt', text: TRANSCRIPT });
      const saved = (await first.json()).saved;
      // SQLite answers a write past its page limit exactly as it answers ENOSPC: SQLITE_FULL.
      const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(test.store.driver.db);
      await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(test.store.driver.db);
      // Another interview, not the same one saved again (which would replace the first save in place).
      const res = await postReview({ fileName: 'again.vtt', text: TRANSCRIPT.replace('how are you doing today?', 'how is your day going?') });
      expect(res.status).toBe(507);
      const { error } = await res.json();
      expect(error.code).toBe('E_STORAGE_FULL');
      expect(error.message).toContain('everything saved before is safe');
      expect(await test.store.listReviews()).toHaveLength(saved);
    });

    it('sends a long list of saved answers a page at a time, all of them, in order', async () => {
      const count = 450;
      await test.store.saveReviews(Array.from({ length: count }, (_, i) => ({ sourceFile: 'long.vtt', question: `Question ${i}?`, answer: 'Yes.', report: analyze({ question: 'How are you?', answer: 'Great, thanks for asking.' }) })));
      const res = await test.app.request('/api/reviews');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const reader = res.body!.getReader();
      const chunks: Uint8Array[] = [];
      for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
      expect(chunks.length).toBeGreaterThan(1);
      const listed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { question: string; verdicts: { opportunity: string } }[];
      expect(listed.map((review) => review.question)).toEqual(Array.from({ length: count }, (_, i) => `Question ${i}?`));
      expect(listed[0]!.verdicts.opportunity).toMatch(/pass|miss/);
    });

    it('reviews a transcript pair by pair, names the main reason and saves the judged answers', async () => {
      const res = await postReview({ fileName: 'zoom.vtt', text: TRANSCRIPT });
      expect(res.status).toBe(200);
      const review = await res.json();
      expect(review.candidate).toBe('Jordan Kim');
      expect(review.pairs.length).toBeGreaterThan(2);
      expect(review.pairs[0].question).toMatch(/how are you/i);
      expect(review.saved).toBe(review.pairs.filter((pair: { report: unknown }) => pair.report !== null).length);
      const listed = await (await test.app.request('/api/reviews')).json();
      expect(listed).toHaveLength(review.saved);
      expect(listed[0]).toMatchObject({ sourceFile: 'zoom.vtt', verdicts: { opportunity: expect.stringMatching(/pass|miss/) } });
    });

    it('feeds progress: the saved answers become points per reason and name the weakest reason', async () => {
      const empty = await (await test.app.request('/api/progress')).json();
      expect(empty).toEqual({ judged: [], series: { opportunity: [], memorable: [], specificReason: [], starl: [] }, weakest: null, delivery: [] });
      const review = await (await postReview({ fileName: 'zoom.vtt', text: TRANSCRIPT })).json();
      const progress = await (await test.app.request('/api/progress')).json();
      expect(progress.judged).toHaveLength(review.saved);
      expect(progress.judged.every((answer: { origin: string }) => answer.origin === 'review')).toBe(true);
      expect(progress.series.opportunity[0].judged).toBe(review.tallies.opportunity.applicable);
      expect(progress.weakest.reason).toMatch(/opportunity|memorable|specificReason|starl/);
    });

    it('judges the answers with a saved company\'s posting when one is named', async () => {
      await test.store.saveCompany({ name: 'Fernway', contextText: 'Routing platform team: same-day delivery routing, Kafka, Go.', terms: ['routing platform', 'same-day delivery'] });
      const withCompany = await (await postReview({ fileName: 'zoom.vtt', text: TRANSCRIPT, company: 'Fernway', save: false })).json();
      const judgedWithContext = withCompany.pairs.filter((pair: { report: { context: unknown } | null }) => pair.report?.context);
      expect(judgedWithContext.length).toBe(withCompany.pairs.filter((pair: { report: unknown }) => pair.report).length);
      const unknown = await postReview({ fileName: 'zoom.vtt', text: TRANSCRIPT, company: 'Nowhere' });
      expect(unknown.status).toBe(404);
    });

    it('saving the same transcript again replaces the earlier save instead of adding it twice', async () => {
      const first = await (await postReview({ fileName: 'zoom.vtt', text: TRANSCRIPT })).json();
      expect(first.replaced).toBe(false);
      const again = await (await postReview({ fileName: 'zoom (1).vtt', text: TRANSCRIPT.replace(/\n/g, '\r\n') })).json();
      expect(again).toMatchObject({ saved: first.saved, replaced: true });
      const listed = await (await test.app.request('/api/reviews')).json();
      expect(listed).toHaveLength(first.saved);
      expect(listed.every((review: { sourceFile: string }) => review.sourceFile === 'zoom (1).vtt')).toBe(true);
      // The same transcript reviewed for the other speaker is another review.
      const other = await (await postReview({ fileName: 'zoom.vtt', text: TRANSCRIPT, candidate: again.interviewers[0] })).json();
      expect(other.replaced).toBe(false);
      expect(await (await test.app.request('/api/reviews')).json()).toHaveLength(first.saved + other.saved);
    });

      it('saves nothing when asked not to', async () => {
      const review = await (await postReview({ fileName: 'zoom.vtt', text: TRANSCRIPT, save: false })).json();
      expect(review.saved).toBe(0);
      expect(await (await test.app.request('/api/reviews')).json()).toEqual([]);
    });

    it('reports an unreadable transcript with its file and a typed code', async () => {
      const res = await postReview({ fileName: 'notes.txt', text: 'just some words with no speakers or questions' });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('E_TRANSCRIPT');
      expect(body.error.message).toMatch(/^notes\.txt:\d+: /);
    });
  });
});
