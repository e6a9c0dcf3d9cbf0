/**
 * The recordings of spoken answers, kept beside their answers. These are the queries behind the store's
 * methods of the same names, where they are documented.
 */
import type { Selectable } from 'kysely';
import { StarlError } from '../../core/errors.js';
import { checkRecording } from '../../recording/index.js';
import type { Recording, RecordingInfo } from '../records.js';
import type { RecordingsTable } from '../schema.js';
import { mustExist, rowId, type StoreScope } from './rows.js';

/** What `saveRecording` takes: a spoken answer's audio, compressed as the browser recorded it. */
export interface RecordingInput {
  /** Its content type, codec included (`audio/webm;codecs=opus`). */
  mediaType: string;
  /** How long it lasts. */
  seconds: number;
  data: Uint8Array;
}

/** The columns of a recording that describe it, without its audio. */
const RECORDING_INFO = ['answer_id', 'media_type', 'seconds', 'bytes', 'created_at'] as const;

function toRecordingInfo(row: Pick<Selectable<RecordingsTable>, (typeof RECORDING_INFO)[number]>): RecordingInfo {
  return { answerId: row.answer_id, mediaType: row.media_type, seconds: row.seconds, bytes: row.bytes, createdAt: row.created_at };
}

/**
 * Checks a recording (see {@link checkRecording}) and returns the row to keep, audio as a Buffer, which
 * both SQLite's and PostgreSQL's drivers bind as a blob.
 */
export function recordingRow(answerId: number, input: RecordingInput, createdAt: string, field?: string): Selectable<RecordingsTable> {
  const mediaType = checkRecording({ mediaType: input.mediaType, seconds: input.seconds, size: input.data.byteLength, head: input.data.subarray(0, 12) }, field);
  const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
  return { answer_id: answerId, media_type: mediaType, seconds: input.seconds, bytes: data.byteLength, data, created_at: createdAt };
}

export async function saveRecording(scope: StoreScope, answerId: number, input: RecordingInput): Promise<RecordingInfo> {
  const row = recordingRow(answerId, input, scope.stamp());
  await scope.driver.writeTransaction(async (trx) => {
    await mustExist(trx, 'answers', answerId, `no saved answer ${answerId}`);
    await trx.deleteFrom('recordings').where('answer_id', '=', rowId(answerId)).execute();
    await trx.insertInto('recordings').values(row).execute();
  });
  return toRecordingInfo(row);
}

export async function recordingOf(scope: StoreScope, answerId: number): Promise<Recording | null> {
  const row = await scope.driver.db.selectFrom('recordings').selectAll().where('answer_id', '=', rowId(answerId)).executeTakeFirst();
  return row ? { ...toRecordingInfo(row), data: row.data } : null;
}

export async function recordingsOf(scope: StoreScope, sessionId: number): Promise<RecordingInfo[]> {
  const rows = await scope.driver.db
    .selectFrom('recordings')
    .innerJoin('answers', 'answers.id', 'recordings.answer_id')
    .select(RECORDING_INFO.map((column) => `recordings.${column}` as const))
    .where('answers.session_id', '=', rowId(sessionId))
    .orderBy('recordings.answer_id')
    .execute();
  return rows.map(toRecordingInfo);
}

export async function deleteRecording(scope: StoreScope, answerId: number): Promise<void> {
  await scope.driver.writeTransaction(async (trx) => {
    const deleted = await trx.deleteFrom('recordings').where('answer_id', '=', rowId(answerId)).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw new StarlError('E_NOT_FOUND', `answer ${answerId} has no recording`);
  });
}
