// Builds the web UI when dist/web is missing or older than the sources (run before `npm start`).
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const index = 'dist/web/index.html';
// The public portal's page (a second Vite entry): a build from before it existed is stale too.
const portal = 'dist/web/public/index.html';
// Precompressed copies (vite.config.ts): a build from before they were written is stale too.
const compressed = `${index}.br`;
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}
const stale = !existsSync(index) || !existsSync(portal) || !existsSync(compressed) || newest('src/web') > statSync(index).mtimeMs || newest('src/shared') > statSync(index).mtimeMs;
if (stale) {
  console.log('正在构建前端（首次启动约需 1 分钟）…');
  // A production build even when called from the tests: vitest sets NODE_ENV=test, with which Vite
  // bundles React's development build (three times the size, and not what is deployed).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', env });
  process.exit(result.status ?? 1);
}
