// 我的待办 end to end on the demo county: a unit liaison sees the red/yellow/green matters waiting on
// them, uploads evidence and reports; the law office finds the report in its own 待办 and closes
// it; the deadline trial counts across 国庆 with the make-up Saturday.
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SCREENSHOTS, loginPage, takeTransition, type Server, withDemoCounty } from './helpers.ts';

// A 1×1 PNG, content-checked by the server like any evidence file.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
let server: Server;
let browser: Browser;

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

const login = (username: string) => loginPage(browser, server, username);

it('a liaison reports on a matter from 我的待办 and the law office closes it', async () => {
  const liaison = await login('jyj_liaison');
  await liaison.getByRole('menuitem', { name: '我的待办' }).click();
  const rows = liaison.locator('.ant-table-tbody tr.ant-table-row');
  await rows.first().waitFor();
  // The unit's three demo matters are among its items (with its tasks and findings).
  for (const title of ['报送校园周边行政执法检查情况', '核查群众反映的培训机构收费投诉处理情况', '报送本单位行政规范性文件清理结果']) {
    await liaison.getByRole('link', { name: title }).waitFor();
  }
  // Soonest deadline first: every red item comes before every other light.
  const lights = await liaison.locator('[data-light]').evaluateAll((els) => els.map((e) => e.getAttribute('data-light')));
  expect(lights[0]).toBe('red');
  const firstOther = lights.findIndex((l) => l !== 'red');
  expect(firstOther === -1 || lights.slice(firstOther).every((l) => l !== 'red')).toBe(true);
  await liaison.locator('[data-light="red"]').first().hover();
  await liaison.getByText(/届满日：/).first().waitFor();
  await liaison.screenshot({ path: `${SCREENSHOTS}/10-todo-liaison.png` });

  await liaison.getByRole('link', { name: '报送本单位行政规范性文件清理结果' }).click();
  const report = liaison.getByTestId('transition-reply');
  await report.waitFor();
  expect(await report.isDisabled()).toBe(true); // evidence is required first
  await liaison.locator('input[type=file]').setInputFiles({ name: '清理结果.txt', mimeType: 'text/plain', buffer: Buffer.from('规范性文件清理结果：继续有效 12 件，废止 2 件。') });
  await liaison.getByRole('link', { name: '清理结果.txt' }).waitFor();
  await expect.poll(() => report.isDisabled()).toBe(false);
  await takeTransition(liaison, 'reply', (dialog) => dialog.locator('textarea#reply').fill('已完成清理，继续有效12件，废止2件，清理结果已公布。'));
  await liaison.getByText('已报送待审核').first().waitFor();
  await liaison.screenshot({ path: `${SCREENSHOTS}/11-matter-reported.png` });
  await liaison.close();

  const office = await login('fzb_wang');
  await office.getByRole('menuitem', { name: '我的待办' }).click();
  const link = office.getByRole('link', { name: '报送本单位行政规范性文件清理结果' });
  await link.waitFor();
  await link.click();
  await takeTransition(office, 'accept');
  await office.getByText('已办结').first().waitFor();
  await office.getByText('审核通过并办结').first().waitFor();
  await office.screenshot({ path: `${SCREENSHOTS}/12-matter-closed.png` });
  await office.close();
});

it('the deadline trial counts 20 working days across 国庆 2026', async () => {
  const page = await login('fzb_wang');
  await page.getByRole('menuitem', { name: '工作日历' }).click();
  const from = page.locator('#from');
  await from.click();
  await from.fill('2026-09-28');
  await from.press('Enter');
  await page.getByTestId('trial-submit').click();
  const result = page.getByTestId('trial-result');
  await result.waitFor();
  expect(await result.textContent()).toContain('届满日：2026-10-30');
  expect(await result.textContent()).toContain('国庆节调休上班');
  await page.screenshot({ path: `${SCREENSHOTS}/13-calendar-trial.png` });
  await page.close();
});

it('a unit rectifies a finding from the board and the inspector closes it after the follow-up check', async () => {
  const liaison = await login('lly_sfx_d21');
  await liaison.getByRole('menuitem', { name: /(^|\s)问题整改$/ }).click();
  await liaison.locator('[data-status="open"]').getByRole('link', { name: '行政处罚裁量基准未公开' }).click();
  const report = liaison.getByTestId('transition-rectify');
  await report.waitFor();
  await liaison.locator('input[type=file]').setInputFiles({ name: '裁量基准公开截图.png', mimeType: 'image/png', buffer: PNG });
  await liaison.getByRole('link', { name: '裁量基准公开截图.png' }).waitFor();
  await expect.poll(() => report.isDisabled()).toBe(false);
  await takeTransition(liaison, 'rectify', (dialog) => dialog.locator('textarea#measures').fill('已在门户网站公开行政处罚裁量基准，并建立动态调整机制。'));
  await liaison.getByText('已整改待核查').first().waitFor();
  await liaison.screenshot({ path: `${SCREENSHOTS}/13-finding-rectified.png` });
  await liaison.close();

  const inspector = await login('ducha_li');
  await inspector.getByRole('menuitem', { name: /(^|\s)问题整改$/ }).click();
  await inspector.locator('[data-status="rectified"]').getByRole('link', { name: '行政处罚裁量基准未公开' }).click();
  await takeTransition(inspector, 'verify', (dialog) => dialog.locator('textarea#followupResult').fill('回头看：门户网站已公开，整改到位。'));
  await inspector.getByText('已核查销号').first().waitFor();
  await inspector.screenshot({ path: `${SCREENSHOTS}/14-finding-verified.png` });
  await inspector.getByRole('menuitem', { name: '问题池' }).click();
  await inspector.locator('.ant-segmented-item', { hasText: '已整改' }).click();
  await inspector.getByRole('link', { name: '行政处罚裁量基准未公开' }).waitFor();
  await inspector.close();
});

it('a liaison reports task progress and the law office exports the ledger', async () => {
  const liaison = await login('jyj_liaison');
  await liaison.getByRole('menuitem', { name: '本单位任务' }).click();
  const link = liaison.getByRole('link', { name: '落实“谁执法谁普法”责任制' });
  await link.waitFor();
  await link.click();
  await liaison.getByPlaceholder('本期进展情况').fill('已制定年度普法责任清单，开展以案释法2次。');
  await liaison.getByPlaceholder('进度').fill('60');
  await liaison.getByRole('button', { name: '报告进展' }).click();
  await liaison.getByText('已制定年度普法责任清单，开展以案释法2次。').first().waitFor();
  await liaison.close();

  const office = await login('fzb_wang');
  await office.getByRole('menuitem', { name: '任务台账' }).click();
  await office.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  const [file] = await Promise.all([office.waitForEvent('download'), office.getByRole('button', { name: /导出 Excel/ }).click()]);
  expect(file.suggestedFilename()).toMatch(/^任务台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await office.screenshot({ path: `${SCREENSHOTS}/15-task-ledger.png` });
  await office.close();
});

it('the law office registers a reconsideration application and accepts it under the normal procedure', async () => {
  const page = await login('fzb_wang');
  await page.getByRole('menuitem', { name: '行政复议' }).click();
  await page.getByRole('button', { name: /登记申请/ }).click();
  await page.locator('#applicantName').fill('端到端申请人');
  await page.locator('#applicantIdNumber').fill('11010519491231002X');
  await page.locator('#respondent').fill('示范县市场监督管理局');
  await page.locator('#act').fill('行政处罚决定（示市监罚〔2026〕88号）');
  await page.getByRole('button', { name: /登\s*记/ }).last().click();
  await page.getByText('端到端申请人不服示范县市场监督管理局行政行为申请复议').first().waitFor();
  await page.getByText('110***********002X').waitFor();
  await page.getByText('受理审查期限').first().waitFor();
  await takeTransition(page, 'accept', async (dialog) => {
    await dialog.getByTestId('input-procedure').click();
    await page.getByTitle('普通程序').click();
  });
  await page.getByText('复议决定期限').first().waitFor();
  await page.getByText('已受理（审理中）').first().waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/16-review-accepted.png` });
  await page.close();
});

it('a county leader reads the dashboard and drills from a figure to its records', async () => {
  const page = await login('leader_chen');
  await page.getByRole('menuitem', { name: '驾驶舱' }).click();
  const card = page.getByTestId('headline-review.received');
  await card.waitFor();
  const shown = Number((await card.locator('.ant-statistic-content-value').textContent())?.trim());
  expect(shown).toBeGreaterThan(0);
  await page.locator('canvas').first().waitFor();
  await card.click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByText(`共 ${shown} 条`).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/17-dashboard-drill.png` });
  await drawer.locator('a').first().click(); // the record itself
  await page.getByText('办理时间线').waitFor();
  await page.close();
});

it('the header’s bell and account menu are reached with Tab, show a focus ring, and open with Enter', async () => {
  const page = await login('jyj_liaison');
  const reached: string[] = [];
  for (let i = 0; i < 40 && !(reached.includes('notifications-bell') && reached.includes('user-menu')); i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? ''));
    if (reached.at(-1) === 'user-menu') {
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    }
  }
  expect(reached).toContain('notifications-bell');
  expect(reached.at(-1)).toBe('user-menu');
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: '修改密码' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('notifications-bell').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/notifications$/);
  await page.close();
});
