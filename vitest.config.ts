import { defineConfig } from 'vitest/config'

// Three projects: `e2e` drives Debian's Chromium (`npm run test:e2e`); `unit` runs pure modules in plain Node with nothing to set up; `integration`
// gets a real SQLite file per test file and a real HTTP server built from the production build.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          setupFiles: ['test/setup/fail-on-console-error.ts'],
          // A bound on waiting, not on speed (latency lives in the benchmarks): property tests that
          // take 1-2 s alone passed Vitest's 5 s default on a 2-core machine at load 15.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          setupFiles: ['test/setup/fail-on-console-error.ts', 'test/setup/integration-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          setupFiles: ['test/setup/fail-on-console-error.ts', 'test/setup/integration-env.ts'],
          // A bound on waiting: the longest journey takes ~60 s alone and passed 120 s at load 20.
          testTimeout: 240_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
