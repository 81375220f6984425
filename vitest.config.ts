import { availableParallelism } from 'node:os'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'

const integration: NonNullable<TestProjectInlineConfiguration['test']> = {
  include: ['test/integration/**/*.test.ts'],
  environment: 'node',
  pool: 'forks',
  setupFiles: ['test/setup/fail-on-console-error.ts', 'test/setup/integration-env.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
}

/**
 * Integration tests of what only SQLite has, left out of `integration-pg`: the job table's own
 * runner and the app's jobs in it (PostgreSQL runs pg-boss, tested in test/integration/postgres/),
 * and SQLite's online backup and restore (PostgreSQL's are pg_dump's).
 */
const SQLITE_ONLY = [
  'test/integration/jobs/job-runner.test.ts',
  'test/integration/jobs/app-jobs.test.ts',
  'test/integration/responses/reassessment-processes.test.ts',
  'test/integration/security/backup-restore.test.ts',
]
/** Tests of what only PostgreSQL has (pg-boss, two instances on one server): `integration-pg` only. */
const POSTGRES_ONLY = ['test/integration/postgres/**']

// Three projects: `e2e` drives Debian's Chromium (`npm run test:e2e`); `unit` runs pure modules in plain Node with nothing to set up; `integration`
// gets a real SQLite file per test file and a real HTTP server built from the production build.
export default defineConfig({
  test: {
    // Test files run two at a time even on 2 cores (Vitest's default there is one: cores - 1). An
    // integration file spends much of its time waiting (on PostgreSQL, on child processes, on a
    // job's timeout), and each file has its own database, temporary folder and server port, so two
    // files never share state (README decision 91). The e2e project stays one file at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
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
      { test: { name: 'integration', ...integration, exclude: POSTGRES_ONLY } },
      {
        // `npm run test:pg`: the integration suite again, each file on its own PostgreSQL database
        // on the server TEST_DATABASE_URL names.
        test: {
          name: 'integration-pg',
          ...integration,
          exclude: SQLITE_ONLY,
          include: [...(integration.include ?? []), ...POSTGRES_ONLY.map((dir) => `${dir}/*.test.ts`)],
          env: { SHORELINE_TEST_DIALECT: 'postgres' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          maxWorkers: 1,
          // Its own group (after the others in a run of every project): Vitest refuses projects
          // with different maxWorkers in one group.
          sequence: { groupOrder: 1 },
          setupFiles: ['test/setup/fail-on-console-error.ts', 'test/setup/integration-env.ts'],
          // A bound on waiting: the longest journey takes ~60 s alone and passed 120 s at load 20.
          testTimeout: 240_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
