import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { countWords } from '../../src/core/text/sentences.js';
import { sniffRecordingType, webmDuration } from '../../src/recording/index.js';
import { browserMissing, startHarness, watchPageProblems } from './harness.js';
import type { Harness } from './harness.js';

const QUESTION_TYPE = 'behavioral';
const SPOKEN =
  'At my last job the warehouse scanners kept dropping orders. My task was to find out why before the holiday rush. ' +
  'I logged every failed scan for a week and moved two access points. As a result, lost orders fell from forty a day to none.';
/** What the candidate types after listening back, when nothing transcribed it. */
const TYPED =
  'At my last job our warehouse scanners kept dropping orders. My task was to find out why before the holiday rush. ' +
  'I logged every failed scan for a week and moved two access points. As a result, lost orders fell from 40 a day to none. I learned to measure first.';

/** Set STARL_SCREENSHOTS=1 to refresh docs/screenshots/practice-recording.png while the tests run. */
const SCREENSHOTS = process.env.STARL_SCREENSHOTS === '1';

const espeakMissing = spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status !== 0;
if (espeakMissing && !browserMissing) {
  // Without espeak-ng there is no spoken answer to feed the fake microphone; CI installs it (.ci/run).
  if (process.env.CI && !['false', '0'].includes(process.env.CI)) throw new Error('Recording tests cannot run in CI: espeak-ng was not found; install espeak-ng.');
  process.stderr.write('\nRecording tests skipped: espeak-ng was not found; to run them, install espeak-ng (Debian/Ubuntu: sudo apt-get install espeak-ng).\n\n');
}

let harness: Harness;
let speechDir: string;
const pageProblems: string[] = [];
const externalRequests: string[] = [];

beforeAll(async () => {
  if (browserMissing || espeakMissing) return;
  // A spoken answer from espeak-ng is what the fake microphone hears, over and over.
  speechDir = mkdtempSync(join(tmpdir(), 'starl-speech-'));
  const wav = join(speechDir, 'answer.wav');
  execFileSync('espeak-ng', ['-v', 'en', '-s', '150', '-w', wav, SPOKEN]);
  harness = await startHarness({
    browserArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`],
  });
}, 120_000);

afterAll(async () => {
  await harness?.close();
  if (speechDir) rmSync(speechDir, { recursive: true, force: true });
});

/** A new tab, watched for script errors and for any request that leaves the local server. */
async function newPage(setUp?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await harness.browser.newPage();
  watchPageProblems(page, pageProblems);
  page.on('request', (request) => {
    if (!request.url().startsWith(harness.server.url) && !/^(blob|data):/.test(request.url())) externalRequests.push(request.url());
  });
  await setUp?.(page);
  return page;
}

/** Starts a one-question drill on the Practice page, rather than return to the question another test left open. */
async function startDrill(page: Page): Promise<void> {
  await page.goto(`${harness.server.url}#/practice`);
  // Once the page has settled on where it was, forget that place.
  await page.locator('.round-question, form.start').first().waitFor();
  await page.evaluate(() => localStorage.removeItem('starl.draft.practice.current'));
  await page.reload();
  await page.getByLabel('Questions', { exact: true }).selectOption(QUESTION_TYPE);
  await page.getByLabel('How many questions').selectOption('1');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.locator('.round-question').waitFor();
}

/** Waits until the recording clock has run `seconds`, so there is speech in the recording. */
async function recordFor(page: Page, seconds: number): Promise<void> {
  await expect.poll(async () => Number((await page.locator('.recording-time').textContent())?.match(/^0:(\d\d)/)?.[1] ?? 0), { timeout: 30_000 }).toBeGreaterThanOrEqual(seconds);
}

/** The duration an <audio> element reports once it has read the recording's header. */
function durationOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate(async (audio: HTMLAudioElement) => {
    if (audio.readyState < 1) await new Promise((resolve) => audio.addEventListener('loadedmetadata', resolve, { once: true }));
    return audio.duration;
  });
}

/** Plays an <audio> element and says whether its time moved, i.e. the browser could decode and play it. */
function plays(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate(async (audio: HTMLAudioElement) => {
    audio.muted = true;
    await audio.play();
    await new Promise((resolve) => audio.addEventListener('timeupdate', resolve, { once: true }));
    audio.pause();
    return audio.currentTime > 0;
  });
}

describe.skipIf(browserMissing || espeakMissing)('answering out loud', () => {
  it('records from the microphone with a level meter and a clock, plays back, keeps the recording through a reload, and saves it with the answer', async () => {
    const page = await newPage();
    await startDrill(page);
    // This browser has no on-device speech recognition ready, and says so in one line.
    await expect.poll(() => page.locator('.speech-line').textContent()).toMatch(/type or correct your answer as you listen back/);

    // Alt+R starts recording from the answer box, and typing goes on while it records.
    await page.getByLabel('Your answer').click();
    await page.keyboard.press('Alt+R');
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    await page.keyboard.type('At my last job ');
    await expect.poll(() => page.locator('.level').evaluate((meter) => Number(getComputedStyle(meter).getPropertyValue('--level')))).toBeGreaterThan(0);
    await recordFor(page, 4);
    expect(await page.getByLabel('Your answer').inputValue()).toBe('At my last job ');
    await page.getByRole('button', { name: 'Stop recording' }).click();

    await page.locator('.recorder .playback audio').waitFor();
    const seconds = await durationOf(page, '.recorder .playback audio');
    // The recording states its length: the player shows it and can seek.
    expect(Number.isFinite(seconds) && seconds >= 4).toBe(true);
    expect(await plays(page, '.recorder .playback audio')).toBe(true);

    // Once stopped, the recording is measured in the page and its delivery shown beside the live verdicts.
    const live = page.locator('.live .delivery');
    await live.waitFor({ timeout: 30_000 });
    expect(await live.locator('tr[data-measure="syllables"] td').first().textContent()).toMatch(/^\d+: \d+\.\d a second, \d+\.\d while speaking$/);
    const syllables = Number((await live.locator('tr[data-measure="syllables"] td').first().textContent())!.split(':')[0]);
    expect(syllables).toBeGreaterThan(10);
    expect(await live.locator('tr[data-measure="pauses"] td').first().textContent()).toMatch(/^\d+ pauses?, \d+\.\d a minute; longest \d+\.\d s$/);
    // The delivery counts the words of the answer box: four typed so far.
    expect(await live.locator('tr[data-measure="pace"] td').first().textContent()).toMatch(/^\d+ words a minute$/);

    // Not yet saved, the recording is a draft: a reload keeps it, as it keeps the typed answer.
    await page.reload();
    await page.locator('.recorder .playback audio').waitFor();
    expect(await durationOf(page, '.recorder .playback audio')).toBeCloseTo(seconds, 1);

    await page.getByLabel('Your answer').fill(TYPED);
    await page.getByRole('button', { name: 'Submit answer' }).click();
    const saved = page.locator('.saved-answer .playback audio');
    await saved.waitFor();
    expect(await durationOf(page, '.saved-answer .playback audio')).toBeCloseTo(seconds, 1);
    expect(await plays(page, '.saved-answer .playback audio')).toBe(true);
    expect(await page.locator('.saved-answer .gauge').count()).toBeGreaterThan(0);

    // Saved with the answer in the database: after a reload the page plays it from there, and shows its delivery.
    await page.reload();
    await saved.waitFor();
    await page.locator('.saved-answer .delivery tr[data-measure="pauses"]').waitFor();
    const source = (await saved.getAttribute('src'))!;
    // The delivery was measured with the submitted answer's words, and Progress charts it.
    const sessionPath = source.replace(/\/answers\/.*$/, '');
    const detail = (await (await fetch(`${harness.server.url}${sessionPath.slice(1)}`)).json()) as { answers: { delivery: { measures: { words: number; syllables: number } } | null }[] };
    expect(detail.answers.at(-1)!.delivery?.measures.words).toBe(countWords(TYPED));
    expect(detail.answers.at(-1)!.delivery?.measures.syllables).toBe(syllables);
    const progress = (await (await fetch(`${harness.server.url}api/progress`)).json()) as { delivery: unknown[] };
    expect(progress.delivery.length).toBeGreaterThan(0);
    expect(source).toMatch(/^\/api\/sessions\/\d+\/answers\/\d+\/recording$/);
    const response = await fetch(`${harness.server.url}${source.slice(1)}`);
    expect(response.headers.get('content-type')).toMatch(/^audio\/webm/);
    const audio = new Uint8Array(await response.arrayBuffer());
    expect(sniffRecordingType(audio)).toBe('audio/webm');
    expect(webmDuration(audio)).toBeCloseTo(seconds, 1);
    // The draft went once the answer was saved.
    await page.getByRole('button', { name: 'Retry this question' }).click();
    await page.getByRole('button', { name: 'Record your answer' }).waitFor();
    expect(await page.locator('.recorder .playback').count()).toBe(0);
    await page.close();
  });

  it('fills the answer box as the on-device recognizer hears, and the answer is judged', async () => {
    const page = await newPage((p) => p.addInitScript(fakeOnDeviceRecognizer, SPOKEN));
    await startDrill(page);
    await expect.poll(() => page.locator('.speech-line').textContent()).toMatch(/turned into text on this device as you speak/);
    await page.getByRole('button', { name: 'Record your answer' }).click();
    await expect.poll(() => page.getByLabel('Your answer').inputValue(), { timeout: 20_000 }).toBe(SPOKEN);
    // Judged live while it is spoken, as when typed.
    await page.locator('.live .gauges').waitFor();
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.locator('.recorder .playback audio').waitFor();
    if (SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/practice-recording.png', fullPage: true });

    // The recognizer was told to keep the audio on this device, and heard the recording's own track.
    const asked = await page.evaluate(() => (window as unknown as { recognition: Record<string, unknown> }).recognition);
    expect(asked).toEqual({ available: { langs: ['en-US'], processLocally: true }, processLocally: true, continuous: true, interimResults: true, lang: 'en-US', track: 'audio' });

    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.locator('.saved-answer .playback audio').waitFor();
    expect(await page.locator('.saved-answer .gauge').count()).toBeGreaterThan(0);
    expect(await page.locator('.saved-answer .evidence').textContent()).toContain('lost orders fell from forty a day to none');

    // The recording can go on its own, after asking; the answer and its verdict stay.
    const source = (await page.locator('.saved-answer .playback audio').getAttribute('src'))!;
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete the recording' }).click();
    await page.locator('.saved-answer .playback').waitFor({ state: 'detached' });
    expect((await fetch(`${harness.server.url}${source.slice(1)}`)).status).toBe(404);
    expect(await page.locator('.saved-answer .gauge').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('says what the page heard on the Analyze page too, and plays the recording beside the report', async () => {
    const page = await newPage((p) => p.addInitScript(fakeOnDeviceRecognizer, SPOKEN));
    await page.goto(`${harness.server.url}#/analyze`);
    await page.getByLabel('Question', { exact: true }).fill('Tell me about a time you solved a problem at work.');
    await page.getByRole('button', { name: 'Record your answer' }).click();
    await expect.poll(() => page.getByLabel('Your answer').inputValue(), { timeout: 20_000 }).toBe(SPOKEN);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.locator('.recorder .playback audio').waitFor();
    await page.locator('.result .gauge').first().waitFor();
    expect(await page.locator('.result .gauge').count()).toBe(4);
    // The Delivery panel sits in the report, after the four reasons, measured with what was heard.
    await page.locator('.result .gauges + .delivery tr[data-measure="pace"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('.result .delivery tr[data-measure="fillers"] td').first().textContent()).not.toBe('no transcript to count them in');
    // Clear forgets the recording with the typed draft.
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('button', { name: 'Record your answer' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Record your answer' }).waitFor();
    expect(await page.locator('.recorder .playback').count()).toBe(0);
    await page.close();
  });
});

describe.skipIf(browserMissing || espeakMissing)('without a microphone', () => {
  /** Answers a one-question drill by typing, and checks it is judged: the page works without recording. */
  async function answerByTyping(page: Page): Promise<void> {
    await page.getByLabel('Your answer').fill(TYPED);
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.locator('.saved-answer .gauge').first().waitFor();
    expect(await page.locator('.saved-answer .playback').count()).toBe(0);
  }

  it('says recording is off when permission is blocked, and the answer is typed and judged', async () => {
    const page = await newPage();
    const cdp = await harness.browser.newCDPSession(page);
    await cdp.send('Browser.setPermission', { permission: { name: 'microphone' }, setting: 'denied', origin: harness.server.url.replace(/\/$/, '') });
    try {
      await startDrill(page);
      await expect.poll(() => page.locator('.recorder-off').textContent()).toContain('Microphone access is blocked for this page');
      expect(await page.getByRole('button', { name: 'Record your answer' }).count()).toBe(0);
      // The shortcut does nothing either.
      await page.getByLabel('Your answer').press('Alt+R');
      expect(await page.getByRole('button', { name: 'Stop recording' }).count()).toBe(0);
      await answerByTyping(page);
    } finally {
      await cdp.send('Browser.resetPermissions');
      await page.close();
    }
  });

  it('says why when the microphone is refused at the prompt, and typing still works', async () => {
    const page = await newPage((p) =>
      p.addInitScript(() => {
        navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      }),
    );
    await startDrill(page);
    await page.getByRole('button', { name: 'Record your answer' }).click();
    await expect.poll(() => page.locator('.recorder .error').textContent()).toContain('Microphone access was refused, so nothing was recorded');
    await answerByTyping(page);
    await page.close();
  });

  it('says there is no microphone, or no MediaRecorder, and hides the record button', async () => {
    const cases = [
      {
        expected: 'No microphone is connected',
        script: () => {
          navigator.mediaDevices.enumerateDevices = () => Promise.resolve([]);
        },
      },
      {
        expected: 'This browser cannot record audio (it has no MediaRecorder)',
        script: () => {
          delete (window as { MediaRecorder?: unknown }).MediaRecorder;
        },
      },
    ];
    for (const { expected, script } of cases) {
      const page = await newPage((p) => p.addInitScript(script));
      await startDrill(page);
      await expect.poll(() => page.locator('.recorder-off').textContent()).toContain(expected);
      expect(await page.getByRole('button', { name: 'Record your answer' }).count()).toBe(0);
      await answerByTyping(page);
      await page.close();
    }
  });
});

describe.skipIf(browserMissing || espeakMissing)('privacy', () => {
  it('sent nothing anywhere but the local server, and ran without script errors', () => {
    expect(externalRequests).toEqual([]);
    expect(pageProblems).toEqual([]);
  });
});

/**
 * A stand-in for the browser's on-device speech recognizer, run in the page before Starl's code: it
 * reports being available on this device, records how it was asked to listen, and hears `spoken` in
 * three stretches, each first as an interim result and then as a final one.
 */
function fakeOnDeviceRecognizer(spoken: string): void {
  const seen: Record<string, unknown> = {};
  (window as unknown as { recognition: Record<string, unknown> }).recognition = seen;
  const stretches = spoken.match(/[^.]+\./g)!.map((sentence) => sentence.trim());
  class FakeRecognition {
    static available(options: unknown): Promise<string> {
      seen.available = options;
      return Promise.resolve('available');
    }
    lang = '';
    continuous = false;
    interimResults = false;
    declare processLocally: boolean;
    onresult: ((event: unknown) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    onend: (() => void) | null = null;
    start(track?: MediaStreamTrack): void {
      Object.assign(seen, { processLocally: this.processLocally, continuous: this.continuous, interimResults: this.interimResults, lang: this.lang, track: track?.kind ?? null });
      const results: { 0: { transcript: string }; length: 1; isFinal: boolean }[] = [];
      stretches.forEach((text, i) => {
        setTimeout(() => {
          results[i] = { 0: { transcript: text.split(' ').slice(0, 3).join(' ') }, length: 1, isFinal: false };
          this.onresult?.({ resultIndex: i, results });
        }, 300 + i * 600);
        setTimeout(() => {
          results[i] = { 0: { transcript: i === 0 ? text : ` ${text}` }, length: 1, isFinal: true };
          this.onresult?.({ resultIndex: i, results });
        }, 600 + i * 600);
      });
    }
    stop(): void {
      setTimeout(() => this.onend?.(), 50);
    }
    abort(): void {
      this.stop();
    }
  }
  // As in Chromium, the setting lives on the prototype, which is how the page tells it is supported.
  (FakeRecognition.prototype as { processLocally: boolean }).processLocally = false;
  Object.defineProperty(window, 'SpeechRecognition', { value: FakeRecognition, configurable: true });
}
