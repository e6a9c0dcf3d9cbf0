import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, deleteJson, fetchCohort, fetchMe, getJson, OFFLINE_MESSAGE, onConnection, postComment, sendJson, setCsrfToken } from './api.js';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

/** Answers every request with `body` and `status`, keeping each request's method, path and headers. */
function answerWith(body: unknown, status = 200): { method: string; path: string; headers: Headers }[] {
  const seen: { method: string; path: string; headers: Headers }[] = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    seen.push({ method: init.method ?? 'GET', path, headers: new Headers(init.headers) });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}

describe('the page\'s API client', () => {
  it('says the server cannot be reached when it does not answer, and that it is back on the next answer', async () => {
    const seen: string[] = [];
    const stop = onConnection((connection) => seen.push(connection));
    vi.stubGlobal('fetch', async () => { throw new TypeError('Failed to fetch'); });
    const failure = await getJson('/api/companies').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'E_OFFLINE', message: OFFLINE_MESSAGE });
    vi.stubGlobal('fetch', async () => new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(await getJson('/api/companies')).toEqual([]);
    stop();
    expect(seen).toEqual(['offline', 'online']);
  });

  it('keeps the server\'s message and the field it names', async () => {
    const body = { error: { code: 'E_INPUT_BAD_FIELD', message: 'The company name is at most 200 characters.', field: 'name' } };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status: 400 }));
    await expect(sendJson('/api/companies', { name: 'x' })).rejects.toMatchObject({ code: 'E_INPUT_BAD_FIELD', message: body.error.message, field: 'name' });
  });
});

describe('the CSRF token', () => {
  it('goes with every write once /api/me gave one, and never with a read', async () => {
    const seen = answerWith({ id: 1, answerId: 7, author: { id: 2, name: 'Coach Kim' }, text: 'Name the result.', createdAt: '2026-12-07T10:00:00Z' });
    setCsrfToken('token-123');
    await postComment(7, 'Name the result.');
    await deleteJson('/api/stories/3');
    await getJson('/api/companies');
    setCsrfToken(null);
    await sendJson('/api/companies', { name: 'Acme' });
    expect(seen.map((r) => [r.method, r.path, r.headers.get('x-csrf-token')])).toEqual([
      ['POST', '/api/answers/7/comments', 'token-123'],
      ['DELETE', '/api/stories/3', 'token-123'],
      ['GET', '/api/companies', null],
      ['POST', '/api/companies', null],
    ]);
  });
});

describe('fetchMe', () => {
  it('reads a signed-in coach', async () => {
    const me = { mode: 'multi', user: { id: 2, email: 'kim@example.org', name: 'Coach Kim', role: 'coach' }, csrfToken: 't' };
    answerWith(me);
    expect(await fetchMe()).toEqual(me);
  });

  it('takes a server without /api/me for single-user mode', async () => {
    answerWith({ error: { code: 'E_NOT_FOUND', message: 'Nothing is at GET /api/me.' } }, 404);
    expect(await fetchMe()).toEqual({ mode: 'single' });
  });

  it('refuses an answer of another shape, saying so', async () => {
    answerWith({ mode: 'multi', user: { id: 2, email: 'kim@example.org', name: 'Kim', role: 'owner' }, csrfToken: 't' });
    await expect(fetchMe()).rejects.toMatchObject({ code: 'E_BAD_RESPONSE', message: expect.stringContaining('/api/me') });
  });
});

describe('fetchCohort', () => {
  const row = { id: 5, name: 'Ada', email: 'ada@example.org', weakestReason: 'memorable', answersThisWeek: 3, lastPracticeAt: null };
  const reasons = (pass: number) => ({ opportunity: { pass, trend: null }, memorable: { pass: 0.2, trend: -0.1 }, specificReason: { pass: null, trend: null }, starl: { pass: 1, trend: 0 } });

  it('reads a cohort as the contract has it', async () => {
    const cohort = { cohort: { id: 3, name: 'Autumn' }, candidates: [{ ...row, reasons: reasons(0.5) }], series: [{ week: '2026-11-30', opportunity: 0.5, memorable: null, specificReason: null, starl: 1, answers: 4 }] };
    const seen = answerWith(cohort);
    expect(await fetchCohort(3)).toEqual(cohort);
    expect(seen[0]!.path).toBe('/api/coach/cohorts/3');
  });

  it('names the field that is not what the contract says', async () => {
    answerWith({ cohort: { id: 3, name: 'Autumn' }, candidates: [{ ...row, reasons: reasons(50) }], series: [] });
    await expect(fetchCohort(3)).rejects.toMatchObject({
      code: 'E_BAD_RESPONSE',
      message: "The server's answer to /api/coach/cohorts/3 is not what this page expects at candidates.0.reasons.opportunity.pass: expected at most 1.",
    });
  });
});
