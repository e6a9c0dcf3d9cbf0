import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, deleteJson, getJson, OFFLINE_MESSAGE, onConnection, sendJson, setCsrfToken } from './api.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

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

  it('sends the CSRF token of a signed-in session with every write, and never with a read', async () => {
    const sent: { method: string; token: string | null }[] = [];
    vi.stubGlobal('fetch', async (_path: string, init: RequestInit = {}) => {
      sent.push({ method: init.method ?? 'GET', token: new Headers(init.headers).get('x-csrf-token') });
      return new Response('{}', { status: 200 });
    });
    await sendJson('/api/companies', { name: 'x' });
    setCsrfToken('token-1');
    await getJson('/api/companies');
    await sendJson('/api/companies', { name: 'x' });
    await deleteJson('/api/companies/1');
    setCsrfToken(null);
    expect(sent).toEqual([
      { method: 'POST', token: null },
      { method: 'GET', token: null },
      { method: 'POST', token: 'token-1' },
      { method: 'DELETE', token: 'token-1' },
    ]);
  });
});
