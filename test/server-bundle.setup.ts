// Global setup of the suites that start `fazhi` and other TypeScript processes: builds their bundles
// (scripts/server-bundle.mjs) once, before the suites start several such processes at the same time,
// each of which would otherwise find the bundle stale and build it too. Fresh bundles are kept.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const entries = ['src/server/cli/main.ts', 'src/server/kernel/imports/parse.ts', 'test/fixtures/indicator-writer.ts'];
  const built = spawnSync(process.execPath, ['scripts/server-bundle.mjs', ...entries], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`building the server bundles failed (exit ${built.status})`);
}
