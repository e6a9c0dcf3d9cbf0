import { StarlError } from '../core/errors.js';
import type { QuestionAnswerPair } from './types.js';

/**
 * The most question-and-answer pairs one review judges. A two-hour interview has well under a hundred;
 * past this a file is several interviews or not an interview, and judging it would take minutes and
 * answer with a response of hundreds of megabytes.
 */
export const MAX_REVIEW_PAIRS = 400;

/** The most answer text one review judges, in UTF-8 bytes: about 170,000 words, ten hours of speech. */
export const MAX_REVIEW_ANSWER_BYTES = 1024 * 1024;

// TextEncoder rather than Buffer: transcripts are also read in the browser.
const utf8 = new TextEncoder();

/**
 * Refuses, before any answer is judged, an interview with more pairs or more answer text than one
 * review holds, naming the line where it passes the limit.
 */
export function assertReviewFits(pairs: readonly QuestionAnswerPair[], file?: string): void {
  const where = (pair: QuestionAnswerPair) => ({ ...(file === undefined ? {} : { file }), line: pair.questionLine });
  if (pairs.length > MAX_REVIEW_PAIRS) {
    throw new StarlError(
      'E_INPUT_TOO_LONG',
      `the transcript has ${pairs.length} questions and answers; one review takes at most ${MAX_REVIEW_PAIRS}, so split it into one file per interview`,
      where(pairs[MAX_REVIEW_PAIRS]!),
    );
  }
  let bytes = 0;
  for (const pair of pairs) {
    bytes += utf8.encode(pair.answer).byteLength;
    if (bytes > MAX_REVIEW_ANSWER_BYTES) {
      throw new StarlError(
        'E_INPUT_TOO_LONG',
        `the answers in the transcript pass ${MAX_REVIEW_ANSWER_BYTES / 1024 / 1024} MB of text by here; one review takes at most that, so split it into one file per interview`,
        where(pair),
      );
    }
  }
}
