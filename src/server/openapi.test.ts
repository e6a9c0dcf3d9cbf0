import { readFileSync } from 'node:fs';
import { fakeWebm } from '../../test/support/recording-bytes.js';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support/api-app.js';
import { forEachDatabase } from '../../test/support/databases.js';
import { useMultiUserApp, type Browser } from '../../test/support/multi-user-app.js';

const TRANSCRIPT = readFileSync(new URL('../../test/fixtures/transcripts/zoom-backend-engineer.vtt', import.meta.url), 'utf8');

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
  'x-multi-user-only'?: boolean;
}
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

/** Where the checker sends its requests: the single-user app, or a browser signed in to the multi-user one. */
type Sender = (path: string, init: RequestInit) => Promise<Response>;

/** The documented operations, as `METHOD /path`: those of single-user mode, or those only multi-user mode serves. */
function documentedOperations(document: Document, multiUserOnly: boolean): string[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => (operation['x-multi-user-only'] === true) === multiUserOnly)
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

forEachDatabase((database) => {
  const test = useTestApp(database);
  const multi = useMultiUserApp(database);

  /**
   * Checks real responses against the published document with a JSON Schema validator of its own (not
   * zod, which the document is generated from), so a field a route returns and the document leaves out,
   * or the other way round, fails here.
   */
  class DocumentChecker {
    private readonly ajv = new Ajv2020({ allErrors: true });
    private readonly validators = new Map<string, ValidateFunction>();
    /** Each documented operation answered, as `METHOD /path/{id}` with its statuses. */
    readonly answered = new Map<string, Set<number>>();

    constructor(
      readonly document: Document,
      private readonly send: Sender = async (path, init) => test.app.request(path, init),
    ) {
      addFormats.default(this.ajv);
      // The components become one schema of $defs, so every `#/components/schemas/X` resolves in it.
      const defs = JSON.parse(JSON.stringify(document.components.schemas).replaceAll('"#/components/schemas/', '"components#/$defs/'));
      this.ajv.addSchema({ $id: 'components', $defs: defs });
    }

    /** Sends a request to `template` with its `{id}`s filled in and checks the answer against the document. */
    async call(method: string, template: string, params: Record<string, number | string> = {}, init: { body?: unknown; query?: string; audio?: { type: string; bytes: Uint8Array } } = {}): Promise<{ status: number; body: unknown }> {
      const path = template.replace(/\{(\w+)\}/g, (_whole, name: string) => String(params[name]));
      const response = await this.send(`${path}${init.query ?? ''}`, {
        method,
        ...(init.body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }),
        ...(init.audio === undefined ? {} : { headers: { 'content-type': init.audio.type }, body: init.audio.bytes as Uint8Array<ArrayBuffer> }),
      });
      const operation = this.document.paths[template]?.[method.toLowerCase()];
      expect(operation, `${method} ${template} is documented`).toBeDefined();
      const documented = operation!.responses[String(response.status)];
      expect(documented, `${method} ${template} documents status ${response.status}`).toBeDefined();
      const key = `${method} ${template}`;
      if (response.status === 204) {
        expect(documented!.content, `${method} ${template} 204 has no body`).toBeUndefined();
        this.answered.set(key, (this.answered.get(key) ?? new Set()).add(204));
        return { status: 204, body: null };
      }
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const content = documented!.content?.[mediaType];
      expect(content, `${method} ${template} ${response.status} documents ${mediaType}`).toBeDefined();
      const body = mediaType === 'application/json' ? await response.json() : await response.text();
      const validate = this.validator(content!.schema.$ref);
      expect.soft(validate(body) ? [] : validate.errors?.map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`), `${method} ${template} ${response.status}`).toEqual([]);
      this.answered.set(key, (this.answered.get(key) ?? new Set()).add(response.status));
      return { status: response.status, body };
    }

    private validator(ref: string): ValidateFunction {
      const id = ref.replace('#/components/schemas/', '');
      let validate = this.validators.get(id);
      if (!validate) {
        validate = this.ajv.compile({ $ref: `components#/$defs/${id}` });
        this.validators.set(id, validate);
      }
      return validate;
    }
  }

  describe('the OpenAPI document against real responses', () => {
    let checker: DocumentChecker;
    beforeEach(async () => {
      checker = new DocumentChecker((await (await test.app.request('/api/openapi.json')).json()) as Document);
    });

    it('describes the response of every documented route exactly, fields and all', async () => {
      const call = checker.call.bind(checker);
      await call('GET', '/api/openapi.json');
      await call('GET', '/api/me');
      await call('GET', '/api/rules');
      await call('POST', '/api/analyze', {}, { body: { question: 'Why do you want to work here?', answer: 'I am a hard-working team player and a people person, and you are a great company with a nice culture.' } });

      const company = (await call('POST', '/api/companies', {}, { body: { name: 'Fernway', contextText: 'Fernway builds route planning for delivery fleets in Leeds.' } })).body as { id: number };
      const fact = (await call('POST', '/api/companies/{id}/facts', { id: company.id }, { body: { kind: 'product', text: 'Fernway Routes plans 40,000 drops a day.' } })).body as { id: number };
      await call('GET', '/api/companies');
      await call('GET', '/api/companies/{id}', { id: company.id });
      await call('PATCH', '/api/companies/{id}', { id: company.id }, { body: { aliases: ['Fernway Ltd'] } });

      const story = (await call('POST', '/api/stories', {}, { body: { title: 'The stockroom', text: 'The stockroom was a mess. I sorted it by supplier. Picking got twice as fast.' } })).body as { id: number };
      await call('GET', '/api/stories', {}, { query: '?question=Tell%20me%20about%20a%20time%20you%20improved%20a%20process.' });
      await call('PATCH', '/api/stories/{id}', { id: story.id }, { body: { competencies: ['initiative'] } });

      const session = (await call('POST', '/api/sessions', {}, { body: { only: 'behavioral', count: 2, seed: 7, company: 'Fernway' } })).body as { id: number };
      const answer = (await call('POST', '/api/sessions/{id}/answers', { id: session.id }, { body: { position: 0, answer: 'Last spring our rota kept clashing. I rebuilt it in a shared sheet, and overtime fell by a third.', seconds: 41 } })).body as { id: number };
      await call('PATCH', '/api/sessions/{id}/answers/{answerId}', { id: session.id, answerId: answer.id }, { body: { answer: 'Last spring our rota kept clashing. I rebuilt it in a shared sheet, and overtime fell by a third within a month.' } });
      const saved = { id: session.id, answerId: answer.id };
      await call('PUT', '/api/sessions/{id}/answers/{answerId}/delivery', saved, { body: { delivery: null } });
      await call('PUT', '/api/sessions/{id}/answers/{answerId}/recording', saved, { audio: { type: 'audio/webm', bytes: fakeWebm(3000) }, query: '?seconds=4' });
      await call('GET', '/api/sessions/{id}/answers/{answerId}/recording', saved);
      await call('GET', '/api/sessions');
      await call('GET', '/api/sessions/{id}', { id: session.id });
      await call('DELETE', '/api/sessions/{id}/answers/{answerId}/recording', saved);
      await call('POST', '/api/sessions/{id}/finish', { id: session.id });
      await call('GET', '/api/sessions/{id}/summary', { id: session.id });
      await call('GET', '/api/sessions/{id}/report', { id: session.id });
      await call('GET', '/api/sessions/{id}/report', { id: session.id }, { query: '?format=md' });

      const review = (await call('POST', '/api/reviews', {}, { body: { fileName: 'zoom.vtt', text: TRANSCRIPT, company: 'Fernway' } })).body as Record<string, unknown>;
      // The fields the review page reads beyond the pairs are in the document, not just in the body.
      expect(review).toMatchObject({ identification: { name: 'Jordan Kim' }, practice: { command: expect.stringContaining('starl practice') } });
      expect(review).toHaveProperty('runnerUp');
      await call('GET', '/api/reviews');
      await call('GET', '/api/progress');

      const exported = (await call('GET', '/api/export')).body;
      await call('POST', '/api/import', {}, { body: exported, query: '?file=starl-export.json' });

      await call('DELETE', '/api/sessions/{id}/answers/{answerId}', { id: session.id, answerId: answer.id });
      await call('DELETE', '/api/sessions/{id}', { id: session.id });
      await call('DELETE', '/api/stories/{id}', { id: story.id });
      await call('DELETE', '/api/companies/{id}/facts/{factId}', { id: company.id, factId: fact.id });
      await call('DELETE', '/api/companies/{id}', { id: company.id });

      expect([...checker.answered.keys()].sort()).toEqual(documentedOperations(checker.document, false).sort());
      for (const [operation, statuses] of checker.answered) expect([...statuses].every((status) => status < 300), operation).toBe(true);
    });

    it('describes the errors the routes answer with', async () => {
      const call = checker.call.bind(checker);
      expect((await call('GET', '/api/sessions/{id}', { id: 999 })).status).toBe(404);
      expect((await call('POST', '/api/reviews', {}, { body: { fileName: 'empty.vtt', text: '' } })).status).toBe(400);
      expect((await call('POST', '/api/analyze', {}, { body: { question: 'Why us?' } })).status).toBe(400);
      expect((await call('PATCH', '/api/companies/{id}', { id: 5 }, { body: { name: 'Nowhere' } })).status).toBe(404);
    });
  });

  /** A checker whose requests come from this signed-in browser. */
  function checkerFor(document: Document, browser: Browser): DocumentChecker {
    return new DocumentChecker(document, async (path, init) => {
      const body = init.body === undefined ? undefined : JSON.parse(init.body as string);
      return browser.request(init.method ?? 'GET', path, body);
    });
  }

  describe('the OpenAPI document against multi-user mode', () => {
    it('describes the response of every route only multi-user mode serves', async () => {
      const document = (await (await test.app.request('/api/openapi.json')).json()) as Document;
      const root = await multi.user('admin', 'root@example.org', 'Root');
      const coachUser = await multi.user('coach', 'cleo@example.org', 'Cleo');
      const admin = checkerFor(document, await multi.signedIn('root@example.org'));
      const cohort = (await admin.call('POST', '/api/admin/cohorts', {}, { body: { name: 'Spring' } })).body as { id: number };
      await admin.call('POST', '/api/admin/cohorts/{id}/coaches', { id: cohort.id }, { body: { userId: coachUser.id } });
      const invitation = (await admin.call('POST', '/api/admin/invitations', {}, { body: { email: 'dev@example.org', role: 'candidate', cohortId: cohort.id } })).body as { token: string };
      await admin.call('GET', '/api/admin/users');

      const visitorBrowser = multi.browser('198.51.100.4');
      const visitor = checkerFor(document, visitorBrowser);
      await visitor.call('GET', '/api/me');
      await visitor.call('GET', '/api/invitations/{token}', { token: invitation.token });
      const accepted = (await visitor.call('POST', '/api/invitations/{token}/accept', { token: invitation.token }, { body: { name: 'Dev', password: 'a long new password' } })).body as { user: { id: number }; csrfToken: string };
      visitorBrowser.csrfToken = accepted.csrfToken;
      await admin.call('POST', '/api/admin/cohorts/{id}/members', { id: cohort.id }, { body: { userId: accepted.user.id } });
      await visitor.call('GET', '/api/me');
      const session = (await visitor.call('POST', '/api/sessions', {}, { body: { only: 'behavioral', count: 1, seed: 7 } })).body as { id: number };
      const answer = (await visitor.call('POST', '/api/sessions/{id}/answers', { id: session.id }, { body: { position: 0, answer: 'Last spring our rota kept clashing. I rebuilt it in a shared sheet, and overtime fell by a third.', seconds: 41 } })).body as { id: number };

      const coach = checkerFor(document, await multi.signedIn('cleo@example.org'));
      await coach.call('GET', '/api/coach/cohorts');
      await coach.call('GET', '/api/coach/cohorts/{id}', { id: cohort.id });
      await coach.call('POST', '/api/answers/{answerId}/comments', { answerId: answer.id }, { body: { text: 'Say what the rota was for.' } });
      await coach.call('GET', '/api/coach/candidates/{id}/answers', { id: accepted.user.id });

      await visitor.call('GET', '/api/answers/{answerId}/comments', { answerId: answer.id });
      await visitor.call('GET', '/api/comments', {}, { query: '?since=2020-01-01T00:00:00.000Z' });
      await visitor.call('POST', '/api/auth/password', {}, { body: { current: 'a long new password', next: 'another long password' } });
      await visitor.call('DELETE', '/api/account', {}, { body: { password: 'another long password' } });

      const signingIn = checkerFor(document, multi.browser());
      const signedIn = (await signingIn.call('POST', '/api/auth/login', {}, { body: { email: 'cleo@example.org', password: 'correct horse battery staple' } })).body as { csrfToken: string };
      expect(signedIn.csrfToken).toEqual(expect.any(String));
      await admin.call('DELETE', '/api/admin/users/{id}', { id: coachUser.id });
      await admin.call('POST', '/api/auth/logout');
      expect(root.id).toBeGreaterThan(0);

      const answered = [admin, visitor, coach, signingIn].flatMap((checker) => [...checker.answered.keys()]);
      expect([...new Set(answered)].filter((key) => key !== 'GET /api/me' && !key.startsWith('POST /api/sessions')).sort()).toEqual(documentedOperations(document, true).sort());
      for (const checker of [admin, visitor, coach, signingIn]) for (const [operation, statuses] of checker.answered) expect([...statuses].every((status) => status < 300), operation).toBe(true);
    });
  });

  describe('a saved report in a shape the document no longer describes', () => {
    /** Changes every saved answer's report as JSON, the same way on either database. */
    const rewriteReports = async (change: (report: { questionType: string; reasons: { opportunity: { uncertain?: boolean } } }) => void) => {
      const db = test.store.driver.db;
      for (const row of await db.selectFrom('answers').select(['id', 'report']).execute()) {
        const report = JSON.parse(row.report);
        change(report);
        await db.updateTable('answers').set({ report: JSON.stringify(report) }).where('id', '=', row.id).execute();
      }
    };

    it('is still sent, not refused, and a known older shape is brought up to date', async () => {
      const { id } = (await (await test.send('/api/sessions', { only: 'opener', count: 1, seed: 3 })).json()) as { id: number };
      await test.send(`/api/sessions/${id}/answers`, { position: 0, answer: 'Really well, thanks, I walked here along the canal.', seconds: 12 });
      // Reports saved before Starl said when it was unsure carry no `uncertain`; one from a future version has a field more.
      await rewriteReports((report) => delete report.reasons.opportunity.uncertain);
      const older = (await (await test.app.request(`/api/sessions/${id}`)).json()) as { answers: { report: { reasons: { opportunity: { uncertain: boolean } } } }[] };
      expect(older.answers[0]?.report.reasons.opportunity.uncertain).toBe(false);
      await rewriteReports((report) => (report.questionType = 'unheard-of'));
      const response = await test.app.request(`/api/sessions/${id}`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { answers: { report: { questionType: string } }[] }).answers[0]?.report.questionType).toBe('unheard-of');
    });
  });
});
