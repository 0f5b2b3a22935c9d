// The annual assessment in the demo county, as its people run it (issue 13): the law office (fzb_wang)
// copies this year's scheme to next year and publishes it; the education bureau's liaison
// (jyj_liaison) self-assesses a manual line with an evidence file, seeing in the workflow panel what a
// unit can do; the office scores the line in the units × lines matrix from the keyboard and releases
// the preliminary results; the liaison objects within the window; the office answers. Screenshots at
// 1440 px of the scheme ledger (its objection window's date and light), the matrix and a score card.
import { mkdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { loginPage, type Server, takeTransition, withDemoCounty } from './helpers.ts';

const SHOTS = process.env.FAZHI_SHOTS ?? '/tmp/shots-13';
mkdirSync(SHOTS, { recursive: true });

let server: Server;
let browser: Browser;

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

const act = takeTransition;

const status = (page: Page, label: string) => page.getByTestId('workflow-status').filter({ hasText: label }).waitFor();

/** The card's row of a line, by its code and title. */
const cardRow = (page: Page, text: RegExp): Locator => page.locator('.ant-tabs-tabpane-active tr').filter({ hasText: text }).first();

it('a year of assessment: publish, self-assess with evidence, score in the matrix, release, object, answer', async () => {
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const office = await loginPage(browser, server, 'fzb_wang');
  await office.goto(`${server.url}/assessment/schemes`);
  const current = office.getByRole('link', { name: `示范县${year}年度法治政府建设考评方案`, exact: true });
  await current.waitFor();
  // This year's scheme is in its objection window: the ledger row carries the window's date and light.
  await office.waitForLoadState('networkidle');
  await office.screenshot({ path: `${SHOTS}/01-scheme-ledger.png`, fullPage: true });
  const ledgerRow = office.locator('tr').filter({ has: current });
  // Two dates: the publishing date and the window's end.
  await expect.poll(async () => ((await ledgerRow.textContent()) ?? '').match(/\d{4}-\d\d-\d\d/g)?.length ?? 0).toBe(2);

  // Next year's scheme: a copy of this year's, published.
  await current.click();
  await office.waitForURL(/\/assessment\/schemes\/[0-9a-z]{26}$/);
  await office.getByRole('button', { name: '复制到下一年度' }).click();
  await office.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await office.locator('.ant-card-head-title').filter({ hasText: `示范县${year + 1}年度法治政府建设考评方案` }).waitFor();
  const schemeUrl = office.url();
  await status(office, '编制中');
  await act(office, 'publish');
  await status(office, '已发布（单位自评）');

  // The unit: what it can do is said in the workflow panel; it self-assesses 1.1 and attaches its evidence.
  const unit = await loginPage(browser, server, 'jyj_liaison');
  await unit.goto(schemeUrl);
  await expect.poll(async () => (await unit.getByTestId('workflow-hint').textContent()) ?? '').toContain('自评');
  const line = cardRow(unit, /^1\.1\s*权责清单/);
  await line.getByText('自评', { exact: true }).click();
  const selfModal = unit.locator('.ant-modal-content').filter({ hasText: '自评：1.1' });
  await selfModal.getByLabel(/自评得分/).fill('5');
  await selfModal.getByLabel('自评说明').fill('权责清单已于 6 月调整并在政府网站公开');
  await selfModal.getByRole('button', { name: /提\s*交/ }).click();
  await selfModal.waitFor({ state: 'detached' });
  const chooser = unit.waitForEvent('filechooser');
  await line.getByTestId('evidence-1.1').click();
  await (await chooser).setFiles({ name: '权责清单调整文件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  await cardRow(unit, /^1\.1\s*权责清单/).getByRole('link', { name: '权责清单调整文件.pdf' }).waitFor();
  expect(await cardRow(unit, /^1\.1\s*权责清单/).textContent()).toContain('5');

  // The office scores 1.1 in the matrix from the keyboard: the reason once, then a score and Enter.
  await office.reload();
  await act(office, 'start_scoring');
  await status(office, '考评打分');
  await office.getByRole('tab', { name: '评分矩阵' }).click();
  await office.getByPlaceholder(/评分理由/).fill('清单调整文件未附公开网页截图，扣 1 分');
  const cell = office.getByLabel(/教育局 1\.1 得分/);
  await cell.click();
  const saved = office.waitForResponse((r) => r.url().endsWith('/scores') && r.request().method() === 'PUT');
  await cell.fill('4');
  await cell.press('Enter');
  expect((await saved).status()).toBe(200);
  await office.waitForLoadState('networkidle');
  await office.screenshot({ path: `${SHOTS}/02-matrix.png`, fullPage: false });
  await act(office, 'release');
  await status(office, '初评公示中');

  // The unit objects to 1.1 within the window.
  await unit.reload();
  await expect.poll(async () => (await unit.getByTestId('workflow-hint').textContent()) ?? '').toContain('异议期至');
  await cardRow(unit, /^1\.1\s*权责清单/).getByText('提出异议', { exact: true }).click();
  const objection = unit.locator('.ant-modal-content').filter({ hasText: '提出异议' });
  await objection.getByLabel('异议理由').fill('公开网页截图已随自评材料上传，请复核');
  await objection.getByRole('button', { name: /提\s*交/ }).click();
  await objection.waitFor({ state: 'detached' });
  await cardRow(unit, /^1\.1\s*权责清单/).getByText('待答复').waitFor();
  await unit.waitForLoadState('networkidle');
  await unit.screenshot({ path: `${SHOTS}/03-score-card.png`, fullPage: true });

  // The office upholds it with a new score.
  await office.reload();
  await office.getByRole('tab', { name: /异议/ }).click();
  await office.locator('.ant-tabs-tabpane-active tr').filter({ hasText: '教育局' }).getByText('答复', { exact: true }).click();
  const answer = office.locator('.ant-modal-content').filter({ hasText: '答复异议' });
  await answer.getByRole('switch').click();
  await answer.getByLabel('调整后得分').fill('5');
  await answer.getByLabel('答复意见').fill('经复核，公开网页截图已上传，采纳异议');
  await answer.getByRole('button', { name: /答\s*复/ }).click();
  await answer.waitFor({ state: 'detached' });
  await office.locator('.ant-tabs-tabpane-active tr').filter({ hasText: '教育局' }).getByText('已采纳').waitFor();
  await unit.close();
  await office.close();
}, 240_000);
