// The audit administrator's journey (审计管理员, 等保 三员分立): signs in with password and a bound
// authenticator, reads the audit log in Chinese (action names, the target's kind and name, dates as
// YYYY-MM-DD), filters it, verifies the hash chain, and exports exactly the filtered entries.
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import { SCREENSHOTS, loginPage, type Server, withDemoCounty } from './helpers.ts';

let server: Server;
let browser: Browser;
withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

/** A code a person should not read: a dotted action (auth.login), a snake_case value, an id-like run of capitals and digits. */
const CODE = /\b[a-z]+(?:\.[a-z_]+)+\b|\b[a-z]+_[a-z0-9_]+\b|\b[0-9A-HJKMNP-TV-Z]{26}\b/;

it('audit administrator: signs in with an authenticator, reads the log in Chinese, filters it, verifies the chain, exports the filtered entries', async () => {
  // Business activity to read: the law office signs in and opens a record.
  const office = await loginPage(browser, server, 'fzb_wang');
  await office.close();

  const page = await loginPage(browser, server, 'demo_auditor');
  await page.screenshot({ path: `${SCREENSHOTS}/audit-01-home.png` });
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.waitForURL(/\/audit$/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await rows.first().waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/audit-02-log.png` });

  // Each entry reads in Chinese: time as YYYY-MM-DD HH:mm:ss, the action's name, the target's kind and name.
  const cells = (column: number) => rows.evaluateAll((trs, c) => trs.map((tr) => (tr.children[c] as HTMLElement).innerText.trim()), column);
  const times = await cells(1);
  for (const t of times) expect(t).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  const actions = await cells(6);
  for (const a of actions) expect(a, a).not.toMatch(CODE);
  expect(actions).toContain('登录');
  const targets = await cells(7);
  expect(targets.some((t) => /^用户 · .+/.test(t)), targets.join('\n')).toBe(true);
  for (const t of targets) expect(t, t).not.toMatch(CODE);
  // Every column but the one naming the account (a username) reads without codes; no date as 2026/11/30.
  for (const column of [1, 3, 4, 6, 7, 8]) for (const text of await cells(column)) expect(text, text).not.toMatch(CODE);
  expect(await page.locator('.ant-table').innerText()).not.toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/);

  // Filtered to sign-ins: every entry is a sign-in, and the law office's is among them.
  await page.locator('.ant-select', { hasText: '操作' }).click();
  await page.keyboard.type('登录');
  await page.locator('.ant-select-item-option', { hasText: /^登录$/ }).click();
  await expect.poll(async () => [...new Set(await cells(6))]).toEqual(['登录']);
  expect(await cells(2)).toContain('fzb_wang');
  const total = Number((await page.locator('.ant-pagination-total-text').textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: `${SCREENSHOTS}/audit-03-filtered.png` });

  // The export holds exactly the filtered entries, in Chinese.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount - 1).toBe(total);
  const header = sheet.getRow(1).values as string[];
  const action = header.indexOf('操作');
  const time = header.indexOf('时间');
  for (let r = 2; r <= sheet.rowCount; r++) {
    expect(sheet.getRow(r).getCell(action).value).toBe('登录');
    expect(String(sheet.getRow(r).getCell(time).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  }

  // The chain verifies; the check itself is logged.
  await page.getByRole('button', { name: /校验完整性/ }).click();
  await page.locator('.ant-modal-confirm-title', { hasText: '审计日志完整' }).waitFor();
  await expect(page.locator('.ant-modal-confirm-content').textContent()).resolves.toMatch(/哈希链校验通过/);
  await page.screenshot({ path: `${SCREENSHOTS}/audit-04-verified.png` });
  await page.getByRole('button', { name: /知道了|确\s*定|OK/ }).click();

  // 帮助中心 holds the audit log's help for the audit administrator.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '帮助中心' }).click();
  await page.locator('.ant-card-head-title a[href="/help/audit"]').click();
  await page.waitForURL(/\/help\/audit$/);
  await page.getByText('时间怎么显示？').waitFor();
  await page.goto(`${server.url}/audit`);

  // On a phone the log stays readable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await rows.first().waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/audit-05-phone.png` });
  await page.close();
});
