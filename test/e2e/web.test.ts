import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evidenceTextOf } from './evidence.js';
import { browserMissing, startHarness, watchPageProblems } from './harness.js';
import type { Harness } from './harness.js';

/** Set STARL_SCREENSHOTS=1 to refresh the PNGs under docs/screenshots/ while the tests run. */
const SCREENSHOTS = process.env.STARL_SCREENSHOTS === '1';

const STORY_QUESTION = 'Tell me about a time you solved a difficult problem at work.';
const STORY =
  'At my last job we had a warehouse scanner system that kept dropping orders. My task was to find out why before the holiday rush. ' +
  'I logged every failed scan for a week and found that the Wi-Fi dropped near the cold-storage doors. ' +
  'I moved two access points and wrote a retry queue for the scanners. ' +
  'As a result, lost orders fell from 40 a day to none. I learned to measure before guessing.';

const XSS_ANSWER =
  'I fixed a bug where <img src=x onerror="window.__xss=1"> broke the page, and <script>window.__xss=2</script> ran. ' +
  'As a result, we cut errors by 30 percent.';

let harness: Harness;
let page: Page;
const externalRequests: string[] = [];
const pageProblems: string[] = [];

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.firstPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(harness.server.url) && !request.url().startsWith('blob:')) externalRequests.push(request.url());
  });
  // A failed upload shows its error in the page; the browser also logs the 400 response, which is expected.
  // So does a request the server-down test refuses on purpose.
  watchPageProblems(page, pageProblems, /status of 400|net::ERR_CONNECTION_REFUSED/);
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

async function openAnalyze(): Promise<void> {
  // A fresh document each time: going to the same URL with a hash would keep the old page's state.
  await page.goto('about:blank');
  await page.goto(`${harness.server.url}#/analyze`);
  await page.getByLabel('Question', { exact: true }).waitFor();
  // And an empty draft: the page keeps what the test before typed.
  await page.evaluate(() => localStorage.removeItem('starl.draft.analyze'));
  await page.reload();
  await page.getByLabel('Question', { exact: true }).waitFor();
}

const evidenceText = (): Promise<string> => evidenceTextOf(page);

/** Saves the page, cut at `maxHeight` CSS pixels so long pages stay readable in the README. */
async function screenshot(name: string, maxHeight = 2000): Promise<void> {
  if (!SCREENSHOTS) return;
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) } });
}

describe.skipIf(browserMissing)('Analyze page', () => {
  it('shows highlights and gauges while the candidate types, without a round trip', async () => {
    await openAnalyze();
    // The page asks for the saved companies as it opens; only what typing asks for counts here.
    await page.waitForLoadState('networkidle');
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/')) apiCalls.push(request.url());
    });
    await page.getByLabel('Question', { exact: true }).fill(STORY_QUESTION);
    const answerBox = page.getByLabel('Your answer');
    await answerBox.pressSequentially(STORY.slice(0, 80));
    await expect.poll(evidenceText).toBe(STORY.slice(0, 80));
    // The rest arrives in one paste, as candidates often do; the evidence follows it exactly.
    await answerBox.fill(STORY);
    await expect.poll(evidenceText).toBe(STORY);
    expect(await page.locator('.gauge').count()).toBe(4);
    expect(await page.locator('.evidence mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.evidence .star-tag').count()).toBeGreaterThan(0);
    expect(apiCalls).toEqual([]);
    await screenshot('analyze');
  });

  it('keeps script and HTML in an answer and a company name inert', async () => {
    await openAnalyze();
    await page.getByLabel('Question', { exact: true }).fill('Tell me about a time you fixed a bug.');
    await page.getByText('Company (optional)').click();
    await page.getByLabel('Company name').fill('<b id="injected">Evil</b><script>window.__xss=3</script>');
    await page.getByLabel('Your answer').fill(XSS_ANSWER);
    await expect.poll(evidenceText).toBe(XSS_ANSWER);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('.report img, .report script, #injected').count()).toBe(0);
  });

  it('exports the report as a standalone HTML page with the answer escaped', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as HTML' }).click();
    const download = await downloading;
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toMatch(/^<!doctype html>/);
    // Open the exported page as a reader would: the payload must show as text and never run.
    const viewer = await harness.browser.newPage();
    try {
      await viewer.setContent(exported);
      const parsed = await viewer.evaluate(() => {
        document.querySelectorAll('.star-tag, .mark-insertion').forEach((node) => node.remove());
        return {
          evidence: document.querySelector('.evidence')?.textContent,
          elements: document.querySelectorAll('script, img, #injected').length,
          gauges: document.querySelectorAll('.gauge').length,
          ran: (window as { __xss?: number }).__xss ?? null,
        };
      });
      expect(parsed).toEqual({ evidence: XSS_ANSWER, elements: 0, gauges: 4, ran: null });
    } finally {
      await viewer.close();
    }
  });

  it('is usable from the keyboard alone', async () => {
    await openAnalyze();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
    await page.keyboard.type('Why do you want this job?');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer');
  });

  it('reflows without horizontal scrolling at 200% zoom', async () => {
    // 200% zoom on a 1280-pixel window leaves 640 CSS pixels of width.
    await page.setViewportSize({ width: 640, height: 900 });
    await openAnalyze();
    await page.getByRole('button', { name: 'Try an example' }).click();
    await page.locator('.evidence').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot('analyze-zoom-200');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe.skipIf(browserMissing)('Analyze drafts', () => {
  it('keeps the question, answer and company across another page, Back and a reload, until Clear', async () => {
    await openAnalyze();
    // A draft left by an earlier test is cleared; with none, Clear is disabled and there is nothing to do.
    const clear = page.getByRole('button', { name: 'Clear' });
    if (await clear.isEnabled()) await clear.click();
    await page.getByLabel('Question', { exact: true }).fill(STORY_QUESTION);
    await page.getByLabel('Your answer').fill('First line of my answer.\nSecond line.');
    await page.getByText('Company (optional)').click();
    await page.getByLabel('Company name').fill('Fernway');
    await page.getByRole('link', { name: 'Stories' }).click();
    await page.locator('#stories-title').waitFor();
    await page.goBack();
    await page.getByLabel('Question', { exact: true }).waitFor();
    expect(await page.getByLabel('Your answer').inputValue()).toBe('First line of my answer.\nSecond line.');
    await page.reload();
    await page.getByLabel('Question', { exact: true }).waitFor();
    expect(await page.getByLabel('Question', { exact: true }).inputValue()).toBe(STORY_QUESTION);
    expect(await page.getByLabel('Company name').inputValue()).toBe('Fernway');
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.reload();
    await page.getByLabel('Question', { exact: true }).waitFor();
    expect(await page.getByLabel('Your answer').inputValue()).toBe('');
  });
});

describe.skipIf(browserMissing)('Practice page', () => {
  it('runs a full mock interview: live feedback while typing, saved answers, the follow-up, a retry', async () => {
    await page.goto('about:blank');
    await page.goto(`${harness.server.url}#/practice`);
    await page.getByLabel('Questions', { exact: true }).selectOption('behavioral');
    await page.getByLabel('How many questions').selectOption('2');
    await page.getByRole('button', { name: 'Start' }).click();
    for (let round = 0; round < 2; round++) {
      await page.locator('.round-question').waitFor();
      expect(await page.locator('.round-count').textContent()).toContain(`Question ${round + 1} of 2`);
      await page.getByLabel('Your answer').pressSequentially('I always work hard ');
      await page.locator('.live .gauges').waitFor();
      if (round === 0) {
        // A generic answer draws the interviewer's follow-up, answered in its own box and judged with the first.
        await page.getByLabel('Your answer').fill('I always work hard and stay calm under pressure.');
        await page.getByRole('button', { name: 'Submit answer' }).click();
        await page.locator('#answer-follow-up').waitFor();
        expect(await page.locator('.timer-row label', { hasText: 'The interviewer follows up' }).count()).toBe(1);
        await page.locator('#answer-follow-up').fill(STORY);
        await page.getByRole('button', { name: 'Submit answer' }).click();
        await expect.poll(() => page.locator('.saved-answer').count()).toBe(2);
        await screenshot('practice');
        await page.getByRole('button', { name: 'Retry this question' }).click();
      }
      await page.getByLabel('Your answer').fill(STORY);
      if (round === 1) await screenshot('practice-live');
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await expect.poll(() => page.locator('.saved-answer h3').first().textContent()).toContain(round === 0 ? 'Attempt 2' : 'Attempt 1');
      await page.getByRole('button', { name: round === 0 ? 'Next question' : 'Finish' }).click();
    }
    await page.locator('#summary-title').waitFor();
    expect(await page.locator('#summary-title').textContent()).toMatch(/finished: 2 of 2 questions answered/);
    const progress = (await (await fetch(`${harness.server.url}api/progress`)).json()) as { judged: { origin: string }[] };
    // Two attempts and a follow-up for the first question, one answer for the second.
    expect(progress.judged.filter((answer) => answer.origin === 'practice')).toHaveLength(4);
  });
});

const EVIL_INTERVIEWER = '<img src=x onerror="window.__xss=5">';
const EVIL_CANDIDATE = '<script>window.__xss=6</script>Lena';
const EVIL_TRANSCRIPT = [
  `${EVIL_INTERVIEWER}  0:01`,
  'Hi, how was the drive in?',
  '',
  `${EVIL_CANDIDATE}  0:05`,
  'Great, thanks! I listened to your podcast episode on warehouse robotics on the way.',
  '',
  `${EVIL_INTERVIEWER}  0:12`,
  'Tell me about a time you solved a hard problem.',
  '',
  `${EVIL_CANDIDATE}  0:16`,
  'At my last job our scanners dropped orders. I logged every failed scan and moved two access points. As a result, lost orders fell from 40 a day to none.',
  '',
].join('\n');

describe.skipIf(browserMissing)('Review page', () => {
  async function upload(name: string, content: string | Buffer): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${harness.server.url}#/review`);
    await page.getByLabel('Transcript file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(content) });
    await page.getByRole('button', { name: 'Review' }).click();
  }

  it('reviews an uploaded transcript pair by pair with the main reason on top', async () => {
    await upload('zoom-backend-engineer.vtt', readFileSync('test/fixtures/transcripts/zoom-backend-engineer.vtt'));
    await page.locator('.main-reason').waitFor();
    expect(await page.locator('.main-reason h3').textContent()).toMatch(/^(Main reason: |No reason)/);
    expect(await page.locator('.pair').count()).toBeGreaterThan(2);
    expect(await page.locator('.pair .gauges').count()).toBeGreaterThan(0);
    expect(await page.locator('.review-meta').textContent()).toContain('Jordan Kim');
    await screenshot('review', 1400);
  });

  it('shows the main reason with its count, the runner-up, how it is chosen and the drill to practise', async () => {
    await upload('zoom-backend-engineer.vtt', readFileSync('test/fixtures/transcripts/zoom-backend-engineer.vtt'));
    await page.locator('.main-reason').waitFor();
    expect(await page.locator('.main-count').textContent()).toMatch(/\d+ of \d+ answers? missed/);
    expect(await page.locator('.runner-up').textContent()).toMatch(/^Runner-up: /);
    expect(await page.locator('.main-reason .definition').textContent()).toContain('highest share of misses');
    expect(await page.locator('.practice code').textContent()).toMatch(/^starl practice --only \w+/);
  });

  it('asks who the candidate is when unsure, and reviews again as the speaker picked', async () => {
    const bothAsk = ['Ann: How was your week?', 'Bo: Good. And yours?', 'Ann: Busy. Tell me about your last project?', 'Bo: I built a billing export. What are you working on?', 'Ann: A new checkout. Why did you choose it?', 'Bo: It was the biggest gap. Do you enjoy it?'].join('\n');
    await upload('chat-notes.txt', bothAsk);
    const unsure = page.locator('.candidate-unsure');
    await unsure.waitFor();
    expect(await unsure.textContent()).toContain('Starl is not sure who you are');
    const first = (await page.locator('.review-meta .speaker').first().textContent()) ?? '';
    const other = first === 'Ann' ? 'Bo' : 'Ann';
    await page.getByLabel('Which speaker are you?').selectOption(other);
    await page.getByRole('button', { name: 'Review again as this speaker' }).click();
    await page.locator('.candidate-pick:not(.candidate-unsure)').waitFor();
    expect(await page.locator('.review-meta .speaker').first().textContent()).toBe(other);
    expect(await page.locator('.candidate-pick').textContent()).toContain('you named the candidate');
  });

  it('shows a transcript it cannot read as a message naming the file', async () => {
    await upload('empty-notes.txt', 'nothing here that looks like an interview');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('empty-notes.txt');
  });

  it('keeps script and HTML in speaker names inert', async () => {
    await upload('otter-evil.txt', EVIL_TRANSCRIPT);
    await page.locator('.review-meta').waitFor();
    expect(await page.locator('.review-meta').textContent()).toContain(EVIL_CANDIDATE);
    expect(await page.locator('.review-meta').textContent()).toContain(EVIL_INTERVIEWER);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('.review-result img, .review-result script').count()).toBe(0);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as HTML' }).click();
    const exported = readFileSync((await (await downloading).path())!, 'utf8');
    expect(exported).not.toContain(EVIL_INTERVIEWER);
    expect(exported).not.toContain('<script>window.__xss');
  });
});

describe.skipIf(browserMissing)('Companies page', () => {
  const EVIL_COMPANY = '<img src=x onerror="window.__xss=7">Acme';

  it('keeps the homework notebook: posting terms, facts, checklist, questions to ask; names stay inert', async () => {
    await page.goto('about:blank');
    await page.goto(`${harness.server.url}#/companies`);
    await page.getByLabel('Name', { exact: true }).fill(EVIL_COMPANY);
    await page.getByLabel('Competitors, separated by commas').fill('Parcelly');
    await page.getByLabel('Job posting or company page (text or HTML)').fill(
      'Data Analyst on the routing platform team. You will build Looker dashboards for our same-day delivery network and forecast parcel volumes.',
    );
    await page.getByRole('button', { name: 'Save company' }).click();
    await page.locator('#notebook-title').waitFor();
    expect(await page.locator('#notebook-title').textContent()).toBe(EVIL_COMPANY);
    expect(await page.locator('.notebook .chips li').count()).toBeGreaterThan(0);
    await page.getByLabel('Kind of fact').selectOption('news');
    await page.getByLabel('Fact', { exact: true }).fill('Acme opened a hub in Leeds in March');
    await page.getByRole('button', { name: 'Add fact' }).click();
    await page.locator('.questions-to-ask li').first().waitFor();
    expect(await page.locator('.questions-to-ask').textContent()).toContain('Leeds');
    expect(await page.locator('.checklist li.done').count()).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('.companies img').count()).toBe(0);
    await screenshot('companies');
  });
});

describe.skipIf(browserMissing)('Stories page', () => {
  it('labels a saved story\'s STAR(L) parts and shows which stories fit a question', async () => {
    await page.goto('about:blank');
    await page.goto(`${harness.server.url}#/stories`);
    await page.getByLabel('Title').fill('The scanner outage');
    await page.getByLabel('Competencies it shows, separated by commas').fill('problem solving, ownership');
    await page.getByLabel('The story').fill(STORY);
    await page.getByRole('button', { name: 'Save story' }).click();
    await page.locator('.story').first().waitFor();
    expect(await page.locator('.story .star-tag').allTextContents()).toEqual(expect.arrayContaining(['S', 'A', 'R']));
    await page.getByLabel('Which stories fit this question?').fill('Tell me about a time the warehouse scanners failed.');
    await page.getByRole('button', { name: 'Find fitting stories' }).click();
    await page.locator('.story.fits').waitFor();
    expect(await page.locator('.fit-badge').textContent()).toContain('scanners');
    await screenshot('stories');
  });
});

describe.skipIf(browserMissing)('Progress page', () => {
  it('charts the reviewed answers per reason and leads to the answers behind a point', async () => {
    await page.goto('about:blank');
    await page.goto(`${harness.server.url}#/progress`);
    await page.locator('.progress-chart canvas').waitFor();
    expect(await page.locator('.progress h3').first().textContent()).toMatch(/^Weakest now: /);
    // uPlot draws on a canvas: a chart that rendered has pixels that are not blank.
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector('.progress-chart canvas') as HTMLCanvasElement;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return pixels.some((value, index) => index % 4 === 3 && value > 0);
    });
    expect(inked).toBe(true);
    const all = await page.locator('.judged li').count();
    expect(all).toBeGreaterThan(2);
    await screenshot('progress');
    await page.getByText('The chart as a table').click();
    await page.locator('.series-table tbody button').first().click();
    expect(await page.locator('.progress h3', { hasText: /^Answers on / }).count()).toBe(1);
    const question = await page.locator('.judged-question').first().textContent();
    await page.getByRole('button', { name: 'Open in Analyze' }).first().click();
    await page.getByLabel('Question', { exact: true }).waitFor();
    expect(await page.getByLabel('Question', { exact: true }).inputValue()).toBe(question);
  });
});

/** A story pasted as several lines, the way candidates paste from their notes. */
const PASTED = STORY.split('. ').join('.\n');

/** Answers the follow-up when the interviewer asks one, then waits for the button that moves on. */
async function finishRound(next: 'Next question' | 'Finish'): Promise<void> {
  const moveOn = page.getByRole('button', { name: next });
  const followUp = page.locator('#answer-follow-up');
  await expect.poll(async () => (await moveOn.count()) + (await followUp.count())).toBeGreaterThan(0);
  if ((await followUp.count()) > 0) {
    // Focus has moved into the follow-up's box, which is the new question.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('answer-follow-up');
    await page.keyboard.insertText('I learned to measure first.\nSince then I log before I change anything.');
    await page.keyboard.press('Control+Enter');
    await moveOn.waitFor();
  }
}

/** The accessible names of the elements a selector finds, as Chromium computes them. */
async function accessibleNames(selector: string): Promise<string[]> {
  const names: string[] = [];
  for (const element of await page.locator(selector).all()) names.push((await element.getAttribute('aria-label')) ?? (await element.textContent()) ?? '');
  return names;
}

describe.skipIf(browserMissing)('the whole loop, as a new user walks it', () => {
  it('adds a company, practises with a pasted answer, survives a reload, finishes, drills, edits a story and exports', { timeout: 120_000 }, async () => {
    const api = async <T>(path: string): Promise<T> => (await (await fetch(`${harness.server.url}${path.slice(1)}`)).json()) as T;
    await page.goto('about:blank');
    await page.goto(`${harness.server.url}#/companies`);
    await page.getByLabel('Name', { exact: true }).fill('Fernway');
    await page.getByLabel('Job posting or company page (text or HTML)').fill('Data Analyst on the routing platform team, building Looker dashboards for same-day delivery.');
    await page.getByRole('button', { name: 'Save company' }).click();
    await page.locator('#notebook-title', { hasText: 'Fernway' }).waitFor();

    await page.goto(`${harness.server.url}#/practice`);
    await page.getByLabel('Company (answers are judged with its posting and facts)').selectOption('Fernway');
    await page.getByLabel('Questions', { exact: true }).selectOption('');
    await page.getByLabel('How many questions').selectOption('3');
    // Start moves focus to the first question, and the live region says it.
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('.round-question').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('round-question');
    const firstQuestion = (await page.locator('.round-question').textContent())!;
    await expect.poll(() => page.locator('[aria-live="polite"].visually-hidden').textContent()).toBe(`Question 1 of 3: ${firstQuestion}`);

    // A multi-line paste is kept whole, and a reload mid-answer returns to the same question with the draft.
    await page.getByLabel('Your answer').focus();
    await page.keyboard.insertText(PASTED);
    await page.locator('.live .gauges').waitFor();
    await page.reload();
    await page.locator('.round-question').waitFor();
    expect(await page.locator('.round-question').textContent()).toBe(firstQuestion);
    expect(await page.getByLabel('Your answer').inputValue()).toBe(PASTED);

    // A double-click on Submit saves the answer once.
    await page.getByRole('button', { name: 'Submit answer' }).dblclick();
    await finishRound('Next question');
    const sessionId = Number((await page.locator('#practice-title').textContent())!.match(/#(\d+)/)![1]);
    const detail = await api<{ answers: { position: number; answer: string; followUpOf: number | null }[] }>(`/api/sessions/${sessionId}`);
    expect(detail.answers.filter((a) => a.position === 0 && a.followUpOf === null).map((a) => a.answer)).toEqual([PASTED]);

    for (const [index, next] of [[1, 'Next question'], [2, 'Finish']] as const) {
      await page.getByRole('button', { name: 'Next question' }).click();
      await page.locator('.round-count', { hasText: `Question ${index + 1} of 3` }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('round-question');
      await page.getByLabel('Your answer').focus();
      await page.keyboard.insertText(PASTED);
      // Ctrl+Enter submits from the answer box.
      await page.keyboard.press('Control+Enter');
      await finishRound(next);
    }
    await page.getByRole('button', { name: 'Finish' }).click();

    // The summary teaches: verdicts per reason, the weakest reason with its answers, times, the full report, a drill.
    const summary = page.locator('.summary');
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('summary-title');
    expect(await summary.locator('.summary-verdicts tbody tr').count()).toBe(4);
    expect(await summary.locator('.summary-times li').count()).toBe(3);
    const html = await page.getByRole('link', { name: 'download as HTML' }).getAttribute('href');
    expect(await (await fetch(`${harness.server.url}${html!.slice(1)}`)).text()).toMatch(new RegExp(`^<!doctype html>[^]*Mock interview #${sessionId}`));
    const markdown = page.waitForEvent('download');
    await page.getByRole('link', { name: 'download as Markdown' }).click();
    expect(readFileSync((await (await markdown).path())!, 'utf8')).toMatch(/^# Mock interview #\d+/);
    const drill = page.getByRole('button', { name: /^Drill / });
    if ((await drill.count()) > 0) {
      await drill.click();
      await page.locator('#practice-title', { hasText: /^Drill #/ }).waitFor();
      expect(await page.locator('.round-count').textContent()).toContain('Question 1 of 3');
    } else {
      // Every reason passed: nothing to drill, and the summary says so.
      expect(await summary.textContent()).toContain('Every reason passed');
    }

    // A story saved, then edited.
    await page.goto(`${harness.server.url}#/stories`);
    await page.getByLabel('Title', { exact: true }).fill('Scanners at the depot');
    await page.getByLabel('The story', { exact: true }).fill(STORY);
    await page.getByRole('button', { name: 'Save story' }).click();
    await page.getByRole('button', { name: 'Edit the story "Scanners at the depot"' }).click();
    await page.locator('#story-title-' + (await api<{ stories: { id: number; title: string }[] }>('/api/stories')).stories.find((st) => st.title === 'Scanners at the depot')!.id).fill('The depot scanner outage');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.story h3', { hasText: 'The depot scanner outage' }).waitFor();

    // Everything exports as one file, with what the walk made.
    await page.goto(`${harness.server.url}#/data`);
    const exported = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download all your data (JSON)' }).click();
    const data = JSON.parse(readFileSync((await (await exported).path())!, 'utf8')) as { format: string; companies: { name: string }[]; stories: { title: string }[]; sessions: { id: number }[] };
    expect(data.format).toBe('starl-export');
    expect(data.companies.map((c) => c.name)).toContain('Fernway');
    expect(data.stories.map((st) => st.title)).toContain('The depot scanner outage');
    expect(data.sessions.map((se) => se.id)).toContain(sessionId);
    // The same file imports back: everything in it is already here, so nothing is added twice.
    await page.getByLabel('A file written by Export').setInputFiles((await (await exported).path())!);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Imported nothing; already here: \d+ companies, /);
  });

  it('says the server cannot be reached instead of "No companies yet", keeps what was typed, and clears the banner on the next success', async () => {
    await page.goto('about:blank');
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    try {
      await page.goto(`${harness.server.url}#/stories`);
      const banner = page.locator('.offline');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('cannot be reached');
      expect(await page.getByText('No stories yet.').count()).toBe(0);
      await page.getByLabel('Title', { exact: true }).fill('Offline story');
      await page.getByLabel('The story', { exact: true }).fill(STORY);
      await page.getByRole('button', { name: 'Save story' }).click();
      await page.locator('.story-form .error').waitFor();
      expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Offline story');
    } finally {
      await page.unroute('**/api/**');
    }
    await page.getByRole('button', { name: 'Save story' }).click();
    await page.locator('.story h3', { hasText: 'Offline story' }).waitFor();
    expect(await page.locator('.offline').count()).toBe(0);
    expect(await page.locator('.story-form .error').count()).toBe(0);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('');
  });

  it('keeps the next story typed while a slow save finishes, and saves a double-clicked story once', async () => {
    await page.goto('about:blank');
    await page.goto(`${harness.server.url}#/stories`);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const posts: string[] = [];
    await page.route('**/api/stories', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts.push(route.request().postData() ?? '');
      await held;
      await route.continue();
    });
    try {
      await page.getByLabel('Title', { exact: true }).fill('Slow save');
      await page.getByLabel('The story', { exact: true }).fill(STORY);
      await page.getByRole('button', { name: 'Save story' }).dblclick();
      await page.getByRole('button', { name: 'Saving…' }).waitFor();
      expect(await page.getByRole('button', { name: 'Saving…' }).isDisabled()).toBe(true);
      // The next story is typed while the first is still saving.
      await page.getByLabel('Title', { exact: true }).fill('Typed meanwhile');
      release();
      await page.locator('.story h3', { hasText: 'Slow save' }).waitFor();
      expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Typed meanwhile');
      expect(posts).toHaveLength(1);
    } finally {
      await page.unroute('**/api/stories');
    }
  });

  it('shows a validation problem in words', async () => {
    await page.goto('about:blank');
    await page.goto(`${harness.server.url}#/companies`);
    await page.getByLabel('Name', { exact: true }).fill('x'.repeat(201));
    await page.getByRole('button', { name: 'Save company' }).click();
    await page.locator('.company-form .error').waitFor();
    expect(await page.locator('.company-form .error').textContent()).toBe('The company name is at most 200 characters.');
  });

  it('gives repeated buttons names that say what they open, and a focus ring that shows on the header', async () => {
    await page.goto('about:blank');
    await page.goto(`${harness.server.url}#/progress`);
    await page.locator('.judged li').first().waitFor();
    const names = await accessibleNames('.judged button:text("Open in Analyze")');
    expect(names.length).toBeGreaterThan(1);
    expect(names.every((name) => name.startsWith('Open in Analyze: '))).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.top') !== null)).toBe(true);
    const contrast = await page.evaluate(() => {
      const luminance = (colour: string): number => {
        const [r, g, b] = colour.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const ring = luminance(getComputedStyle(document.activeElement!).outlineColor);
      const header = luminance(getComputedStyle(document.querySelector('.top')!).backgroundColor);
      return (Math.max(ring, header) + 0.05) / (Math.min(ring, header) + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(3);

    // An answer from a session for Fernway opens in Analyze judged with Fernway again.
    await page.evaluate(() => localStorage.removeItem('starl.draft.analyze'));
    await page.locator('.judged button:text("Open in Analyze")').first().click();
    await page.getByLabel('Question', { exact: true }).waitFor();
    await expect.poll(() => page.getByLabel('Company name').inputValue()).toBe('Fernway');
  });

  it('edits a practice answer from Progress, judging it again, and deletes it after asking', async () => {
    await page.goto('about:blank');
    await page.goto(`${harness.server.url}#/progress`);
    const first = page.locator('.judged li', { has: page.getByRole('button', { name: /^Edit the answer to: / }) }).first();
    await first.waitFor();
    const before = await page.locator('.judged li').count();
    await first.getByRole('button', { name: /^Edit the answer to: / }).click();
    await first.getByLabel('Your answer (judged again when saved)').fill(STORY);
    await first.getByRole('button', { name: 'Save answer' }).click();
    await page.locator('.answer-edit').waitFor({ state: 'detached' });
    page.once('dialog', (dialog) => void dialog.accept());
    await first.getByRole('button', { name: /^Delete the answer to: / }).click();
    await expect.poll(() => page.locator('.judged li').count()).toBeLessThan(before);
  });

  it('works on a phone: the live report is reachable while typing, the notebook opens in view, selects show their whole text', { timeout: 60_000 }, async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto('about:blank');
      // Start afresh rather than back in the drill the walk left open.
      await page.goto(`${harness.server.url}#/analyze`);
      await page.evaluate(() => localStorage.removeItem('starl.draft.practice.current'));
      await page.goto(`${harness.server.url}#/practice`);
      await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
      const truncated = await page.evaluate(() => {
        const context = document.createElement('canvas').getContext('2d')!;
        // Starl's own choices; a company's name is the user's and may be as long as they like.
        return Array.from(document.querySelectorAll('select:not(#practice-company)') as NodeListOf<HTMLSelectElement>).flatMap((select) => {
          const style = getComputedStyle(select);
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          // The arrow and the padding take about 2.5rem of the box.
          const room = select.clientWidth - 40;
          return Array.from(select.options).filter((option) => context.measureText(option.text).width > room).map((option) => option.text);
        });
      });
      expect(truncated).toEqual([]);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.getByLabel('Your answer').focus();
      await page.keyboard.insertText(PASTED);
      await page.getByRole('button', { name: 'See the live report' }).click();
      const inView = (selector: string) =>
        page.evaluate((sel) => {
          const box = document.querySelector(sel)!.getBoundingClientRect();
          return box.bottom > 0 && box.top < innerHeight;
        }, selector);
      await expect.poll(() => inView('.live')).toBe(true);

      await page.goto(`${harness.server.url}#/companies`);
      await page.getByRole('button', { name: 'Fernway' }).click();
      await page.locator('#notebook-title').waitFor();
      await expect.poll(() => inView('#notebook-title')).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe.skipIf(browserMissing)('every page', () => {
  it('reflows without horizontal scrolling at 200% zoom and has a label for every field', async () => {
    await page.setViewportSize({ width: 640, height: 900 });
    try {
      for (const route of ['practice', 'analyze', 'review', 'companies', 'stories', 'progress', 'data']) {
        await page.goto('about:blank');
        await page.goto(`${harness.server.url}#/${route}`);
        await page.locator('main h2').first().waitFor();
        const layout = await page.evaluate(() => ({
          fits: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
          // Every input, select and textarea is named by a <label> (or an aria-label), never by placeholder alone.
          unlabelled: Array.from(document.querySelectorAll('main input, main select, main textarea'))
            .filter((field) => (field as HTMLInputElement).labels?.length === 0 && !field.getAttribute('aria-label'))
            .map((field) => field.outerHTML.slice(0, 80)),
        }));
        expect({ route, ...layout }).toEqual({ route, fits: true, unlabelled: [] });
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe.skipIf(browserMissing)('safety', () => {
  it('loads nothing from outside the local server', () => {
    expect(externalRequests).toEqual([]);
  });

  it('ran every page without script errors or content-security-policy violations', () => {
    expect(pageProblems).toEqual([]);
  });

  it('answers the page with a content security policy of its own origin only', async () => {
    const response = await page.goto(harness.server.url);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses a form posted into the API from a page on another origin', async () => {
    // The classic cross-site request forgery: a page elsewhere submits a form to the local server.
    const form = `<!doctype html><form method="post" enctype="text/plain" action="${harness.server.url}api/analyze"><input name="question" value="x"><button>go</button></form>`;
    const elsewhere = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(form));
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`);
      const [response] = await Promise.all([page.waitForNavigation(), page.click('button')]);
      expect(response?.status()).toBe(403);
      expect(await page.textContent('body')).toContain('E_FORBIDDEN_ORIGIN');
    } finally {
      elsewhere.close();
    }
  });
});
