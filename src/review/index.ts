export { buildReview, type ReviewOptions } from './build.js';
export { mainReason, rankReasons, restsOnFewAnswers, MAIN_REASON_DEFINITION, FEW_ANSWERS } from './main-reason.js';
export { practiceFor } from './practice.js';
export { measureDelivery } from './delivery.js';
export { renderReviewText } from './render-text.js';
export { renderReviewJson, reviewToJson, type ReviewJson, type ReviewedPairJson } from './render-json.js';
export { renderReviewHtml } from './render-html.js';
export type * from './types.js';
