import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './serve.js';
import type { RunningServer } from './serve.js';

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

  it('says which port is taken when it cannot listen', async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer({ port, dbFile: join(workDir, 'second.db'), webRoot: join(workDir, 'web') })).rejects.toThrow(`port ${port} is already in use`);
  });

  it('explains a missing front end build instead of starting half-way', async () => {
    await expect(startServer({ port: 0, dbFile: join(workDir, 'other.db'), webRoot: join(workDir, 'nowhere') })).rejects.toThrow(/npm run build:web/);
  });
});
