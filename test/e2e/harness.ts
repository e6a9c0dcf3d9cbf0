import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { startServer } from '../../src/server/serve.js';
import type { RunningServer } from '../../src/server/serve.js';

/** Flags for a quiet, headless Chromium that contacts nothing but the page under test. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A built front end, a running server on a random loopback port with a fresh database file, and a browser. */
export interface Harness {
  server: RunningServer;
  browser: BrowserContext;
  workDir: string;
  /** The browser's first tab: a persistent context opens with one, so it is reused rather than a second opened. */
  firstPage(): Promise<Page>;
  close(): Promise<void>;
}

/** True when no browser was found outside CI: the browser tests are then skipped (the run said why, once). */
export const browserMissing = inject('browser').kind === 'skip';

/** What one e2e file needs of its browser beyond the usual. */
export interface HarnessOptions {
  /** Flags for this file's browser only (a fake microphone, say), added to the quiet defaults. */
  browserArgs?: readonly string[];
  /** Serve as a shared Starl with accounts (`--multi-user`). */
  multiUser?: boolean;
}

/**
 * Builds the front end into a temporary directory, starts the real server on it with a new database
 * file, and launches the browser the run found (never a downloaded one) with a fresh profile. One harness is shared by a whole e2e file.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const found = inject('browser');
  if (found.kind !== 'run') throw new Error(found.line);
  const workDir = mkdtempSync(join(tmpdir(), 'starl-e2e-'));
  const webRoot = join(workDir, 'web');
  await build({ configFile: join(import.meta.dirname, '../../vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot } });
  const server = await startServer({ port: 0, dbFile: join(workDir, 'starl.db'), webRoot, multiUser: options.multiUser ?? false });
  // Playwright takes the profile directory here rather than as --user-data-dir.
  const browser = await chromium.launchPersistentContext(join(workDir, 'profile'), {
    executablePath: found.path,
    args: [...CHROMIUM_ARGS, ...(options.browserArgs ?? [])],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  return {
    server,
    browser,
    workDir,
    async firstPage() {
      return browser.pages()[0] ?? (await browser.newPage());
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/**
 * Records into `problems` every script error of `page` and every error it logs to the console, except
 * those `expected` matches (a response the test provokes on purpose), so a test can assert there were none.
 */
export function watchPageProblems(page: Page, problems: string[], expected?: RegExp): void {
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected?.test(message.text())) problems.push(message.text());
  });
}
