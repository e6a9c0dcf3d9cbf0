import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Accounts } from '../../src/accounts/accounts.js';
import { withStore } from '../../src/storage/index.js';
import { browserMissing, startHarness, type Harness, watchPageProblems } from './harness.js';

/** The coach's dashboard against the real multi-user server: a coach comments, the candidate reads it. */

const PASSWORD = 'correct horse battery staple';
let harness: Harness;
let page: Page;
const pageProblems: string[] = [];

/** Signs in over HTTP and returns a caller that sends the session cookie and CSRF token as the page does. */
async function signedIn(email: string) {
  const login = await fetch(new URL('/api/auth/login', harness.server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body: unknown): Promise<T> => {
    const response = await fetch(new URL(path, harness.server.url), { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.ok, `${method} ${path} answered ${response.status}`).toBe(true);
    return (await response.json()) as T;
  };
}

async function signInAs(email: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(harness.server.url);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.account').waitFor();
}

const navTitles = (): Promise<string[]> => page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents();

beforeAll(async () => {
  if (browserMissing) return;
  harness = await startHarness({ multiUser: true });
  page = await harness.firstPage();
  watchPageProblems(page, pageProblems);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe.skipIf(browserMissing)('the coach\'s dashboard on a shared Starl', () => {
  it('shows a coach their cohort and a candidate\'s answers, saves a comment, and shows it to the candidate', async () => {
    await withStore(harness.server.databasePath, async (store) => {
      const accounts = new Accounts(store);
      const coach = await accounts.createUser({ email: 'kim@example.org', name: 'Coach Kim', role: 'coach', password: PASSWORD });
      const cohort = await accounts.createCohort('Autumn');
      await accounts.addCoach(cohort.id, coach.id);
      for (const [email, name] of [['ada@example.org', 'Ada Lovelace'], ['bea@example.org', 'Bea Okafor']] as const) {
        await accounts.addMember(cohort.id, (await accounts.createUser({ email, name, role: 'candidate', password: PASSWORD })).id);
      }
    });
    const asAda = await signedIn('ada@example.org');
    const session = await asAda<{ id: number }>('POST', '/api/sessions', { count: 2, seed: 1 });
    await asAda('POST', `/api/sessions/${session.id}/answers`, {
      position: 0,
      answer: 'At my last job the scanners kept dropping orders. I logged every failed scan and moved two access points. As a result, lost orders fell from 40 a day to none.',
      seconds: 60,
    });

    await signInAs('kim@example.org');
    expect(await navTitles()).toContain('Coach');
    await page.getByRole('link', { name: 'Coach' }).click();
    await expect.poll(() => page.locator('.cohort-table tbody th[scope="row"] a').allTextContents()).toEqual(['Ada Lovelace', 'Bea Okafor']);
    const ada = page.locator('.cohort-table tbody tr', { hasText: 'Ada Lovelace' });
    expect(await ada.locator('td').last().innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \(today\)$/);
    expect(await page.locator('.coach .series-table tbody tr').count()).toBe(1);

    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.locator('.coach-answer').first().waitFor();
    await page.getByText('Answer and report').first().click();
    await page.locator('.coach-answer .gauges').first().waitFor();
    await page.getByLabel('Add a comment').first().fill('Open with the result.');
    await page.getByRole('button', { name: 'Comment' }).first().click();
    await expect.poll(() => page.locator('.comment-text').allTextContents()).toEqual(['Open with the result.']);
    // Saved on the server, not only shown.
    await page.reload();
    await expect.poll(() => page.locator('.comment-text').allTextContents()).toEqual(['Open with the result.']);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs('ada@example.org');
    expect(await navTitles()).not.toContain('Coach');
    await page.getByRole('link', { name: 'Progress' }).click();
    await expect.poll(() => page.locator('.judged .comments .comment-text').allTextContents()).toEqual(['Open with the result.']);
    expect(await page.locator('.judged .comment-meta').innerText()).toMatch(/^Coach Kim · \d{4}-\d{2}-\d{2}$/);
    expect(pageProblems).toEqual([]);
  });
});
