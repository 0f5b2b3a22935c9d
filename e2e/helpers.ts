// Starts a real server (`fazhi start`) on a fresh data directory and drives Debian's Chromium.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { generate } from 'otplib';
import { afterAll, beforeAll, inject } from 'vitest';
import './demo-template.ts';
import { freePort } from '../test/free-port.ts';

export interface Server {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

export function ensureWebBuild(): void {
  const result = spawnSync(process.execPath, ['scripts/ensure-web-build.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('web build failed');
}

/**
 * A server on a fresh data directory and a free port. `prepare` runs CLI commands on the data
 * directory before the server starts; `demo` copies the run's demo county (generated once,
 * e2e/demo-template.ts) instead of generating it again.
 */
export async function startServer(extraEnv: NodeJS.ProcessEnv = {}, prepare: string[][] = []): Promise<Server> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-'));
  let out = '';
  // One request worker: a journey is one user at a time, and each worker more is a process loading the
  // whole server while the browser and the other test file want the same two cores (the worker pool
  // itself is tested in test/workers.api.test.ts).
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', FAZHI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', FAZHI_WORKERS: '1', ...extraEnv };
  delete env.DATABASE_URL;
  for (const args of prepare) {
    if (args.length === 1 && args[0] === 'demo') {
      cpSync(inject('demoTemplate'), dataDir, { recursive: true });
      out += inject('demoOutput');
      continue;
    }
    const result = spawnSync(process.execPath, ['bin/fazhi.mjs', ...args], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`fazhi ${args.join(' ')} failed: ${result.stderr}`);
    out += result.stdout;
  }
  const child: ChildProcess = spawn(process.execPath, ['bin/fazhi.mjs', 'start'], { env });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  // Up to two minutes: on a loaded machine a server's processes take long to load; a server that never answers fails here, not at the first page.
  for (let up = false, i = 0; !up; i++) {
    try {
      up = (await fetch(`${url}/healthz`)).ok;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (!up && i >= 600) {
      child.kill('SIGKILL');
      throw new Error(`server on port ${port} did not answer /healthz within 120 s: ${out}`);
    }
    if (!up) await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    output: () => out,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's Chromium, every page in reduced motion: the staff app then opens and closes dialogs
 * without animations, so a click never lands on a dialog still zooming in (on a busy host a lost
 * 确定 kept dialogs open).
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

export const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

/**
 * The demo county served on a free port and a browser, for a file's tests: started before them (the demo
 * loaded before the server starts: one writer at a time on the SQLite file), both stopped after.
 */
export function withDemoCounty(ready: (server: Server, browser: Browser) => void): void {
  let server: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer({}, [['demo']]);
    browser = await launchBrowser();
    ready(server, browser);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/** Every demo account's password (`fazhi demo`). */
export const DEMO_PASSWORD = 'Shifan#2026';

/** A new page logged in through the login form as a demo account. */
export async function loginPage(browser: Browser, server: Server, username: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  await page.goto(server.url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await page.getByRole('button', { name: /登\s*录/ }).click();
  const response = await answer;
  try {
    // An administrator signing in for the first time binds an authenticator first (two-factor sign-in is mandatory for them).
    await page.getByTestId('user-menu').or(page.getByTestId('totp-qr')).first().waitFor();
    if (await page.getByTestId('totp-qr').isVisible()) await bindAuthenticator(page);
    // The workbench, or the 驾驶舱 where a county leader lands: either way the signed-in shell's user menu.
    await page.getByTestId('user-menu').waitFor();
    await page.waitForLoadState('networkidle');
  } catch (error) {
    // Say why the sign-in did not land: what the server answered, what the page shows, its log.
    const shown = await page.locator('.ant-alert, .ant-result').allTextContents().catch(() => []);
    await page.screenshot({ path: `${SCREENSHOTS}/failed-login-${username}.png` }).catch(() => undefined);
    throw new Error(`${username} did not reach the signed-in pages: login answered ${response.status()} ${await response.text().catch(() => '')}; page ${page.url()} shows ${JSON.stringify(shown)}; server log tail:\n${server.output().slice(-3000)}`, { cause: error });
  }
  return page;
}

/** Binds an authenticator on the enrolment page (as a phone app would: a code from the shown secret), keeps the recovery codes; returns the secret. */
export async function bindAuthenticator(page: Page): Promise<string> {
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await page.locator('#totp-code').fill(await generate({ secret }));
  await page.getByRole('button', { name: /验证并启用/ }).click();
  await page.getByTestId('recovery-codes').waitFor();
  await page.getByRole('button', { name: /我已妥善保存恢复码/ }).click();
  return secret;
}

/** Takes a record's workflow transition `key` from its panel, fills its dialog (`fill`) and confirms it. */
export async function takeTransition(page: Page, key: string, fill: (modal: Locator) => Promise<void> = async () => {}): Promise<void> {
  await page.getByTestId(`transition-${key}`).click();
  const modal = page.locator('.ant-modal-content').filter({ has: page.getByRole('button', { name: /确\s*定/ }) });
  await modal.waitFor();
  await fill(modal);
  // Confirm, and say why when the dialog stays open: the server's refusal or the form's own errors.
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/transitions/${key}`), { timeout: 60_000 });
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  const response = await answer.catch(async () => {
    const errors = await modal.locator('.ant-form-item-explain-error').allTextContents().catch(() => []);
    throw new Error(`「${key}」 was not sent after 确定; the dialog shows ${JSON.stringify(errors)}`);
  });
  if (!response.ok()) throw new Error(`「${key}」 refused: ${response.status()} ${await response.text().catch(() => '')}`);
  await modal.waitFor({ state: 'detached' });
}

/** A request as the page's own code makes it (session cookie and CSRF token): its status and JSON body. */
export const pageApi = (page: Page, method: string, path: string, body?: unknown) =>
  page.evaluate(
    async ([method, path, body]) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('fazhi_csrf='))?.slice('fazhi_csrf='.length) ?? '';
      const res = await fetch(`/api/v1${path}`, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
    [method, path, body] as const,
  );
