// What a clerk ran into (a review of the product in use), each kept fixed: the top bar's search never
// opens a match of the term before the one just typed.
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loginPage, type Server, withDemoCounty } from './helpers.ts';

let server: Server;
let browser: Browser;

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

it('top-bar search: Enter right after a new term acts on that term, never on the matches still up from the previous one', async () => {
  const page = await loginPage(browser, server, 'fzb_wang');
  const box = page.getByLabel('全局搜索');
  const first = page.locator('.global-search-popup .ant-select-item-option').first();
  const showsAllOf = (term: string) => page.waitForURL((u) => u.pathname === '/search' && new URLSearchParams(u.search).get('q') === term);
  // The matches of the new term are slow to come: the moment between a key and its results.
  const matches = '**/api/v1/search?*limit=5*';
  const slow = async () =>
    page.route(matches, async (route) => {
      if (decodeURIComponent(route.request().url()).includes('城关镇')) await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue().catch(() => undefined); // the page may have moved on
    });
  await slow();

  // The mouse resting on the first match of 申请复议 while 城关镇 is pasted over it.
  await box.click();
  await box.fill('申请复议');
  await first.waitFor();
  const at = (await first.boundingBox())!;
  await page.mouse.move(at.x + 20, at.y + 10);
  await box.fill('城关镇');
  await page.mouse.move(at.x + 24, at.y + 12);
  await box.press('Enter');
  await showsAllOf('城关镇');

  // ↓ Enter straight after typing: nothing of 申请复议 to highlight.
  await box.fill('申请复议');
  await first.waitFor();
  await box.fill('城关镇');
  await box.press('ArrowDown');
  await box.press('Enter');
  await showsAllOf('城关镇');
  await page.unroute(matches);

  // Once the new term's matches are up, ↓ Enter opens one of them.
  await box.fill('');
  await box.fill('城关镇');
  await page.locator('.global-search-popup .ant-select-item-option', { hasText: '城关镇' }).first().waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
  await page.waitForURL((u) => u.pathname !== '/search');
  expect(page.url()).not.toContain('/search');
});
