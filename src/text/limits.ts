/**
 * How long what a candidate types may be, one definition each, enforced alike by the API's schemas
 * and by the store (so the command line and an import meet the same limits), in UTF-16 code units.
 */

/** A company's name, alias or competitor, a story's title, a role: a line, never a paragraph. */
export const MAX_NAME_LENGTH = 200;

/** One research fact about a company: a few sentences. */
export const MAX_FACT_LENGTH = 2000;

/** Where a fact was found: a link or a short note. */
export const MAX_SOURCE_LENGTH = 500;

/** One competency a story shows ("conflict", "leadership"), and how many a story may list. */
export const MAX_COMPETENCY_LENGTH = 100;
export const MAX_COMPETENCIES = 20;
