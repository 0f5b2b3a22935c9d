// Enforcement and its supervision in the demo county, as its people do it (issue 16): the justice
// bureau's legal reviewer (shenhe_zhao) gives the opinion on a major case waiting for review; the
// market regulator's officer (scj_officer) decides the case reviewed earlier and discloses it; the
// bureau (fzb_wang) scores a sampled file line by line on the campaign's sheet, is made to name the
// problems of a failing file, and corrects an officer's post.
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, loginPage, type Server, takeTransition, withDemoCounty } from './helpers.ts';

let server: Server;
let browser: Browser;

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

const act = takeTransition;

/** Opens a case from the ledger by its party (the ledger's link). */
async function openCase(page: Page, party: string) {
  await page.goto(`${server.url}/enforcement/cases`);
  await page.getByRole('link', { name: party, exact: true }).click();
  await page.waitForURL(/\/enforcement\/cases\/[0-9a-z]{26}$/);
}

/** Waits until the workflow panel shows the record in `label`. */
const status = (page: Page, label: string) => page.getByTestId('workflow-status').filter({ hasText: new RegExp(`^${label}$`) }).waitFor();

it('the legal reviewer gives the opinion on a major case; the officer decides a reviewed case and discloses it', async () => {
  const reviewer = await loginPage(browser, server, 'shenhe_zhao');
  await openCase(reviewer, '示范县青禾食品加工厂');
  await status(reviewer, '法制审核中');
  await act(reviewer, 'review', (modal) => modal.getByLabel('法制审核意见').fill('事实清楚，证据确凿，适用法律正确，程序合法，同意作出处罚决定。'));
  await status(reviewer, '已审核待决定');
  await reviewer.screenshot({ path: `${SCREENSHOTS}/60-enforcement-legal-review.png`, fullPage: true });
  await reviewer.close();

  const officer = await loginPage(browser, server, 'scj_officer');
  await openCase(officer, '示范县福满家电器商行');
  await status(officer, '已审核待决定');
  await act(officer, 'decide', async (modal) => {
    await modal.getByTestId('input-outcome').click();
    await officer.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="予以处罚、许可或实施强制"]').click();
    await modal.getByLabel('决定内容').fill('没收违法销售的压力锅，罚款人民币三万元');
    await modal.getByLabel('罚没金额（元）').fill('30000');
  });
  await status(officer, '已决定待公示');
  // The disclosure clock has started: 7 working days for a penalty.
  await officer.getByText('公示期限').first().waitFor();
  await act(officer, 'disclose');
  await status(officer, '已公示');
  expect(await officer.locator('main').textContent()).toContain('没收违法销售的压力锅，罚款人民币三万元');
  await officer.screenshot({ path: `${SCREENSHOTS}/61-enforcement-case-disclosed.png`, fullPage: true });
  await officer.close();
});

it('the bureau scores a sampled file line by line; a failing file must name its problems', async () => {
  const page = await loginPage(browser, server, 'fzb_wang');
  await page.goto(`${server.url}/enforcement/file-reviews`);
  await page.getByRole('link', { name: /行政执法案卷评查/ }).first().click();
  await page.waitForURL(/\/enforcement\/file-reviews\/[0-9a-z]{26}$/);
  const files = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: /^评查案卷$/ }) });
  const row = files.locator('tr.ant-table-row').filter({ hasText: '待评分' }).first();
  const caseTitle = (await row.locator('td a').first().textContent())!.trim();
  await row.getByText('评分', { exact: true }).click();
  const modal = page.locator('.ant-modal-content').filter({ hasText: `评分：${caseTitle}` });
  await modal.waitFor();
  // The default sheet: 10/25/20/25/10/10. 8+18+14+15+7+6 = 68, below the pass mark of 80.
  const lines: [string, string][] = [
    ['执法主体合法、执法人员持证', '8'],
    ['事实清楚、证据确凿', '18'],
    ['适用法律正确、裁量适当', '14'],
    ['程序合法（告知、听证、法制审核、送达）', '15'],
    ['文书规范、全过程记录完整', '7'],
    ['按时公示、立卷归档', '6'],
  ];
  for (const [item, score] of lines) await modal.getByLabel(`${item} 得分`).fill(score);
  await modal.getByText('68　不合格').waitFor();
  await modal.getByRole('button', { name: /评\s*分/ }).click();
  // Failing without the problems found is refused at the field, before anything is sent.
  await modal.getByText('不合格的案卷须写明发现的问题').waitFor();
  await modal.getByLabel('发现的问题').fill('未告知当事人陈述申辩权利；送达回证缺失');
  await page.screenshot({ path: `${SCREENSHOTS}/62-file-review-scoring.png`, fullPage: true });
  await modal.getByRole('button', { name: /评\s*分/ }).click();
  await modal.waitFor({ state: 'detached' });
  const scored = files.locator('tr.ant-table-row').filter({ hasText: caseTitle });
  await scored.getByText('不合格').waitFor();
  await expect.poll(() => scored.textContent()).toContain('68');
  // Its lines, under the row.
  await scored.getByRole('button', { name: /展开行|Expand row/ }).click();
  await files.getByText('程序合法（告知、听证、法制审核、送达）：').waitFor();
  expect(await files.locator('.ant-table-expanded-row').first().textContent()).toContain('15/25');

  // The failing file is in its body's problem pool.
  const problems = await page.request.get(`${server.url}/api/v1/problems?pageSize=200`);
  expect((await problems.json()).items.some((p: { title: string }) => p.title.includes(`案卷评查不合格（68分）：${caseTitle}`))).toBe(true);
  await page.close();
});

it('the bureau corrects an officer\'s post from the officer\'s page', async () => {
  const page = await loginPage(browser, server, 'fzb_wang');
  await page.goto(`${server.url}/enforcement/officers`);
  await page.getByRole('link', { name: '王建国' }).first().click();
  await page.waitForURL(/\/enforcement\/officers\/[0-9a-z]{26}$/);
  await page.getByRole('button', { name: /更\s*正/ }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByLabel('岗位').fill('执法大队副队长');
  await drawer.getByLabel('岗位').press('Enter');
  await drawer.waitFor({ state: 'detached' });
  await page.locator('.ant-descriptions').getByText('执法大队副队长').waitFor();
  await page.close();
});
