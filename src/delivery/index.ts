// Delivery measured from a recording: pure and synchronous, so it runs in a Web Worker, the page or Node.
export { measureDelivery } from './measure.js';
export { deliveryAdvice, paceOf, DELIVERY_RANGES, SYLLABLES_PER_WORD } from './advice.js';
export type { AdviceContext, DeliveryRange, Pace } from './advice.js';
export { timePerStarPart } from './star-time.js';
export { MIN_PAUSE_SECONDS } from './silence.js';
export { DELIVERY_METHOD } from './types.js';
export type * from './types.js';
