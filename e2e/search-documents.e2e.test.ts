// The law office's clerk finds a case from the top bar and produces its notice: type a word, see
// matches grouped by record type, Enter for all of them, open a reconsideration case by its case
// number, 生成文书 → 行政复议受理通知书 lands in the case's evidence as a Word file.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SCREENSHOTS, ensureWebBuild, launchBrowser, loginPage, startServer, type Server } from './helpers.ts';

let server: Server;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  server = await startServer(3931, {}, [['demo']]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('finds a case from the top bar and produces its acceptance notice', async () => {
  const page = await loginPage(browser, server, 'fzb_wang');
  const box = page.getByLabel('全局搜索');
  await box.click();
  await box.fill('申请复议');
  // Matches grouped by record type, while typing.
  await page.locator('.ant-select-item-group', { hasText: '行政复议案件' }).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/40-search-dropdown.png` });
  await box.press('Enter');
  await page.waitForURL(/\/search\?q=/);
  // The results page's own box (the router keeps the old page up until the new one has loaded).
  await page.getByLabel('搜索关键词').waitFor();
  const group = (title: string) => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) });
  const reviews = group('行政复议案件');
  await reviews.waitFor();
  // A case under review shows its case number (复议案号) in the results; open it by that number.
  const accepted = reviews.locator('tr', { hasText: '已受理（审理中）' }).filter({ hasText: /政复〔\d{4}〕\d+号/ }).first();
  const caseNumber = (await accepted.locator('td', { hasText: /政复〔\d{4}〕\d+号/ }).textContent())!.trim();
  expect(caseNumber).toMatch(/^示范县政复〔\d{4}〕\d+号$/);
  await page.screenshot({ path: `${SCREENSHOTS}/41-search-page.png`, fullPage: true });
  await box.fill(caseNumber);
  await box.press('Enter');
  await page.waitForURL((u) => decodeURIComponent(u.search).includes(caseNumber));
  await group('行政复议案件').locator('td', { hasText: caseNumber }).waitFor();
  const hit = group('行政复议案件').locator('a').first();
  await hit.click();
  await page.waitForURL(/\/review\//);

  await page.getByTestId('generate-document').click();
  const notice = page.getByRole('menuitem', { name: '行政复议受理通知书' });
  await notice.waitFor();
  // Documents the case's status does not allow are there but disabled.
  expect(await page.getByRole('menuitem', { name: '不予受理行政复议申请决定书' }).getAttribute('aria-disabled')).toBe('true');
  const download = page.waitForEvent('download');
  await notice.click();
  expect((await download).suggestedFilename()).toBe(`行政复议受理通知书（${caseNumber}）.docx`);
  await page.getByRole('link', { name: `行政复议受理通知书（${caseNumber}）.docx` }).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/42-document-generated.png` });
});
