import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from './schemas.js';
import { startServer } from './serve.js';
import type { RunningServer } from './serve.js';
import { redactUrl } from '../storage/index.js';
import { forEachDatabase } from '../../test/support/databases.js';
import { PASSWORD } from '../../test/support/multi-user-app.js';
import { Accounts } from '../accounts/accounts.js';

/** A GET with a Host header of the test's choosing, which fetch does not allow. */
async function rawGet(port: string, path: string, host: string, address = '127.0.0.1'): Promise<{ status: number | undefined; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request({ host: address, port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

let workDir: string;
let server: RunningServer;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'starl-serve-'));
  const webRoot = join(workDir, 'web');
  mkdirSync(webRoot);
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Starl</title>');
  server = await startServer({ port: 0, dbFile: join(workDir, 'starl.db'), webRoot });
});

afterAll(async () => {
  await server?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('listens on a loopback address and prints where', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.databasePath).toBe(join(workDir, 'starl.db'));
  });

  it('serves the front end and the API at its own address', async () => {
    expect(await (await fetch(server.url)).text()).toContain('<title>Starl</title>');
    const response = await fetch(`${server.url}api/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'How are you?', answer: 'Great, thanks! I have been looking forward to talking about the data team.' }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).questionType).toBe('opener');
  });

  it('refuses an oversized body by its declared length, and a chunked one as it arrives', async () => {
    const tooBig = JSON.stringify({ question: 'Why us?', answer: 'word '.repeat(MAX_BODY_BYTES / 4) });
    const declared = await fetch(`${server.url}api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: tooBig });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe('E_INPUT_TOO_LONG');
    const chunks = [tooBig.slice(0, 1000), tooBig.slice(1000)];
    const chunked = await fetch(`${server.url}api/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({ pull: (controller) => (chunks.length > 0 ? controller.enqueue(new TextEncoder().encode(chunks.shift())) : controller.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('accepts a transcript longer than an answer may be', async () => {
    const response = await fetch(`${server.url}api/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'long.txt', text: 'Interviewer: Hi.\n'.repeat(MAX_BODY_BYTES / 10), save: 'not a boolean' }),
    });
    // Past the size check, the request fails only on its bad field.
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ field: 'save', message: 'The field "save" must be true or false.' });
  });

  it('lists the real rule catalogue', async () => {
    const catalogue = (await (await fetch(`${server.url}api/rules`)).json()) as { id: string }[];
    expect(catalogue.map((rule) => rule.id)).toContain('require-star-result');
  });

  it('refuses a request for another host name, as a DNS-rebinding page would send', async () => {
    const port = new URL(server.url).port;
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/api/rules', headers: { host: `rebind.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });

  it('answers a Host header that is no host name with a 400 that says why, with the security headers', async () => {
    const port = new URL(server.url).port;
    const { status, headers, body } = await rawGet(port, '/api/rules', `LOCALHOST:${port}`);
    expect(status).toBe(400);
    expect(JSON.parse(body).error).toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('cannot read this request') });
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('keeps the Host allow-list when bound to another loopback address', async () => {
    const other = await startServer({ host: '127.0.0.2', port: 0, dbFile: join(workDir, 'other-loopback.db'), webRoot: join(workDir, 'web') });
    try {
      const port = new URL(other.url).port;
      const rebound = await rawGet(port, '/api/rules', `evil.example:${port}`, '127.0.0.2');
      expect(rebound.status).toBe(403);
      expect(rebound.headers['x-content-type-options']).toBe('nosniff');
      expect((await rawGet(port, '/api/rules', `127.0.0.2:${port}`, '127.0.0.2')).status).toBe(200);
      expect((await rawGet(port, '/api/rules', `localhost:${port}`, '127.0.0.2')).status).toBe(200);
      expect(other.loopback).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('says which port is taken when it cannot listen', async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer({ port, dbFile: join(workDir, 'second.db'), webRoot: join(workDir, 'web') })).rejects.toThrow(`port ${port} is already in use`);
  });

  it('explains a missing front end build instead of starting half-way', async () => {
    await expect(startServer({ port: 0, dbFile: join(workDir, 'other.db'), webRoot: join(workDir, 'nowhere') })).rejects.toThrow(/npm run build:web/);
  });
});

forEachDatabase((database) => {
  describe('two servers on one database', () => {
    // PostgreSQL is served only to a shared Starl, so there the test signs in as the web app does.
    const multiUser = database.dialect === 'postgres';
    async function signIn(url: string): Promise<Record<string, string>> {
      if (!multiUser) return {};
      const store = await database.open();
      try {
        await new Accounts(store).createUser({ email: 'ana@example.org', name: 'Ana', role: 'candidate', password: PASSWORD });
      } finally {
        await store.close();
      }
      const login = await fetch(new URL('/api/auth/login', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ana@example.org', password: PASSWORD }) });
      expect(login.status).toBe(200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      return { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken };
    }

    it('each see what the other saved, and name the database without its password', async () => {
      const webRoot = join(workDir, 'web');
      const options = { port: 0, webRoot, multiUser, ...(database.dialect === 'sqlite' ? { dbFile: database.choice.db } : { databaseUrl: database.choice.databaseUrl }) };
      const [one, two] = [await startServer(options), await startServer(options)];
      try {
        const session = await signIn(one.url);
        const saved = await fetch(new URL('/api/companies', one.url), { method: 'POST', headers: { 'content-type': 'application/json', ...session }, body: JSON.stringify({ name: 'Fernway' }) });
        expect(saved.status).toBe(201);
        const listed = (await (await fetch(new URL('/api/companies', two.url), { headers: session })).json()) as { name: string }[];
        expect(listed.map((company) => company.name)).toEqual(['Fernway']);
        expect(two.databasePath).toBe(database.dialect === 'sqlite' ? database.choice.db : redactUrl(database.choice.databaseUrl!));
        expect(two.databasePath).not.toMatch(/:[^/@:]+@/);
      } finally {
        await Promise.all([one.close(), two.close()]);
      }
    });
  });

  if (database.dialect === 'postgres') {
    it('refuses to serve PostgreSQL without accounts', async () => {
      await expect(startServer({ port: 0, webRoot: join(workDir, 'web'), databaseUrl: database.choice.databaseUrl })).rejects.toThrow(/--multi-user/);
    });
  }
});
