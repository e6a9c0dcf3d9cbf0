import type { Page } from 'playwright-core';

/** The answer as the page's evidence panel shows it, without the STAR(L) tags and missing-part markers. */
export function evidenceTextOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const evidence = document.querySelector('.evidence')?.cloneNode(true) as HTMLElement | undefined;
    evidence?.querySelectorAll('.star-tag, .mark-insertion').forEach((node) => node.remove());
    return evidence?.textContent ?? '';
  });
}
