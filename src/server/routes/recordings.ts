import type { Context, Hono } from 'hono';
import { storeOf, type AppEnv } from '../access.js';
import { StarlError } from '../../core/errors.js';
import { MAX_RECORDING_BYTES, RECORDING_LIMIT_TEXT, baseMediaType } from '../../recording/index.js';
import type { Recording } from '../../storage/index.js';
import { sendError } from '../http-errors.js';
import { readBody, readQuery } from '../read-json.js';
import { recordingQuerySchema } from '../schemas.js';
import { sessionAnswer } from './edits.js';
import { idParam } from './sessions.js';

/** The file name extension of each container, for a download's name. */
const EXTENSIONS: Record<string, string> = { 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/mp4': 'm4a' };

/**
 * The part of a recording a `Range: bytes=…` header asks for, so a player can seek: null to send it
 * whole (no header, or several ranges, which a player never needs), or `unsatisfiable` when it starts
 * past the end.
 */
export function byteRange(header: string | undefined, total: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    // A suffix: the last N bytes.
    const length = Number(match[2]);
    return length === 0 ? 'unsatisfiable' : { start: Math.max(0, total - length), end: total - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? total - 1 : Math.min(Number(match[2]), total - 1);
  return start >= total || start > end ? 'unsatisfiable' : { start, end };
}

/** A recording as a response: whole, or the range asked for (206). */
function sendRecording(c: Context, recording: Recording): Response {
  const total = recording.data.byteLength;
  const extension = EXTENSIONS[baseMediaType(recording.mediaType)] ?? 'audio';
  const headers: Record<string, string> = {
    'content-type': recording.mediaType,
    'accept-ranges': 'bytes',
    'content-disposition': `inline; filename="answer-${recording.answerId}.${extension}"`,
  };
  const range = byteRange(c.req.header('range'), total);
  if (range === 'unsatisfiable') {
    c.header('content-range', `bytes */${total}`);
    return sendError(c, new StarlError('E_USAGE', `The recording has ${total} bytes; the range "${c.req.header('range')}" starts past its end.`), 416);
  }
  if (range === null) return c.body(recording.data as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-length': String(total) });
  const part = recording.data.subarray(range.start, range.end + 1) as Uint8Array<ArrayBuffer>;
  return c.body(part, 206, { ...headers, 'content-length': String(part.byteLength), 'content-range': `bytes ${range.start}-${range.end}/${total}` });
}

/**
 * The recordings of saved practice answers: `PUT …/recording` keeps one (the body is the audio as the
 * browser recorded it, the query its length), `GET` plays it back (ranges too, so a player can seek),
 * `DELETE` removes it and keeps the answer. Deleting the answer deletes its recording.
 */
export function registerRecordingRoutes(app: Hono<AppEnv>): void {
  const path = '/api/sessions/:id/answers/:answerId/recording';

  app.put(path, async (c) => {
    const store = storeOf(c);
    const answer = await sessionAnswer(store, idParam(c), idParam(c, 'answerId'));
    const { seconds } = readQuery(c, recordingQuerySchema);
    const mediaType = c.req.header('content-type') ?? '';
    const tooLarge = () => new StarlError('E_INPUT_TOO_LONG', `the recording is over ${MAX_RECORDING_BYTES / (1024 * 1024)} MB; Starl keeps recordings up to ${RECORDING_LIMIT_TEXT}`, { field: 'recording' });
    const data = await readBody(c, MAX_RECORDING_BYTES, tooLarge);
    return c.json(await store.saveRecording(answer.id, { mediaType, seconds, data }), 201);
  });

  app.get(path, async (c) => {
    const store = storeOf(c);
    const answer = await sessionAnswer(store, idParam(c), idParam(c, 'answerId'));
    const recording = await store.recordingOf(answer.id);
    if (!recording) throw new StarlError('E_NOT_FOUND', `answer ${answer.id} has no recording.`);
    return sendRecording(c, recording);
  });

  app.delete(path, async (c) => {
    const store = storeOf(c);
    const answer = await sessionAnswer(store, idParam(c), idParam(c, 'answerId'));
    await store.deleteRecording(answer.id);
    return c.json({ deleted: { recordings: 1 } });
  });
}
