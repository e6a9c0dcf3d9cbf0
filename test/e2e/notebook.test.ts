import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserMissing, startHarness, type Harness } from './harness.js';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  if (browserMissing) return;
  harness = await startHarness();
  page = await harness.firstPage();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

/** Saves the company form with these fields. */
async function saveCompany(fields: { name: string; aliases?: string; posting?: string }): Promise<void> {
  await page.getByLabel('Name', { exact: true }).fill(fields.name);
  await page.getByLabel('Other names, separated by commas').fill(fields.aliases ?? '');
  await page.getByLabel('Job posting or company page (text or HTML)').fill(fields.posting ?? '');
  await page.getByRole('button', { name: 'Save company' }).click();
}

describe.skipIf(browserMissing)('the company notebook in the web app', () => {
  it('shows the company as it is after every save, its terms without its own name, and questions that read as English', async () => {
    await page.goto(`${harness.server.url}#/companies`);
    await saveCompany({
      name: 'Fernway',
      aliases: 'Fernway Logistics',
      posting: 'Fernway is based in Harrogate. You will build Looker dashboards for the Courier Tracker app.',
    });
    await page.locator('.notebook .chips li', { hasText: 'Looker' }).first().waitFor();
    const before = await page.locator('.notebook .chips li').allTextContents();
    expect(before).not.toContain('Fernway');
    expect(before).not.toContain('Harrogate');

    // Saved again under its alias, with a new posting: the open notebook follows.
    await saveCompany({ name: 'Fernway Logistics', posting: 'You will run Kafka streams for the routing platform.' });
    await page.locator('.notebook .chips li', { hasText: 'Kafka' }).first().waitFor();
    expect(await page.locator('.notebook .chips').textContent()).not.toContain('Looker');
    expect(await page.locator('.company-list li').count()).toBe(1);

    await page.getByLabel('Kind of fact').selectOption('interviewer');
    await page.getByLabel('Fact', { exact: true }).fill('Interviewer Sam wrote a blog post about Kafka at Fernway.');
    await page.getByRole('button', { name: 'Add fact' }).click();
    await page.locator('.questions-to-ask li').first().waitFor();
    expect(await page.locator('.questions-to-ask li').first().textContent()).toMatch(/^I saw that you wrote a blog post about Kafka at Fernway\. /);
  });
});
