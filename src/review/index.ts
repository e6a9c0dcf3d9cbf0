export { buildReview, mainReason, type ReviewOptions } from './build.js';
export { measureDelivery } from './delivery.js';
export { renderReviewText } from './render-text.js';
export { renderReviewJson, reviewToJson, type ReviewJson, type ReviewedPairJson } from './render-json.js';
export { renderReviewHtml } from './render-html.js';
export type * from './types.js';
