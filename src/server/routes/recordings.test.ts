import { describe, expect, it } from 'vitest';
import { MAX_RECORDING_BYTES } from '../../recording/index.js';
import { fakeWebm } from '../../../test/support/recording-bytes.js';
import { useTestApp } from '../../../test/support/api-app.js';
import { forEachDatabase } from '../../../test/support/databases.js';
import { byteRange } from './recordings.js';

forEachDatabase((database) => {
  const test = useTestApp(database);

  const STORY = 'At my last job our scanners dropped orders. I logged every failed scan and moved two access points. As a result, lost orders fell from 40 a day to none.';
  const WEBM = 'audio/webm;codecs=opus';

  /** A drill with one saved answer; returns the answer's recording path. */
  async function savedAnswer(): Promise<{ path: string; sessionId: number; answerId: number }> {
    const session = await (await test.send('/api/sessions', { only: 'behavioral', count: 1 })).json();
    const answer = await (await test.send(`/api/sessions/${session.id}/answers`, { position: 0, answer: STORY, seconds: 30 })).json();
    return { path: `/api/sessions/${session.id}/answers/${answer.id}/recording`, sessionId: session.id, answerId: answer.id };
  }

  const upload = (path: string, body: Uint8Array, contentType = WEBM, query = '?seconds=12.5') =>
    Promise.resolve(test.app.request(`${path}${query}`, { method: 'PUT', headers: { 'content-type': contentType }, body: body as Uint8Array<ArrayBuffer> }));

  describe('a saved answer\'s recording over the API', () => {
    it('keeps it, lists it with the session, plays it back byte for byte and deletes it', async () => {
      const { path, sessionId, answerId } = await savedAnswer();
      const audio = fakeWebm(5000);
      const saved = await upload(path, audio);
      expect(saved.status).toBe(201);
      expect(await saved.json()).toEqual({ answerId, mediaType: WEBM, seconds: 12.5, bytes: 5000, createdAt: expect.any(String) });
      expect((await (await test.app.request(`/api/sessions/${sessionId}`)).json()).recordings).toEqual([expect.objectContaining({ answerId, bytes: 5000 })]);

      const played = await test.app.request(path);
      expect(played.status).toBe(200);
      expect(played.headers.get('content-type')).toBe(WEBM);
      expect(played.headers.get('accept-ranges')).toBe('bytes');
      expect(played.headers.get('cache-control')).toBe('no-store');
      expect(played.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.compare(new Uint8Array(await played.arrayBuffer()), audio)).toBe(0);

      expect(await (await test.app.request(path, { method: 'DELETE' })).json()).toEqual({ deleted: { recordings: 1 } });
      expect((await test.app.request(path)).status).toBe(404);
      expect((await (await test.app.request(`/api/sessions/${sessionId}`)).json()).recordings).toEqual([]);
    });

    it('sends the part a Range header asks for, so a player can seek', async () => {
      const { path } = await savedAnswer();
      const audio = fakeWebm(1000);
      await upload(path, audio);
      const part = await test.app.request(path, { headers: { range: 'bytes=100-199' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe('bytes 100-199/1000');
      expect(Buffer.compare(new Uint8Array(await part.arrayBuffer()), audio.subarray(100, 200))).toBe(0);
      const past = await test.app.request(path, { headers: { range: 'bytes=5000-' } });
      expect(past.status).toBe(416);
      expect(past.headers.get('content-range')).toBe('bytes */1000');
    });

    it('deletes the recording with its answer, and with its session', async () => {
      const { path, sessionId, answerId } = await savedAnswer();
      await upload(path, fakeWebm(100));
      expect(await (await test.app.request(`/api/sessions/${sessionId}/answers/${answerId}`, { method: 'DELETE' })).json()).toEqual({ deleted: { answers: 1, recordings: 1 } });
      const other = await savedAnswer();
      await upload(other.path, fakeWebm(100));
      expect(await (await test.app.request(`/api/sessions/${other.sessionId}`, { method: 'DELETE' })).json()).toEqual({ deleted: { sessions: 1, answers: 1, recordings: 1 } });
    });

    it('refuses, in words, a body that is not a recording Starl keeps', async () => {
      const { path } = await savedAnswer();
      const refusal = async (response: Response) => ({ status: response.status, ...(await response.json()).error });
      expect(await refusal(await upload(path, fakeWebm(100), 'application/json'))).toEqual({
        status: 400,
        code: 'E_INPUT_BAD_FIELD',
        message: 'a recording must be audio/webm, audio/ogg, audio/mp4, not "application/json"',
        field: 'recording',
      });
      expect((await refusal(await upload(path, new TextEncoder().encode('<script>alert(1)</script>'), 'audio/webm'))).message).toBe(
        'the recording was sent as audio/webm but its bytes are not audio Starl knows',
      );
      expect((await refusal(await upload(path, fakeWebm(100), 'audio/mp4'))).message).toBe('the recording was sent as audio/mp4 but its bytes are audio/webm');
      expect(await refusal(await upload(path, fakeWebm(100), WEBM, ''))).toMatchObject({ status: 400, field: 'seconds', message: 'The recording\'s length in seconds is missing.' });
      expect(await refusal(await upload(path, fakeWebm(100), WEBM, '?seconds=long'))).toMatchObject({ status: 400, field: 'seconds', message: 'The recording\'s length in seconds must be a number.' });
      expect(await refusal(await upload(path, fakeWebm(100), WEBM, '?seconds=900'))).toMatchObject({ status: 400, field: 'seconds', message: 'The recording\'s length in seconds is at most 601.' });
      expect((await refusal(await upload(path, new Uint8Array(0)))).message).toBe('the recording is empty');
      expect((await test.app.request(path)).status).toBe(404);
    });

    it('refuses a recording over the limit with its limit, keeping the one saved before', async () => {
      const { path } = await savedAnswer();
      await upload(path, fakeWebm(100));
      const response = await upload(path, fakeWebm(MAX_RECORDING_BYTES + 1));
      expect(response.status).toBe(413);
      expect((await response.json()).error.message).toBe('the recording is over 10 MB; Starl keeps recordings up to 10 MB and 10 minutes');
      expect((await test.app.request(path)).headers.get('content-length')).toBe('100');
    });

    it('answers 404 for an answer of another session or one that does not exist', async () => {
      const { sessionId, answerId } = await savedAnswer();
      const other = await savedAnswer();
      expect((await upload(`/api/sessions/${other.sessionId}/answers/${answerId}/recording`, fakeWebm(100))).status).toBe(404);
      expect((await upload(`/api/sessions/${sessionId}/answers/9999/recording`, fakeWebm(100))).status).toBe(404);
      expect((await test.app.request(`/api/sessions/${sessionId}/answers/${answerId}/recording`, { method: 'DELETE' })).status).toBe(404);
    });

    it('refuses an upload from another origin', async () => {
      const { path } = await savedAnswer();
      const response = await test.app.request(`${path}?seconds=1`, { method: 'PUT', headers: { 'content-type': WEBM, origin: 'http://evil.example' }, body: fakeWebm(100) as Uint8Array<ArrayBuffer> });
      expect(response.status).toBe(403);
    });

    it('documents the upload as audio in the OpenAPI document', async () => {
      const doc = await (await test.app.request('/api/openapi.json')).json();
      const put = doc.paths['/api/sessions/{id}/answers/{answerId}/recording'].put;
      expect(Object.keys(put.requestBody.content)).toEqual(['audio/webm', 'audio/ogg', 'audio/mp4']);
      expect(put.parameters).toContainEqual(expect.objectContaining({ name: 'seconds', in: 'query', required: true, schema: { type: 'number' } }));
    });
  });

  describe('reading a Range header', () => {
    it('takes a start and end, an open end, and a suffix; sends the whole for none or several', () => {
      expect(byteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
      expect(byteRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
      expect(byteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
      expect(byteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
      expect(byteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
      expect(byteRange(undefined, 1000)).toBeNull();
      expect(byteRange('bytes=0-1,5-6', 1000)).toBeNull();
      expect(byteRange('items=0-1', 1000)).toBeNull();
    });

    it('says when a range starts past the end', () => {
      expect(byteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
      expect(byteRange('bytes=50-10', 1000)).toBe('unsatisfiable');
      expect(byteRange('bytes=-0', 1000)).toBe('unsatisfiable');
    });
  });
});
