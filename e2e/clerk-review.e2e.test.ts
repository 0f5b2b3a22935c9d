// What a clerk ran into (a review of the product in use), each kept fixed: the top bar's search never
// opens a match of the term before the one just typed; a date typed after today is refused at its
// field with a message, in a record's form and in a step's dialog, never replaced by another date;
// a correction refused because another tab saved first offers 重新加载 into the open drawer;
// records of one title in 我的待办 are told apart by their case number or ref; on a phone the unit
// tree and a unit's details stack; the portal's 好差评 receipt has no heading over nothing.
import { expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { SCREENSHOTS, loginPage, type Server, withDemoCounty } from './helpers.ts';

let server: Server;
let browser: Browser;

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

it('top-bar search: Enter right after a new term acts on that term, never on the matches still up from the previous one', async () => {
  const page = await loginPage(browser, server, 'fzb_wang');
  const box = page.getByLabel('全局搜索');
  const first = page.locator('.global-search-popup .ant-select-item-option').first();
  const showsAllOf = (term: string) => page.waitForURL((u) => u.pathname === '/search' && new URLSearchParams(u.search).get('q') === term);
  // The matches of the new term are slow to come: the moment between a key and its results.
  const matches = '**/api/v1/search?*limit=5*';
  const slow = async () =>
    page.route(matches, async (route) => {
      if (decodeURIComponent(route.request().url()).includes('城关镇')) await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue().catch(() => undefined); // the page may have moved on
    });
  await slow();

  // The mouse resting on the first match of 申请复议 while 城关镇 is pasted over it.
  await box.click();
  await box.fill('申请复议');
  await first.waitFor();
  const at = (await first.boundingBox())!;
  await page.mouse.move(at.x + 20, at.y + 10);
  await box.fill('城关镇');
  await page.mouse.move(at.x + 24, at.y + 12);
  await box.press('Enter');
  await showsAllOf('城关镇');

  // ↓ Enter straight after typing: nothing of 申请复议 to highlight.
  await box.fill('申请复议');
  await first.waitFor();
  await box.fill('城关镇');
  await box.press('ArrowDown');
  await box.press('Enter');
  await showsAllOf('城关镇');
  await page.unroute(matches);

  // Once the new term's matches are up, ↓ Enter opens one of them.
  await box.fill('');
  await box.fill('城关镇');
  await page.locator('.global-search-popup .ant-select-item-option', { hasText: '城关镇' }).first().waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
  await page.waitForURL((u) => u.pathname !== '/search');
  expect(page.url()).not.toContain('/search');
});

it('a date typed after today is refused at its field with a message, never dropped for the old one or today', async () => {
  const page = await loginPage(browser, server, 'fzb_wang');
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && r.url().includes('/api/v1/') && !r.url().includes('/search')) sent.push(`${r.method()} ${r.url()}`);
  });
  const errors = (scope: Locator) => scope.locator('.ant-form-item-explain-error').allTextContents();

  // The form of a record (交办日期 must not be after today; the calendar greys those days out).
  await page.goto(`${server.url}/matters`);
  await page.getByRole('button', { name: '交办事项' }).click();
  const drawer = page.locator('.ant-drawer-content');
  const assigned = drawer.getByLabel('交办日期');
  await assigned.click();
  await assigned.fill('2099-01-05');
  await assigned.press('Tab');
  await drawer.getByText('交办日期不能晚于今天').waitFor();
  expect(await assigned.inputValue()).toBe('2099-01-05');
  // Enter in the field (which submits the form) does not send it with another date either.
  await assigned.click();
  await assigned.press('Enter');
  expect(await errors(drawer)).toContain('交办日期不能晚于今天');
  // A day typed within the limit is taken as typed.
  await assigned.fill('2025-01-06');
  await assigned.press('Tab');
  await expect.poll(() => errors(drawer)).not.toContain('交办日期不能晚于今天');
  expect(await assigned.inputValue()).toBe('2025-01-06');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  // A step's dialog: 办理日期 empty means today; a later day typed is refused, not replaced by today.
  await page.locator('tr.ant-table-row', { hasText: '已报送' }).first().locator('a').first().click();
  await page.getByTestId('workflow-status').waitFor();
  await page.locator('[data-testid^="transition-"]').first().click();
  const dialog = page.locator('.ant-modal-content');
  const day = dialog.getByLabel('办理日期');
  await day.click();
  await day.fill('2099-01-05');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await dialog.getByText('办理日期不能晚于今天').waitFor();
  expect(await day.inputValue()).toBe('2099-01-05');
  expect(sent).toEqual([]);
});

it('two tabs correct one record: the later save is refused (409) and 重新加载 puts the other tab\'s save into the open drawer', async () => {
  const first = await loginPage(browser, server, 'fzb_wang');
  const items = (await (await first.request.get(`${server.url}/api/v1/service-items?status=listed`)).json()) as { items: { id: string; name: string }[] };
  const item = items.items[0]!;
  const second = await loginPage(browser, server, 'fzb_wang');
  const drawers = await Promise.all(
    [first, second].map(async (page) => {
      await page.goto(`${server.url}/service-items/${item.id}`);
      await page.getByRole('button', { name: /^更\s*正$/ }).click();
      const drawer = page.locator('.ant-drawer-content');
      await drawer.getByLabel('事项名称').waitFor();
      return drawer;
    }),
  );
  const [mine, theirs] = drawers as [Locator, Locator];
  await theirs.getByLabel('事项名称').fill(`${item.name}（另一窗口）`);
  await theirs.getByRole('button', { name: /保\s*存/ }).click();
  await theirs.waitFor({ state: 'hidden' });

  await mine.getByLabel('事项名称').fill(`${item.name}（本窗口）`);
  await mine.getByRole('button', { name: /保\s*存/ }).click();
  await mine.getByText('记录已被他人修改').waitFor();
  await first.screenshot({ path: `${SCREENSHOTS}/clerk-409-conflict.png` });
  await mine.getByRole('button', { name: /重新加载/ }).click();
  // The drawer stays open with the record as the other tab left it, the refusal gone.
  await expect.poll(() => mine.getByLabel('事项名称').inputValue()).toBe(`${item.name}（另一窗口）`);
  expect(await mine.locator('.ant-alert-error').count()).toBe(0);
  await mine.getByLabel('事项名称').fill(`${item.name}（本窗口）`);
  await mine.getByRole('button', { name: /保\s*存/ }).click();
  await mine.waitFor({ state: 'hidden' });
  await first.locator('.ant-card-head-title', { hasText: `${item.name}（本窗口）` }).first().waitFor();
});

it('我的待办: records of one title (a dispute of the same parties each year) are told apart by their case number or ref', async () => {
  const page = await loginPage(browser, server, 'cgz_liaison');
  await page.goto(`${server.url}/todo`);
  const rows = page.locator('tr.ant-table-row', { hasText: '劳动争议：王某与某物业公司' });
  await rows.first().waitFor();
  const numbers = await rows.getByTestId('todo-number').allTextContents();
  expect(numbers).toHaveLength(await rows.count());
  expect(numbers.length).toBeGreaterThan(1);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(numbers.every((n) => /调字〔\d{4}〕第\d+号/.test(n))).toBe(true);
  // Every row of the page differs from every other in what it shows.
  const texts = await page.locator('tr.ant-table-row').allInnerTexts();
  expect(new Set(texts).size).toBe(texts.length);

  // The 工作台's card: each waiting record with its number, and which deadline its date is.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const card = page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: /^我的待办$/ }) });
  const items = card.locator('.ant-list-item');
  await items.first().waitFor();
  const shown = await items.allInnerTexts();
  expect(new Set(shown).size).toBe(shown.length);
  const dated = (await page.request.get(`${server.url}/api/v1/todo`).then((r) => r.json())).items.slice(0, shown.length);
  dated.forEach((item: { clock: { label: string } | null; caseNumber: string | null; ref: string | null }, i: number) => {
    if (item.clock) expect(shown[i]).toContain(item.clock.label);
    if (item.caseNumber ?? item.ref) expect(shown[i]).toContain(item.caseNumber ?? item.ref);
  });
});

it('组织机构 on a phone (390 px): the unit tree and the details stack, and a chosen unit\'s details come into view', async () => {
  const page = await loginPage(browser, server, 'fzb_wang', { width: 390, height: 844 });
  await page.goto(`${server.url}/org/units`);
  await page.getByTestId('unit-SFX-D03').waitFor();
  const panes = await page.locator('.ant-row > .ant-col').evaluateAll((cols) => cols.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
  expect(panes).toHaveLength(2);
  const [tree, details] = panes as [DOMRect, DOMRect];
  // Each pane the width of the page (less the content's padding), the details below the tree.
  expect(tree.width).toBeGreaterThan(330);
  expect(details.width).toBeGreaterThan(330);
  expect(details.top).toBeGreaterThanOrEqual(tree.bottom);
  await page.getByTestId('unit-SFX-D03').click();
  const title = page.locator('.ant-card-head-title', { hasText: /^示范县教育局$/ });
  await title.waitFor();
  // In the window and not under the header.
  const header = (await page.locator('.shell-header').boundingBox())!;
  await expect.poll(async () => (await title.boundingBox())!.y).toBeLessThan(844 - 40);
  expect((await title.boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height);
  await page.screenshot({ path: `${SCREENSHOTS}/clerk-units-390.png` });
});

it('the portal\'s 好差评 receipt: every heading heads something (no 办理期限 over nothing for a rating)', async () => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })).newPage();
  await phone.goto(`${server.url}/public/services/rate`);
  await phone.getByRole('heading', { level: 1, name: '政务服务“好差评”' }).waitFor();
  await phone.locator('#itemId').selectOption({ index: 1 });
  await phone.getByLabel('满意', { exact: true }).check();
  await phone.locator('#consent').check();
  await phone.getByRole('button', { name: '提交评价' }).click();
  await phone.getByRole('heading', { name: '评价已提交' }).waitFor({ timeout: 30_000 });
  const headings = await phone.locator('main h1, main h2, main h3').evaluateAll((els) => els.map((h) => ({ text: h.textContent!.trim(), followed: !!h.nextElementSibling?.textContent?.trim() })));
  expect(headings.map((h) => h.text)).toEqual(['政务服务“好差评”', '评价已提交']);
  expect(headings.every((h) => h.text && h.followed)).toBe(true);
  await phone.screenshot({ path: `${SCREENSHOTS}/clerk-rating-receipt-phone.png`, fullPage: true });
  await phone.context().close();
});
