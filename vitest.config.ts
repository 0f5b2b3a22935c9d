import { defineConfig } from 'vitest/config';

// Every API suite (*.api.test.ts) runs twice: on SQLite and on PostgreSQL.
const apiSuites = ['src/**/*.api.test.ts', 'test/**/*.api.test.ts'];
// The suites that start `fazhi` and writer processes build those bundles once, first (scripts/server-bundle.mjs).
const bundles = 'test/server-bundle.setup.ts';

export default defineConfig({
  test: {
    // Two test files at a time, whatever the machine (vitest's default is one less than the cores:
    // one on a 2-core CI host, where most of a file's time is spent waiting on PostgreSQL, a child
    // process or the browser).
    maxWorkers: 2,
    projects: [
      // *.unit.test.tsx: web components rendered in jsdom (each file says `@vitest-environment jsdom`).
      { test: { name: 'unit', include: ['src/**/*.unit.test.ts', 'src/**/*.unit.test.tsx', 'test/**/*.unit.test.tsx'], environment: 'node' } },
      // *.sqlite.test.ts: behaviour only SQLite has (its single write lock across processes).
      // API suites share their worker's loaded modules (isolate: false): importing the whole server
      // again for each of ~100 suite runs cost minutes of CI. Each suite builds its own platform and
      // data (createTestEnv), and none mocks modules, so nothing a suite relies on leaks between them.
      { test: { name: 'sqlite', include: [...apiSuites, 'test/**/*.sqlite.test.ts'], env: { FAZHI_TEST_DB: 'sqlite' }, globalSetup: [bundles], isolate: false, testTimeout: 30_000, hookTimeout: 60_000 } },
      { test: { name: 'postgres', include: apiSuites, env: { FAZHI_TEST_DB: 'postgres' }, globalSetup: [bundles], isolate: false, testTimeout: 30_000, hookTimeout: 60_000 } },
      // Browser suites share the two workers with the API suites (each has its own server on a free
      // port and its own copy of the demo): run one after another at the end, as a separate
      // single-worker group, they left a core idle for a third of the CI run.
      { test: { name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], globalSetup: [bundles, 'e2e/demo-template.ts'], testTimeout: 180_000, hookTimeout: 240_000 } },
    ],
  },
});
