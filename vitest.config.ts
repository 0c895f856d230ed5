import { defineConfig } from 'vitest/config';

// Four projects, one summary: pure unit tests, integration tests on a fresh PGlite, the same
// integration files on a PostgreSQL server that the run starts itself, and browser journeys.
export default defineConfig({
  test: {
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
        },
      },
      {
        test: {
          name: 'pglite',
          include: ['src/**/*.int.test.ts', 'tests/int/**/*.int.test.ts'],
          env: { LABO_TEST_DB: 'pglite' },
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['src/**/*.int.test.ts', 'tests/int/**/*.int.test.ts'],
          env: { LABO_TEST_DB: 'postgres' },
          globalSetup: ['tests/setup/postgres-server.ts'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/setup/e2e-server.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
