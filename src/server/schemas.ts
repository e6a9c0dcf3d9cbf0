// The API's schemas, a module per resource in schemas/. Importing them here registers them all, in
// this order: the order of the OpenAPI document's components.
export * from './schemas/common.js';
export * from './schemas/analysis.js';
export * from './schemas/reviews.js';
export * from './schemas/recordings.js';
export * from './schemas/sessions.js';
export * from './schemas/companies.js';
export * from './schemas/stories.js';
export * from './schemas/progress.js';
export * from './schemas/transfer.js';
