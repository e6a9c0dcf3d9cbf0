import { describe, expect, it } from 'vitest';
import { BROWSER_LOCATIONS, decideBrowser } from './browser.js';

/** A file system holding only these paths. */
const only = (...paths: string[]) => (path: string) => paths.includes(path);

describe('finding a browser for the end-to-end tests', () => {
  it('takes CHROME_PATH first, even when Debian\'s chromium is installed', () => {
    expect(decideBrowser({ CHROME_PATH: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', '/usr/bin/chromium'))).toEqual({ kind: 'run', path: '/opt/chrome/chrome' });
  });

  it('then Debian\'s chromium, then the usual Chrome and Chromium places', () => {
    expect(BROWSER_LOCATIONS[0]).toBe('/usr/bin/chromium');
    expect(decideBrowser({}, only('/usr/bin/chromium', '/usr/bin/google-chrome'))).toEqual({ kind: 'run', path: '/usr/bin/chromium' });
    expect(decideBrowser({}, only('/usr/bin/google-chrome'))).toEqual({ kind: 'run', path: '/usr/bin/google-chrome' });
    expect(decideBrowser({}, only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'))).toMatchObject({ kind: 'run' });
  });

  it('never swaps a CHROME_PATH that does not exist for another browser', () => {
    const decision = decideBrowser({ CHROME_PATH: '/nowhere/chrome' }, only('/usr/bin/chromium'));
    expect(decision).toEqual({ kind: 'skip', line: expect.stringContaining('CHROME_PATH is /nowhere/chrome, which does not exist') });
  });

  it('skips without a browser, with one line saying what to install', () => {
    const decision = decideBrowser({}, only());
    expect(decision.kind).toBe('skip');
    if (decision.kind === 'skip') {
      expect(decision.line).toContain('apt-get install chromium');
      expect(decision.line).toContain('CHROME_PATH');
      expect(decision.line).not.toContain('\n');
    }
  });

  it('fails in CI without a browser, so CI always runs the browser tests', () => {
    expect(decideBrowser({ CI: 'true' }, only())).toEqual({ kind: 'fail', line: expect.stringContaining('cannot run in CI') });
    expect(decideBrowser({ CI: '1' }, only()).kind).toBe('fail');
    expect(decideBrowser({ CI: 'true' }, only('/usr/bin/chromium'))).toEqual({ kind: 'run', path: '/usr/bin/chromium' });
  });

  it('reads CI=false and CI=0 as not CI', () => {
    expect(decideBrowser({ CI: 'false' }, only()).kind).toBe('skip');
    expect(decideBrowser({ CI: '0' }, only()).kind).toBe('skip');
  });
});
