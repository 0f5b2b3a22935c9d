// Government services and ratings in the demo county (issue 17): a citizen on a phone finds an item
// in the published service list (searched by name, by unit), rates it 非常不满意 with a phone number
// (a named 差评); the item's unit (行政审批服务局, lly_sfx_d26) finds the follow-up first among its 差评
// with a green 整改期限 light, calls back (回访) and reports its rectification; the law office
// (fzb_wang) verifies and closes it. The 事项清单 ledger and an item's versions are shown on the way.
import { expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { SCREENSHOTS, loginPage, takeTransition, type Server, withDemoCounty } from './helpers.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';

let server: Server;
let browser: Browser;
const today = chinaToday();

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, what).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), `${what} scrolls sideways`).toBe(false);
}

/** Takes the record's workflow transition `key`, filling its dialog first, and waits for the status. */
async function act(page: Page, key: string, status: string, fill?: (modal: Locator) => Promise<void>) {
  await takeTransition(page, key, fill);
  await page.getByTestId('workflow-status').filter({ hasText: new RegExp(`^${status}$`) }).waitFor({ timeout: 15_000 });
}

it('a citizen rates an item from the published list; the unit calls back and rectifies the 差评, the law office verifies it', async () => {
  // The portal: the list as it stands today, searched and filtered by unit, on a phone.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })).newPage();
  await phone.goto(`${server.url}/public`);
  await phone.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '政务服务' }).click();
  await phone.getByRole('heading', { level: 1, name: '政务服务事项清单' }).waitFor();
  await phone.locator('#filter-unit').selectOption({ label: '示范县行政审批服务局' });
  await phone.getByRole('status').filter({ hasText: /共 \d+ 项/ }).waitFor();
  await phone.locator('#filter-q').fill('食品经营');
  await phone.locator('#filter-q').press('Enter');
  await phone.getByRole('status').filter({ hasText: '共 1 项' }).waitFor();
  const entry = phone.locator('.item-list li').filter({ hasText: '食品经营许可' });
  expect(await entry.textContent()).toContain('最多跑一次');
  expect(await entry.textContent()).toContain('承诺时限 5 个工作日');
  await expectAccessible(phone, 'the service list');
  await phone.screenshot({ path: `${SCREENSHOTS}/services-portal-list-phone.png`, fullPage: true });
  await entry.getByRole('link', { name: '评价该事项' }).click();
  await phone.getByRole('heading', { level: 1, name: '政务服务“好差评”' }).waitFor();
  expect(await phone.locator('#itemId option:checked').textContent()).toBe('示范县行政审批服务局｜食品经营许可');
  await expectAccessible(phone, 'the rating form');
  await phone.getByLabel('非常不满意', { exact: true }).check();
  await phone.locator('#caseNumber').fill('BJ-SP-20261201-0007');
  await phone.locator('#comment').fill('材料已在网上提交，窗口又要求提交纸质材料，跑了两次。');
  await phone.locator('#raterPhone').fill('13900139000');
  await phone.locator('#consent').check();
  await phone.getByRole('button', { name: '提交评价' }).click();
  await phone.getByRole('heading', { name: '评价已提交' }).waitFor({ timeout: 30_000 });
  await phone.screenshot({ path: `${SCREENSHOTS}/services-portal-rated-phone.png`, fullPage: true });
  await phone.context().close();

  const due = (await (await fetch(`${server.url}/api/v1/calendar/deadline?rule=services.bad_rating_fix&from=${today}`)).json()).due as string;

  // The unit: the 事项清单, an item's versions, then its 差评 follow-ups with their lights.
  const liaison = await loginPage(browser, server, 'lly_sfx_d26');
  await liaison.getByRole('menuitem', { name: '政务服务事项' }).click();
  await liaison.getByRole('link', { name: '建筑工程施工许可证核发' }).first().waitFor();
  await liaison.screenshot({ path: `${SCREENSHOTS}/services-items-ledger.png`, fullPage: true });
  await liaison.getByRole('link', { name: '建筑工程施工许可证核发' }).first().click();
  const versions = liaison.locator('.ant-card').filter({ hasText: '版本（清单调整记录）' });
  await versions.locator('tbody tr').nth(1).waitFor();
  expect(await versions.locator('tbody tr').count()).toBe(2);
  await liaison.screenshot({ path: `${SCREENSHOTS}/services-item-versions.png`, fullPage: true });

  await liaison.getByRole('menuitem', { name: '好差评与差评整改' }).click();
  const row = liaison.locator('tr').filter({ hasText: today }).filter({ hasText: '待回访整改' }).first();
  await row.waitFor();
  expect(await row.locator('[data-light]').getAttribute('data-light')).toBe('green');
  expect(await row.textContent()).toContain(due);
  // Another unit's follow-ups are not in this unit's list.
  expect(await liaison.locator('tbody').textContent()).not.toContain('示范县民政局');
  await liaison.screenshot({ path: `${SCREENSHOTS}/services-followups.png`, fullPage: true });
  await row.getByRole('link', { name: '食品经营许可' }).click();
  await liaison.waitForURL(/\/service-ratings\/[0-9a-z]{26}$/);
  const url = liaison.url();
  await liaison.getByText('BJ-SP-20261201-0007').waitFor(); // traced to the case rated
  await expect.poll(() => liaison.getByTestId('transition-rectify').isDisabled()).toBe(true); // a named 差评: 回访 first
  await act(liaison, 'revisit', '整改中', (m) => m.getByLabel('回访情况').fill('已电话回访，向评价人致歉并说明网上提交后无需再交纸质材料。'));
  await act(liaison, 'rectify', '整改待核验', (m) => m.getByLabel('整改情况').fill('取消网上已提交材料的纸质件要求，对窗口人员开展培训。'));
  await liaison.close();

  const office = await loginPage(browser, server, 'fzb_wang');
  await office.goto(url);
  await act(office, 'verify', '已整改办结');
  await office.getByText('取消网上已提交材料的纸质件要求').first().waitFor();
  await office.screenshot({ path: `${SCREENSHOTS}/services-followup-closed.png`, fullPage: true });
  await office.close();
});
