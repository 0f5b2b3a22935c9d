// 驾驶舱大屏 and 法治画像 on the demo county: the leader opens the meeting-room screen from the
// dashboard (no menu, no header, figures as the dashboard shows them, the time of the last refresh),
// then a unit's profile from the 红黄牌 chart; a liaison opens their own unit's profile on a phone.
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, SCREENSHOTS, type Server, withDemoCounty } from './helpers.ts';

let server: Server;
let browser: Browser;

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

/** Signed in through the login form; a leader lands on the dashboard, not the workbench loginPage waits for. */
async function signIn(username: string, viewport = { width: 1440, height: 900 }) {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

it('the leader opens the full-screen 驾驶舱 from the dashboard, with the dashboard figures and no menu', async () => {
  const page = await signIn('leader_chen', { width: 1920, height: 1080 });
  await page.goto(`${server.url}/dashboard`);
  const headline = page.getByTestId('headline-tasks.completion_rate');
  await headline.waitFor();
  const onDashboard = (await headline.locator('.ant-statistic-content').textContent())!.trim();

  await page.getByRole('button', { name: '大屏展示' }).click();
  await page.waitForURL('**/dashboard/screen');
  const screen = page.getByTestId('dashboard-screen');
  await screen.waitFor();
  // No Shell: neither the menu nor the account in the header.
  expect(await page.getByRole('menuitem', { name: '驾驶舱' }).count()).toBe(0);
  expect(await page.locator('.ant-layout-header').count()).toBe(0);
  const figure = page.getByTestId('screen-tasks.completion_rate');
  await expect.poll(async () => (await figure.textContent()) ?? '').toContain(onDashboard.replace(/\s/g, ''));
  await expect.poll(async () => (await page.getByTestId('refreshed-at').textContent()) ?? '').toMatch(/数据更新于 \d{2}:\d{2}:\d{2}/);

  // The 红黄牌 totals are the sums of the dashboard API's per-unit counts.
  const lights = await page.evaluate(async () => (await (await fetch('/api/v1/dashboard/lights')).json()) as { units: { red: number; yellow: number; green: number }[] });
  for (const light of ['red', 'yellow', 'green'] as const) {
    const total = lights.units.reduce((sum, u) => sum + u[light], 0);
    expect(await page.getByTestId(`screen-light-${light}`).textContent()).toContain(String(total));
  }
  // The whole screen fits 1920×1080: nothing scrolls.
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-screen.png` });

  await page.getByRole('button', { name: '退出大屏' }).click();
  await page.waitForURL('**/dashboard');
  await page.getByRole('menuitem', { name: '驾驶舱' }).waitFor();
  await page.close();
});

it("a unit's 法治画像: the leader reads any unit's, a liaison reads their own unit's on a phone", async () => {
  const leader = await signIn('leader_chen');
  const units = await leader.evaluate(async () => (await (await fetch('/api/v1/org/units')).json()).items as { id: string; code: string; name: string }[]);
  const unit = units.find((u) => u.code === 'SFX-D03')!;
  await leader.goto(`${server.url}/units/${unit.id}/profile`);
  await leader.getByTestId('profile-title').getByText(`${unit.name} · 法治画像`).waitFor();
  // Its open problems are the problem pool's for that unit.
  const open = await leader.evaluate(async (id) => (await (await fetch(`/api/v1/problems?unitId=${id}&status=open`)).json()).total as number, unit.id);
  await leader.getByText(`未整改问题（${open} 个）`).waitFor();
  await leader.getByTestId('rank-tasks.overdue').getByText(/「部门」/).waitFor();
  await leader.screenshot({ path: `${SCREENSHOTS}/unit-profile-1440.png`, fullPage: true });
  await leader.close();

  const liaison = await signIn('jyj_liaison', { width: 390, height: 844 });
  await liaison.goto(`${server.url}/units/${unit.id}/profile`);
  await liaison.getByTestId('profile-title').waitFor();
  await liaison.getByTestId('profile-tasks.completion_rate').waitFor();
  // Nothing wider than the phone's screen.
  expect(await liaison.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await liaison.screenshot({ path: `${SCREENSHOTS}/unit-profile-390.png`, fullPage: true });
  // Another unit's profile is not in the liaison's scope.
  const other = units.find((u) => u.code !== 'SFX-D03' && u.code.startsWith('SFX-D'))!;
  await liaison.goto(`${server.url}/units/${other.id}/profile`);
  await liaison.getByText('该单位不存在或不在您的数据范围内').waitFor();
  await liaison.close();
});
