// A counted deadline in a year whose holidays nobody has entered was counted on weekends alone: the
// ledger says 暂定 beside it, so a clerk does not promise a date the State Council's notice may move.
// A date someone set, or a deadline in a year the calendar knows, carries no such mark.
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SCREENSHOTS, loginPage, pageApi as api, type Server, withDemoCounty } from './helpers.ts';

let server: Server;
let browser: Browser;

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});


it('a counted deadline in a year without a holiday calendar shows 暂定; a set date, or one in a known year, does not', async () => {
  const page = await loginPage(browser, server, 'fzb_wang');
  // 2035: far enough that no calendar data shipped with the product knows it.
  expect((await api(page, 'GET', '/calendar/years/2035')).body.known).toBe(false);
  const thisYear = new Date().getFullYear();
  expect((await api(page, 'GET', `/calendar/years/${thisYear}`)).body.known).toBe(true);
  const me = (await api(page, 'GET', '/auth/me')).body;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  // Counted: a proposal's reply deadline on a rule stretched to 100 months lands in an unknown year.
  const rule = (await api(page, 'GET', '/deadline-rules')).body.items.find((r: { code: string }) => r.code === 'proposals.reply');
  const stretched = await api(page, 'PUT', '/deadline-rules/proposals.reply', { name: rule.name, period: 100, unit: 'months', citation: rule.citation, version: rule.version });
  expect(stretched.status, JSON.stringify(stretched.body)).toBe(200);
  const proposal = await api(page, 'POST', '/proposals', { kind: 'npc', number: '2035', title: '关于远期期限的建议', proposer: '人大代表', leadUnitId: me.unit.id, assignedDate: today });
  expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
  expect(Number(proposal.body.due.slice(0, 4))).toBeGreaterThan(thisYear + 5);

  // Set: a task's 完成时限 in the same unknown year, and one this year.
  const plan = await api(page, 'POST', '/plans', { year: 2035, title: '2035年法治政府建设工作要点（期限测试）', issuedDate: `${thisYear}-01-10` });
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  const task = (code: string, title: string, dueDate: string) => api(page, 'POST', '/tasks', { planId: plan.body.id, code, title, content: '按期完成', leadUnitId: me.unit.id, coUnitIds: [], dueDate });
  for (const made of [await task('Q-1', '远期任务', '2035-06-29'), await task('Q-2', '年内任务', `${thisYear}-12-30`)]) expect(made.status, JSON.stringify(made.body)).toBe(201);

  const row = (title: string) => page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: title });
  await page.goto(`${server.url}/proposals?q=${encodeURIComponent('关于远期期限的建议')}`);
  await row('关于远期期限的建议').locator('[data-light]').filter({ hasText: `${proposal.body.due}（暂定）` }).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/provisional-due-counted.png` });

  await page.goto(`${server.url}/plans?planId=${plan.body.id}`);
  await row('远期任务').locator('[data-light]').filter({ hasText: '2035-06-29' }).waitFor();
  await row('年内任务').locator('[data-light]').first().waitFor();
  // Wait for the calendar's answer before reading the absence of the mark.
  await page.waitForLoadState('networkidle');
  expect(await row('远期任务').textContent()).not.toContain('暂定');
  expect(await row('年内任务').textContent()).not.toContain('暂定');
  await page.screenshot({ path: `${SCREENSHOTS}/provisional-due-set.png` });
});
