// The server bundles: `fazhi` (bin/fazhi.mjs) and bin/run-ts.mjs run a TypeScript entry from an
// esbuild bundle of it (dist/server/; npm packages mostly left as imports) instead of through tsx's
// loader, which costs ~4 s of CPU at every start (its loader hooks, then ~330 modules compiled one
// by one). docs/operations.md, "Starting: the server bundle".
//
// A bundle is used only while it is fresh: next to it, a manifest lists every file it was built from
// (with the build script, tsconfig.json and esbuild's version) by size and modification time, and
// any difference makes it stale. A stale or missing bundle is built again on the spot (~0.5 s);
// where that fails (a syntax error, a read-only install) the entry runs through tsx as before.
// `node scripts/server-bundle.mjs [ENTRY ...]` builds ahead (npm start's prestart, the tests' global setup).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'dist', 'server');
const FORMAT = 1;
/** The `fazhi` command's entry. */
export const CLI_ENTRY = 'src/server/cli/main.ts';
/** What the import reader threads load (src/server/kernel/imports/read-worker.mjs). */
export const READER_ENTRY = 'src/server/kernel/imports/parse.ts';
/** Files that shape every bundle besides its own inputs. */
const BUILD_INPUTS = ['scripts/server-bundle.mjs', 'tsconfig.json', 'package.json', 'node_modules/esbuild/package.json'];

/** Where the bundle of `entry` (a path in the project) and its manifest are kept. */
export function bundlePaths(entry) {
  const rel = relative(ROOT, resolve(ROOT, entry));
  if (rel.startsWith('..')) throw new Error(`not in the project: ${entry}`);
  const base = join(OUT, rel.split(sep).join('~').replace(/\.[cm]?[jt]sx?$/, ''));
  return { source: join(ROOT, rel), js: `${base}.mjs`, manifest: `${base}.inputs.json` };
}

const stamp = (file) => {
  const s = statSync(join(ROOT, file));
  return [s.mtimeMs, s.size];
};

/** The bundle of `entry` when it exists and no file it was built from has changed since; otherwise null. */
export function freshBundle(entry) {
  const { js, manifest } = bundlePaths(entry);
  let inputs;
  try {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    if (m.format !== FORMAT || !existsSync(js)) return null;
    inputs = m.inputs;
  } catch {
    return null;
  }
  for (const [file, recorded] of Object.entries(inputs)) {
    let now;
    try {
      now = stamp(file);
    } catch {
      return null;
    }
    // Exactly equal: a file put back with an older time (a restore, `touch -d`) is a change too.
    if (recorded === null || now[0] !== recorded[0] || now[1] !== recorded[1]) return null;
  }
  return js;
}

/**
 * npm packages stay imports, resolved from node_modules at run time as under tsx (native addons,
 * files read beside their code), except INLINE: plain ES modules of many small files, each a file
 * to find, read and compile at every start (kysely ~280, zod ~100), that cost less bundled.
 */
const INLINE = new Set(['kysely', 'zod']);
function packagesOutside() {
  return {
    name: 'fazhi-packages-outside',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (/^[A-Za-z]:[\\/]/.test(args.path)) return undefined;
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return INLINE.has(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/**
 * A bundle is one file, so `import.meta.url` in a bundled module would be the bundle's URL: every
 * use is rewritten to the module's own source URL (relative to the bundle, so the project can move),
 * and resolves files beside the sources as it does under tsx (kernel/imports/read.ts's reader
 * thread, kernel/workflow/daily-runner.ts's path of bin/fazhi.mjs, work-calendar.ts's createRequire).
 */
function sourceUrls() {
  return {
    name: 'fazhi-source-urls',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta')) return undefined;
        const other = text.match(/import\.meta\.(?!url\b)[A-Za-z_$]+/);
        if (other) return { errors: [{ text: `${other[0]} is not supported in the server bundle (use import.meta.url)` }] };
        const rel = relative(OUT, args.path).split(sep).join('/');
        const contents = text.replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
        const ext = args.path.match(/\.([cm]?)([jt]s)(x?)$/);
        return { contents, loader: `${ext[2]}${ext[3]}` };
      });
    },
  };
}

/**
 * Builds the bundle of `entry` (ESM, packages external, a source map) and its manifest. The files are
 * written under temporary names and renamed into place, the manifest last, so that processes
 * building or starting at the same time never see a bundle with another build's manifest.
 */
export async function buildBundle(entry) {
  const { source, js, manifest } = bundlePaths(entry);
  const started = Date.now();
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [{ in: source, out: basename(js, '.mjs') }],
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    // What the sources import only when needed (the HTTP server for `start`, ExcelJS…) stays in
    // chunks of its own, loaded when needed. Chunks are named by their content: a build never
    // overwrites one that a running process may still load.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    sourcemap: 'linked',
    // The sources are on disk; the map only needs to point at them.
    sourcesContent: false,
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [packagesOutside(), sourceUrls()],
  });
  const inputs = {};
  // An inlined package changes with its package.json (npm writes it at every install of a version).
  const read = Object.keys(result.metafile.inputs).map((file) => file.replace(/^(.*node_modules\/(@[^/]+\/)?[^/]+\/).*$/, '$1package.json'));
  for (const file of new Set([...read, ...BUILD_INPUTS])) {
    const s = stamp(file);
    // Changed while the build read it: recorded as unknown, so the next start builds again.
    inputs[file] = s[0] >= started - 1 ? null : s;
  }
  mkdirSync(OUT, { recursive: true });
  const temp = `.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const chunks = result.outputFiles.map((f) => basename(f.path));
  // Chunks first, then the entry, then the manifest: a manifest in place always describes the
  // bundle beside it, and an entry in place finds its chunks.
  const files = result.outputFiles.map((f) => [f.path, f.contents]).sort(([a], [b]) => Number(a.startsWith(js)) - Number(b.startsWith(js)));
  const outputs = [...files, [manifest, JSON.stringify({ format: FORMAT, entry, inputs, outputs: chunks })]];
  for (const [path, contents] of outputs) writeFileSync(path + temp, contents);
  try {
    for (const [path] of outputs) renameSync(path + temp, path);
  } finally {
    for (const [path] of outputs) rmSync(path + temp, { force: true });
  }
  removeOldChunks();
  return js;
}

/**
 * Chunks that no manifest names any more (left by builds of older sources) go an hour after a build
 * first found them unnamed: a process started from an older bundle may still load one. When each was
 * first found unnamed is kept in `orphans.json` (a chunk's own mtime says when it was built, not when
 * it stopped being used).
 */
function removeOldChunks() {
  const kept = new Set();
  const names = readdirSync(OUT);
  for (const name of names.filter((n) => n.endsWith('.inputs.json'))) {
    try {
      for (const chunk of JSON.parse(readFileSync(join(OUT, name), 'utf8')).outputs ?? []) kept.add(chunk.replace(/\.map$/, ''));
    } catch {
      return; // being replaced: another build cleans up
    }
  }
  const orphansFile = join(OUT, 'orphans.json');
  let seen = {};
  try {
    seen = JSON.parse(readFileSync(orphansFile, 'utf8'));
  } catch {
    // none yet, or being written by another build: start again
  }
  const orphans = {};
  for (const name of names) {
    if (!/^chunk-.*\.mjs(\.map)?$/.test(name) || kept.has(name.replace(/\.map$/, ''))) continue;
    const since = seen[name] ?? Date.now();
    if (Date.now() - since <= 3_600_000) {
      orphans[name] = since;
      continue;
    }
    try {
      rmSync(join(OUT, name), { force: true });
    } catch {
      // removed by another build
    }
  }
  writeFileSync(orphansFile + `.${process.pid}`, JSON.stringify(orphans));
  renameSync(orphansFile + `.${process.pid}`, orphansFile);
}

/**
 * Runs `entry`: imports its fresh bundle, building it first when it is stale or missing, or (when the
 * build fails, or FAZHI_NO_BUNDLE=1) the TypeScript source through tsx. Returns the module.
 */
export async function importEntry(entry) {
  const { source } = bundlePaths(entry);
  if (process.env.FAZHI_NO_BUNDLE !== '1') {
    let js = freshBundle(entry);
    if (!js) {
      try {
        js = await buildBundle(entry);
      } catch {
        // Reported by tsx below, with the file and line.
      }
    }
    if (js) {
      // Stack traces name the TypeScript sources, as under tsx.
      process.setSourceMapsEnabled(true);
      return import(pathToFileURL(js).href);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(source).href);
}

// `npm start` builds the bundles first (prestart). A build that fails (a read-only install, no
// esbuild) only warns: the server then runs its TypeScript source through tsx, as importEntry does.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.env.FAZHI_NO_BUNDLE !== '1') {
  const entries = process.argv.length > 2 ? process.argv.slice(2) : [CLI_ENTRY, READER_ENTRY];
  for (const entry of entries) {
    try {
      if (!freshBundle(entry)) await buildBundle(entry);
    } catch (error) {
      console.warn(`服务端打包失败，将直接运行 TypeScript 源码 / server bundle not built, running the TypeScript source: ${error instanceof Error ? error.message : error}`);
    }
  }
}
