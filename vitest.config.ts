import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20000,
    // Finds a browser for test/e2e once per run; without one those tests are skipped, except in CI.
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
