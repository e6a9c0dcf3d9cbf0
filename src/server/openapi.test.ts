import { readFileSync } from 'node:fs';
import { fakeWebm } from '../../test/support/recording-bytes.js';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support/api-app.js';
import { forEachDatabase } from '../../test/support/databases.js';

const TRANSCRIPT = readFileSync(new URL('../../test/fixtures/transcripts/zoom-backend-engineer.vtt', import.meta.url), 'utf8');

interface Operation {
  responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

forEachDatabase((database) => {
  const test = useTestApp(database);

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

    constructor(readonly document: Document) {
      addFormats.default(this.ajv);
      // The components become one schema of $defs, so every `#/components/schemas/X` resolves in it.
      const defs = JSON.parse(JSON.stringify(document.components.schemas).replaceAll('"#/components/schemas/', '"components#/$defs/'));
      this.ajv.addSchema({ $id: 'components', $defs: defs });
    }

    /** Sends a request to `template` with its `{id}`s filled in and checks the answer against the document. */
    async call(method: string, template: string, params: Record<string, number> = {}, init: { body?: unknown; query?: string; audio?: { type: string; bytes: Uint8Array } } = {}): Promise<{ status: number; body: unknown }> {
      const path = template.replace(/\{(\w+)\}/g, (_whole, name: string) => String(params[name]));
      const response = await test.app.request(`${path}${init.query ?? ''}`, {
        method,
        ...(init.body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }),
        ...(init.audio === undefined ? {} : { headers: { 'content-type': init.audio.type }, body: init.audio.bytes as Uint8Array<ArrayBuffer> }),
      });
      const operation = this.document.paths[template]?.[method.toLowerCase()];
      expect(operation, `${method} ${template} is documented`).toBeDefined();
      const documented = operation!.responses[String(response.status)];
      expect(documented, `${method} ${template} documents status ${response.status}`).toBeDefined();
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const content = documented!.content[mediaType];
      expect(content, `${method} ${template} ${response.status} documents ${mediaType}`).toBeDefined();
      const body = mediaType === 'application/json' ? await response.json() : await response.text();
      const validate = this.validator(content!.schema.$ref);
      expect.soft(validate(body) ? [] : validate.errors?.map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`), `${method} ${template} ${response.status}`).toEqual([]);
      const key = `${method} ${template}`;
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

      const documented = Object.entries(checker.document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
      expect([...checker.answered.keys()].sort()).toEqual(documented.sort());
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
