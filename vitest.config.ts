import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files about one engine's plans, run only in that engine's pass (`npm test` runs the unit and API tests on SQLite,
 * then again with REGIODESK_TEST_ENGINE=postgres; scripts/test.ts). Each reads its engine's own EXPLAIN: SQLite's
 * EXPLAIN QUERY PLAN on a file without statistics, PostgreSQL's EXPLAIN (FORMAT JSON) on a filled, analysed database.
 * Every other test file runs in both passes.
 */
export const SQLITE_ONLY = ['test/api/platform/query-plans.test.ts', 'test/api/deadlines/deadline-plans.test.ts'];
export const POSTGRES_ONLY = ['test/api/platform/query-plans-postgres.test.ts', 'test/api/deadlines/deadline-plans-postgres.test.ts'];

const onPostgres = process.env.REGIODESK_TEST_ENGINE === 'postgres';

// Tests run in Node against real databases (SQLite files, or PostgreSQL with REGIODESK_TEST_ENGINE=postgres) and a real Chromium; no Svelte plugin needed.
export default defineConfig({
  // the aliases SvelteKit gives the web (svelte.config.js), for the tests of the web's own modules (test/unit/i18n)
  resolve: { alias: { $i18n: fileURLToPath(new URL('./i18n', import.meta.url)), $lib: fileURLToPath(new URL('./web/lib', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(onPostgres ? SQLITE_ONLY : POSTGRES_ONLY)],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['test/support/global-setup.ts']
  }
});
