// scripts/server-bundle.mjs on a project of two files: a fresh bundle is what runs, a changed source
// (even put back with an older time) is built again before it runs, a source the bundle cannot take
// runs through tsx, and `import.meta.url` still names the source file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const PROJECT = resolve(import.meta.dirname, '../../..');
let dir: string;
const bundle = () => join(dir, 'dist/server/src~entry.mjs');
const dep = () => join(dir, 'src/dep.ts');

function run(env: NodeJS.ProcessEnv = {}): { value: string; url: string } {
  const result = spawnSync(process.execPath, ['run.mjs'], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

// A project of its own for each test, so that they pass in any order (CI shuffles them) and alone.
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fazhi-bundle-'));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'src'));
  copyFileSync(join(PROJECT, 'scripts/server-bundle.mjs'), join(dir, 'scripts/server-bundle.mjs'));
  copyFileSync(join(PROJECT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(PROJECT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'src/entry.ts'), "export { value, url } from './dep.ts';\n");
  writeFileSync(dep(), "export const value: string = 'one';\nexport const url = import.meta.url;\n");
  writeFileSync(join(dir, 'run.mjs'), "import { importEntry } from './scripts/server-bundle.mjs';\nconst { value, url } = await importEntry('src/entry.ts');\nconsole.log(JSON.stringify({ value, url }));\n");
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('server bundles', () => {
  it('builds a missing bundle and runs it while its sources are unchanged', () => {
    expect(run()).toEqual({ value: 'one', url: pathToFileURL(dep()).href });
    // Proof that the bundle, not the source, is what runs: a change made to the bundle alone shows.
    writeFileSync(bundle(), readFileSync(bundle(), 'utf8').replace('"one"', '"bundled"'));
    expect(run().value).toBe('bundled');
    expect(run({ FAZHI_NO_BUNDLE: '1' }).value).toBe('one');
  }, 120_000);

  it('never runs a bundle older than a source: a change, even back-dated and of the same size, builds it again', () => {
    writeFileSync(dep(), "export const value: string = 'two';\nexport const url = import.meta.url;\n");
    expect(run().value).toBe('two');
    const before = statSync(dep());
    writeFileSync(dep(), "export const value: string = 'owt';\nexport const url = import.meta.url;\n");
    utimesSync(dep(), before.atime, new Date(before.mtimeMs - 60_000));
    expect(run().value).toBe('owt');
    expect(readFileSync(bundle(), 'utf8')).toContain('"owt"');
  }, 120_000);

  it('runs the source through tsx when the bundle cannot be built', () => {
    expect(run().value).toBe('one');
    // The bundle refuses import.meta.dirname (it would name dist/server/): neither a new bundle nor the old one runs.
    writeFileSync(dep(), "export const value: string = 'three ' + typeof import.meta.dirname;\nexport const url = import.meta.url;\n");
    expect(run()).toEqual({ value: 'three string', url: pathToFileURL(dep()).href });
    expect(readFileSync(bundle(), 'utf8')).not.toContain('three');
  }, 120_000);

  it('prestart builds nothing under FAZHI_NO_BUNDLE=1, and a build that fails warns without stopping `npm start`', () => {
    const prestart = (env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, ['scripts/server-bundle.mjs', 'src/entry.ts'], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
    expect(prestart({ FAZHI_NO_BUNDLE: '1' }).status).toBe(0);
    expect(existsSync(bundle())).toBe(false);
    writeFileSync(dep(), "export const value: string = typeof import.meta.dirname;\nexport const url = import.meta.url;\n");
    const failed = prestart();
    expect(failed.status, failed.stderr).toBe(0);
    expect(failed.stderr).toMatch(/server bundle not built/);
    expect(existsSync(bundle())).toBe(false);
  }, 120_000);

  it('removes a chunk no bundle names an hour after a build first found it unnamed, however old the chunk', () => {
    run();
    const chunk = join(dir, 'dist/server/chunk-OLD.mjs');
    writeFileSync(chunk, 'export {};\n');
    utimesSync(chunk, new Date(Date.now() - 7 * 86_400_000), new Date(Date.now() - 7 * 86_400_000));
    const rebuild = (value: string) => {
      writeFileSync(dep(), `export const value: string = '${value}';\nexport const url = import.meta.url;\n`);
      expect(run().value).toBe(value);
    };
    rebuild('a week-old chunk, just found unnamed');
    expect(existsSync(chunk)).toBe(true);
    const orphans = join(dir, 'dist/server/orphans.json');
    expect(Object.keys(JSON.parse(readFileSync(orphans, 'utf8')))).toEqual(['chunk-OLD.mjs']);
    writeFileSync(orphans, JSON.stringify({ 'chunk-OLD.mjs': Date.now() - 2 * 3_600_000 }));
    rebuild('unnamed for two hours');
    expect(existsSync(chunk)).toBe(false);
  }, 120_000);
});
