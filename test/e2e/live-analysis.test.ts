import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evidenceTextOf } from './evidence.js';
import { browserMissing, startHarness } from './harness.js';
import type { Harness } from './harness.js';

const QUESTION = 'Tell me about a time you solved a difficult problem at work.';
const FIRST = 'Our scanners kept dropping orders. I moved two access points. Lost orders fell from 40 a day to none.';
const SECOND = 'Our month-end close took eight days. I built a matching script. The close came down to four days.';

/** What the page's analyzer worker has answered, and the answers held back from the page. */
interface Messages {
  held: number;
  delivered: number;
}

declare global {
  interface Window {
    analyzerMessages: { hold(on: boolean): void; release(order: 'oldest first' | 'newest first'): void; count(): Messages; fail(): void };
  }
}

let harness: Harness;
let page: Page;

const evidenceText = (): Promise<string> => evidenceTextOf(page);

const held = (): Promise<number> => page.evaluate(() => window.analyzerMessages.count().held);

async function openAnalyze(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${harness.server.url}#/analyze`);
  await page.getByLabel('Question', { exact: true }).fill(QUESTION);
}

describe.skipIf(browserMissing)('the analyzer worker', () => {
  beforeAll(async () => {
    harness = await startHarness();
    page = await harness.browser.newPage();
    // Wraps the page's Worker so the test decides when, and in which order, the analyzer's answers reach the page.
    await page.addInitScript(() => {
      const held: (() => void)[] = [];
      const failures: (() => void)[] = [];
      let holding = false;
      let delivered = 0;
      window.analyzerMessages = {
        hold: (on) => {
          holding = on;
        },
        release: (order) => {
          const waiting = held.splice(0);
          for (const deliver of order === 'oldest first' ? waiting : waiting.reverse()) deliver();
        },
        count: () => ({ held: held.length, delivered }),
        // The analyzer fails as a worker does that cannot load: an error event, and no answer.
        fail: () => {
          held.splice(0);
          for (const failure of failures.splice(0)) failure();
        },
      };
      const NativeWorker = window.Worker;
      window.Worker = class extends NativeWorker {
        override addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void {
          if (type === 'error') {
            failures.push(() => {
              const event = new ErrorEvent('error', { message: 'the analyzer could not load', cancelable: true });
              if (typeof listener === 'function') listener.call(this, event);
              else listener.handleEvent(event);
            });
          }
          if (type !== 'message') return super.addEventListener(type, listener, options);
          super.addEventListener(
            'message',
            (event) => {
              const deliver = (): void => {
                delivered++;
                if (typeof listener === 'function') listener.call(this, event);
                else listener.handleEvent(event);
              };
              if (holding) held.push(deliver);
              else deliver();
            },
            options,
          );
        }
      };
    });
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('gives the page its results, and the last result stays until the next arrives', async () => {
    await openAnalyze();
    await page.evaluate(() => window.analyzerMessages.hold(true));
    await page.getByLabel('Your answer').fill(FIRST);
    await expect.poll(held).toBe(1);
    // The analysis is done, but held back on its way from the worker: the page has nothing to show yet.
    expect(await page.locator('.evidence').count()).toBe(0);
    await page.evaluate(() => window.analyzerMessages.release('oldest first'));
    await expect.poll(evidenceText).toBe(FIRST);
    expect(await page.locator('.gauge').count()).toBe(4);

    await page.getByLabel('Your answer').fill(SECOND);
    await expect.poll(held).toBe(1);
    expect(await evidenceText()).toBe(FIRST);
    await page.evaluate(() => window.analyzerMessages.release('oldest first'));
    await expect.poll(evidenceText).toBe(SECOND);
  });

  it('never lets an older result replace a newer one', async () => {
    await openAnalyze();
    await page.evaluate(() => window.analyzerMessages.hold(true));
    await page.getByLabel('Your answer').fill(FIRST);
    await expect.poll(held).toBe(1);
    await page.getByLabel('Your answer').fill(SECOND);
    await expect.poll(held).toBe(2);
    // The newer result reaches the page first, then the older one.
    await page.evaluate(() => window.analyzerMessages.release('newest first'));
    expect(await page.evaluate(() => window.analyzerMessages.count())).toEqual({ held: 0, delivered: 2 });
    await expect.poll(evidenceText).toBe(SECOND);
    // Both have been delivered; one more frame, and the page still shows the newer one.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    expect(await evidenceText()).toBe(SECOND);
  });

  it('redraws only the sentences a new result changes, even when the others move', async () => {
    await openAnalyze();
    await page.evaluate(() => window.analyzerMessages.hold(false));
    await page.getByLabel('Your answer').fill(FIRST);
    await expect.poll(evidenceText).toBe(FIRST);
    const sentences = page.locator('.evidence .sentence');
    expect(await sentences.count()).toBe(3);
    await sentences.last().evaluate((element) => element.setAttribute('data-kept', 'yes'));
    // Words added to the first sentence move every later sentence's offsets.
    const changed = `Last winter our ${FIRST.slice(4)}`;
    await page.getByLabel('Your answer').fill(changed);
    await expect.poll(evidenceText).toBe(changed);
    expect(await sentences.last().getAttribute('data-kept')).toBe('yes');
  });

  it('says so when the analyzer fails, and starts it again on the next draft', async () => {
    await openAnalyze();
    await page.evaluate(() => window.analyzerMessages.hold(true));
    await page.getByLabel('Your answer').fill(FIRST);
    await expect.poll(held).toBe(1);
    await page.evaluate(() => window.analyzerMessages.fail());
    await expect.poll(() => page.locator('.result [role="alert"]').textContent()).toContain('could not run its analyzer');
    await page.evaluate(() => window.analyzerMessages.hold(false));
    await page.getByLabel('Your answer').fill(SECOND);
    await expect.poll(evidenceText).toBe(SECOND);
  });
});
