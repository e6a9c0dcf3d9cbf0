import type { Selectable } from 'kysely';
import type { Report } from '../../core/types.js';
import type { AnswerDelivery } from '../../delivery/types.js';
import type { Session, Story } from '../records.js';
import type {
  AnswersTable,
  CompaniesTable,
  CompanyFactsTable,
  RecordingsTable,
  ReviewsTable,
  SessionQuestionsTable,
  SessionsTable,
  StoriesTable,
  VerdictColumns,
} from '../schema.js';

/** Names the export format, so an import can tell a Starl file from any other JSON. */
export const EXPORT_FORMAT = 'starl-export';
/**
 * Bumped only when a change would make an older Starl misread a newer file. Version 2 added the
 * recordings: an older Starl would import such a file and silently drop them, so it refuses it instead.
 */
export const EXPORT_VERSION = 2;
/** The versions an import reads: every one ever written. Version 1 has no recordings. */
export const IMPORTABLE_VERSIONS = [1, 2] as const;

/**
 * The largest export file an import reads. An export holds about 10 KB per answer and, with recordings,
 * some 320 KB per recorded minute (Opus at 32 kbit/s, in base64): 256 MB is thousands of answers and
 * hours of speech, and it parses within the memory Node has by default.
 */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

/** A recording as an export carries it: the row, with its audio in base64 and its size left out (it is the audio's). */
export type ExportedRecording = Omit<Selectable<RecordingsTable>, 'bytes' | 'data'> & { data: string };

/** Everything Starl keeps, as one JSON document the candidate owns: every table's rows, JSON columns decoded. */
export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: (typeof IMPORTABLE_VERSIONS)[number];
  exportedAt: string;
  companies: (Omit<Selectable<CompaniesTable>, 'name_key' | 'aliases' | 'competitors' | 'terms'> & { aliases: string[]; competitors: string[]; terms: string[] })[];
  company_facts: Selectable<CompanyFactsTable>[];
  sessions: (Omit<Selectable<SessionsTable>, 'mode' | 'status'> & Pick<Session, 'mode' | 'status'>)[];
  session_questions: Selectable<SessionQuestionsTable>[];
  answers: (Omit<Selectable<AnswersTable>, keyof VerdictColumns | 'report' | 'delivery'> & { report: Report; delivery: AnswerDelivery | null })[];
  stories: (Omit<Selectable<StoriesTable>, 'competencies' | 'parts'> & Pick<Story, 'competencies' | 'parts'>)[];
  reviews: (Omit<Selectable<ReviewsTable>, keyof VerdictColumns | 'report'> & { report: Report })[];
  /** The answers' recordings; none in a version 1 file, or in one exported without them. */
  recordings: ExportedRecording[];
}
