/**
 * The judged answers of reviewed transcripts. These are the queries behind the store's methods of the
 * same names, where they are documented.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Report } from '../../core/types.js';
import type { StoredReview } from '../records.js';
import type { ReviewsTable } from '../schema.js';
import type { StoreScope } from './rows.js';
import { verdictColumns } from './verdicts.js';

/** What `saveReview` takes: one judged question and answer from a transcript. */
export interface ReviewInput {
  sourceFile: string;
  question: string;
  answer: string;
  report: Report;
  answeredAt?: string | null;
}

function toReview(row: Selectable<ReviewsTable>): StoredReview {
  return {
    id: row.id,
    uid: row.uid,
    sourceFile: row.source_file,
    question: row.question,
    answer: row.answer,
    report: JSON.parse(row.report) as Report,
    answeredAt: row.answered_at,
    createdAt: row.created_at,
  };
}

export async function saveReview(scope: StoreScope, input: ReviewInput): Promise<StoredReview> {
  const [review] = await saveReviews(scope, [input]);
  return review!;
}

export async function saveReviews(scope: StoreScope, inputs: ReviewInput[], transcriptKey: string | null = null): Promise<StoredReview[]> {
  const rows = await scope.driver.writeTransaction(async (trx) => {
    if (transcriptKey !== null) await trx.deleteFrom('reviews').where('transcript_key', '=', transcriptKey).execute();
    const saved: Selectable<ReviewsTable>[] = [];
    for (const input of inputs) {
      saved.push(
        await trx
          .insertInto('reviews')
          .values({
            uid: randomUUID(),
            source_file: input.sourceFile,
            question: input.question,
            answer: input.answer,
            report: JSON.stringify(input.report),
            answered_at: input.answeredAt ?? null,
            created_at: scope.stamp(),
            transcript_key: transcriptKey,
            ...verdictColumns(input.report),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    }
    return saved;
  });
  return rows.map(toReview);
}

export async function reviewsAfter(scope: StoreScope, afterId: number, limit: number): Promise<StoredReview[]> {
  const rows = await scope.driver.db.selectFrom('reviews').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map(toReview);
}

export async function hasReviewOf(scope: StoreScope, transcriptKey: string): Promise<boolean> {
  const row = await scope.driver.db.selectFrom('reviews').select('id').where('transcript_key', '=', transcriptKey).executeTakeFirst();
  return row !== undefined;
}

export async function listReviews(scope: StoreScope): Promise<StoredReview[]> {
  const rows = await scope.driver.db.selectFrom('reviews').selectAll().orderBy('id').execute();
  return rows.map(toReview);
}
