import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../test/support/databases.js';
import { useMultiUserApp } from '../../test/support/multi-user-app.js';
import { StarlError } from '../core/errors.js';
import type { AnalyzeInput, Report, ReasonReport } from '../core/types.js';
import { createApp } from './app.js';
import type { AppDeps } from './app.js';
import { MAX_BODY_BYTES, reportSchema } from './schemas.js';
import type { RuleInfo } from './schemas.js';

const notApplicable: ReasonReport = { verdict: 'n/a', score: null, confidence: 1, uncertain: false, summary: '', findings: [], strengths: [] };

/** A stand-in analyzer that echoes the answer's word count, so tests can see their input arrived. */
function fakeAnalyze(input: AnalyzeInput): Report {
  if (input.answer.trim() === '') throw new StarlError('E_INPUT_EMPTY_ANSWER', 'The answer is empty.', { field: 'answer' });
  if (input.answer === 'boom') throw new Error('secret internal detail');
  return {
    questionType: 'opener',
    questionTypeConfidence: 0.9,
    reasons: { opportunity: { ...notApplicable, verdict: 'pass', score: 80 }, memorable: notApplicable, specificReason: notApplicable, starl: notApplicable },
    sentences: [{ start: 0, end: input.answer.length, text: input.answer }],
    balance: null,
    findings: [],
    strengths: [],
    context: null,
    followUp: null,
    words: input.answer.split(/\s+/).length,
  };
}

const rules: RuleInfo[] = [
  { id: 'no-cliches', reason: 'memorable', description: 'Clichés anyone could say.', severity: 'warning', messages: { cliche: 'Say what you did instead of "{{actual}}".' }, suggestions: {} },
];

function makeApp(overrides: Partial<AppDeps> = {}) {
  const logged: unknown[] = [];
  const app = createApp({ analyze: fakeAnalyze, rules, logError: (error) => logged.push(error), ...overrides });
  return { app, logged };
}

function post(app: ReturnType<typeof createApp>, body: string, headers: Record<string, string> = {}) {
  return app.request('http://127.0.0.1:4747/api/analyze', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('POST /api/analyze', () => {
  it('returns the analyzer report for a valid request', async () => {
    const { app } = makeApp();
    const res = await post(app, JSON.stringify({ question: 'How are you?', answer: 'Great, thanks for having me' }));
    expect(res.status).toBe(200);
    const report = reportSchema.parse(await res.json());
    expect(report.words).toBe(5);
    expect(report.reasons.opportunity.verdict).toBe('pass');
  });

  it('names the invalid field when validation fails', async () => {
    const { app } = makeApp();
    const res = await post(app, JSON.stringify({ question: 'Why us?', answer: 42 }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toEqual({ code: 'E_INPUT_BAD_FIELD', message: 'The answer must be text.', field: 'answer' });
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const { app } = makeApp();
    const res = await post(app, JSON.stringify({ question: 'Why us?', answer: 'Because', anwser: 'typo' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('E_INPUT_BAD_FIELD');
  });

  it('reports malformed JSON and a wrong content type as E_INPUT_BAD_JSON', async () => {
    const { app } = makeApp();
    const malformed = await post(app, '{"question": ');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toEqual({ code: 'E_INPUT_BAD_JSON', message: 'The request body is not valid JSON.' });
    const plain = await post(app, '{}', { 'content-type': 'text/plain' });
    expect(plain.status).toBe(400);
    expect((await plain.json()).error.message).toContain('text/plain');
  });

  it('passes the analyzer\'s typed errors through with their code', async () => {
    const { app } = makeApp();
    const res = await post(app, JSON.stringify({ question: 'How are you?', answer: '  ' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'E_INPUT_EMPTY_ANSWER', message: 'The answer is empty.', field: 'answer' } });
  });

  it('hides the details of unexpected errors from the client and logs them', async () => {
    const { app, logged } = makeApp();
    const res = await post(app, JSON.stringify({ question: 'How are you?', answer: 'boom' }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('E_INTERNAL');
    expect(text).not.toContain('secret internal detail');
    expect(logged).toHaveLength(1);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const { app } = makeApp();
    const answer = 'word '.repeat(MAX_BODY_BYTES / 4);
    const res = await post(app, JSON.stringify({ question: 'Why us?', answer }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('E_INPUT_TOO_LONG');
  });
});

describe('cross-origin protection', () => {
  it('rejects a write from another origin', async () => {
    const { app } = makeApp();
    const res = await post(app, JSON.stringify({ question: 'Why us?', answer: 'Because' }), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error.code).toBe('E_FORBIDDEN_ORIGIN');
    expect(body.error.message).toContain('https://evil.example');
  });

  it('rejects a write the browser marks as cross-site even without an Origin header', async () => {
    const { app } = makeApp();
    const res = await post(app, JSON.stringify({ question: 'Why us?', answer: 'Because' }), { 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
  });

  it('accepts writes from its own origin and from scripts that send no origin', async () => {
    const { app } = makeApp();
    const body = JSON.stringify({ question: 'Why us?', answer: 'Because' });
    expect((await post(app, body, { origin: 'http://127.0.0.1:4747', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post(app, body)).status).toBe(200);
  });

  it('refuses requests for a host name it does not answer to (DNS rebinding)', async () => {
    const { app } = makeApp({ allowedHosts: ['127.0.0.1:4747', 'localhost:4747'] });
    const rebound = await app.request('http://attacker.example:4747/api/rules', { headers: { host: 'attacker.example:4747' } });
    expect(rebound.status).toBe(403);
    const own = await app.request('http://127.0.0.1:4747/api/rules', { headers: { host: '127.0.0.1:4747' } });
    expect(own.status).toBe(200);
  });
});

forEachDatabase((database) => {
  describe('cross-origin protection behind a proxy that ends TLS', () => {
    const multi = useMultiUserApp(database);

    it('takes its own pages to be https:// only when the trusted proxy says the browser came over TLS', async () => {
      await multi.user('admin', 'root@example.org');
      const browser = await multi.signedIn('root@example.org');
      const write = (name: string, headers: Record<string, string>) => browser.request('POST', '/api/admin/cohorts', { name }, { headers });
      expect((await write('Spring', { origin: 'https://localhost', 'x-forwarded-proto': 'https' })).status).toBe(201);
      for (const refused of [await write('Summer', { origin: 'https://localhost' }), await write('Autumn', { origin: 'http://localhost', 'x-forwarded-proto': 'https' })]) {
        expect(refused.status).toBe(403);
        expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('E_FORBIDDEN_ORIGIN');
      }
    });
  });
});

describe('headers, catalogue and documents', () => {
  it('sends a content security policy that allows only its own origin', async () => {
    const { app } = makeApp();
    const res = await app.request('/api/rules');
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the security headers on every response: refusals, errors, HEAD and pages; never HSTS over plain HTTP', async () => {
    const { app } = makeApp({ allowedHosts: ['127.0.0.1:4747'], assets: async () => ({ body: new TextEncoder().encode('<!doctype html>'), contentType: 'text/html; charset=utf-8' }) });
    const own = { host: '127.0.0.1:4747' };
    const responses = {
      wrongHost: await app.request('http://evil.example/api/rules', { headers: { host: 'evil.example' } }),
      crossOrigin: await post(app, JSON.stringify({ question: 'Why us?', answer: 'Because' }), { ...own, origin: 'http://evil.example' }),
      badBody: await post(app, '{', own),
      missing: await app.request('http://127.0.0.1:4747/api/nothing', { headers: own }),
      head: await app.request('http://127.0.0.1:4747/api/rules', { method: 'HEAD', headers: own }),
      page: await app.request('http://127.0.0.1:4747/', { headers: own }),
    };
    expect(Object.fromEntries(Object.entries(responses).map(([name, res]) => [name, res.status]))).toEqual({
      wrongHost: 403,
      crossOrigin: 403,
      badBody: 400,
      missing: 404,
      head: 200,
      page: 200,
    });
    for (const res of Object.values(responses)) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    // The API's answers, refusals included, are never cached; the page is revalidated.
    for (const res of [responses.wrongHost, responses.crossOrigin, responses.badBody, responses.missing, responses.head]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect(responses.page.headers.get('cache-control')).toBe('no-cache');
  });

  it('lists the rule catalogue', async () => {
    const { app } = makeApp();
    const res = await app.request('/api/rules');
    expect(await res.json()).toEqual(rules);
  });

  it('answers unknown API paths with a typed 404', async () => {
    const { app } = makeApp();
    const res = await app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('E_NOT_FOUND');
  });

  it('publishes an OpenAPI document whose request schema is the one the server validates with', async () => {
    const { app } = makeApp();
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const analyze = doc.paths['/api/analyze'].post;
    expect(analyze.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AnalyzeRequest' });
    const request = doc.components.schemas.AnalyzeRequest;
    expect(request.required).toEqual(['question', 'answer']);
    expect(request.additionalProperties).toBe(false);
    expect(Object.keys(analyze.responses)).toEqual(['200', '400', '403', '413']);
    expect(doc.components.schemas.Report.properties.reasons).toBeDefined();
    expect(doc.components.schemas.Report.$id).toBeUndefined();
    // Every reference points at a schema the document defines.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((id) => !(id in doc.components.schemas))).toEqual([]);
    expect(doc.paths['/api/rules'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/RuleList' });
  });
});

describe('the OpenAPI document and the routes', () => {
  it('documents exactly the API routes the app serves, in each mode', async () => {
    const { Store } = await import('../storage/index.js');
    const { openSqliteDriver } = await import('../storage/sqlite.js');
    const { Accounts } = await import('../accounts/accounts.js');
    const store = await Store.open(openSqliteDriver(':memory:'));
    try {
      const served = (app: ReturnType<typeof createApp>) =>
        [...new Set(app.routes.filter((route) => route.path.startsWith('/api/') && route.path !== '/api/*' && route.method !== 'ALL').map((route) => `${route.method} ${route.path}`))].sort();
      const single = createApp({ analyze: fakeAnalyze, rules, store });
      const multi = createApp({ analyze: fakeAnalyze, rules, store, multiUser: { accounts: new Accounts(store) } });
      const doc = await (await single.request('/api/openapi.json')).json();
      const documented = Object.entries(doc.paths as Record<string, Record<string, { 'x-multi-user-only'?: boolean }>>).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, multiOnly: operation['x-multi-user-only'] === true })),
      );
      expect(served(single)).toEqual(documented.filter((op) => !op.multiOnly).map((op) => op.route).sort());
      expect(served(multi)).toEqual(documented.map((op) => op.route).sort());
    } finally {
      await store.close();
    }
  });
});

describe('static front end', () => {
  const files: Record<string, string> = { '/index.html': '<!doctype html><title>Starl</title>', '/assets/app-abc.js': 'console.log(1)' };
  const assets = async (path: string) =>
    files[path] === undefined ? null : { body: new TextEncoder().encode(files[path]), contentType: path.endsWith('.js') ? 'text/javascript' : 'text/html' };

  it('serves the page at / without caching and hashed assets for good', async () => {
    const { app } = makeApp({ assets });
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Starl</title>');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = await app.request('/assets/app-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript');
    expect(script.headers.get('cache-control')).toContain('immutable');
  });

  it('answers a missing file with 404', async () => {
    const { app } = makeApp({ assets });
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });
});
