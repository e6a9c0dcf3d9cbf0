import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/databases.js';
import { fakeWebm } from '../support/recording-bytes.js';
import { useMultiUserApp, type Browser } from '../support/multi-user-app.js';

/** Words only candidate B's data contains: none may reach anyone else. */
const B_MARKERS = ['Bensonhurst', 'BEN-SECRET'];

forEachDatabase((database) => {
  const test = useMultiUserApp(database);

  /** Everything candidate B keeps, made through the API as B, with the ids an attacker would try. */
  async function fillB(b: Browser) {
    const company = await b.json<{ id: number }>('POST', '/api/companies', { name: 'Bensonhurst Dairy', contextText: 'Bensonhurst Dairy delivers milk across Brooklyn.' });
    const fact = await b.json<{ id: number }>('POST', `/api/companies/${company.id}/facts`, { kind: 'product', text: 'BEN-SECRET fact about the dairy.' });
    const story = await b.json<{ id: number }>('POST', '/api/stories', { title: 'BEN-SECRET story', text: 'The fridge broke. I called the supplier. We kept the milk cold.' });
    const session = await b.json<{ id: number }>('POST', '/api/sessions', { only: 'behavioral', count: 1, seed: 4 });
    const answer = await b.json<{ id: number }>('POST', `/api/sessions/${session.id}/answers`, { position: 0, answer: 'BEN-SECRET: our rota kept clashing, so I rebuilt it and overtime fell by a third.', seconds: 30 });
    const audio = await test.app.request(`/api/sessions/${session.id}/answers/${answer.id}/recording?seconds=4`, {
      method: 'PUT',
      headers: { cookie: b.cookie!, 'x-csrf-token': b.csrfToken!, 'content-type': 'audio/webm' },
      body: fakeWebm(3000) as Uint8Array<ArrayBuffer>,
    });
    expect(audio.status).toBe(201);
    return { company: company.id, fact: fact.id, story: story.id, session: session.id, answer: answer.id };
  }

  /** A valid body for each write that takes one, so that a refusal is about ownership, never about the body. */
  const BODIES: Record<string, unknown> = {
    'PATCH /api/companies/:id': { name: 'Renamed' },
    'POST /api/companies/:id/facts': { kind: 'product', text: 'A fact.' },
    'PATCH /api/stories/:id': { title: 'Renamed' },
    'POST /api/sessions/:id/answers': { position: 0, answer: 'I rebuilt the rota and overtime fell by a third.', seconds: 20 },
    'PATCH /api/sessions/:id/answers/:answerId': { answer: 'Changed.' },
    'PUT /api/sessions/:id/answers/:answerId/delivery': { delivery: null },
    'POST /api/answers/:answerId/comments': { text: 'Well done.' },
    'POST /api/admin/cohorts/:id/coaches': { userId: 1 },
    'POST /api/admin/cohorts/:id/members': { userId: 1 },
    'POST /api/admin/invitations': { email: 'x@example.org', role: 'candidate' },
    'POST /api/admin/cohorts': { name: 'Mine now' },
  };

  /** Every API route the app serves, read from the app itself, so that a route added later is tried too. */
  function apiRoutes(): { method: string; path: string }[] {
    const seen = new Set<string>();
    return test.app.routes
      .filter((route) => route.path.startsWith('/api/') && route.path !== '/api/*' && route.method !== 'ALL')
      .filter((route) => !seen.has(`${route.method} ${route.path}`) && Boolean(seen.add(`${route.method} ${route.path}`)))
      .map((route) => ({ method: route.method, path: route.path }));
  }

  describe('candidate A against candidate B', () => {
    it('gets 403 or 404 on every route with B\'s ids, the same answer as for ids that do not exist, and changes nothing of B\'s', async () => {
      await test.user('candidate', 'ana@example.org');
      const ben = await test.user('candidate', 'ben@example.org');
      const cohort = await test.accounts.createCohort('Spring');
      await test.accounts.addMember(cohort.id, ben.id);
      const b = await test.signedIn('ben@example.org', '198.51.100.2');
      const ids = await fillB(b);
      const a = await test.signedIn('ana@example.org');
      const before = await b.json<Record<string, unknown>>('GET', '/api/export');

      // Which of B's ids goes in each path parameter, by the word before it.
      const idFor = (segment: string, name: string): number => {
        if (name === 'factId') return ids.fact;
        if (name === 'answerId') return ids.answer;
        const byCollection: Record<string, number> = { companies: ids.company, sessions: ids.session, stories: ids.story, users: ben.id, candidates: ben.id, cohorts: cohort.id };
        const id = byCollection[segment];
        if (id === undefined) throw new Error(`The isolation test does not know which id to try in ${segment}/:${name}; add it.`);
        return id;
      };
      const tried: { key: string; path: string; method: string; status: number; body: string }[] = [];
      const routes = apiRoutes();
      expect(routes.length).toBeGreaterThan(40);
      for (const { method, path } of routes) {
        const key = `${method} ${path}`;
        const role = path.startsWith('/api/admin/') || path.startsWith('/api/coach/');
        if (!path.includes(':')) {
          if (role) expect((await a.request(method, path, method === 'GET' ? undefined : (BODIES[key] ?? {}))).status, key).toBe(403);
          else if (method === 'GET') {
            const text = await (await a.request(method, path)).text();
            for (const marker of B_MARKERS) expect(text, key).not.toContain(marker);
          }
          continue;
        }
        // An invitation's token belongs to no one; its routes are tried in the accounts tests.
        if (path.includes(':token')) continue;
        const filled = path.replace(/([^/]+)\/:(\w+)/g, (_whole, segment: string, name: string) => `${segment}/${idFor(segment, name)}`);
        const response = await a.request(method, filled, BODIES[key] ?? (method === 'GET' || method === 'DELETE' ? undefined : {}));
        const body = await response.text();
        expect([403, 404], `${key} -> ${response.status} ${body}`).toContain(response.status);
        if (role) expect(response.status, key).toBe(403);
        for (const marker of B_MARKERS) expect(body, key).not.toContain(marker);
        tried.push({ key, path: filled, method, status: response.status, body });
      }
      expect(tried.map((t) => t.key)).toEqual(expect.arrayContaining(['DELETE /api/sessions/:id', 'GET /api/sessions/:id/answers/:answerId/recording', 'GET /api/coach/candidates/:id/answers', 'GET /api/answers/:answerId/comments']));

      // Nothing of B's changed.
      const after = await b.json<Record<string, unknown>>('GET', '/api/export');
      expect({ ...after, exportedAt: null }).toEqual({ ...before, exportedAt: null });

      // With B and all B's data gone, the same ids no longer exist: every answer must be the same as before.
      expect(await test.accounts.deleteUser(ben.id)).toBe(true);
      for (const attempt of tried) {
        const again = await a.request(attempt.method, attempt.path, BODIES[attempt.key] ?? (attempt.method === 'GET' || attempt.method === 'DELETE' ? undefined : {}));
        expect({ status: again.status, body: await again.text() }, attempt.key).toEqual({ status: attempt.status, body: attempt.body });
      }
    });
  });

  describe('a coach', () => {
    it('reads and comments on their cohort\'s candidates only, never another cohort\'s, and cannot change an answer', async () => {
      await test.user('candidate', 'ana@example.org');
      const ben = await test.user('candidate', 'ben@example.org');
      const ana = (await test.accounts.listUsers()).find((user) => user.email === 'ana@example.org')!;
      const coach = await test.user('coach', 'cleo@example.org');
      const mine = await test.accounts.createCohort('Mine');
      const theirs = await test.accounts.createCohort('Theirs');
      await test.accounts.addCoach(mine.id, coach.id);
      await test.accounts.addMember(mine.id, ana.id);
      await test.accounts.addMember(theirs.id, ben.id);
      const a = await test.signedIn('ana@example.org');
      const session = await a.json<{ id: number }>('POST', '/api/sessions', { only: 'behavioral', count: 1, seed: 4 });
      const anasAnswer = await a.json<{ id: number }>('POST', `/api/sessions/${session.id}/answers`, { position: 0, answer: 'I rebuilt the rota and overtime fell by a third.', seconds: 20 });
      const bensIds = await fillB(await test.signedIn('ben@example.org'));
      const c = await test.signedIn('cleo@example.org');

      expect(await c.json('GET', '/api/coach/cohorts')).toEqual([{ id: mine.id, name: 'Mine', candidates: 1 }]);
      expect((await c.request('GET', `/api/coach/cohorts/${mine.id}`)).status).toBe(200);
      expect((await c.request('GET', `/api/coach/candidates/${ana.id}/answers`)).status).toBe(200);
      expect((await c.request('POST', `/api/answers/${anasAnswer.id}/comments`, { text: 'Say what the rota was for.' })).status).toBe(201);
      // The coach's own scope holds none of Ana's answers: changing one is a 404.
      expect((await c.request('PATCH', `/api/sessions/${session.id}/answers/${anasAnswer.id}`, { answer: 'Better.' })).status).toBe(404);
      expect((await c.request('DELETE', `/api/sessions/${session.id}/answers/${anasAnswer.id}`)).status).toBe(404);

      const foreign = [
        ['GET', `/api/coach/cohorts/${theirs.id}`, undefined],
        ['GET', `/api/coach/candidates/${ben.id}/answers`, undefined],
        ['GET', `/api/answers/${bensIds.answer}/comments`, undefined],
        ['POST', `/api/answers/${bensIds.answer}/comments`, { text: 'Hello.' }],
      ] as const;
      const first = [];
      for (const [method, path, body] of foreign) {
        const response = await c.request(method, path, body);
        first.push({ status: response.status, body: await response.text() });
      }
      expect(first.map((r) => r.status)).toEqual([404, 404, 404, 404]);
      // Gone, they answer the same.
      await test.accounts.deleteUser(ben.id);
      await test.store.unscopedDriver().db.deleteFrom('cohorts').where('id', '=', theirs.id).execute();
      for (const [index, [method, path, body]] of foreign.entries()) {
        const response = await c.request(method, path, body);
        expect({ status: response.status, body: await response.text() }, path).toEqual(first[index]);
      }
    });
  });
});
