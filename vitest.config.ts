import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    // Tests that start `starl` as a process take seconds each on a busy 2-core machine: give them headroom.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // `expect.poll` waits one second by default; the page's analyzer worker can take longer than that to
    // load its model on a busy machine. A poll still returns as soon as it passes.
    expect: { poll: { timeout: 30_000 } },
    // Finds a browser for test/e2e once per run; without one those tests are skipped, except in CI.
    // Says once when the storage and server suites skip PostgreSQL (no STARL_TEST_DATABASE_URL).
    globalSetup: ['test/e2e/global-setup.ts', 'test/support/postgres-setup.ts'],
  },
});
