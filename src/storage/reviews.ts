import { createHash } from 'node:crypto';
import type { Report } from '../core/types.js';
import type { Store } from './store.js';

/**
 * What identifies a reviewed interview: a hash of the transcript's text (line endings and outer
 * whitespace ignored, so the same file read on another system matches) and of the candidate, since
 * one transcript reviewed for a different speaker is a different review.
 */
export function transcriptKey(text: string, candidate: string): string {
  const transcript = text.replace(/\r\n?/g, '\n').trim();
  return createHash('sha256').update(candidate.trim().toLowerCase()).update('\u0000').update(transcript).digest('hex');
}

/** What saving needs of a review: whose answers they are, and each question with its judged answer. */
export interface ReviewToSave {
  candidate: string;
  pairs: readonly { question: string; answer: string; report: Report | null }[];
}

/**
 * Saves a review's judged answers (those the analyzer refused are left out) for progress. Saving the
 * same transcript for the same candidate again replaces what was saved before. Returns how many
 * answers were saved and whether an earlier save was replaced.
 */
export async function saveReviewedTranscript(
  store: Store,
  transcript: { sourceFile: string; text: string },
  review: ReviewToSave,
): Promise<{ saved: number; replaced: boolean }> {
  const key = transcriptKey(transcript.text, review.candidate);
  const replaced = await store.hasReviewOf(key);
  const judged = review.pairs.flatMap((pair) => (pair.report ? [{ ...pair, report: pair.report }] : []));
  await store.saveReviews(
    judged.map((pair) => ({ sourceFile: transcript.sourceFile, question: pair.question, answer: pair.answer, report: pair.report, answeredAt: null })),
    key,
  );
  return { saved: judged.length, replaced };
}
