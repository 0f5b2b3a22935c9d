// Audits, legal education and public legal services as staff use them (the demo county): the law
// office reads the 法律明白人 coverage of every village in colours against the target, follows an
// audit project to its findings and a finding to its rectification; 城关镇's liaison registers a
// 普法活动 from the ledger and lands on its page; another town's records stay out of its ledger.
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SCREENSHOTS, loginPage, type Server, withDemoCounty } from './helpers.ts';

let server: Server;
let browser: Browser;

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

const watch = (page: import('playwright-core').Page) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && problems.push(m.text()));
  return problems;
};

/** Signs `username` in and opens the ledger `menu` (its first row shown); the page's errors are collected. */
async function ledgerAs(username: string, menu: string) {
  const page = await loginPage(browser, server, username);
  const problems = watch(page);
  await page.getByRole('menuitem', { name: menu }).click();
  await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  return { page, problems };
}

it('the law office reads the coverage of villages against the target, audits and their findings', async () => {
  const { page, problems } = await ledgerAs('fzb_wang', '法律明白人');
  await page.getByRole('tab', { name: '村（社区）覆盖情况' }).click();
  await page.getByText('每村（社区）目标：').waitFor();
  // Demo: 13 villages, two short of 3 (2 and 1 people), 160 on the register.
  const tags = page.locator('[data-testid^="coverage-"]');
  await expect.poll(() => tags.count()).toBe(13);
  const colours = await tags.evaluateAll((els) => els.map((e) => [...e.classList].find((c) => /ant-tag-(green|orange|red)/.test(c))));
  expect(colours.filter((c) => c === 'ant-tag-green')).toHaveLength(11);
  expect(colours.filter((c) => c === 'ant-tag-orange')).toHaveLength(2);
  await expect.poll(() => page.getByText('2 个村（社区）法律明白人不足 3 人').count()).toBe(1);
  await page.screenshot({ path: `${SCREENSHOTS}/registries-coverage.png`, fullPage: true });

  await page.getByRole('menuitem', { name: '审计项目' }).click();
  await page.waitForURL(/\/audits$/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await rows.first().waitFor();
  await expect.poll(() => page.locator('.ant-pagination-total-text').first().textContent()).toMatch(/共\s*21\s*个/);
  await page.screenshot({ path: `${SCREENSHOTS}/registries-audits.png`, fullPage: true });
  await rows.first().locator('a').first().click();
  await page.getByText('涉及金额合计').waitFor();
  const findings = page.locator('.ant-card-inner .ant-table-tbody tr.ant-table-row, .ant-card-type-inner .ant-table-tbody tr.ant-table-row');
  await findings.first().waitFor();
  await findings.first().locator('a').first().click();
  await page.waitForURL(/\/audit-findings\//);
  await page.getByText('问题描述').first().waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/registries-finding.png`, fullPage: true });

  await page.getByRole('menuitem', { name: '民主法治示范村' }).click();
  await page.waitForURL(/\/model-villages$/);
  // Ten villages, one of them revoked on re-check.
  await expect.poll(() => page.locator('.ant-pagination-total-text').first().textContent()).toMatch(/共\s*10\s*个/);
  await expect.poll(() => page.locator('.ant-table-tbody').getByText('已撤销').count()).toBe(1);
  await page.screenshot({ path: `${SCREENSHOTS}/registries-villages.png`, fullPage: true });
  expect(problems).toEqual([]);
});

it('a town liaison registers a 普法活动 and sees only its own unit\'s records', async () => {
  const { page, problems } = await ledgerAs('cgz_liaison', '普法活动');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  const units = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
  expect(units.every((t) => t.includes('城关镇'))).toBe(true);
  await page.getByRole('button', { name: '登记普法活动' }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByLabel('活动名称').fill('民法典进村入户宣讲');
  await drawer.getByLabel('受众人数').fill('260');
  await drawer.getByRole('button', { name: /登\s*记/ }).click();
  await page.waitForURL(/\/pufa-activities\/[^/]+$/);
  // The title shows before the record's fields have loaded (the closing drawer, the page's heading): wait for the field.
  await page.getByText('民法典进村入户宣讲').first().waitFor();
  await page.locator('.ant-descriptions').getByText('260').first().waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/registries-activity.png`, fullPage: true });
  expect(problems).toEqual([]);
});

it('a town liaison plans next year\'s 普法责任清单 and corrects its laws and measures from its page', async () => {
  const { page, problems } = await ledgerAs('cgz_liaison', '普法责任清单');
  await page.getByRole('button', { name: '制定普法责任清单' }).click();
  const drawer = page.locator('.ant-drawer-content');
  const next = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1);
  await drawer.getByLabel('年度', { exact: true }).fill(next);
  await drawer.getByLabel('重点普及的法律法规').fill('宪法、民法典');
  await drawer.getByLabel('年度普法措施').fill('开展民法典进村入户宣传');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL(/\/pufa-duties\/[^/]+$/);
  await page.locator('.ant-descriptions').getByText('宪法、民法典').first().waitFor();
  // The correction form shows the laws and the measures only; saving it must not ask for the unit or the year.
  await page.getByRole('button', { name: '更 正' }).or(page.getByRole('button', { name: '更正' })).first().click();
  const form = page.locator('.ant-drawer-content').filter({ hasText: '修改普法责任清单' });
  await form.getByLabel('重点普及的法律法规').fill('宪法、民法典、村民委员会组织法');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await page.locator('.ant-descriptions').getByText('宪法、民法典、村民委员会组织法').first().waitFor();
  await expect.poll(() => form.isVisible()).toBe(false);
  await page.getByText(`${next}年度普法责任清单`).first().waitFor();
  expect(problems).toEqual([]);
});

it('the law office reads the figures in plain words and exports one figure\'s records under its code and name', async () => {
  const page = await loginPage(browser, server, 'fzb_wang');
  const problems = watch(page);
  await page.getByRole('menuitem', { name: '指标统计' }).click();
  await page.getByText('点击一项指标，查看计入该数字的每条记录').waitFor();
  expect(await page.getByText('每个数字都由记录算出').count()).toBe(0);
  await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '受理矛盾纠纷' }).first().click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('button', { name: /导出/ }).click()]);
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  expect(file.suggestedFilename()).toBe(`mediation.disputes 受理矛盾纠纷（${year}年）.xlsx`);
  expect(problems).toEqual([]);
});
