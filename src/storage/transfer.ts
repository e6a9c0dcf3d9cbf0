import type { Kysely, Selectable } from 'kysely';
import { StarlError } from '../core/errors.js';
import type { Report } from '../core/types.js';
import type { AnswerDelivery } from '../delivery/types.js';
import type { Session, Story } from './records.js';
import { checkRecording } from '../recording/index.js';
import type {
  AnswersTable,
  CompaniesTable,
  CompanyFactsTable,
  RecordingsTable,
  ReviewsTable,
  SessionQuestionsTable,
  SessionsTable,
  StarlSchema,
  StoriesTable,
  VerdictColumns,
} from './schema.js';
import { CLIENT_KEYED_TABLES } from './migrations.js';
import { companyKey, recordingRow, verdictColumns, type Store } from './store.js';

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

/** What {@link exportAll} leaves out. */
export interface ExportOptions {
  /** Include the recordings (default true); without them the file is much smaller. */
  recordings?: boolean;
  now?: Date;
}

/** How many rows an import added, and how many it found already present (by their ids). */
export interface ImportCounts {
  added: Record<string, number>;
  alreadyPresent: Record<string, number>;
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

/** How many bytes a base64 text decodes to. */
function base64Size(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

/** The tables whose rows carry a uid, which an import matches rows by. */
const UID_TABLES = ['company_facts', 'sessions', 'answers', 'stories', 'reviews'] as const;

/**
 * Checks, before anything is written, that the rows fit together: no id or uid twice in a table, every
 * reference to a row in the same file, a follow-up only of an earlier answer to the same question (so
 * follow-ups never form a cycle), and every answer to a question its session planned.
 */
export function assertExportConsistent(doc: ExportDocument, file: string): void {
  const damaged = (field: string, what: string): never => {
    throw new StarlError('E_INPUT_BAD_FIELD', `the export file is damaged: ${what}`, { file, field });
  };
  const assertUnique = (table: keyof ExportDocument & string, rows: readonly Record<string, unknown>[], key: 'id' | 'uid' | 'client_id') => {
    const seen = new Set<unknown>();
    rows.forEach((row, i) => {
      // A row written without a client key has none (null), as many rows may.
      if (row[key] !== null && seen.has(row[key])) damaged(`${table}[${i}].${key}`, `${key} ${JSON.stringify(row[key])} appears twice in ${table}`);
      seen.add(row[key]);
    });
  };
  for (const table of ['companies', 'session_questions', ...UID_TABLES] as const) assertUnique(table, doc[table], 'id');
  for (const table of UID_TABLES) assertUnique(table, doc[table], 'uid');
  for (const table of CLIENT_KEYED_TABLES) assertUnique(table, doc[table], 'client_id');

  const companies = new Set(doc.companies.map((row) => row.id));
  const sessions = new Set(doc.sessions.map((row) => row.id));
  const answers = new Map(doc.answers.map((row) => [row.id, row]));
  const refersTo = (ok: boolean, field: string, what: string) => {
    if (!ok) damaged(field, `it refers to ${what} it does not contain`);
  };
  doc.company_facts.forEach((row, i) => refersTo(companies.has(row.company_id), `company_facts[${i}].company_id`, `company ${row.company_id}`));
  doc.sessions.forEach((row, i) => refersTo(row.company_id === null || companies.has(row.company_id), `sessions[${i}].company_id`, `company ${row.company_id}`));

  const planned = new Map<number, Set<number>>();
  doc.session_questions.forEach((row, i) => {
    refersTo(sessions.has(row.session_id), `session_questions[${i}].session_id`, `session ${row.session_id}`);
    const positions = planned.get(row.session_id) ?? new Set<number>();
    if (positions.has(row.position)) damaged(`session_questions[${i}].position`, `session ${row.session_id} has two questions at position ${row.position}`);
    planned.set(row.session_id, positions.add(row.position));
  });
  doc.answers.forEach((row, i) => {
    refersTo(sessions.has(row.session_id), `answers[${i}].session_id`, `session ${row.session_id}`);
    if (!planned.get(row.session_id)?.has(row.position)) {
      damaged(`answers[${i}].position`, `answer ${row.id} answers question ${row.position}, which session ${row.session_id} does not have`);
    }
    if (row.follow_up_of === null) return;
    const original = answers.get(row.follow_up_of);
    refersTo(original !== undefined, `answers[${i}].follow_up_of`, `answer ${row.follow_up_of}`);
    if (original!.id >= row.id || original!.session_id !== row.session_id || original!.position !== row.position) {
      damaged(`answers[${i}].follow_up_of`, `answer ${row.id} follows up answer ${row.follow_up_of}, which is not an earlier answer to the same question`);
    }
  });
  doc.stories.forEach((row, i) =>
    refersTo(row.source_answer_id === null || answers.has(row.source_answer_id), `stories[${i}].source_answer_id`, `answer ${row.source_answer_id}`),
  );
  const recorded = new Set<number>();
  doc.recordings.forEach((row, i) => {
    refersTo(answers.has(row.answer_id), `recordings[${i}].answer_id`, `answer ${row.answer_id}`);
    if (recorded.has(row.answer_id)) damaged(`recordings[${i}].answer_id`, `answer ${row.answer_id} has two recordings`);
    recorded.add(row.answer_id);
    // The first sixteen characters of base64 are its first twelve bytes: enough to tell the container.
    const claim = { mediaType: row.media_type, seconds: row.seconds, size: base64Size(row.data), head: Buffer.from(row.data.slice(0, 16), 'base64') };
    try {
      checkRecording(claim, `recordings[${i}]`);
    } catch (error) {
      if (error instanceof StarlError) throw new StarlError(error.code, `the export file has a recording Starl cannot keep: ${error.message}`, { file, field: error.where?.field ?? `recordings[${i}]` });
      throw error;
    }
  });
}

/** The id a row already has under this uid, if any. */
async function existingId(
  trx: Kysely<StarlSchema>,
  table: 'company_facts' | 'sessions' | 'answers' | 'stories' | 'reviews',
  uid: string,
): Promise<number | undefined> {
  const row = await trx.selectFrom(table).select('id').where('uid', '=', uid).executeTakeFirst();
  return row?.id;
}

/**
 * A row's client key, unless another row already holds it. The key only tells repeats of one write
 * apart, so an imported row whose key is taken is kept without it.
 */
async function freeClientId(trx: Kysely<StarlSchema>, table: (typeof CLIENT_KEYED_TABLES)[number], clientId: string | null): Promise<string | null> {
  if (clientId === null) return null;
  const holder = await trx.selectFrom(table).select('id').where('client_id', '=', clientId).executeTakeFirst();
  return holder ? null : clientId;
}

/**
 * Adds an export's rows to the store in one transaction: all or nothing. Rows already present (same
 * uid) are skipped, so importing a file twice changes nothing the second time; a company already
 * known by name gets the file's aliases, competitors and facts merged in. Ids are renumbered as needed.
 */
export async function importAll(store: Store, doc: ExportDocument): Promise<ImportCounts> {
  const counts: ImportCounts = { added: {}, alreadyPresent: {} };
  const tally = (table: string, added: boolean) => {
    const bucket = added ? counts.added : counts.alreadyPresent;
    bucket[table] = (bucket[table] ?? 0) + 1;
  };
  await store.driver.writeTransaction(async (trx) => {
    const companyIds = new Map<number, number>();
    for (const row of doc.companies) {
      const known = await trx.selectFrom('companies').selectAll().where('name_key', '=', companyKey(row.name)).executeTakeFirst();
      if (known) {
        const merge = (mine: string, theirs: string[]) => {
          const list = JSON.parse(mine) as string[];
          const keys = new Set(list.map(companyKey));
          return JSON.stringify([...list, ...theirs.filter((name) => !keys.has(companyKey(name)))]);
        };
        await trx
          .updateTable('companies')
          .set({
            aliases: merge(known.aliases, row.aliases),
            competitors: merge(known.competitors, row.competitors),
            context_text: known.context_text ?? row.context_text,
            context_source: known.context_source ?? row.context_source,
            terms: known.context_text ? known.terms : JSON.stringify(row.terms),
          })
          .where('id', '=', known.id)
          .execute();
        companyIds.set(row.id, known.id);
        tally('companies', false);
        continue;
      }
      const { id: _old, ...values } = row;
      const inserted = await trx
        .insertInto('companies')
        .values({
          ...values,
          name_key: companyKey(row.name),
          aliases: JSON.stringify(row.aliases),
          competitors: JSON.stringify(row.competitors),
          terms: JSON.stringify(row.terms),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      companyIds.set(row.id, inserted.id);
      tally('companies', true);
    }
    for (const { id: _old, ...row } of doc.company_facts) {
      if ((await existingId(trx, 'company_facts', row.uid)) !== undefined) {
        tally('company_facts', false);
        continue;
      }
      await trx
        .insertInto('company_facts')
        .values({ ...row, company_id: companyIds.get(row.company_id)!, client_id: await freeClientId(trx, 'company_facts', row.client_id) })
        .execute();
      tally('company_facts', true);
    }
    const sessionIds = new Map<number, number>();
    const newSessions = new Set<number>();
    for (const { id: oldId, ...row } of doc.sessions) {
      const present = await existingId(trx, 'sessions', row.uid);
      if (present !== undefined) {
        sessionIds.set(oldId, present);
        tally('sessions', false);
        continue;
      }
      const inserted = await trx
        .insertInto('sessions')
        .values({
          ...row,
          company_id: row.company_id === null ? null : companyIds.get(row.company_id)!,
          client_id: await freeClientId(trx, 'sessions', row.client_id),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      sessionIds.set(oldId, inserted.id);
      newSessions.add(oldId);
      tally('sessions', true);
    }
    for (const { id: _old, ...row } of doc.session_questions) {
      // A session already present keeps its own plan.
      if (!newSessions.has(row.session_id)) continue;
      await trx.insertInto('session_questions').values({ ...row, session_id: sessionIds.get(row.session_id)! }).execute();
      tally('session_questions', true);
    }
    const answerIds = new Map<number, number>();
    // Oldest first, so that an answer's original is in place before its follow-up.
    for (const { id: oldId, ...row } of [...doc.answers].sort((a, b) => a.id - b.id)) {
      const present = await existingId(trx, 'answers', row.uid);
      if (present !== undefined) {
        answerIds.set(oldId, present);
        tally('answers', false);
        continue;
      }
      const inserted = await trx
        .insertInto('answers')
        .values({
          ...row,
          session_id: sessionIds.get(row.session_id)!,
          follow_up_of: row.follow_up_of === null ? null : answerIds.get(row.follow_up_of)!,
          report: JSON.stringify(row.report),
          ...verdictColumns(row.report),
          delivery: row.delivery === null ? null : JSON.stringify(row.delivery),
          client_id: await freeClientId(trx, 'answers', row.client_id),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      answerIds.set(oldId, inserted.id);
      tally('answers', true);
    }
    for (const { id: _old, ...row } of doc.stories) {
      if ((await existingId(trx, 'stories', row.uid)) !== undefined) {
        tally('stories', false);
        continue;
      }
      await trx
        .insertInto('stories')
        .values({
          ...row,
          competencies: JSON.stringify(row.competencies),
          parts: JSON.stringify(row.parts),
          source_answer_id: row.source_answer_id === null ? null : answerIds.get(row.source_answer_id)!,
          client_id: await freeClientId(trx, 'stories', row.client_id),
        })
        .execute();
      tally('stories', true);
    }
    for (const row of doc.recordings) {
      const answerId = answerIds.get(row.answer_id)!;
      if (await trx.selectFrom('recordings').select('answer_id').where('answer_id', '=', answerId).executeTakeFirst()) {
        tally('recordings', false);
        continue;
      }
      const audio = Buffer.from(row.data, 'base64');
      await trx.insertInto('recordings').values(recordingRow(answerId, { mediaType: row.media_type, seconds: row.seconds, data: audio }, row.created_at)).execute();
      tally('recordings', true);
    }
    for (const { id: _old, ...row } of doc.reviews) {
      if ((await existingId(trx, 'reviews', row.uid)) !== undefined) {
        tally('reviews', false);
        continue;
      }
      await trx
        .insertInto('reviews')
        .values({ ...row, report: JSON.stringify(row.report), ...verdictColumns(row.report as unknown as Report) })
        .execute();
      tally('reviews', true);
    }
  });
  return counts;
}
