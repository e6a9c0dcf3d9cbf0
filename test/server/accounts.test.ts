import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/databases.js';
import { ACCOUNT_LIMITS } from '../../src/accounts/accounts.js';
import { analyze } from '../../src/core/analyze.js';
import { rules } from '../../src/core/rules/index.js';
import { createApp } from '../../src/server/app.js';
import { Store } from '../../src/storage/index.js';
import { openSqliteDriver } from '../../src/storage/sqlite.js';
import { Browser, PASSWORD, TestClock, multiUserApp, useMultiUserApp } from '../support/multi-user-app.js';

const HOUR = 60 * 60 * 1000;

async function errorOf(response: Response): Promise<{ status: number; code: string }> {
  const body = (await response.json()) as { error: { code: string } };
  return { status: response.status, code: body.error.code };
}

forEachDatabase((database) => {
  const test = useMultiUserApp(database);

  describe('/api/me', () => {
    it('says single-user mode when Starl runs without accounts', async () => {
      const store = await Store.open(openSqliteDriver(':memory:'));
      try {
        const app = createApp({ analyze, rules, store });
        expect(await (await app.request('/api/me')).json()).toEqual({ mode: 'single' });
        expect((await app.request('/api/sessions')).status).toBe(200);
      } finally {
        await store.close();
      }
    });

    it('says multi-user mode with no user when signed out, and every other route wants a sign-in', async () => {
      const browser = test.browser();
      expect(await browser.json('GET', '/api/me')).toEqual({ mode: 'multi', user: null });
      expect(await errorOf(await browser.request('GET', '/api/sessions'))).toEqual({ status: 401, code: 'E_UNAUTHENTICATED' });
      expect(await errorOf(await browser.request('POST', '/api/analyze', { question: 'Why us?', answer: 'Because.' }))).toEqual({ status: 401, code: 'E_UNAUTHENTICATED' });
    });
  });

  describe('signing in and out', () => {
    it('keeps only an argon2id hash, signs in with a session cookie, and answers a wrong email as a wrong password', async () => {
      const ana = await test.user('candidate', 'Ana@Example.org', 'Ana');
      const row = await test.store.unscopedDriver().db.selectFrom('users').select('password_hash').where('id', '=', ana.id).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(PASSWORD);

      const wrongPassword = await test.browser().request('POST', '/api/auth/login', { email: 'ana@example.org', password: 'not the password' });
      const wrongEmail = await test.browser().request('POST', '/api/auth/login', { email: 'nobody@example.org', password: PASSWORD });
      expect(wrongPassword.status).toBe(401);
      expect(await wrongPassword.json()).toEqual(await wrongEmail.json());

      const browser = test.browser();
      const response = await browser.login('  ANA@example.org ');
      expect(response.status).toBe(200);
      const cookie = response.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^starl_session=[\w-]{40,};/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).not.toMatch(/Secure/);
      const me = await browser.json('GET', '/api/me');
      expect(me).toEqual({ mode: 'multi', user: { id: ana.id, email: 'ana@example.org', name: 'Ana', role: 'candidate' }, csrfToken: browser.csrfToken });
      // Only a hash of the token is kept: the database alone signs no one in.
      const sessions = await test.store.unscopedDriver().db.selectFrom('auth_sessions').select('token_hash').execute();
      expect(sessions.map((s) => s.token_hash)).not.toContain(browser.cookie!.split('=')[1]);
    });

    it('marks the cookie Secure when a trusted proxy says the browser came over TLS, and not when the proxy is not trusted', async () => {
      await test.user('candidate', 'ana@example.org');
      const login = { email: 'ana@example.org', password: PASSWORD };
      const trusted = await new Browser(test.app).request('POST', '/api/auth/login', login, { headers: { 'x-forwarded-proto': 'https' } });
      expect(trusted.headers.get('set-cookie')).toMatch(/; Secure/);
      const untrustedApp = createApp({ analyze, rules, store: test.store, multiUser: { accounts: test.accounts } });
      const untrusted = await new Browser(untrustedApp).request('POST', '/api/auth/login', login, { headers: { 'x-forwarded-proto': 'https' } });
      expect(untrusted.status).toBe(200);
      expect(untrusted.headers.get('set-cookie')).not.toMatch(/Secure/);
    });

    it('ends the session on logout', async () => {
      await test.user('candidate', 'ana@example.org');
      const browser = await test.signedIn('ana@example.org');
      const cookie = browser.cookie;
      expect((await browser.request('POST', '/api/auth/logout')).status).toBe(204);
      browser.cookie = cookie;
      expect((await browser.request('GET', '/api/sessions')).status).toBe(401);
    });

    it('ends a session left idle too long, and any session at its absolute end however busy', async () => {
      await test.user('candidate', 'ana@example.org');
      const idle = await test.signedIn('ana@example.org');
      test.clock.advance(ACCOUNT_LIMITS.sessionIdleMs - HOUR);
      expect((await idle.request('GET', '/api/sessions')).status).toBe(200);
      test.clock.advance(ACCOUNT_LIMITS.sessionIdleMs);
      expect(await errorOf(await idle.request('GET', '/api/sessions'))).toEqual({ status: 401, code: 'E_UNAUTHENTICATED' });

      const busy = await test.signedIn('ana@example.org');
      for (let elapsed = 0; elapsed < ACCOUNT_LIMITS.sessionAbsoluteMs - 4 * HOUR; elapsed += 4 * HOUR) {
        test.clock.advance(4 * HOUR);
        expect((await busy.request('GET', '/api/me')).status).toBe(200);
      }
      expect(((await busy.json<{ user: unknown }>('GET', '/api/me')).user)).not.toBeNull();
      test.clock.advance(4 * HOUR);
      expect(await busy.json('GET', '/api/me')).toEqual({ mode: 'multi', user: null });
    });
  });

  describe('changing the password', () => {
    it('needs the current one, and ends every other session', async () => {
      await test.user('candidate', 'ana@example.org');
      const laptop = await test.signedIn('ana@example.org');
      const phone = await test.signedIn('ana@example.org', '198.51.100.9');
      expect(await errorOf(await laptop.request('POST', '/api/auth/password', { current: 'wrong password', next: 'a new long password' }))).toEqual({ status: 400, code: 'E_INPUT_BAD_FIELD' });
      expect(await errorOf(await laptop.request('POST', '/api/auth/password', { current: PASSWORD, next: 'short' }))).toEqual({ status: 400, code: 'E_INPUT_BAD_FIELD' });
      expect((await laptop.request('POST', '/api/auth/password', { current: PASSWORD, next: 'a new long password' })).status).toBe(204);
      expect((await laptop.request('GET', '/api/sessions')).status).toBe(200);
      expect((await phone.request('GET', '/api/sessions')).status).toBe(401);
      expect((await test.browser().login('ana@example.org')).status).toBe(401);
      expect((await test.browser().login('ana@example.org', 'a new long password')).status).toBe(200);
    });
  });

  describe('sign-in limits', () => {
    it('refuses an account after five failures in the window, even the right password, and lets it in once the window has passed', async () => {
      await test.user('candidate', 'ana@example.org');
      for (let i = 0; i < ACCOUNT_LIMITS.loginFailuresPerAccount; i++) {
        expect((await test.browser(`192.0.2.${i}`).login('ana@example.org', 'guess')).status).toBe(401);
      }
      const limited = await test.browser('192.0.2.200').login('ana@example.org');
      expect(await errorOf(limited.clone())).toEqual({ status: 429, code: 'E_RATE_LIMITED' });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      test.clock.advance(ACCOUNT_LIMITS.loginWindowMs + 1000);
      expect((await test.browser('192.0.2.200').login('ana@example.org')).status).toBe(200);
    });

    it('refuses an address after twenty failures across accounts, while other addresses still sign in', async () => {
      await test.user('candidate', 'ana@example.org');
      const attacker = '192.0.2.66';
      for (let i = 0; i < ACCOUNT_LIMITS.loginFailuresPerAddress; i++) {
        expect((await test.browser(attacker).login(`user${i}@example.org`, 'guess')).status).toBe(401);
      }
      expect((await test.browser(attacker).login('ana@example.org')).status).toBe(429);
      expect((await test.browser('192.0.2.67').login('ana@example.org')).status).toBe(200);
    });

    it('ignores X-Forwarded-For without --trust-proxy: the claimed addresses are one address, the socket\'s', async () => {
      await test.user('candidate', 'ana@example.org');
      const untrusted = createApp({ analyze, rules, store: test.store, multiUser: { accounts: test.accounts } });
      for (let i = 0; i < ACCOUNT_LIMITS.loginFailuresPerAddress; i++) {
        expect((await new Browser(untrusted, `192.0.2.${i}`).login(`user${i}@example.org`, 'guess')).status).toBe(401);
      }
      expect((await new Browser(untrusted, '192.0.2.250').login('ana@example.org')).status).toBe(429);
      expect((await test.accounts.auditLog()).filter((entry) => entry.address?.startsWith('192.0.2.'))).toEqual([]);
    });

    it('writes every sign-in, failed or not, to the audit log with its address', async () => {
      const ana = await test.user('candidate', 'ana@example.org');
      await test.browser('192.0.2.5').login('ana@example.org', 'guess');
      await test.browser('192.0.2.6').login('ana@example.org');
      const log = await test.accounts.auditLog();
      expect(log.map(({ actorId, action, address }) => ({ actorId, action, address }))).toEqual([
        { actorId: ana.id, action: 'login.failure', address: '192.0.2.5' },
        { actorId: ana.id, action: 'login.success', address: '192.0.2.6' },
      ]);
    });
  });

  describe('CSRF', () => {
    it('refuses a signed-in write without the token from /api/me, or with another session\'s', async () => {
      await test.user('candidate', 'ana@example.org');
      await test.user('candidate', 'ben@example.org');
      const ana = await test.signedIn('ana@example.org');
      const ben = await test.signedIn('ben@example.org');
      expect(await errorOf(await ana.request('POST', '/api/companies', { name: 'Fernway' }, { csrf: false }))).toEqual({ status: 403, code: 'E_CSRF' });
      expect(await errorOf(await ana.request('POST', '/api/companies', { name: 'Fernway' }, { csrf: false, headers: { 'x-csrf-token': ben.csrfToken! } }))).toEqual({ status: 403, code: 'E_CSRF' });
      expect(await ana.json('GET', '/api/companies')).toEqual([]);
      expect((await ana.request('POST', '/api/companies', { name: 'Fernway' })).status).toBe(201);
    });
  });

  describe('invitations', () => {
    it('lets an admin invite into a cohort; the link creates the account once, signs it in and puts it in the cohort', async () => {
      await test.user('admin', 'root@example.org');
      await test.user('coach', 'cleo@example.org');
      const admin = await test.signedIn('root@example.org');
      const cohort = await admin.json<{ id: number; name: string }>('POST', '/api/admin/cohorts', { name: 'Spring 2026' });
      const coach = (await admin.json<{ id: number; email: string }[]>('GET', '/api/admin/users')).find((user) => user.email === 'cleo@example.org')!;
      expect((await admin.request('POST', `/api/admin/cohorts/${cohort.id}/coaches`, { userId: coach.id })).status).toBe(204);
      const invitation = await admin.json<{ token: string; url: string; expiresAt: string }>('POST', '/api/admin/invitations', { email: 'dev@example.org', role: 'candidate', cohortId: cohort.id });
      expect(invitation.url).toContain(invitation.token);
      expect(Date.parse(invitation.expiresAt)).toBe(test.clock.at.getTime() + ACCOUNT_LIMITS.invitationMs);

      const visitor = test.browser();
      expect(await visitor.json('GET', `/api/invitations/${invitation.token}`)).toEqual({ email: 'dev@example.org', role: 'candidate', cohort: { id: cohort.id, name: 'Spring 2026' } });
      const accepted = await visitor.request('POST', `/api/invitations/${invitation.token}/accept`, { name: 'Dev', password: 'a long new password' });
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toMatchObject({ mode: 'multi', user: { email: 'dev@example.org', name: 'Dev', role: 'candidate' } });
      expect((await visitor.request('GET', '/api/sessions')).status).toBe(200);
      expect((await test.browser().request('GET', `/api/invitations/${invitation.token}`)).status).toBe(404);
      expect((await test.browser().request('POST', `/api/invitations/${invitation.token}/accept`, { name: 'Eve', password: 'another long password' })).status).toBe(404);

      const cleo = await test.signedIn('cleo@example.org');
      expect(await cleo.json('GET', '/api/coach/cohorts')).toEqual([{ id: cohort.id, name: 'Spring 2026', candidates: 1 }]);
      expect((await test.accounts.auditLog()).map((entry) => entry.action)).toEqual(expect.arrayContaining(['cohort.create', 'cohort.coaches.add', 'invitation.create', 'invitation.accept']));
    });

    it('answers an expired invitation as an unknown one', async () => {
      const admin = await test.user('admin', 'root@example.org');
      const { token } = await test.accounts.invite({ email: 'dev@example.org', role: 'coach', cohortId: null, createdBy: admin.id });
      const unknown = await (await test.browser().request('GET', '/api/invitations/not-a-token')).json();
      test.clock.advance(ACCOUNT_LIMITS.invitationMs);
      const expired = await test.browser().request('GET', `/api/invitations/${token}`);
      expect(expired.status).toBe(404);
      expect(await expired.json()).toEqual(unknown);
    });
  });

  describe('the coach\'s dashboard', () => {
    it('shows each candidate of the cohort where they stand, the cohort week by week, and a candidate\'s answers with comments', async () => {
      await test.user('candidate', 'ana@example.org', 'Ana');
      await test.user('candidate', 'ben@example.org', 'Ben');
      const coach = await test.user('coach', 'cleo@example.org', 'Cleo');
      const users = await test.accounts.listUsers();
      const cohort = await test.accounts.createCohort('Spring');
      await test.accounts.addCoach(cohort.id, coach.id);
      for (const user of users.filter((u) => u.role === 'candidate')) await test.accounts.addMember(cohort.id, user.id);
      const ana = await test.signedIn('ana@example.org');
      const session = await ana.json<{ id: number }>('POST', '/api/sessions', { only: 'behavioral', count: 1, seed: 4 });
      const answer = await ana.json<{ id: number; report: { reasons: Record<string, { verdict: string }> } }>('POST', `/api/sessions/${session.id}/answers`, { position: 0, answer: 'I rebuilt the rota and overtime fell by a third.', seconds: 20 });

      const cleo = await test.signedIn('cleo@example.org');
      const dashboard = await cleo.json<{ cohort: unknown; candidates: { name: string; answersThisWeek: number; lastPracticeAt: string | null; weakestReason: string | null; reasons: Record<string, { pass: number | null }> }[]; series: { week: string; answers: number }[] }>('GET', `/api/coach/cohorts/${cohort.id}`);
      expect(dashboard.cohort).toEqual({ id: cohort.id, name: 'Spring' });
      expect(dashboard.candidates.map((c) => [c.name, c.answersThisWeek, c.lastPracticeAt])).toEqual([
        ['Ana', 1, test.clock.at.toISOString()],
        ['Ben', 0, null],
      ]);
      const verdict = answer.report.reasons.opportunity!.verdict;
      expect(dashboard.candidates[0]!.reasons.opportunity!.pass).toBe(verdict === 'n/a' ? null : verdict === 'pass' ? 1 : 0);
      expect(dashboard.candidates[1]!.weakestReason).toBeNull();
      expect(dashboard.series).toEqual([expect.objectContaining({ week: '2026-03-02', answers: 1 })]);

      await cleo.json('POST', `/api/answers/${answer.id}/comments`, { text: 'Say what the rota was for.' });
      const anas = users.find((u) => u.email === 'ana@example.org')!;
      const answers = await cleo.json<{ candidate: unknown; answers: { id: number; comments: { text: string; author: { name: string } }[] }[] }>('GET', `/api/coach/candidates/${anas.id}/answers`);
      expect(answers.candidate).toEqual({ id: anas.id, name: 'Ana', email: 'ana@example.org' });
      expect(answers.answers.map((a) => [a.id, a.comments.map((comment) => `${comment.author.name}: ${comment.text}`)])).toEqual([[answer.id, ['Cleo: Say what the rota was for.']]]);
      // The candidate sees the comment beside their answers.
      expect((await ana.json<{ text: string }[]>('GET', '/api/comments')).map((comment) => comment.text)).toEqual(['Say what the rota was for.']);
      expect(await ana.json('GET', `/api/comments?since=${encodeURIComponent(test.clock.at.toISOString())}`)).toEqual([]);
    });
  });

  describe('deleting an account', () => {
    it('needs the password, and deletes the user with every row of their data, leaving others\' alone', async () => {
      const ana = await test.user('candidate', 'ana@example.org');
      await test.user('candidate', 'ben@example.org');
      const fill = async (browser: Browser) => {
        await browser.json('POST', '/api/companies', { name: 'Fernway' });
        await browser.json('POST', '/api/stories', { title: 'Rota', text: 'The rota clashed. I rebuilt it. Overtime fell by a third.' });
        const session = await browser.json<{ id: number }>('POST', '/api/sessions', { only: 'behavioral', count: 1, seed: 4 });
        await browser.json('POST', `/api/sessions/${session.id}/answers`, { position: 0, answer: 'I rebuilt the rota and overtime fell by a third.', seconds: 20 });
      };
      const a = await test.signedIn('ana@example.org');
      const b = await test.signedIn('ben@example.org');
      await fill(a);
      await fill(b);
      const exportedByB = await b.json<{ answers: unknown[]; companies: unknown[] }>('GET', '/api/export');
      expect([exportedByB.answers.length, exportedByB.companies.length]).toEqual([1, 1]);

      expect(await errorOf(await a.request('DELETE', '/api/account', { password: 'wrong one' }))).toEqual({ status: 400, code: 'E_INPUT_BAD_FIELD' });
      expect((await a.request('DELETE', '/api/account', { password: PASSWORD })).status).toBe(204);

      const db = test.store.unscopedDriver().db;
      for (const table of ['companies', 'company_facts', 'sessions', 'session_questions', 'answers', 'recordings', 'stories', 'reviews'] as const) {
        const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where owner_id = ${ana.id}`.execute(db);
        expect(Number(rows[0]!.n), table).toBe(0);
      }
      expect(await db.selectFrom('users').select('id').where('id', '=', ana.id).execute()).toEqual([]);
      expect((await test.browser().login('ana@example.org')).status).toBe(401);
      const stillB = await b.json<{ answers: unknown[]; companies: unknown[] }>('GET', '/api/export');
      expect({ ...stillB, exportedAt: null }).toEqual({ ...exportedByB, exportedAt: null });
    });
  });

  describe('two server processes on one database', () => {
    it('share sessions and sign-in limits: a session made on one is valid on the other', async () => {
      const clock = new TestClock();
      const first = await Store.open(await database.driver(), clock.now);
      const second = await Store.open(await database.driver(), clock.now);
      try {
        const one = multiUserApp(first, clock);
        const two = multiUserApp(second, clock);
        await one.accounts.createUser({ email: 'ana@example.org', name: 'Ana', role: 'candidate', password: PASSWORD });
        const onOne = new Browser(one.app);
        expect((await onOne.login('ana@example.org')).status).toBe(200);
        const onTwo = new Browser(two.app);
        onTwo.cookie = onOne.cookie;
        onTwo.csrfToken = onOne.csrfToken;
        expect((await onTwo.request('POST', '/api/companies', { name: 'Fernway' })).status).toBe(201);
        expect(await onOne.json<{ name: string }[]>('GET', '/api/companies')).toEqual([expect.objectContaining({ name: 'Fernway' })]);

        // Failures counted by one process limit the other.
        for (let i = 0; i < ACCOUNT_LIMITS.loginFailuresPerAccount; i++) expect((await new Browser(i % 2 ? one.app : two.app).login('ana@example.org', 'guess')).status).toBe(401);
        expect((await new Browser(two.app).login('ana@example.org')).status).toBe(429);
        // A logout on one process ends the session on the other.
        expect((await onTwo.request('POST', '/api/auth/logout')).status).toBe(204);
        expect((await onOne.request('GET', '/api/companies')).status).toBe(401);
      } finally {
        await first.close();
        await second.close();
      }
    });
  });
});
