// A ledger and a form derived from a record definition, used as a clerk would (the demo county, 城关镇's
// liaison, 矛盾纠纷调解): filter and sort on the server, the URL keeps both (reload and Back restore
// them), the chosen columns are remembered, an empty result says so and clears, the export holds
// exactly the filtered rows, and the intake drawer focuses its first field, shows errors at the
// fields, submits on Enter and opens the new record — without an error in the console.
import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { SCREENSHOTS, loginPage, type Server, withDemoCounty } from './helpers.ts';

let server: Server;
let browser: Browser;

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

it('a liaison filters, sorts, chooses columns, exports and receives a dispute from the ledger', async () => {
  const page = await loginPage(browser, server, 'cgz_liaison');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && problems.push(m.text()));
  await page.getByRole('menuitem', { name: '矛盾纠纷调解' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await rows.first().waitFor();

  // Filter on 调解途径 and sort by 受理日期 ascending: both land in the URL and come from the server.
  await page.getByRole('combobox', { name: '调解途径' }).click();
  await page.locator('.ant-select-item-option', { hasText: '人民调解' }).click();
  await page.getByRole('columnheader', { name: '受理日期' }).click();
  await page.waitForURL(/channel=people/);
  await page.waitForURL(/sort=receivedDate&order=asc/);
  const dates = async () => {
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    const column = await page.locator('.ant-table-thead th').evaluateAll((ths) => ths.findIndex((th) => th.textContent?.includes('受理日期')));
    return rows.evaluateAll((trs, i) => trs.map((tr) => tr.children[i]?.textContent ?? ''), column);
  };
  const sortedAscending = async () => {
    const d = await dates();
    return d.length > 1 && d.join() === [...d].sort().join();
  };
  await expect.poll(sortedAscending).toBe(true);
  const ascending = await dates();
  expect(await rows.evaluateAll((trs) => trs.every((tr) => tr.textContent?.includes('人民调解')))).toBe(true);
  const filteredUrl = page.url();

  // Reload and Back restore the filter and the sort.
  await page.reload();
  await rows.first().waitFor();
  await expect.poll(dates).toEqual(ascending);
  await page.getByRole('menuitem', { name: '我的待办' }).click();
  await page.goBack();
  await page.waitForURL(filteredUrl);
  await expect.poll(dates).toEqual(ascending);

  // The export holds exactly the filtered list.
  const total = Number((await page.locator('.ant-pagination-total-text').textContent())!.match(/\d+/)![0]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount - 1).toBe(total);
  const channelColumn = (sheet.getRow(1).values as string[]).indexOf('调解途径');
  for (let r = 2; r <= sheet.rowCount; r++) expect(sheet.getRow(r).getCell(channelColumn).value).toBe('人民调解');

  // Columns chosen are remembered across a reload.
  await page.getByRole('button', { name: /列/ }).click();
  await page.locator('.ant-checkbox-wrapper', { hasText: '调解组织' }).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('columnheader', { name: '调解组织' }).count()).toBe(0);
  await page.reload();
  await rows.first().waitFor();
  expect(await page.getByRole('columnheader', { name: '调解组织' }).count()).toBe(0);

  // A search that finds nothing says so, and one click clears every filter.
  await page.getByLabel('关键词').fill('没有这样的纠纷');
  await page.getByLabel('关键词').press('Enter');
  await page.getByText('没有符合筛选条件的纠纷').waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/40-ledger-empty.png` });
  await page.getByRole('button', { name: '清除筛选' }).click();
  await rows.first().waitFor();
  expect(page.url()).not.toContain('channel=');
  expect(await page.getByLabel('关键词').inputValue()).toBe('');

  // The intake drawer: first field focused, errors at the fields, Enter submits.
  await page.getByRole('button', { name: /受理纠纷/ }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.waitFor();
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.ant-drawer-content') && document.activeElement?.tagName === 'INPUT')).toBe(true);
  await drawer.getByLabel('当事人').press('Enter');
  await drawer.getByText('请填写当事人').waitFor();
  await drawer.getByText('请填写纠纷简况').waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/41-ledger-form-errors.png` });
  await drawer.getByLabel('纠纷类型').fill('邻里纠纷');
  await drawer.getByLabel('当事人').fill('周某与吴某');
  await drawer.getByLabel('纠纷简况').fill('院墙滴水引发争执');
  await drawer.getByLabel('调解员').fill('李调解员');
  await drawer.getByLabel('调解员').press('Enter');
  await page.waitForURL(/\/disputes\/[0-9a-z]{26}$/);
  await page.getByText('邻里纠纷：周某与吴某').first().waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/42-ledger-created.png` });

  // 更正受理信息: the intake's fields filled as received; a third party added, the title follows.
  await page.getByRole('button', { name: /更\s*正/ }).click();
  const correction = page.locator('.ant-drawer-content').filter({ hasText: '更正受理信息' });
  await correction.getByLabel('当事人').waitFor();
  expect(await correction.getByLabel('纠纷简况').inputValue()).toBe('院墙滴水引发争执');
  await correction.getByLabel('当事人').fill('周某、吴某、郑某');
  await correction.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('邻里纠纷：周某、吴某、郑某').first().waitFor();
  await expect.poll(() => correction.isVisible()).toBe(false);
  expect(problems).toEqual([]);
});

it('on a 390 px phone the ledger is a list of cards that pages, with nothing to scroll sideways', async () => {
  const page = await loginPage(browser, server, 'cgz_liaison', { width: 390, height: 844 });
  await page.goto(`${server.url}/disputes`);
  const cards = page.getByTestId('ledger-card');
  await cards.first().waitFor();
  expect(await page.locator('.ant-table').count()).toBe(0);
  // Each card: the record's link as its title, its status, its fields as lines.
  const first = cards.first();
  expect(await first.locator('.ant-card-head a').count()).toBe(1);
  expect(await first.textContent()).toContain('受理日期');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/43-ledger-phone.png` });
  await first.locator('.ant-card-head a').click();
  await page.waitForURL(/\/disputes\/[0-9a-z]{26}$/);
});
