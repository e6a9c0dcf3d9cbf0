import type { Hono } from 'hono';
import { storeOf, type AppEnv } from '../access.js';
import { judgingContext } from '../../company/context.js';
import { REASONS } from '../../core/types.js';
import type { Reason, Verdict } from '../../core/types.js';
import { buildReview } from '../../review/index.js';
import { saveReviewedTranscript } from '../../storage/index.js';
import { readInterview } from '../../transcripts/index.js';
import { jsonArrayStream } from '../json-stream.js';
import { readJson } from '../read-json.js';
import { MAX_TRANSCRIPT_BODY_BYTES, reviewRequestSchema, reviewSchema } from '../schemas.js';
import { sendDocumented } from '../send-documented.js';

/** How many saved review answers `GET /api/reviews` reads from the database at a time. */
const REVIEWS_PER_PAGE = 200;

/**
 * `POST /api/reviews` reviews a transcript pair by pair and saves the judged answers for progress;
 * `GET /api/reviews` lists what was saved.
 */
export function registerReviewRoutes(app: Hono<AppEnv>): void {
  app.post('/api/reviews', async (c) => {
    const store = storeOf(c);
    const request = await readJson(c, reviewRequestSchema, MAX_TRANSCRIPT_BODY_BYTES);
    const interview = readInterview(request.text, { file: request.fileName, ...(request.candidate ? { candidate: request.candidate } : {}) });
    const company = request.company ? await store.requireCompany(request.company) : null;
    const review = buildReview(interview, company ? judgingContext(company, await store.factsOf(company.id)) : {});
    const saved = request.save ? await saveReviewedTranscript(store, { sourceFile: request.fileName, text: request.text }, review) : null;
    return sendDocumented(c, reviewSchema, { ...review, saved: saved?.saved ?? 0, replaced: saved?.replaced ?? false });
  });

  app.get('/api/reviews', (c) =>
    c.body(
      jsonArrayStream(
        (afterId) => storeOf(c).reviewsAfter(afterId, REVIEWS_PER_PAGE),
        (review) => ({
          id: review.id,
          sourceFile: review.sourceFile,
          question: review.question,
          answer: review.answer,
          createdAt: review.createdAt,
          verdicts: Object.fromEntries(REASONS.map((reason) => [reason, review.report.reasons[reason].verdict])) as Record<Reason, Verdict>,
        }),
      ),
      200,
      { 'content-type': 'application/json' },
    ),
  );
}
