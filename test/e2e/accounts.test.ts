import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Accounts } from '../../src/accounts/accounts.js';
import { withStore } from '../../src/storage/index.js';
import { browserMissing, startHarness, type Harness } from './harness.js';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  if (browserMissing) return;
  harness = await startHarness({ multiUser: true });
  page = await harness.firstPage();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe.skipIf(browserMissing)('a shared Starl in the browser', () => {
  it('accepts an invitation, saves as the new user, signs out and in again, changes the password and deletes the account', async () => {
    const token = await withStore(harness.server.databasePath, async (store) => {
      const accounts = new Accounts(store);
      const cohort = await accounts.createCohort('Spring');
      return (await accounts.invite({ email: 'dev@example.org', role: 'candidate', cohortId: cohort.id, createdBy: null })).token;
    });

    await page.goto(harness.server.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await page.goto(`${harness.server.url}#/invitation/${token}`);
    await page.getByText('This invitation is for dev@example.org, as a candidate in Spring.').waitFor();
    await page.getByLabel('Your name').fill('Dev');
    await page.getByLabel('A password (at least 10 characters)').fill('a long new password');
    await page.getByLabel('The same password again').fill('a long new password');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.locator('.account', { hasText: 'Dev' }).waitFor();

    // A write carries the CSRF token the app got on signing in.
    await page.goto(`${harness.server.url}#/companies`);
    await page.getByLabel('Name', { exact: true }).fill('Fernway');
    await page.getByRole('button', { name: 'Save company' }).click();
    await page.locator('.notebook h3, .notebook h2', { hasText: 'Fernway' }).first().waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill('dev@example.org');
    await page.getByLabel('Password').fill('not my password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The email or the password is not right.');
    await page.getByLabel('Password').fill('a long new password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.account', { hasText: 'Dev' }).waitFor();

    // Your data: the account's password changes, and the account goes with all its data.
    await page.goto(`${harness.server.url}#/data`);
    await page.getByLabel('Current password').fill('a long new password');
    await page.getByLabel('New password (at least 10 characters)').fill('the newest password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed; you were signed out everywhere else.').waitFor();
    await page.getByLabel('Your password, to delete the account').fill('the newest password');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete my account and data' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await withStore(harness.server.databasePath, async (store) => {
      expect(await new Accounts(store).listUsers()).toEqual([]);
      expect(await store.unscopedDriver().db.selectFrom('companies').select('id').execute()).toEqual([]);
    });
  });
});
