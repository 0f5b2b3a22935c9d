// The first administrator's journey: log in with the printed one-time password, change it, bind
// an authenticator (two-factor sign-in is mandatory for administrators), create a unit, see it in
// the organisation tree, and sign in again with password and code.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { generate } from 'otplib';
import { SCREENSHOTS, ensureWebBuild, launchBrowser, startServer, type Server } from './helpers.ts';

let server: Server;
let browser: Browser;
beforeAll(async () => {
  ensureWebBuild();
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('new administrator: first login, forced password change, authenticator binding, create a unit, see it in the tree, sign in with a code', async () => {
  const password = /admin\s+系统管理员\s+(\S+)/.exec(server.output())?.[1];
  expect(password, server.output()).toBeTruthy();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await page.goto(server.url);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(password!);
  await page.screenshot({ path: `${SCREENSHOTS}/01-login.png` });
  await page.getByRole('button', { name: /登\s*录/ }).click();

  await page.getByText('首次登录或密码已被重置').waitFor();
  await page.locator('#current-password').fill(password!);
  await page.locator('#new-password').fill('Guanli#2026x');
  await page.locator('#confirm-password').fill('Guanli#2026x');
  await page.screenshot({ path: `${SCREENSHOTS}/02-change-password.png` });
  await page.getByRole('button', { name: /确认修改/ }).click();

  // Administrators must bind an authenticator before anything else.
  await page.getByText('绑定身份验证器（两步验证）').waitFor();
  await page.getByTestId('totp-qr').waitFor();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.screenshot({ path: `${SCREENSHOTS}/02b-totp-enrol.png` });
  await page.locator('#totp-code').fill(await generate({ secret }));
  await page.getByRole('button', { name: /验证并启用/ }).click();
  await page.getByTestId('recovery-codes').waitFor();
  expect((await page.getByTestId('recovery-codes').textContent())!.match(/[A-Z0-9]{5}-[A-Z0-9]{5}/g)).toHaveLength(10);
  await page.screenshot({ path: `${SCREENSHOTS}/02c-recovery-codes.png` });
  await page.getByRole('button', { name: /我已妥善保存恢复码/ }).click();

  await page.getByText('我的账号').waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/03-home.png` });
  await page.getByRole('menuitem', { name: '组织机构' }).click();
  await page.getByRole('button', { name: /根单位/ }).click();
  await page.locator('#unit-code').fill('E2E');
  await page.locator('#unit-name').fill('端到端测试县人民政府');
  await page.locator('#unit-save').click();
  await page.getByTestId('unit-E2E').waitFor();
  await expect(page.getByTestId('unit-E2E').textContent()).resolves.toContain('端到端测试县人民政府');

  // A child unit under it, added from the detail panel.
  await page.getByRole('button', { name: /下级单位/ }).click();
  await page.locator('#unit-code').fill('E2E-D01');
  await page.locator('#unit-name').fill('端到端测试县司法局');
  await page.locator('#unit-save').click();
  await page.getByTestId('unit-E2E-D01').waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/04-org-tree.png` });

  // The new password works after logging out; the one-time password no longer does.
  const check = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  expect(check.status).toBe(401);
  await page.close();

  // Signing in again asks for the code after the password (the enrolment's code is spent: the next one).
  const again = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await again.goto(server.url);
  await again.getByLabel('用户名').fill('admin');
  await again.getByLabel('密码').fill('Guanli#2026x');
  await again.getByRole('button', { name: /登\s*录/ }).click();
  await again.locator('#login-code').waitFor();
  await again.screenshot({ path: `${SCREENSHOTS}/05-login-code.png` });
  await again.locator('#login-code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await again.getByRole('button', { name: /登\s*录/ }).click();
  await again.getByText('我的账号').waitFor();
  await again.close();
});
