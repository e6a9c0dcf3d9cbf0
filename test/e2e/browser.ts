import { existsSync } from 'node:fs';

/**
 * Where Chromium-family browsers are installed, after `CHROME_PATH`: Debian's chromium first (what
 * `.ci/run` installs), then the usual Linux, macOS and Windows places.
 */
export const BROWSER_LOCATIONS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
] as const;

/** What to install when no browser is found. */
export const INSTALL_HINT = 'install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary';

/** Whether the browser tests run, are skipped (with one line saying why), or fail the run. */
export type BrowserDecision = { kind: 'run'; path: string } | { kind: 'skip'; line: string } | { kind: 'fail'; line: string };

/**
 * Picks the browser for the end-to-end tests: `CHROME_PATH` when set (a wrong path is never silently
 * replaced by another browser), else the first of {@link BROWSER_LOCATIONS} that exists. Without one the
 * tests are skipped, except in CI (`CI` set to anything but "false" or "0"), where every test must run.
 */
export function decideBrowser(env: NodeJS.ProcessEnv, exists: (path: string) => boolean = existsSync): BrowserDecision {
  const chosen = env.CHROME_PATH?.trim();
  const path = chosen ? (exists(chosen) ? chosen : null) : (BROWSER_LOCATIONS.find((candidate) => exists(candidate)) ?? null);
  if (path) return { kind: 'run', path };
  const why = chosen ? `CHROME_PATH is ${chosen}, which does not exist` : 'no Chrome or Chromium found';
  if (isCi(env)) return { kind: 'fail', line: `Browser tests cannot run in CI: ${why}; ${INSTALL_HINT}.` };
  return { kind: 'skip', line: `Browser tests skipped: ${why}; to run them, ${INSTALL_HINT}.` };
}

/** Whether this is a CI run (`CI` set to anything but "false" or "0"), where a missing tool fails instead of skipping. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}
