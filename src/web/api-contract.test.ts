import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchCohort, fetchMe, fetchMyComments, postComment, setCsrfToken } from './api.js';

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

describe('comments', () => {
  const comment = { id: 1, answerId: 7, author: { id: 2, name: 'Coach Kim' }, text: 'Name the result.', createdAt: '2026-12-07T10:00:00Z' };

  it('posts a comment to its answer with the CSRF token and returns it as saved', async () => {
    const seen = answerWith(comment);
    setCsrfToken('token-123');
    expect(await postComment(7, 'Name the result.')).toEqual(comment);
    expect(seen.map((r) => [r.method, r.path, r.headers.get('x-csrf-token')])).toEqual([['POST', '/api/answers/7/comments', 'token-123']]);
  });

  it('asks for the candidate\'s comments since a time, the time encoded for the query', async () => {
    const seen = answerWith([comment]);
    expect(await fetchMyComments('2026-12-01T00:00:00.000Z')).toEqual([comment]);
    expect(seen[0]!.path).toBe('/api/comments?since=2026-12-01T00%3A00%3A00.000Z');
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
