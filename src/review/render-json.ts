import type { Review, ReviewedPair } from './types.js';

/** A reviewed pair as JSON carries its verdicts and evidence, not the analyzer's whole report. */
export type ReviewedPairJson = Omit<ReviewedPair, 'report'>;
/** The review as `--json` prints it. */
export type ReviewJson = Omit<Review, 'pairs'> & { pairs: ReviewedPairJson[] };

/** The review as a JSON-ready object: `candidate`, `interviewers`, `pairs`, `tallies`, `mainReason` and more. */
export function reviewToJson(review: Review): ReviewJson {
  return { ...review, pairs: review.pairs.map(({ report: _report, ...pair }) => pair) };
}

/** The review as indented JSON text. */
export function renderReviewJson(review: Review): string {
  return `${JSON.stringify(reviewToJson(review), null, 2)}\n`;
}
