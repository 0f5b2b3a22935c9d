// 操作说明: opened from a module's page by the header's button, and from 帮助中心 for every module the
// role reaches. Every deadline a help states — its period and its citation — is the rule the server
// holds (the rules table the law office maintains), and every rule the module's help lists is shown.
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, loginPage, type Server, withDemoCounty } from './helpers.ts';
import { HELPS } from '../src/web/help/registry.ts';
import { PERIOD_UNITS, type DeadlineRuleView } from '../src/shared/schemas/calendar.ts';

let server: Server;
let browser: Browser;
withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

/** The rules as the server holds them, read with the page's session. */
async function serverRules(page: Page): Promise<Map<string, DeadlineRuleView>> {
  const res = await page.request.get(`${server.url}/api/v1/deadline-rules`);
  expect(res.status()).toBe(200);
  return new Map(((await res.json()) as { items: DeadlineRuleView[] }).items.map((r) => [r.code, r]));
}

/** The open help page's deadlines agree with the server's rules, one for one with the module's list. */
async function checkRules(page: Page, key: string, rules: Map<string, DeadlineRuleView>) {
  const help = HELPS.find((h) => h.key === key)!;
  await page.getByTestId(`help-${key}`).waitFor();
  const rows = page.locator('[data-testid^="help-rule-"]').filter({ has: page.getByTestId('help-rule-citation') });
  if (help.rules.length) await rows.first().waitFor();
  const shown = await rows.evaluateAll((els) =>
    els.map((el) => ({ code: el.getAttribute('data-testid')!.replace('help-rule-', ''), period: el.querySelector('[data-testid="help-rule-period"]')!.textContent!, citation: el.querySelector('[data-testid="help-rule-citation"]')!.textContent! })),
  );
  expect(shown.map((s) => s.code).sort(), key).toEqual([...help.rules].sort());
  for (const s of shown) {
    const rule = rules.get(s.code)!;
    expect(rule, `${key}: ${s.code}`).toBeTruthy();
    expect(s.citation, `${key}: ${s.code}`).toBe(rule.citation);
    expect(s.period.startsWith(`${rule.minimum ? '不少于' : ''}${rule.period}${PERIOD_UNITS[rule.unit]}`), `${key}: ${s.code} ${s.period}`).toBe(true);
  }
}

it('the law office opens 操作说明 from a module page and from 帮助中心 for every module; each deadline is the server’s rule', async () => {
  const page = await loginPage(browser, server, 'fzb_wang');
  const rules = await serverRules(page);

  // From the disclosure requests' ledger, and from a request's own page.
  await page.goto(`${server.url}/foi`);
  await page.locator('.ant-table-tbody tr.ant-table-row a').first().click();
  await page.waitForURL(/\/foi\/[^/]+$/);
  await page.getByTestId('help-button').click();
  await page.waitForURL(/\/help\/disclosure$/);
  await checkRules(page, 'disclosure', rules);
  await page.screenshot({ path: `${SCREENSHOTS}/help-disclosure.png`, fullPage: true });

  // 帮助中心 from the account menu lists every module's help but the audit log's (the audit
  // administrator's, a separate role: audit-journey); each help page states the server's rules.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '帮助中心' }).click();
  await page.waitForURL(/\/help$/);
  await page.locator('.ant-card-head-title a[href^="/help/"]').first().waitFor();
  const links = await page.locator('.ant-card-head-title a[href^="/help/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(links.map((l) => l.replace('/help/', '')).sort()).toEqual(HELPS.map((h) => h.key).filter((k) => k !== 'audit').sort());
  await page.screenshot({ path: `${SCREENSHOTS}/help-center.png` });
  for (const link of links) {
    await page.goto(`${server.url}${link}`);
    const key = link.replace('/help/', '');
    await checkRules(page, key, rules);
    await page.screenshot({ path: `${SCREENSHOTS}/help-${key}.png`, fullPage: true });
  }

  await page.close();
});

it('a town liaison opens 操作说明 on a phone from its own tasks and reads the module’s steps', async () => {
  const page = await loginPage(browser, server, 'cgz_liaison', { width: 390, height: 844 });
  await page.goto(`${server.url}/my-tasks`);
  await page.getByTestId('help-button').click();
  await page.waitForURL(/\/help\/plans$/);
  await page.getByTestId('help-plans').waitFor();
  await page.getByTestId('help-step-task-submit').waitFor();
  await expect(page.getByTestId('help-step-task-submit').textContent()).resolves.toMatch(/单位联络员/);
  // Nothing runs off a phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SCREENSHOTS}/help-plans-phone.png`, fullPage: true });
  await page.close();
});
