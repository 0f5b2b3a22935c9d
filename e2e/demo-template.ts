// Global setup of the browser suites: the demo county is generated once per run into a template
// directory, and each suite that asks for it starts on its own copy (a fresh data directory), not
// on a demo generated again — the same data, a dozen fewer runs of `fazhi demo`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplate: string;
    /** What `fazhi demo` printed (the demo users, which some suites read). */
    demoOutput: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-demo-'));
  const env: NodeJS.ProcessEnv = { ...process.env, FAZHI_DATA_DIR: dir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, ['bin/fazhi.mjs', 'demo'], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`fazhi demo failed: ${result.stderr}`);
  project.provide('demoTemplate', dir);
  project.provide('demoOutput', result.stdout);
  return () => rmSync(dir, { recursive: true, force: true });
}
