import { defineConfig } from 'vitest/config';

// Every API suite (*.api.test.ts) runs twice: on SQLite and on PostgreSQL.
const apiSuites = ['src/**/*.api.test.ts', 'test/**/*.api.test.ts'];

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
      { test: { name: 'sqlite', include: [...apiSuites, 'test/**/*.sqlite.test.ts'], env: { FAZHI_TEST_DB: 'sqlite' }, testTimeout: 30_000, hookTimeout: 60_000 } },
      { test: { name: 'postgres', include: apiSuites, env: { FAZHI_TEST_DB: 'postgres' }, testTimeout: 30_000, hookTimeout: 60_000 } },
      { test: { name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], globalSetup: ['e2e/demo-template.ts'], testTimeout: 180_000, hookTimeout: 240_000, fileParallelism: false } },
    ],
  },
});
