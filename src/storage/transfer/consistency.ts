import { StarlError } from '../../core/errors.js';
import { checkRecording } from '../../recording/index.js';
import { CLIENT_KEYED_TABLES } from '../migrations.js';
import type { ExportDocument } from './format.js';

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
