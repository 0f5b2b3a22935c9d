import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files in a shuffled order (the seed vitest prints, `--sequence.seed` replays it), the files of one
 * project kept together, with the browser journeys (one to five minutes each, a browser and a server
 * apiece) spread evenly over the first three quarters of the run.
 * - Together: a worker of the API projects (isolate: false) is kept for the next file only when the
 *   next file queued belongs to the same project; otherwise it is stopped and a new one imports the
 *   whole server again. Fully shuffled, that happened at almost every file (340 s of imports in a
 *   30-minute run on two cores).
 * - Spread: each journey then mostly shares the two cores with API suites rather than with another
 *   journey (two at once ran each half again as long), and none starts in the last quarter, where it
 *   would run on alone while the other core stood idle.
 */
class ShuffledJourneysSpread extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    let seed = this.ctx.config.sequence.seed >>> 0;
    const random = () => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const shuffled = [...files];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const journeys = shuffled.filter((f) => f.project.name === 'e2e');
    // The projects in the order their first file was shuffled to, each project's files in shuffled order.
    const projects = [...new Set(shuffled.filter((f) => f.project.name !== 'e2e').map((f) => f.project.name))];
    const others = projects.flatMap((name) => shuffled.filter((f) => f.project.name === name));
    // Journey i goes before the other file at `i * step`: the last one three quarters of the way in.
    const step = journeys.length > 1 ? (others.length * 0.75) / (journeys.length - 1) : 0;
    const out: TestSpecification[] = [];
    let next = 0;
    others.forEach((file, index) => {
      while (next < journeys.length && Math.round(next * step) <= index) out.push(journeys[next++]!);
      out.push(file);
    });
    return [...out, ...journeys.slice(next)];
  }
}

// Every API suite (*.api.test.ts) runs twice: on SQLite and on PostgreSQL.
const apiSuites = ['src/**/*.api.test.ts', 'test/**/*.api.test.ts'];
// The suites that start `fazhi` and writer processes build those bundles once, first (scripts/server-bundle.mjs).
const bundles = 'test/server-bundle.setup.ts';

export default defineConfig({
  test: {
    // Four test files at a time, whatever the machine (vitest's default is one less than the cores:
    // one on a 2-core CI host, where most of a file's time is spent waiting on PostgreSQL, a child
    // process or the browser). With two, a CI run's test processes used 27 of its 61 core-minutes
    // (user + sys against the wall clock), and for 714 of the tests' 1,640 s only one file ran;
    // with three the tests took 1,469 s instead of 1,664, and the cores were still a third idle;
    // with four, 1,309 s (the whole CI run 25 minutes instead of 30.5).
    maxWorkers: 4,
    sequence: { sequencer: ShuffledJourneysSpread },
    projects: [
      // *.unit.test.tsx: web components rendered in jsdom (each file says `@vitest-environment jsdom`).
      // The timeout guards against a hang, as in the other projects: a CPU-bound test (every day from
      // 1999 to 2101, a read stopped at its heap limit) takes 1–4 s alone and more beside three other
      // files; vitest's 5 s default failed two such tests with four files at a time.
      { test: { name: 'unit', include: ['src/**/*.unit.test.ts', 'src/**/*.unit.test.tsx', 'test/**/*.unit.test.tsx'], environment: 'node', testTimeout: 30_000 } },
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
