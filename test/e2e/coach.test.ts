import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request, Route } from 'playwright-core';
import type { Report } from '../../src/core/types.js';
import { browserMissing, startHarness, watchPageProblems } from './harness.js';
import type { Harness } from './harness.js';

/**
 * The coach's dashboard and the candidate's view of comments, against the multi-user API contract.
 * The built app is served by the real (single-user) server; the multi-user routes are answered by the
 * test through `page.route`, as the contract has them, so the page is tested on its own.
 */

const QUESTION = 'Tell me about a time you solved a difficult problem at work.';
const ANSWER =
  'At my last job the warehouse scanners kept dropping orders. My task was to find out why before the holiday rush. ' +
  'I logged every failed scan for a week and moved two access points. As a result, lost orders fell from 40 a day to none.';

const COACH_TOKEN = 'csrf-for-coach-kim';
const coachMe = { mode: 'multi', user: { id: 2, email: 'kim@career.example', name: 'Coach Kim', role: 'coach' }, csrfToken: COACH_TOKEN };
const candidateMe = { mode: 'multi', user: { id: 11, email: 'ada@student.example', name: 'Ada Lovelace', role: 'candidate' }, csrfToken: 'csrf-for-ada' };

const share = (pass: number | null, trend: number | null = null) => ({ pass, trend });
const CANDIDATES = [
  { id: 11, name: 'Ada Lovelace', email: 'ada@student.example', weakestReason: 'memorable', reasons: { opportunity: share(0.9, 0.2), memorable: share(0.25, -0.08), specificReason: share(0.5), starl: share(0.75, 0) }, answersThisWeek: 6, lastPracticeAt: '2026-12-06T10:00:00Z' },
  { id: 12, name: 'Bea Okafor', email: 'bea@student.example', weakestReason: 'starl', reasons: { opportunity: share(0.7), memorable: share(0.6, 0.2), specificReason: share(0.8), starl: share(0.3, -0.1) }, answersThisWeek: 2, lastPracticeAt: '2026-12-01T10:00:00Z' },
  { id: 13, name: 'Cy Tran', email: 'cy@student.example', weakestReason: 'memorable', reasons: { opportunity: share(1), memorable: share(0.4), specificReason: share(0.9), starl: share(0.5) }, answersThisWeek: 9, lastPracticeAt: '2026-12-07T10:00:00Z' },
  { id: 14, name: 'Dee Novak', email: 'dee@student.example', weakestReason: null, reasons: { opportunity: share(null), memorable: share(null), specificReason: share(null), starl: share(null) }, answersThisWeek: 0, lastPracticeAt: null },
];
const SERIES = [
  { week: '2026-11-23', opportunity: 0.6, memorable: 0.3, specificReason: 0.5, starl: 0.4, answers: 20 },
  { week: '2026-11-30', opportunity: 0.75, memorable: 0.4, specificReason: null, starl: 0.5, answers: 31 },
];
const EXISTING_COMMENT = { id: 901, answerId: 31, author: { id: 2, name: 'Coach Kim' }, text: 'Open with the result: orders lost, then none.', createdAt: '2026-12-06T12:00:00Z' };

/** Set STARL_SCREENSHOTS=1 to refresh the coach's PNGs under docs/screenshots/ while the tests run. */
const SCREENSHOTS = process.env.STARL_SCREENSHOTS === '1';

let harness: Harness;
let report: Report;
const pageProblems: string[] = [];

beforeAll(async () => {
  harness = await startHarness();
  // A real report from the real analyzer, so the candidate view draws what it will draw in use.
  const analyzed = await fetch(new URL('/api/analyze', harness.server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION, answer: ANSWER }) });
  expect(analyzed.status).toBe(200);
  report = (await analyzed.json()) as Report;
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

function storedAnswer(id: number, createdAt: string, comments: unknown[]) {
  return { id, uid: `u-${id}`, sessionId: 4, position: id - 31, attempt: 1, followUpOf: null, question: QUESTION, answer: ANSWER, seconds: 75, report, delivery: null, createdAt, comments };
}

/** What the fake API saw: every /api request by method and path, and each comment posted with its CSRF header. */
interface Seen {
  requests: string[];
  posted: { answerId: number; body: unknown; csrf: string | null }[];
}

/**
 * A fresh page whose /api/me says `me`, with the coach and comment routes of the contract answered
 * from the data above; every other /api route goes to the real server.
 */
async function openAs(me: unknown, hash: string, extra: (route: Route, request: Request, path: string) => Promise<boolean> = async () => false): Promise<{ page: Page; seen: Seen }> {
  const page = await harness.browser.newPage();
  watchPageProblems(page, pageProblems);
  const seen: Seen = { requests: [], posted: [] };
  let nextId = 1000;
  const json = (route: Route, body: unknown, status = 200) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  await page.route('**/api/**', async (route, request) => {
    const url = new URL(request.url());
    const path = url.pathname;
    seen.requests.push(`${request.method()} ${path}`);
    if (await extra(route, request, path)) return;
    if (path === '/api/me') return json(route, me);
    if (path === '/api/coach/cohorts') return json(route, [{ id: 3, name: 'Autumn cohort', candidates: CANDIDATES.length }, { id: 4, name: 'Winter cohort', candidates: 0 }]);
    if (path === '/api/coach/cohorts/3') return json(route, { cohort: { id: 3, name: 'Autumn cohort' }, candidates: CANDIDATES, series: SERIES });
    if (path === '/api/coach/cohorts/4') return json(route, { cohort: { id: 4, name: 'Winter cohort' }, candidates: [], series: [] });
    if (path === '/api/coach/candidates/11/answers') {
      return json(route, { candidate: { id: 11, name: 'Ada Lovelace', email: 'ada@student.example' }, answers: [storedAnswer(31, '2026-12-05T09:00:00Z', [EXISTING_COMMENT]), storedAnswer(32, '2026-12-06T09:00:00Z', [])] });
    }
    const commenting = /^\/api\/answers\/(\d+)\/comments$/.exec(path);
    if (commenting && request.method() === 'POST') {
      const body = request.postDataJSON() as { text: string };
      seen.posted.push({ answerId: Number(commenting[1]), body, csrf: (await request.allHeaders())['x-csrf-token'] ?? null });
      return json(route, { id: nextId++, answerId: Number(commenting[1]), author: { id: 2, name: 'Coach Kim' }, text: body.text, createdAt: '2026-12-07T15:00:00Z' }, 201);
    }
    return route.fallback();
  });
  await page.goto(`${harness.server.url}${hash}`);
  return { page, seen };
}

/** Saves the page as docs/screenshots/<name>.png, cut at `maxHeight` CSS pixels. */
async function screenshot(page: Page, name: string, maxHeight = 1600): Promise<void> {
  if (!SCREENSHOTS) return;
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) } });
}

const navTitles = (page: Page): Promise<string[]> => page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents();
const rowNames = (page: Page): Promise<string[]> => page.locator('.cohort-table tbody th[scope="row"] a').allTextContents();

describe.skipIf(browserMissing)('the coach\'s dashboard', () => {
  it('shows the cohort table, sorts it by every column from the keyboard or the mouse, and filters it', async () => {
    const { page } = await openAs(coachMe, '#/coach');
    await expect.poll(() => navTitles(page)).toContain('Coach');
    await page.getByLabel('Cohort', { exact: true }).waitFor();
    expect(await page.getByLabel('Cohort', { exact: true }).locator('option').allTextContents()).toEqual(['Autumn cohort (4 candidates)', 'Winter cohort (0 candidates)']);
    await expect.poll(() => rowNames(page)).toEqual(['Ada Lovelace', 'Bea Okafor', 'Cy Tran', 'Dee Novak']);

    // Each reason cell shows its share and its trend as an arrow and signed points.
    const ada = page.locator('.cohort-table tbody tr', { hasText: 'Ada Lovelace' });
    expect(await ada.locator('td').first().innerText()).toBe('Memorable');
    expect(await ada.locator('.share-cell').evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent?.trim()))).toEqual(['90%', '25%', '50%', '75%']);
    expect(await ada.locator('.trend > [aria-hidden="true"]').allTextContents()).toEqual(['▲ +20 pts', '▼ −8 pts', '–', '→ ±0 pts']);
    expect(await ada.locator('.trend .visually-hidden').allTextContents()).toEqual(['up 20 points', 'down 8 points', 'no trend yet', 'no change']);
    // Nothing judged yet: one dash per reason, with no trend beside it.
    const dee = page.locator('.cohort-table tbody tr', { hasText: 'Dee Novak' });
    expect(await dee.locator('.share-cell').allTextContents()).toEqual(['–', '–', '–', '–']);

    const heading = (title: string) => page.locator('.cohort-table thead th', { hasText: title });
    await heading('Memorable').getByRole('button').click();
    expect(await heading('Memorable').getAttribute('aria-sort')).toBe('ascending');
    expect(await heading('Candidate').getAttribute('aria-sort')).toBeNull();
    expect(await rowNames(page)).toEqual(['Ada Lovelace', 'Cy Tran', 'Bea Okafor', 'Dee Novak']);
    // From the keyboard: the heading's button takes focus and Enter turns the order around.
    await heading('Memorable').getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await heading('Memorable').getAttribute('aria-sort')).toBe('descending');
    expect(await rowNames(page)).toEqual(['Bea Okafor', 'Cy Tran', 'Ada Lovelace', 'Dee Novak']);
    await heading('Answers this week').getByRole('button').click();
    expect(await rowNames(page)).toEqual(['Dee Novak', 'Bea Okafor', 'Ada Lovelace', 'Cy Tran']);
    await heading('Last practice').getByRole('button').click();
    await heading('Last practice').getByRole('button').click();
    expect(await heading('Last practice').getAttribute('aria-sort')).toBe('descending');
    expect(await rowNames(page)).toEqual(['Cy Tran', 'Ada Lovelace', 'Bea Okafor', 'Dee Novak']);
    await heading('Weakest reason').getByRole('button').click();
    expect(await rowNames(page)).toEqual(['Ada Lovelace', 'Cy Tran', 'Bea Okafor', 'Dee Novak']);

    await page.locator('.coach .progress-chart canvas').first().waitFor();
    await screenshot(page, 'coach');
    await page.getByLabel('Find a candidate').fill('BEA@');
    expect(await rowNames(page)).toEqual(['Bea Okafor']);
    await page.getByLabel('Find a candidate').fill('');
    await page.getByLabel('Weakest reason is').selectOption('memorable');
    expect(await rowNames(page)).toEqual(['Ada Lovelace', 'Cy Tran']);
    await page.getByText('Showing 2 of 4 candidates.').waitFor();
    await page.getByLabel('Find a candidate').fill('cy');
    expect(await rowNames(page)).toEqual(['Cy Tran']);

    // The cohort's weekly chart, drawn by uPlot, with its numbers as a table.
    await page.locator('.coach .progress-chart canvas').first().waitFor();
    expect(await page.locator('.coach .series-table tbody tr').evaluateAll((rows) => rows.map((row) => Array.from((row as HTMLTableRowElement).cells).map((cell) => cell.textContent)))).toEqual([
      ['2026-11-23', '60%', '30%', '50%', '40%', '20'],
      ['2026-11-30', '75%', '40%', '–', '50%', '31'],
    ]);

    // Another cohort, picked from the list, has its own place in the URL.
    await page.getByLabel('Cohort', { exact: true }).selectOption('4');
    await page.getByText('No candidates in this cohort yet.').waitFor();
    expect(new URL(page.url()).hash).toBe('#/coach/4');
    expect(pageProblems).toEqual([]);
    await page.close();
  });

  it('opens a candidate\'s answers with their reports and comments, without edit controls, and posts a comment with the CSRF token', async () => {
    const { page, seen } = await openAs(coachMe, '#/coach/3');
    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.getByRole('heading', { name: /Ada Lovelace/ }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/coach/3/candidates/11');
    const answers = page.locator('.coach-answer');
    await expect.poll(() => answers.count()).toBe(2);
    // Newest first: answer 32, then 31 with the comment already made.
    const older = answers.nth(1);
    await older.getByText('Answer and report').click();
    await older.locator('.gauges').waitFor();
    expect(await older.locator('.gauge').count()).toBe(4);
    expect((await older.locator('.evidence').innerText()).replace(/\s+/g, ' ')).toContain('lost orders fell from 40 a day to none');
    expect(await older.locator('.comment-text').allTextContents()).toEqual([EXISTING_COMMENT.text]);
    expect(await answers.nth(0).locator('.comments').innerText()).toContain('No comments yet.');
    // The coach reads and comments; nothing on the page changes or deletes the candidate's answers.
    expect(await page.getByRole('button', { name: /edit|delete|save answer/i }).count()).toBe(0);
    expect(await page.locator('.coach textarea').count()).toBe(2);

    await older.getByLabel('Add a comment').fill('Good numbers. Now say what you learned.');
    await older.getByRole('button', { name: 'Comment' }).click();
    await expect.poll(() => older.locator('.comment-text').allTextContents()).toEqual([EXISTING_COMMENT.text, 'Good numbers. Now say what you learned.']);
    await screenshot(page, 'coach-candidate');
    expect(seen.posted).toEqual([{ answerId: 31, body: { text: 'Good numbers. Now say what you learned.' }, csrf: COACH_TOKEN }]);
    expect(await older.getByLabel('Add a comment').inputValue()).toBe('');

    // An empty comment is never sent.
    await older.getByRole('button', { name: 'Comment' }).click();
    await older.getByText('Write the comment first.').waitFor();
    expect(seen.posted).toHaveLength(1);
    expect(pageProblems).toEqual([]);
    await page.close();
  });

  it('shows a signed-in candidate their coach\'s comments beside their answers in Progress, and no Coach page', async () => {
    const judged = { origin: 'practice', id: 31, sessionId: 4, question: QUESTION, answer: ANSWER, questionType: 'behavioral', verdicts: { opportunity: 'pass', memorable: 'miss', specificReason: 'n/a', starl: 'pass' }, at: '2026-12-05T09:00:00Z' };
    const progress = { judged: [judged], series: { opportunity: [{ day: '2026-12-05', passed: 1, judged: 1, share: 1 }], memorable: [], specificReason: [], starl: [] }, weakest: null, delivery: [] };
    const { page, seen } = await openAs(candidateMe, '#/progress', async (route, _request, path) => {
      if (path === '/api/progress') await route.fulfill({ contentType: 'application/json', body: JSON.stringify(progress) });
      else if (path === '/api/comments') await route.fulfill({ contentType: 'application/json', body: JSON.stringify([EXISTING_COMMENT]) });
      else return false;
      return true;
    });
    const comments = page.locator('.judged .comments');
    await comments.waitFor();
    expect(await comments.locator('.comments-title').innerText()).toBe("Your coach's comments");
    expect(await comments.locator('.comment-text').allTextContents()).toEqual([EXISTING_COMMENT.text]);
    expect(await comments.locator('.comment-meta').innerText()).toBe('Coach Kim · 2026-12-06');
    expect(await navTitles(page)).not.toContain('Coach');
    expect(seen.requests.filter((r) => r.includes('/api/coach'))).toEqual([]);
    await page.close();
  });

  it('shows a signed-in candidate their coach\'s comments under a saved answer in Practice', async () => {
    const session = { id: 77, uid: 's-77', companyId: null, role: null, field: null, mode: 'interview', status: 'active', startedAt: '2026-12-05T08:55:00Z', finishedAt: null, questions: [{ position: 0, bankId: null, questionType: 'behavioral', text: QUESTION }], aimSeconds: [120] };
    const saved = { ...storedAnswer(31, '2026-12-05T09:00:00Z', []), sessionId: 77, position: 0 };
    const page = await harness.browser.newPage();
    // The session being answered, as Practice keeps it in the browser, so the page returns to its saved answer.
    await page.addInitScript(() => localStorage.setItem('starl.draft.practice.current', JSON.stringify({ sessionId: '77', position: '0' })));
    await page.route('**/api/**', async (route, request) => {
      const path = new URL(request.url()).pathname;
      const answer = (body: unknown) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
      if (path === '/api/me') return answer(candidateMe);
      if (path === '/api/sessions/77') return answer({ session, answers: [saved], recordings: [] });
      if (path === '/api/comments') return answer([EXISTING_COMMENT]);
      return route.fallback();
    });
    try {
      await page.goto(`${harness.server.url}#/practice`);
      const comments = page.locator('.saved-answer .comments');
      await comments.waitFor();
      expect(await page.locator('.saved-answer h3').innerText()).toContain('Attempt 1, saved');
      expect(await comments.locator('.comment-text').allTextContents()).toEqual([EXISTING_COMMENT.text]);
    } finally {
      await page.evaluate(() => localStorage.removeItem('starl.draft.practice.current'));
      await page.close();
    }
  });

  it('in single-user mode shows no Coach page and reads no comments', async () => {
    const { page, seen } = await openAs({ mode: 'single' }, '#/progress');
    await page.getByRole('heading', { name: 'Progress' }).waitFor();
    await page.getByText(/Nothing judged yet|All judged answers/).waitFor();
    await expect.poll(() => seen.requests).toContain('GET /api/me');
    expect(await navTitles(page)).toEqual(['Practice', 'Analyze', 'Review', 'Companies', 'Stories', 'Progress', 'Your data']);
    await page.goto(`${harness.server.url}#/coach`);
    await page.getByText('There is no page "coach".').waitFor();
    expect(seen.requests.filter((r) => /\/api\/(coach|comments|answers\/\d+\/comments)/.test(r))).toEqual([]);
    await page.close();
  });
});
