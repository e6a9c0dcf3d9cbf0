/**
 * The verdict columns every judged answer carries, practice or review: written from a report, and read
 * back for progress without the reports themselves.
 */
import type { Selectable } from 'kysely';
import type { Report } from '../../core/types.js';
import type { JudgedAnswer } from '../records.js';
import type { AnswersTable, ReviewsTable, VerdictColumns } from '../schema.js';
import type { StoreScope } from './rows.js';

/** The verdict and score columns of a report. */
export function verdictColumns(report: Report): VerdictColumns {
  const { opportunity, memorable, specificReason, starl } = report.reasons;
  return {
    question_type: report.questionType,
    opportunity: opportunity.verdict,
    memorable: memorable.verdict,
    specific_reason: specificReason.verdict,
    starl: starl.verdict,
    opportunity_score: opportunity.score,
    memorable_score: memorable.score,
    specific_reason_score: specificReason.score,
    starl_score: starl.score,
  };
}

function toVerdicts(row: VerdictColumns): JudgedAnswer['verdicts'] {
  return {
    opportunity: row.opportunity,
    memorable: row.memorable,
    specificReason: row.specific_reason,
    starl: row.starl,
  };
}

const VERDICT_COLUMNS = ['question_type', 'opportunity', 'memorable', 'specific_reason', 'starl', 'opportunity_score', 'memorable_score', 'specific_reason_score', 'starl_score'] as const;

/** The columns of a practice answer that progress reads (see {@link judgedInOrder}). */
export const JUDGED_ANSWER_COLUMNS = ['id', 'session_id', 'question', 'answer', 'created_at', ...VERDICT_COLUMNS] as const;

/** The columns of a review answer that progress reads (see {@link judgedInOrder}). */
export const JUDGED_REVIEW_COLUMNS = ['id', 'question', 'answer', 'answered_at', 'created_at', ...VERDICT_COLUMNS] as const;

/**
 * Practice and review answers as judged answers, oldest first. For a question answered with a
 * follow-up, the follow-up's row carries the judgement of both together.
 */
export function judgedInOrder(
  answers: readonly Pick<Selectable<AnswersTable>, (typeof JUDGED_ANSWER_COLUMNS)[number]>[],
  reviews: readonly Pick<Selectable<ReviewsTable>, (typeof JUDGED_REVIEW_COLUMNS)[number]>[],
): JudgedAnswer[] {
  const judged: JudgedAnswer[] = [
    ...answers.map((row) => ({
      origin: 'practice' as const,
      id: row.id,
      sessionId: row.session_id,
      question: row.question,
      answer: row.answer,
      questionType: row.question_type,
      verdicts: toVerdicts(row),
      at: row.created_at,
    })),
    ...reviews.map((row) => ({
      origin: 'review' as const,
      id: row.id,
      sessionId: null,
      question: row.question,
      answer: row.answer,
      questionType: row.question_type,
      verdicts: toVerdicts(row),
      at: row.answered_at ?? row.created_at,
    })),
  ];
  return judged.sort((a, b) => a.at.localeCompare(b.at));
}

export async function judgedAnswers(scope: StoreScope): Promise<JudgedAnswer[]> {
  // Only the columns progress needs: the reports, the bulk of each row, stay in the database.
  const answers = await scope.driver.db.selectFrom('answers').select(JUDGED_ANSWER_COLUMNS).execute();
  const reviews = await scope.driver.db.selectFrom('reviews').select(JUDGED_REVIEW_COLUMNS).execute();
  return judgedInOrder(answers, reviews);
}
