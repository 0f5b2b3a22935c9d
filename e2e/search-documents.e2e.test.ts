// The law office's clerk at work (the demo county): finds a case from the top bar and produces its
// notice (type a word, matches grouped by record type, Enter for all of them, open a reconsideration
// case by its case number, 生成文书 → 行政复议受理通知书 in the case's evidence as a Word file; a
// 督办单 by its 文号, printed the same way);
// registers a legal advisor and links an engagement to a case found by search; takes a normative
// document from draft to publication, and the public finds it in the library by a word of its text.
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SCREENSHOTS, loginPage, type Server, takeTransition, withDemoCounty } from './helpers.ts';

let server: Server;
let browser: Browser;

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

it('finds a case from the top bar and produces its acceptance notice; prints a 督办单 with its 文号', async () => {
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
  // Enter while the box's own request for what was typed is still on its way opens all results too.
  const matches = '**/api/v1/search?*limit=5*';
  await page.route(matches, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue().catch(() => undefined); // the page may have moved on
  });
  await box.fill(caseNumber);
  await page.waitForRequest((r) => r.url().includes('limit=5') && decodeURIComponent(r.url()).includes(caseNumber));
  await box.press('Enter');
  await page.waitForURL((u) => decodeURIComponent(u.search).includes(caseNumber));
  await page.unroute(matches);
  // The old results (of 申请复议) may still be up while these load, so open the row of the case number.
  const hit = group('行政复议案件').locator('tr', { hasText: caseNumber }).getByRole('link').first();
  await hit.waitFor();
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

  // A supervision notice carries its 文号 in the ledger and on its page, and prints as a 督办单 with it.
  await page.goto(`${server.url}/notices`);
  const row = page.locator('tr.ant-table-row', { hasText: '督办单' }).filter({ hasText: /法治督〔\d{4}〕\d+号/ }).first();
  await row.waitFor();
  const noticeNumber = (await row.locator('td', { hasText: /法治督〔\d{4}〕\d+号/ }).textContent())!.trim();
  expect(noticeNumber).toMatch(/^示范县法治督〔\d{4}〕\d+号$/);
  await row.locator('a').first().click();
  await page.waitForURL(/\/notices\/[^/]+$/);
  await page.locator('.ant-descriptions', { hasText: noticeNumber }).waitFor();
  await page.getByTestId('generate-document').click();
  const supervision = page.getByRole('menuitem', { name: '督办单', exact: true });
  await supervision.waitFor();
  const printed = page.waitForEvent('download');
  await supervision.click();
  expect((await printed).suggestedFilename()).toBe(`督办单（${noticeNumber}）.docx`);
  await page.getByRole('link', { name: `督办单（${noticeNumber}）.docx` }).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/43-supervision-notice-printed.png` });

  // ↓ then Enter in the top bar opens the highlighted record instead of all results.
  await box.fill(caseNumber);
  await page.locator('.global-search-popup .ant-select-item-option', { hasText: caseNumber }).waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
  await page.waitForURL(/\/review\/[^/?]+$/);
  await page.locator('.ant-descriptions', { hasText: caseNumber }).first().waitFor();
});

it('registers a legal advisor serving several units, corrects the entry, and links an engagement to a case found by search', async () => {
  const page = await loginPage(browser, server, 'fzb_wang');
  await page.goto(`${server.url}/legal-advisors`);
  await page.getByRole('button', { name: /登记法律顾问/ }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByLabel('姓名').fill('赵律师');
  await drawer.getByLabel('律师事务所或所在单位').fill('示范律师事务所');
  await drawer.getByLabel('聘期开始').fill('2026-01-01');
  await drawer.getByLabel('聘期开始').press('Tab');
  const served = drawer.getByLabel('服务单位（聘请单位以外，可多选）');
  await served.click();
  await served.fill('教育局');
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '教育局' }).first().click();
  await drawer.getByLabel('姓名').click();
  await page.screenshot({ path: `${SCREENSHOTS}/43-advisor-form.png` });
  await page.getByRole('button', { name: '登 记' }).or(page.getByRole('button', { name: '登记' })).last().click();
  await page.waitForURL(/\/legal-advisors\/[0-9a-z]{26}$/);
  // The router keeps the ledger up until the entry's page has loaded (the demo's advisor of the same firm is in it).
  await page.getByRole('button', { name: /登记服务记录/ }).waitFor();
  const entry = page.locator('.ant-card').first();
  await entry.getByText('示范律师事务所').waitFor();
  await expect.poll(() => entry.textContent()).toContain('教育局');

  // A renewed contract with another firm: the units served stay as they were.
  await page.getByRole('button', { name: /修\s*改/ }).click();
  await drawer.getByLabel('律师事务所或所在单位').fill('示范第二律师事务所');
  await drawer.getByLabel('律师事务所或所在单位').press('Enter');
  await entry.getByText('示范第二律师事务所').waitFor();
  expect(await entry.textContent()).toContain('教育局');

  // An engagement linked to a reconsideration case found by typing part of its title.
  await page.getByRole('button', { name: /登记服务记录/ }).click();
  const modal = page.locator('.ant-modal-content');
  await modal.getByLabel('日期').fill('2026-03-02');
  await modal.getByLabel('日期').press('Tab');
  await modal.getByLabel('服务类型').click();
  await page.locator('.ant-select-item-option', { hasText: '行政复议' }).first().click();
  await modal.getByLabel('服务事项').fill('出席复议案件听证');
  await modal.getByLabel('关联记录（可不填）').fill('申请复议');
  const option = page.locator('.ant-select-item-group', { hasText: '行政复议案件' }).locator('xpath=following-sibling::div[contains(@class,"ant-select-item-option")]').first();
  await option.waitFor();
  const picked = (await option.textContent())!.trim();
  await option.click();
  await page.screenshot({ path: `${SCREENSHOTS}/44-advisor-engagement.png` });
  await modal.getByRole('button', { name: /登\s*记/ }).click();
  const row = page.locator('tr', { hasText: '出席复议案件听证' });
  await row.waitFor();
  const link = row.getByRole('link');
  expect(await link.textContent()).toMatch(/^行政复议案件：/);
  expect(picked).toContain((await link.textContent())!.replace('行政复议案件：', '').slice(0, 6));
  await link.click();
  await page.waitForURL(/\/review\//);
});

it('takes a normative document from draft through review, deliberation and 三统一 to the public library', async () => {
  const page = await loginPage(browser, server, 'fzb_wang');
  await page.goto(`${server.url}/normative-docs`);
  await page.getByRole('button', { name: /起草规范性文件/ }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByLabel('文件名称').fill('示范县城区共享单车停放管理办法');
  await drawer.getByLabel('正文').fill('第一条 为规范城区共享单车停放秩序，制定本办法。\n第二条 共享单车应当在施划的停放区域内有序停放。\n第三条 本办法自公布之日起施行，有效期5年。');
  await drawer.getByLabel('征求意见情况').fill('在县政府门户网站公开征求意见15日，收到意见3条，采纳2条。');
  await page.getByRole('button', { name: /保存草稿/ }).click();
  await page.waitForURL(/\/normative-docs\/[0-9a-z]{26}$/);

  const act = (key: string, fill?: (modal: import('playwright-core').Locator) => Promise<void>) => takeTransition(page, key, fill);
  const choose = async (modal: import('playwright-core').Locator, key: string, option: string) => {
    await modal.getByTestId(`input-${key}`).click();
    // The open list (one just closed may still be fading out), the option by its exact title.
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden):not(.ant-slide-up-leave) .ant-select-item-option[title="${option}"]`).click();
  };
  await act('submit');
  await act('review', async (modal) => {
    for (const key of ['subjectFinding', 'authorityFinding', 'contentFinding', 'procedureFinding']) await choose(modal, key, '符合');
    await choose(modal, 'conclusion', '同意提请审议');
    await modal.getByLabel('审查意见').fill('制定主体适格，内容不违反上位法，同意提请县政府常务会议审议。');
  });
  await act('deliberate', async (modal) => modal.getByLabel('审议会议').fill('县政府第12次常务会议'));
  const validUntil = `${new Date().getUTCFullYear() + 4}-12-31`;
  await act('publish', async (modal) => {
    // A date field of the transition is a date picker.
    await modal.getByLabel('有效期至').fill(validUntil);
    await modal.getByLabel('有效期至').press('Tab');
  });
  const status = page.getByText('现行有效').first();
  await status.waitFor();
  const docNumber = (await page.getByText(/示范县政规〔\d{4}〕\d+号/).first().textContent())!.match(/示范县政规〔\d{4}〕\d+号/)![0];
  await page.screenshot({ path: `${SCREENSHOTS}/45-normative-published.png`, fullPage: true });

  // The public library finds it by a word of its text, with its number.
  const visitor = await browser.newPage();
  await visitor.goto(`${server.url}/public/normative-docs`);
  await visitor.getByPlaceholder('文件名称、文号或正文中的词语').fill('施划的停放区域');
  await visitor.getByPlaceholder('文件名称、文号或正文中的词语').press('Enter');
  const hit = visitor.getByRole('link', { name: /示范县城区共享单车停放管理办法/ });
  await hit.waitFor();
  expect(await visitor.locator('main').textContent()).toContain(docNumber);
  await hit.click();
  await visitor.getByText('第二条 共享单车应当在施划的停放区域内有序停放。').waitFor();
  await visitor.screenshot({ path: `${SCREENSHOTS}/46-normative-library.png`, fullPage: true });
  await visitor.close();
});
