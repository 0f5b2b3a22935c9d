// The real build and server send small pages: every script and stylesheet of the build has its
// brotli and gzip copy, the login page's and the public report list's files go out brotli-encoded and
// cached for a year as immutable, the pages themselves compressed and revalidated, and the JSON a
// page asks for compressed. (bench/pages.ts measures what a throttled phone downloads.)
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureWebBuild, startServer, type Server } from './helpers.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
let server: Server;
let webDir: string;

beforeAll(async () => {
  ensureWebBuild();
  // A private copy: another suite's rebuild of dist/web must not pull files from under the server.
  webDir = mkdtempSync(join(tmpdir(), 'fazhi-compression-web-'));
  cpSync('dist/web', webDir, { recursive: true });
  server = await startServer({ FAZHI_WEB_DIR: webDir }, [['demo']]);
});
afterAll(async () => {
  await server?.stop();
  if (webDir) rmSync(webDir, { recursive: true, force: true });
});

const get = (path: string, encoding = 'gzip, deflate, br') => fetch(server.url + path, { headers: { 'accept-encoding': encoding } });

it('writes a brotli and a gzip copy of every script and stylesheet of the build', () => {
  const files = readdirSync(join(webDir, 'assets'));
  const code = files.filter((f) => /\.(js|css)$/.test(f));
  expect(code.length).toBeGreaterThan(10);
  // A file of a few dozen bytes may not get smaller: it goes out as it is.
  const worthIt = code.filter((f) => statSync(join(webDir, 'assets', f)).size >= 1024);
  expect(worthIt.filter((f) => !files.includes(`${f}.br`) || !files.includes(`${f}.gz`))).toEqual([]);
});

for (const page of ['/', '/public/reports']) {
  it(`sends ${page} and the files it links compressed, the hashed ones immutable`, async () => {
    const html = await get(page);
    expect(html.headers.get('content-encoding')).toBe('br');
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const linked = [...(await html.text()).matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThan(0);
    for (const path of linked) {
      for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip']] as const) {
        const res = await get(path, accept);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-encoding'), `${path} (${accept})`).toBe(encoding);
        expect(res.headers.get('cache-control'), path).toBe(IMMUTABLE);
        await res.arrayBuffer();
      }
    }
  });
}

it('compresses JSON above 1 KB, by the encoding the client takes', async () => {
  for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip']] as const) {
    const openapi = await get('/api/v1/openapi.json', accept);
    expect(openapi.headers.get('content-encoding')).toBe(encoding);
    expect((await openapi.json()).openapi).toBeDefined();
  }
  // The demo county's published reports: compressed once the list passes the threshold.
  const reports = await get('/api/v1/public/annual-reports');
  const size = (await reports.text()).length;
  expect(reports.headers.get('content-encoding')).toBe(size >= 1024 ? 'br' : null);
  expect(reports.headers.get('vary')).toMatch(/accept-encoding/i);
});
