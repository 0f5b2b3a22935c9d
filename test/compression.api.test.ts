// Pages that arrive small: static files go out as the build's brotli or gzip copy by the client's
// Accept-Encoding, hashed assets are cached for a year as immutable while pages and unhashed files
// are revalidated, and JSON answers above a small size are compressed. On a web directory laid out
// like the build (e2e/compression.e2e.test.ts checks the real build and server).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeFoiRequest, makeStaffedUnit, type TestEnv } from './harness.ts';
import { COMPRESS_JSON_FROM, IMMUTABLE, acceptedEncoding } from '../src/server/app.ts';

const SCRIPT = `console.log(${JSON.stringify('法治'.repeat(2000))});`;
const HTML = `<!doctype html><html><head><title>法治</title></head><body><div id="root"></div>${'<!-- padding -->'.repeat(50)}</body></html>`;

let env: TestEnv;
let webDir: string;

/** A file with its .br and .gz copies, as the build writes them. */
function writeCompressed(file: string, content: string) {
  writeFileSync(file, content);
  writeFileSync(`${file}.br`, brotliCompressSync(content));
  writeFileSync(`${file}.gz`, gzipSync(content));
}

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'fazhi-web-'));
  mkdirSync(join(webDir, 'assets'));
  mkdirSync(join(webDir, 'public'));
  writeCompressed(join(webDir, 'index.html'), HTML);
  writeCompressed(join(webDir, 'public', 'index.html'), HTML.replace('法治', '公开'));
  writeCompressed(join(webDir, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  writeCompressed(join(webDir, 'portal-prefs.js'), SCRIPT);
  env = await createTestEnv({ webDir });
});
afterAll(async () => {
  await env?.close();
  rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) => env.app.inject({ method: 'GET', url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });
const decoded = (res: { rawPayload: Buffer; headers: Record<string, unknown> }) =>
  res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload) : res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload;

describe('static files', () => {
  it('go out as the brotli copy when the client takes it, else gzip, else as they are', async () => {
    for (const [accept, expected] of [['gzip, deflate, br, zstd', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip;q=0.8', 'gzip'], ['identity', undefined], [undefined, undefined]] as const) {
      const res = await get('/assets/index-Ab12Cd34.js', accept);
      expect(res.statusCode, String(accept)).toBe(200);
      expect(res.headers['content-encoding'], String(accept)).toBe(expected);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(decoded(res).toString()).toBe(SCRIPT);
    }
  });

  it('cache hashed assets for a year as immutable, and revalidate unhashed files', async () => {
    expect((await get('/assets/index-Ab12Cd34.js', 'br')).headers['cache-control']).toBe(IMMUTABLE);
    expect((await get('/assets/index-Ab12Cd34.js')).headers['cache-control']).toBe(IMMUTABLE);
    expect((await get('/portal-prefs.js', 'br')).headers['cache-control']).toBe('no-cache');
  });

  it('serve the pages compressed and never cached without revalidation', async () => {
    for (const [url, text] of [['/', '法治'], ['/disputes/123', '法治'], ['/public/reports', '公开']] as const) {
      const res = await get(url, 'gzip, br');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(decoded(res).toString()).toContain(text);
      expect((await get(url)).headers['content-encoding']).toBeUndefined();
    }
  });
});

describe('JSON answers', () => {
  it(`are compressed from ${COMPRESS_JSON_FROM} bytes, and say they vary by Accept-Encoding`, async () => {
    const large = await get('/api/v1/openapi.json', 'gzip, deflate, br');
    expect(large.statusCode).toBe(200);
    expect(large.headers['content-encoding']).toBe('br');
    expect(large.headers.vary).toMatch(/accept-encoding/i);
    const body = decoded(large);
    expect(body.length).toBeGreaterThan(COMPRESS_JSON_FROM);
    expect(large.rawPayload.length).toBeLessThan(body.length / 3);
    expect(JSON.parse(body.toString()).openapi).toBeDefined();
    expect(Number(large.headers['content-length'])).toBe(large.rawPayload.length);

    const gz = await get('/api/v1/openapi.json', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz).equals(body)).toBe(true);
    expect((await get('/api/v1/openapi.json')).headers['content-encoding']).toBeUndefined();
  });

  it("give a dashboard's figures compressed once until a write moves them, then the new figures", async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const);
    const figures = async (encoding: string) => {
      const res = await agents.unit_liaison.request({ method: 'GET', url: '/api/v1/indicators?year=2026', headers: { 'accept-encoding': encoding } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      return { raw: res.rawPayload, body: JSON.parse(decoded(res).toString()) };
    };
    const first = await figures('br');
    const again = await figures('br');
    expect(again.raw.equals(first.raw)).toBe(true);
    expect((await figures('gzip')).body).toEqual(first.body);
    await makeFoiRequest(agents.unit_liaison, { unitId: unit.id, receivedDate: '2026-03-02' });
    const after = await figures('br');
    expect(after.body.indicators['foi.requests']).toBe(first.body.indicators['foi.requests'] + 1);
    expect((await figures('gzip')).body).toEqual(after.body);
  });

  it('leave small answers and problems below the threshold as they are', async () => {
    const small = await get('/healthz', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ status: 'ok' });
    const problem = await get('/api/v1/no-such-thing', 'br');
    expect(problem.statusCode).toBe(404);
    expect(problem.headers['content-encoding']).toBeUndefined();
    expect(problem.json().detail).toContain('接口不存在');
  });
});

it('reads Accept-Encoding with its weights', () => {
  expect(acceptedEncoding('gzip, deflate, br')).toBe('br');
  expect(acceptedEncoding('BR;q=0.5')).toBe('br');
  expect(acceptedEncoding('br;q=0')).toBeNull();
  expect(acceptedEncoding(['deflate', 'gzip;q=1.0'])).toBe('gzip');
  expect(acceptedEncoding(undefined)).toBeNull();
});
