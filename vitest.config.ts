import { defineConfig } from 'vitest/config';

// Tests run in Node against real SQLite files and a real Chromium; no Svelte plugin needed.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['test/support/global-setup.ts']
  }
});
