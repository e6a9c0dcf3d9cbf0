import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { analyze } from '../../src/core/analyze.js';
import { measureDelivery, timePerStarPart, type AnswerDelivery } from '../../src/delivery/index.js';
import { join, RATE, silence, tone } from '../support/audio.js';
import { browserMissing, startHarness, watchPageProblems } from './harness.js';
import type { Harness } from './harness.js';

const STORY =
  'At my last job we had a warehouse scanner system that kept dropping orders. My task was to find out why before the holiday rush. ' +
  'I logged every failed scan for a week and found that the Wi-Fi dropped near the cold-storage doors. ' +
  'I moved two access points and wrote a retry queue for the scanners. ' +
  'As a result, lost orders fell from 40 a day to none. I learned to measure before guessing.';

/**
 * A recorded telling of the story: 43 s of 1.5 s phrases with half-second pauses and one 4-second
 * silence, its words spread over the speech, the scene and task told slowly (their 25 words take 25 s of 40).
 */
function recorded(question: string): AnswerDelivery {
  const phrases = Array.from({ length: 20 }, (_, i) => [tone(1.5, { syllables: 4 }), silence(i === 7 ? 4 : 0.5)]).flat();
  const audio = join(silence(0.5), ...phrases, silence(0.5));
  const said = STORY.split(' ');
  const at = (i: number) => 0.5 + (i < 25 ? i : 25 + ((i - 25) * 15) / (said.length - 25));
  const words = said.map((word, i) => ({ word, start: at(i), end: at(i + 1) }));
  const report = analyze({ question, answer: STORY });
  return { measures: measureDelivery(audio, RATE, { text: STORY, words }), starParts: timePerStarPart(report.sentences, words) };
}

let harness: Harness;
let page: Page;
const pageProblems: string[] = [];
const api = async <T>(path: string, body: unknown): Promise<T> =>
  (await (await fetch(`${harness.server.url}${path.slice(1)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as T;

beforeAll(async () => {
  if (browserMissing) return;
  harness = await startHarness();
  page = await harness.firstPage();
  watchPageProblems(page, pageProblems);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe.skipIf(browserMissing)('delivery in the web app', () => {
  it('shows how a recorded answer was delivered beside its verdicts, and charts it in Progress', { timeout: 90_000 }, async () => {
    const session = await api<{ id: number; questions: { text: string }[] }>('/api/sessions', { only: 'behavioral', count: 1, seed: 7 });
    const delivery = recorded(session.questions[0]!.text);
    const saved = await api<{ id: number; delivery: AnswerDelivery }>(`/api/sessions/${session.id}/answers`, { position: 0, answer: STORY, seconds: 42, delivery });
    expect(saved.delivery).toEqual(delivery);

    // Practice picks up where the candidate was: the question with its saved, recorded answer.
    await page.goto(`${harness.server.url}#/practice`);
    await page.evaluate((id) => localStorage.setItem('starl.draft.practice.current', JSON.stringify({ sessionId: String(id), position: '0' })), session.id);
    await page.reload();
    const panel = page.locator('.saved-answer .delivery');
    await panel.waitFor();
    const row = (measure: string) => panel.locator(`tr[data-measure="${measure}"]`);
    expect(await row('pace').locator('td').first().textContent()).toBe(`${Math.round(delivery.measures.wordsPerMinute!)} words a minute`);
    expect(await row('pace').locator('td').last().textContent()).toMatch(/^120–160 ✗ out of range$/);
    expect(await row('length').locator('td').last().textContent()).toBe('1:30–2:00 ✗ out of range');
    expect(await row('pauses').locator('td').first().textContent()).toMatch(/^19 pauses, [\d.]+ a minute; longest 4\.0 s$/);
    expect(await row('pauses').getAttribute('class')).toBe('out-of-range');
    expect(await panel.locator('.star-time figcaption').textContent()).toMatch(/^Time per STAR\(L\) part: Situation 14 s · Task 11 s · Action \d+ s/);
    const advice = await panel.locator('.delivery-advice .finding-message').allTextContents();
    expect(advice).toContain('Your longest pause was 4.0 seconds; past 3 it sounds like a lost thread.');
    expect(advice.some((message) => /^You spent \d+ seconds setting the scene, \d+% of the story\.$/.test(message))).toBe(true);
    // Beside the four reasons: after the verdicts, before the evidence.
    expect(await page.locator('.saved-answer > .gauges + .delivery + .evidence').count()).toBe(1);

    await page.goto(`${harness.server.url}#/progress`);
    const section = page.locator('.delivery-progress');
    await section.locator('.delivery-chart canvas').first().waitFor();
    expect(await section.locator('.delivery-chart figcaption').allTextContents()).toEqual(['Pace', 'Pauses', 'Fillers']);
    const inked = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.delivery-chart canvas')).map((canvas) => {
        const c = canvas as HTMLCanvasElement;
        return c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((value, index) => index % 4 === 3 && value > 0);
      }),
    );
    expect(inked).toEqual([true, true, true]);
    await section.getByText('The delivery charts as a table').click();
    const cells = await section.locator('.series-table tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['1', String(Math.round(delivery.measures.wordsPerMinute!))]);
    expect(pageProblems).toEqual([]);
  });
});
