// The annual report end to end on the demo county: a town's liaison writes narrative around the
// drafted figures and saves with Ctrl+S; a record changes elsewhere, the figure turns stale and is
// refreshed from the warning bar; a figure opens the records behind it; the public reads the
// county's published report without logging in, and downloads it as a PDF. The 政府信息公开工作年度
// 报告: the tables traced to their requests; a town drafts, writes, sends, its head approves and
// publishes, and the public reads it with its tables and downloads the Word file.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, SCREENSHOTS, loginPage, takeTransition, type Server, withDemoCounty } from './helpers.ts';

const year = new Date().getFullYear();
let server: Server;
let browser: Browser;

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

const login = (username: string) => loginPage(browser, server, username, { width: 1500, height: 950 });

/** The API as another user, outside the browser: session cookie plus the CSRF header. */
async function apiAs(username: string) {
  const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('fazhi_csrf='))!.split('=')[1]!;
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/json' };
  return {
    get: async (path: string) => (await fetch(`${server.url}/api/v1${path}`, { headers })).json(),
    post: async (path: string, body: unknown) => fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  };
}

it('a town drafts its report around linked figures, refreshes a stale one, and the public reads the county’s', async () => {
  const page = await login('cgz_liaison');
  await page.getByRole('menuitem', { name: '年度报告' }).click();
  await page.getByRole('link', { name: `示范县城关镇关于${year - 1}年度法治政府建设情况的报告` }).click();
  const chips = page.locator('.report-figure');
  await chips.first().waitFor();
  expect(await chips.count()).toBeGreaterThan(10);

  const other = page.locator('[data-section="other"]');
  await other.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('本年度无其他需要报告的事项。');
  await page.keyboard.press('Control+s');
  await page.getByText('已保存').waitFor();
  // A figure inserted at the caret from the indicator list stays linked.
  await other.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('全年');
  await page.locator('.report-toolbar .ant-select').click();
  await page.keyboard.type('受理矛盾纠纷');
  await page.keyboard.press('Enter');
  await expect.poll(() => other.locator('.report-figure').count()).toBe(1);
  await page.keyboard.press('Control+s');
  await page.getByText('已保存').last().waitFor();
  const office = await apiAs('fzb_wang');
  const list = await office.get(`/annual-reports?year=${year - 1}`);
  const town = list.items.find((r: any) => r.unitCode === 'SFX-T01');
  const stored = await office.get(`/annual-reports/${town.id}`);
  expect(stored.sections.find((s: any) => s.key === 'other').html).toContain('本年度无其他需要报告的事项。');
  expect(stored.sections.find((s: any) => s.key === 'other').html).toMatch(/全年受理矛盾纠纷<span data-figure="mediation\.disputes" data-part="value" data-value="\d+">\d+件<\/span>/);

  // A dispute of last year is registered for the town: its figure goes stale.
  const unit = (await office.get('/org/units')).items.find((u: any) => u.code === 'SFX-T01');
  const res = await office.post('/disputes', { unitId: unit.id, type: '邻里纠纷', parties: '赵某与钱某', summary: '宅基地界址争议', receivedDate: `${year - 1}-12-20`, channel: 'people', mediators: '孙调解员' });
  expect(res.status, await res.text()).toBe(201);
  await page.reload();
  await page.getByText(/处数字与最新统计不一致/).waitFor();
  expect(await page.locator('.report-figure.stale').count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENSHOTS}/20-report-stale.png` });
  await page.getByRole('button', { name: /全部刷新/ }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText(/已刷新 \d+ 处数字/).waitFor();
  await expect.poll(() => page.locator('.report-figure.stale').count()).toBe(0);
  expect(await page.getByText(/处数字与最新统计不一致/).count()).toBe(0);

  // A figure opens the records it counted.
  const disputes = page.locator('[data-section="measures.mediation"] span[data-figure="mediation.disputes"][data-part="value"]');
  const counted = Number(await disputes.getAttribute('data-value'));
  expect(counted).toBeGreaterThan(0);
  await disputes.click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByText(/受理矛盾纠纷/).first().waitFor();
  await drawer.locator('.ant-table-row').first().waitFor();
  // The drawer lists exactly the records the figure counted, the new dispute among them.
  await drawer.getByText(`共 ${counted} 条`).waitFor();
  expect(counted).toBeLessThanOrEqual(20); // one page: the demo town has a handful of disputes a year
  await drawer.getByText('赵某与钱某').waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/21-report-records.png` });

  // The public portal, no login.
  const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await visitor.goto(`${server.url}/public/reports`);
  await visitor.getByRole('link', { name: `示范县人民政府关于${year - 2}年度法治政府建设情况的报告` }).click();
  await visitor.getByRole('heading', { name: `示范县人民政府关于${year - 2}年度法治政府建设情况的报告` }).waitFor();
  await visitor.getByRole('heading', { name: '二、存在的不足和原因' }).waitFor();
  expect(await visitor.getByText(/全年，收到行政复议申请\d+件/).count()).toBe(1);
  await visitor.screenshot({ path: `${SCREENSHOTS}/22-public-report.png`, fullPage: true });
  // The same report, printed: a visitor downloads the PDF.
  const [pdf] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('link', { name: /下载 PDF 版/ }).click()]);
  expect(pdf.suggestedFilename()).toBe(`示范县人民政府${year - 2}年度法治政府建设情况报告.pdf`);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
  // The town's draft is not on the portal.
  await visitor.goto(`${server.url}/public/reports`);
  await visitor.getByText(`${year - 1} 年度`).waitFor();
  expect(await visitor.getByText('示范县城关镇').count()).toBe(0);
});

it('the law office reads last year’s disclosure tables in the prescribed layout, balanced, each figure traced to its requests', async () => {
  const page = await login('fzb_wang');
  await page.getByRole('menuitem', { name: '公开年报统计表' }).click();
  await page.getByTestId('table3').waitFor();
  await page.getByTestId('checks-passed').waitFor();
  const tables = await (await apiAs('fzb_wang')).get(`/disclosure-report-tables?year=${year - 1}`);
  expect(tables.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
  // The demo carries a December request into the year after: 上年结转 and 结转下年度 are both there.
  expect(tables.table3.carried_in.total).toBeGreaterThan(0);
  expect(tables.table3.carried_out.total).toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId('t3-new-total').textContent()).toBe(String(tables.table3.new.total));
  await page.getByTestId('t3-new-total').click();
  const drawer = page.locator('.ant-drawer-content');
  await expect.poll(() => drawer.locator('tbody tr.ant-table-row').count()).toBe(tables.table3.new.total);
  await drawer.locator('tbody tr.ant-table-row a').first().click();
  await page.waitForURL(/\/foi\/[0-9A-Za-z]+$/);
  await page.screenshot({ path: `${SCREENSHOTS}/disclosure-tables-trace.png` });
  await page.close();
});

it('a town writes its disclosure annual report around the counted tables, its head approves and publishes it, and the public reads it', async () => {
  const reportYear = year - 2; // last year's is already published in the demo
  const page = await login('cgz_liaison');
  await page.getByRole('menuitem', { name: '信息公开年报' }).click();
  await page.getByRole('button', { name: '起草年度报告' }).click();
  const form = page.locator('.ant-drawer-content, .ant-modal-content').filter({ hasText: '起草政府信息公开工作年度报告' });
  await form.getByLabel('报告年度').fill(String(reportYear));
  await form.getByRole('button', { name: '生成草稿' }).click();
  await page.waitForURL(/\/foi\/reports\/[0-9A-Za-z]+$/);
  await page.getByTestId('checks-passed').waitFor();
  await expect.poll(() => page.getByTestId('generated-overview').textContent()).toContain('新收政府信息公开申请');
  await page.getByTestId('section-problems').fill('依申请公开答复文书的说理有待加强，下一步将开展专题培训。');
  // 成文日期: the head approves only a dated report.
  await page.getByLabel('成文日期').click();
  await page.getByLabel('成文日期').fill(`${reportYear + 1}-01-18`);
  await page.keyboard.press('Enter');
  // Unsaved text holds the workflow back until it is saved.
  await page.getByTestId('unsaved').waitFor();
  await page.keyboard.press('Control+s');
  await page.getByText('已保存').waitFor();
  await takeTransition(page, 'send');
  await page.getByTestId('report-status').filter({ hasText: '待主要负责人审定' }).waitFor();
  const id = page.url().split('/').pop()!;
  await page.close();

  const head = await login('cgz_head');
  await head.goto(`${server.url}/foi/reports/${id}`);
  await takeTransition(head, 'approve');
  await head.getByText(/统计表已于审定时定稿/).waitFor();
  await takeTransition(head, 'publish');
  await head.getByTestId('report-status').filter({ hasText: '已向社会公开' }).waitFor();
  await head.screenshot({ path: `${SCREENSHOTS}/disclosure-report.png`, fullPage: true });
  await head.close();

  const visitor = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await visitor.goto(`${server.url}/public/reports/disclosure?year=${reportYear}`);
  await visitor.getByRole('link', { name: `示范县城关镇${reportYear}年政府信息公开工作年度报告` }).click();
  await visitor.getByText('依申请公开答复文书的说理有待加强，下一步将开展专题培训。').waitFor();
  await visitor.getByTestId('table3').waitFor();
  const download = visitor.waitForEvent('download');
  await visitor.getByRole('link', { name: '下载 Word 版' }).click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  await visitor.close();
});
