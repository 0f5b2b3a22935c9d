// Developer aid: log in and screenshot pages of a running server.
// node scripts/dev/screenshot.mjs BASE_URL USERNAME PASSWORD OUT_PREFIX PATH...
import { chromium } from 'playwright-core';
const [base, username, password, prefix, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(base + '/login');
await page.getByLabel('用户名').fill(username);
await page.getByLabel('密码').fill(password);
await page.getByRole('button', { name: /登\s*录/ }).click();
await page.waitForTimeout(1000);
for (const [i, path] of paths.entries()) {
  await page.goto(base + path);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${prefix}-${i}.png` });
}
await browser.close();
