// The public portal's byte budget: what a phone downloads for any one public page — the portal's
// HTML-linked script and stylesheet, the modules they import, and the one section chunk the page
// loads — stays under PAGE_BUDGET gzip bytes. It reads the built files (dist/web), so it lives with
// the browser suites, which make the build fresh (ensureWebBuild) and run one file at a time.
//
// Measured when the budget was set (React 18, gzip level 6): React's chunk 43.7 KB; the portal's
// own share 7.4 KB on the home page, 8.6 KB on the report list (its shell 3.0 KB, stylesheet 1.8 KB,
// list chunk 1.2 KB, Vite's loader and the API client 2.5 KB); the heaviest page 52.3 KB in all.
// The app server does not compress: these are the bytes behind a gzip-ing proxy; without one a
// phone gets about three times as much.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { ensureWebBuild } from './helpers.ts';

const WEB = 'dist/web';
/** Any public page, gzip: React (≈45 KB) plus room for the portal's pages and forms. */
const PAGE_BUDGET = 64 * 1024;
/** The portal's own code and styles on any page, i.e. everything but React, gzip. */
const OWN_BUDGET = 16 * 1024;
/** The staff app's chunks (vite.config.ts). */
const STAFF_CHUNK = /^assets\/(index|antd|echarts|router|zod)-/;

const read = (file: string) => readFileSync(join(WEB, file));
const gzipped = (file: string) => gzipSync(read(file)).length;
const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

/** Files a built JS chunk imports statically (`import … from"./x.js"`, `import"./x.js"`). */
const staticImports = (file: string) => matches(read(file).toString(), /(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g).map((f) => `assets/${f}`);
/** Chunks it loads on demand: the portal's sections (`import("./x.js")`). */
const dynamicImports = (file: string) => matches(read(file).toString(), /import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g).map((f) => `assets/${f}`);
/** Stylesheets a chunk lists for its on-demand chunks (Vite's preload map). */
const stylesheets = (file: string) => matches(read(file).toString(), /["'`](assets\/[\w.-]+\.css)["'`]/g);

function closure(files: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (file.endsWith('.js')) [...staticImports(file), ...stylesheets(file)].forEach(visit);
  };
  files.forEach(visit);
  return seen;
}

let html: string;
let shell: Set<string>;
let sections: string[];

beforeAll(() => {
  ensureWebBuild();
  html = read('public/index.html').toString();
  const linked = matches(html, /(?:src|href)="\/([\w./-]+\.(?:js|css))"/g);
  shell = closure(linked);
  sections = [...shell].filter((f) => f.endsWith('.js')).flatMap(dynamicImports);
}, 240_000);

const total = (files: Set<string>, skip: (f: string) => boolean = () => false) => [...files].filter((f) => !skip(f)).reduce((sum, f) => sum + gzipped(f), 0);

it('finds what the portal page loads: the pre-paint script, React, its stylesheet and its sections', () => {
  expect([...shell].some((f) => f === 'portal-prefs.js')).toBe(true);
  expect([...shell].some((f) => /^assets\/react-/.test(f))).toBe(true);
  expect([...shell].some((f) => f.endsWith('.css'))).toBe(true);
  // Home, then the report list and a report: at least the two report pages load on demand.
  expect(sections.length).toBeGreaterThanOrEqual(2);
});

it('loads none of the staff app: no antd, echarts, router, zod or staff entry', () => {
  const everything = closure([...shell, ...sections]);
  expect([...everything].filter((f) => STAFF_CHUNK.test(f))).toEqual([]);
});

it(`keeps every public page under ${PAGE_BUDGET / 1024} KB gzip, the portal's own share under ${OWN_BUDGET / 1024} KB`, () => {
  const pages = [shell, ...sections.map((s) => closure([...shell, s]))];
  const isReact = (f: string) => /^assets\/react-/.test(f);
  const sizes = pages.map((p) => ({ all: total(p), own: total(p, isReact) }));
  const heaviest = sizes.reduce((a, b) => (b.all > a.all ? b : a));
  console.log(`portal page sizes (gzip bytes): ${sizes.map((s) => `${s.all} (own ${s.own})`).join(', ')}; budget ${PAGE_BUDGET} (own ${OWN_BUDGET})`);
  expect(heaviest.all).toBeLessThan(PAGE_BUDGET);
  expect(Math.max(...sizes.map((s) => s.own))).toBeLessThan(OWN_BUDGET);
});
