// The public portal as a citizen meets it, on the demo county: every public page at a phone's (the
// narrowest common one, 360 px) and a desktop's width passes axe-core (WCAG 2.1 A/AA) without a
// serious or critical violation, has one h1, its landmarks and a titled <title>, never scrolls
// sideways on the phone in either mode, loads none of the staff
// app's code and asks nothing that answers 401; the skip link and 适老模式 work from the keyboard,
// and 适老模式 is back, before the page's script runs, on the next visit.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { SCREENSHOTS, ensureWebBuild, launchBrowser, startServer, type Server } from './helpers.ts';

const SITE = '法治政府建设';
/** The narrowest phone in common use: a page that fits it fits the others. */
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1440, height: 900 };
/** The staff app's chunks (vite.config.ts): none of them belongs on a public page. */
const STAFF_CHUNK = /\/assets\/(index|antd|echarts|router|zod)-[\w-]+\.(js|css)$/;

let server: Server;
let browser: Browser;
let webDir: string;
/** Every public page, by name: the reports' addresses come from the demo data. */
let pages: { name: string; path: string }[];

beforeAll(async () => {
  ensureWebBuild();
  // The server serves its own copy of the build: a rebuild of dist/web while the suite runs (another
  // suite's ensureWebBuild after a source changed) would otherwise pull the files from under it.
  webDir = mkdtempSync(join(tmpdir(), 'fazhi-portal-web-'));
  cpSync('dist/web', webDir, { recursive: true });
  server = await startServer({ FAZHI_WEB_DIR: webDir }, [['demo']]);
  browser = await launchBrowser();
  const reports = (await (await fetch(`${server.url}/api/v1/public/annual-reports`)).json()) as { items: { id: string }[]; years: number[] };
  expect(reports.items.length).toBeGreaterThan(0);
  const consultations = (await (await fetch(`${server.url}/api/v1/public/decision-consultations`)).json()) as { open: { id: string }[]; closed: { id: string; summaryDate: string | null }[] };
  const summarised = consultations.closed.find((c) => c.summaryDate)!;
  pages = [
    { name: 'home', path: '/public' },
    { name: 'reports', path: '/public/reports' },
    { name: 'reports-year', path: `/public/reports?year=${reports.years[0]}` },
    { name: 'report', path: `/public/reports/${reports.items[0]!.id}` },
    { name: 'report-missing', path: '/public/reports/no-such-report' },
    // Submitting without an account (the receipt, the tracking view and the supplement form are
    // checked along the journeys of portal-submit.e2e.test.ts).
    { name: 'review-guide', path: '/public/review' },
    { name: 'review-apply', path: '/public/review/apply' },
    { name: 'disclosure-guide', path: '/public/disclosure' },
    { name: 'disclosure-apply', path: '/public/disclosure/apply' },
    // 重大行政决策: the drafts open for comment, one with its countdown and one with 意见采纳情况, the catalog, the comment form.
    { name: 'consultations', path: '/public/decisions' },
    { name: 'consultation-open', path: `/public/decisions/${consultations.open[0]!.id}` },
    { name: 'consultation-summary', path: `/public/decisions/${summarised.id}` },
    { name: 'decision-catalog', path: '/public/decisions/catalog' },
    { name: 'decision-comment', path: `/public/decisions/comment?choice=${consultations.open[0]!.id}` },
    { name: 'track', path: '/public/track' },
    { name: 'not-found', path: '/public/no-such-page' },
  ];
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (webDir) rmSync(webDir, { recursive: true, force: true });
});

/** A fresh visitor (no stored 适老模式) whose requests are watched. */
async function visitor(viewport: { width: number; height: number }, elder = false) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  if (elder) await context.addInitScript(() => localStorage.setItem('fazhi.portal.elder', '1'));
  const page = await context.newPage();
  const unauthorized: string[] = [];
  const staffCode: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 401) unauthorized.push(r.url());
    if (STAFF_CHUNK.test(new URL(r.url()).pathname)) staffCode.push(r.url());
  });
  return { context, page, unauthorized, staffCode };
}

/** Opens a public page and waits until its content (not a loading line) is there. */
async function open(page: Page, path: string): Promise<void> {
  const failures: string[] = [];
  const note = (r: { status(): number; url(): string }) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`);
  page.on('response', note);
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(`${server.url}${path}`);
  try {
    await page.locator('h1').first().waitFor();
  } catch (error) {
    // Say why the page stayed empty (e.g. a rebuild of dist/web under the running server).
    throw new Error(`${path} shows no h1; failed requests and errors: ${JSON.stringify(failures)}`, { cause: error });
  } finally {
    page.off('response', note);
  }
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.getByText('正在加载…').count()).toBe(0);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.passes.length, 'axe-core checked nothing').toBeGreaterThan(10);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** What every public page has: one h1, the landmarks, a skip link, and a <title> naming page and site. */
async function structure(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    h1: [...document.querySelectorAll('h1')].map((h) => h.textContent),
    title: document.title,
    landmarks: ['header', 'nav', 'main', 'footer'].filter((tag) => document.querySelector(tag)),
    skip: document.querySelector('a.skip-link')?.getAttribute('href'),
  }));
}

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

async function closeAll(...contexts: BrowserContext[]) {
  for (const c of contexts) await c.close();
}

describe('every public page', () => {
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`passes axe-core and has its structure at ${viewport.width} px`, async () => {
      const v = await visitor(viewport);
      for (const { name, path } of pages) {
        await open(v.page, path);
        expect(await seriousViolations(v.page), `${path} at ${viewport.width} px`).toEqual([]);
        const s = await structure(v.page);
        expect(s.lang).toBe('zh-CN');
        expect(s.h1, path).toHaveLength(1);
        expect(s.title, path).toBe(s.h1[0] === SITE ? SITE : `${s.h1[0]}｜${SITE}`);
        expect(s.landmarks, path).toEqual(['header', 'nav', 'main', 'footer']);
        expect(s.skip).toBe('#main');
        if (label === 'phone') expect(await scrollsSideways(v.page), `${path} is wider than ${PHONE.width} px`).toBe(false);
        await v.page.screenshot({ path: `${SCREENSHOTS}/portal-${name}-${label}.png`, fullPage: true });
      }
      expect(v.unauthorized, 'requests answered 401').toEqual([]);
      expect(v.staffCode, 'staff app code loaded by a public page').toEqual([]);
      await closeAll(v.context);
    });
  }

  it('passes axe-core in 适老模式 too, and never scrolls sideways on the phone in it', async () => {
    const v = await visitor(PHONE, true);
    for (const { name, path } of pages) {
      await open(v.page, path);
      expect(await seriousViolations(v.page), `${path} in 适老模式`).toEqual([]);
      expect(await scrollsSideways(v.page), `${path} in 适老模式 is wider than ${PHONE.width} px`).toBe(false);
      if (name === 'report') await v.page.screenshot({ path: `${SCREENSHOTS}/portal-report-elder-phone.png`, fullPage: true });
    }
    expect(v.unauthorized, 'requests answered 401').toEqual([]);
    await closeAll(v.context);
  });
});

it('the skip link is the first stop of the keyboard and takes it to the content', async () => {
  const v = await visitor(PHONE);
  await open(v.page, '/public/reports');
  await v.page.keyboard.press('Tab');
  const skip = v.page.getByRole('link', { name: '跳到正文' });
  await expect.poll(() => skip.evaluate((a) => a === document.activeElement)).toBe(true);
  // Shown when focused: inside the viewport, not off-screen.
  const box = await skip.boundingBox();
  expect(box && box.y >= 0 && box.x >= 0).toBe(true);
  await v.page.keyboard.press('Enter');
  await expect.poll(() => v.page.evaluate(() => document.activeElement?.id)).toBe('main');
  // Focus on a link is visible: the next Tab lands in the content with an outline.
  await v.page.keyboard.press('Tab');
  const focused = await v.page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return { tag: el.tagName, inMain: Boolean(el.closest('main')), outline: getComputedStyle(el).outlineStyle };
  });
  expect(focused).toEqual({ tag: 'A', inMain: true, outline: 'solid' });
  await closeAll(v.context);
});

it('适老模式 is switched with the keyboard and remembered, before the page’s script runs, on the next visit', async () => {
  const v = await visitor(PHONE);
  await open(v.page, '/public/reports');
  const toggle = v.page.getByRole('button', { name: '适老模式' });
  expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  // Tab to it as a keyboard user does, then press Space.
  for (let i = 0; i < 10 && !(await toggle.evaluate((b) => b === document.activeElement)); i++) await v.page.keyboard.press('Tab');
  expect(await toggle.evaluate((b) => b === document.activeElement)).toBe(true);
  const before = await v.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await v.page.keyboard.press('Space');
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  expect(await v.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThan(before);

  await v.page.reload();
  await v.page.locator('h1').waitFor();
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  // The class comes from the blocking pre-paint script, not from the portal's module: it is
  // there even when no module script loads at all (so no first paint in the standard mode).
  await v.page.route('**/assets/*.js', (route) => route.abort());
  await v.page.goto(`${server.url}/public`);
  expect(await v.page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
  await v.page.unroute('**/assets/*.js');

  // And off again, with Enter this time, on another page.
  await open(v.page, '/public');
  await toggle.focus();
  await v.page.keyboard.press('Enter');
  expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  await v.page.reload();
  await v.page.locator('h1').waitFor();
  expect(await v.page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(false);
  expect(v.unauthorized).toEqual([]);
  await closeAll(v.context);
});

it('the home page leads to every section, and the staff login page to the reports', async () => {
  const v = await visitor(PHONE);
  await open(v.page, '/public');
  const nav = v.page.getByRole('navigation', { name: '栏目' });
  expect(await nav.getByRole('link').allTextContents()).toEqual(['首页', '年度报告', '规范性文件库', '重大行政决策', '行政复议', '政府信息公开', '行政执法公示', '政务服务', '进度查询']);
  await v.page.getByRole('main').getByRole('link', { name: '年度报告', exact: true }).click();
  await v.page.getByRole('heading', { level: 1, name: '法治政府建设年度报告' }).waitFor();
  expect(new URL(v.page.url()).pathname).toBe('/public/reports');
  // A filter narrows the list and stays in the address.
  const years = await v.page.getByLabel('年度', { exact: true }).locator('option').allTextContents();
  await v.page.getByLabel('年度', { exact: true }).selectOption({ label: years[1]! });
  await v.page.getByRole('heading', { level: 2, name: `${years[1]!.replace('年', '')} 年度` }).waitFor();
  expect(await v.page.getByRole('heading', { level: 2 }).count()).toBe(1);
  expect(new URL(v.page.url()).search).toBe(`?year=${years[1]!.replace('年', '')}`);

  await v.page.goto(`${server.url}/login`);
  await v.page.getByRole('link', { name: /法治政府建设年度报告/ }).click();
  await v.page.getByRole('heading', { level: 1, name: '法治政府建设年度报告' }).waitFor();
  await closeAll(v.context);
});
