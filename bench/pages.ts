// What a phone downloads and how soon it paints: the public report list (/public/reports) and the
// login page (/) opened in Chromium on the slow-4G profile with the CPU slowed 4×, first visit
// (empty cache) and a second visit (cache kept). Prints the bytes transferred (headers included),
// first paint, first contentful paint, when the page's content showed, and the API requests made.
// It starts `fazhi start` on a fresh data directory with the demo county, serving a private copy of
// the web build. Only loopback traffic.
// Usage: node bin/run-ts.mjs bench/pages.ts [RUNS]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { machine } from './load.ts';

const RUNS = Number(process.argv[2] ?? 3);
const PORT = 3952;
// Chrome DevTools' "Slow 4G" preset (Lighthouse's mobile throttling): 1.6 Mbit/s down at 90 %,
// 750 kbit/s up at 90 %, 150 ms RTT × 3.75.
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

interface Visit {
  bytes: number;
  requests: number;
  firstPaint: number | null;
  firstContentfulPaint: number | null;
  content: number;
  api: string[];
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-pages-'));
  const webDir = mkdtempSync(join(tmpdir(), 'fazhi-pages-web-'));
  cpSync('dist/web', webDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', FAZHI_DATA_DIR: dataDir, FAZHI_WEB_DIR: webDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const demo = spawnSync(process.execPath, ['bin/fazhi.mjs', 'demo'], { env, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`fazhi demo failed: ${demo.stderr}`);
  const server = spawn(process.execPath, ['bin/fazhi.mjs', 'start'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      if (i > 300) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    stop: () => {
      server.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(webDir, { recursive: true, force: true });
    },
  };
}

/** Opens `path` twice in one throttled tab: first with the cache disabled, then with it. */
async function visits(browser: Browser, url: string, path: string, contentSelector: string): Promise<[Visit, Visit]> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  let requests = 0;
  let api: string[] = [];
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  cdp.on('Network.requestWillBeSent', (e) => {
    const u = new URL(e.request.url);
    if (u.pathname.startsWith('/api/')) api.push(u.pathname + u.search);
  });
  const open = async (cache: boolean): Promise<Visit> => {
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
    bytes = 0;
    requests = 0;
    api = [];
    const started = Date.now();
    await page.goto(url + path, { waitUntil: 'load' });
    await page.locator(contentSelector).first().waitFor({ timeout: 60_000 });
    const content = Date.now() - started;
    // Late requests (data fetched after the content appeared) still count.
    await page.waitForLoadState('networkidle');
    const paints = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime])));
    return { bytes, requests, firstPaint: paints['first-paint'] ?? null, firstContentfulPaint: paints['first-contentful-paint'] ?? null, content, api: [...api] };
  };
  const first = await open(false);
  const second = await open(true);
  await context.close();
  return [first, second];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const ms = (n: number | null) => (n === null ? '—' : `${Math.round(n)} ms`);

function report(title: string, runs: [Visit, Visit][]) {
  for (const [label, index] of [['first visit', 0], ['second visit', 1]] as const) {
    const v = runs.map((r) => r[index]);
    const pick = (f: (x: Visit) => number | null) => median(v.map((x) => f(x) ?? Number.NaN));
    console.log(
      `${title.padEnd(18)} ${label.padEnd(13)} ${kb(pick((x) => x.bytes)).padStart(10)} in ${String(pick((x) => x.requests)).padStart(2)} requests   FP ${ms(pick((x) => x.firstPaint))}   FCP ${ms(pick((x) => x.firstContentfulPaint))}   content ${ms(pick((x) => x.content))}   API: ${v[0]!.api.join(', ') || 'none'}`,
    );
  }
}

const build = spawnSync(process.execPath, ['scripts/ensure-web-build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('web build failed');
const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  console.log(`machine: ${machine()}; Chromium ${browser.version()}, slow 4G (${SLOW_4G.latency} ms, ${kb(SLOW_4G.downloadThroughput)}/s down), CPU 4× slower; median of ${RUNS} runs`);
  const pages = [
    { title: '/public/reports', path: '/public/reports', content: '.item-list li' },
    { title: '/ (login page)', path: '/', content: 'input#username' },
  ];
  for (const p of pages) {
    const runs: [Visit, Visit][] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await visits(browser, server.url, p.path, p.content));
    report(p.title, runs);
  }
} finally {
  await browser.close();
  server.stop();
}
