import type { Report } from '../../core/types.js';
import type { AnswerDelivery } from '../../delivery/types.js';
import type { Store } from '../store.js';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from './format.js';

/** What {@link exportAll} leaves out. */
export interface ExportOptions {
  /** Include the recordings (default true); without them the file is much smaller. */
  recordings?: boolean;
  now?: Date;
}

/** Every row of every table, JSON columns decoded, ordered by id; recordings' audio in base64. */
export async function exportAll(store: Store, options: ExportOptions = {}): Promise<ExportDocument> {
  const now = options.now ?? new Date();
  const db = store.driver.db;
  const parse = (value: string): unknown => JSON.parse(value);
  const companies = await db.selectFrom('companies').selectAll().orderBy('id').execute();
  const answers = await db.selectFrom('answers').selectAll().orderBy('id').execute();
  const stories = await db.selectFrom('stories').selectAll().orderBy('id').execute();
  const reviews = await db.selectFrom('reviews').selectAll().orderBy('id').execute();
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    companies: companies.map(({ name_key: _derived, ...row }) => ({
      ...row,
      aliases: parse(row.aliases) as string[],
      competitors: parse(row.competitors) as string[],
      terms: parse(row.terms) as string[],
    })),
    company_facts: await db.selectFrom('company_facts').selectAll().orderBy('id').execute(),
    sessions: (await db.selectFrom('sessions').selectAll().orderBy('id').execute()).map((row) => ({
      ...row,
      mode: row.mode as 'interview' | 'drill',
      status: row.status as 'active' | 'finished',
    })),
    session_questions: await db.selectFrom('session_questions').selectAll().orderBy('id').execute(),
    answers: answers.map((row) => ({
      id: row.id,
      uid: row.uid,
      session_id: row.session_id,
      position: row.position,
      attempt: row.attempt,
      follow_up_of: row.follow_up_of,
      question: row.question,
      answer: row.answer,
      seconds: row.seconds,
      report: parse(row.report) as Report,
      created_at: row.created_at,
      client_id: row.client_id,
      delivery: row.delivery === null ? null : (parse(row.delivery) as AnswerDelivery),
    })),
    stories: stories.map((row) => ({
      ...row,
      competencies: parse(row.competencies) as string[],
      parts: parse(row.parts) as ExportDocument['stories'][number]['parts'],
    })),
    reviews: reviews.map((row) => ({
      id: row.id,
      uid: row.uid,
      source_file: row.source_file,
      question: row.question,
      answer: row.answer,
      report: parse(row.report) as Report,
      answered_at: row.answered_at,
      created_at: row.created_at,
      transcript_key: row.transcript_key,
    })),
    recordings:
      options.recordings === false
        ? []
        : (await db.selectFrom('recordings').selectAll().orderBy('answer_id').execute()).map((row) => ({
            answer_id: row.answer_id,
            media_type: row.media_type,
            seconds: row.seconds,
            created_at: row.created_at,
            data: Buffer.from(row.data).toString('base64'),
          })),
  };
}
