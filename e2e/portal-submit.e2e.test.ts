// Submitting and tracking without an account, end to end on the demo county: a citizen on a 390 px
// phone applies for reconsideration and for disclosure, is refused with a Chinese message naming the
// field, keeps the tracking code and secret, is asked by staff for a supplement, answers it, and
// downloads the reply; staff (1440 px) find each application in 我的待办 with its statutory clock,
// ask for the supplement, decide or reply, and send the document from the record's page. axe-core
// passes on the receipt, the tracking page and the supplement form.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { SCREENSHOTS, ensureWebBuild, launchBrowser, loginPage, startServer, type Server } from './helpers.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';

const PHONE = { width: 390, height: 844 };
const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const ID = '11010519491231002X';

let server: Server;
let browser: Browser;
let webDir: string;

beforeAll(async () => {
  ensureWebBuild();
  // A private copy of the build: another suite's rebuild must not pull files from under the server.
  webDir = mkdtempSync(join(tmpdir(), 'fazhi-portal-submit-web-'));
  cpSync('dist/web', webDir, { recursive: true });
  server = await startServer({ FAZHI_WEB_DIR: webDir }, [['demo']]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (webDir) rmSync(webDir, { recursive: true, force: true });
});

async function citizen(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', acceptDownloads: true });
  return context.newPage();
}

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, what).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), `${what} scrolls sideways`).toBe(false);
}

/** The due date the server computes for a rule from today (the calendar's own answer). */
async function dueToday(rule: string): Promise<string> {
  return (await (await fetch(`${server.url}/api/v1/calendar/deadline?rule=${rule}&from=${chinaToday()}`)).json()).due;
}

/** Submits the filled-in form and reads the receipt: the code and secret shown once. */
async function submitAndKeep(page: Page, shot: string): Promise<{ code: string; secret: string }> {
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByRole('heading', { name: '申请已提交' }).waitFor({ timeout: 30_000 });
  const [code, secret] = await page.locator('.credentials dd').allTextContents();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect.poll(() => page.getByRole('img', { name: '进度查询二维码' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expectAccessible(page, 'the receipt');
  await page.screenshot({ path: `${SCREENSHOTS}/${shot}`, fullPage: true });
  return { code: code!, secret: secret! };
}

/** Opens the tracking page by typing code and secret, as from a note on paper. */
async function lookUp(page: Page, credentials: { code: string; secret: string }) {
  await page.goto(`${server.url}/public/track`);
  await page.locator('#code').fill(credentials.code.toLowerCase());
  await page.locator('#secret').fill(credentials.secret);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('heading', { name: '办理情况' }).waitFor();
}

async function answerSupplement(page: Page, credentials: { code: string; secret: string }, asked: string, text: string, shot: string) {
  await lookUp(page, credentials);
  await page.getByText(asked).waitFor();
  await expectAccessible(page, 'the supplement form');
  await page.getByRole('button', { name: '提交补正' }).click();
  expect(await page.locator('#text-error').textContent()).toBe('请填写补正内容');
  await page.locator('#text').fill(text);
  await page.locator('#files').setInputFiles({ name: '补正材料.pdf', mimeType: 'application/pdf', buffer: PDF('补正') });
  await page.screenshot({ path: `${SCREENSHOTS}/${shot}`, fullPage: true });
  await page.getByRole('button', { name: '提交补正' }).click();
  await page.getByText('补正材料已提交').waitFor();
  await page.getByText(text).waitFor();
}

async function downloadReply(page: Page, credentials: { code: string; secret: string }, status: string, filename: string, content: Buffer, shot: string) {
  await lookUp(page, credentials);
  await page.getByText(status, { exact: true }).waitFor();
  await expectAccessible(page, 'the tracking page with a reply');
  await page.screenshot({ path: `${SCREENSHOTS}/${shot}`, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: new RegExp(`^下载\\s*${filename.replace('.', '\\.')}$`) }).click()]);
  expect(download.suggestedFilename()).toBe(filename);
  expect(readFileSync((await download.path())!).equals(content)).toBe(true);
}

/** Staff: the application in 我的待办 with its clock, then its page. */
async function openFromTodo(staff: Page, title: string, clock: string, due: string, shot: string) {
  await staff.getByRole('menuitem', { name: '我的待办' }).click();
  const row = staff.locator('tr', { has: staff.getByRole('link', { name: title }) });
  await row.waitFor();
  expect(await row.textContent()).toContain(clock);
  expect(await row.textContent()).toContain(due);
  await staff.screenshot({ path: `${SCREENSHOTS}/${shot}` });
  await row.getByRole('link', { name: title }).click();
}

async function transition(staff: Page, key: string, fill: () => Promise<void>, status: string) {
  await staff.getByTestId(`transition-${key}`).click();
  await fill();
  await staff.getByRole('button', { name: /确\s*定/ }).click();
  // The panel's own status, not any tag: the timeline and clocks carry tags of their own.
  await staff.getByTestId('workflow-status').filter({ hasText: new RegExp(`^${status}$`) }).waitFor({ timeout: 15_000 });
}

async function chooseOption(staff: Page, testId: string, label: string) {
  await staff.getByTestId(testId).click();
  await staff.locator(`.ant-select-item-option[title="${label}"]`).click();
}

/** Staff send a document to the applicant from the record's page. */
async function sendToApplicant(staff: Page, filename: string, content: Buffer) {
  await staff.getByTestId('portal-upload').locator('input[type=file]').setInputFiles({ name: filename, mimeType: 'application/pdf', buffer: content });
  await staff.getByTestId(`release-${filename}`).click();
  await staff.getByRole('button', { name: /^发\s*送$/ }).click();
  await staff.getByText('已发送', { exact: false }).first().waitFor();
}

describe('without an account, on a phone', () => {
  it('a reconsideration application: refused with the field named, submitted, supplemented at staff’s request, decided, the decision downloaded', async () => {
    const page = await citizen();
    await page.goto(`${server.url}/public`);
    await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '行政复议' }).click();
    await page.getByText('如今天提交').waitFor();
    await page.getByRole('link', { name: '在线申请行政复议' }).click();
    await page.getByRole('heading', { level: 1, name: '行政复议申请' }).waitFor();

    await page.getByLabel('自然人', { exact: true }).check();
    await page.locator('#applicantName').fill('张三');
    await page.locator('#applicantIdNumber').fill('110105194912310021'); // wrong check digit
    await page.locator('#applicantPhone').fill('13800138000');
    await page.locator('#respondent').fill('示范县市场监督管理局');
    await page.locator('#act').fill('行政处罚决定书（示市监罚〔2026〕8号）');
    await page.locator('#reviewRequest').fill('请求撤销示市监罚〔2026〕8号行政处罚决定');
    await page.locator('#factsAndReasons').fill('处罚认定的事实不清，证据不足，且未听取申请人的陈述申辩。');
    await page.getByRole('button', { name: '提交申请' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '提交未成功' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('身份证号码无效（应为 18 位且校验码正确）');
    expect(await summary.textContent()).toContain('请阅读并勾选同意个人信息处理规则');
    expect(await page.locator('#applicantIdNumber').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the form with its problems');
    await page.screenshot({ path: `${SCREENSHOTS}/portal-submit-review-problems-phone.png`, fullPage: true });

    // The server's own refusal (a file that is not what its name says) names the field too.
    await page.locator('#applicantIdNumber').fill(ID);
    await page.locator('#consent').check();
    await page.locator('#files').setInputFiles({ name: '处罚决定书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是PDF') });
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.locator('#files-error').getByText('「处罚决定书.pdf」内容与扩展名 .pdf 不符，已拒绝').waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toContain('申请材料：「处罚决定书.pdf」内容与扩展名 .pdf 不符');
    await page.getByRole('button', { name: /^删除\s*处罚决定书\.pdf$/ }).click();
    await page.locator('#files').setInputFiles({ name: '处罚决定书.pdf', mimeType: 'application/pdf', buffer: PDF('处罚决定书') });
    const credentials = await submitAndKeep(page, 'portal-submit-review-receipt-phone.png');

    // The receipt leads to the tracking page, which drops the secret from the address at once.
    await page.getByRole('link', { name: '查看办理进度' }).click();
    await page.getByRole('heading', { name: '办理情况' }).waitFor();
    expect(page.url()).toBe(`${server.url}/public/track`);
    await page.getByText('收到申请', { exact: true }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/portal-submit-review-track-phone.png`, fullPage: true });

    const staff = await loginPage(browser, server, 'fzb_wang');
    await openFromTodo(staff, '张三不服示范县市场监督管理局行政行为申请复议', '受理审查期限', await dueToday('review.accept'), 'portal-submit-review-todo.png');
    await staff.getByText(`查询码 ${credentials.code}`).waitFor();
    await transition(staff, 'request_supplement', () => staff.locator('textarea#note').fill('请补充行政处罚决定书送达回证的复印件'), '补正中');

    await answerSupplement(page, credentials, '请补充行政处罚决定书送达回证的复印件', '已补充送达回证复印件，见附件。', 'portal-submit-review-supplement-phone.png');

    await staff.reload();
    await staff.getByText('已补充送达回证复印件，见附件。').first().waitFor();
    await transition(staff, 'accept', () => chooseOption(staff, 'input-procedure', '普通程序'), '已受理（审理中）');
    await transition(staff, 'decide', () => chooseOption(staff, 'input-outcome', '维持'), '已决定结案');
    const decision = PDF('行政复议决定书');
    await sendToApplicant(staff, '行政复议决定书.pdf', decision);
    await staff.screenshot({ path: `${SCREENSHOTS}/portal-submit-review-staff.png`, fullPage: true });
    await staff.close();

    await downloadReply(page, credentials, '已决定结案', '行政复议决定书.pdf', decision, 'portal-submit-review-replied-phone.png');
    await page.context().close();
  });

  it('a disclosure request to a town: its liaison asks for a supplement, the citizen answers, the liaison replies and sends the answer', async () => {
    const page = await citizen();
    await page.goto(`${server.url}/public/disclosure`);
    await page.getByText('如今天提交').waitFor();
    await page.getByRole('link', { name: '在线申请政府信息公开' }).click();
    await page.getByRole('heading', { level: 1, name: '政府信息公开申请' }).waitFor();
    await page.locator('#unitId').selectOption({ label: '示范县城关镇' });
    await page.getByLabel('自然人', { exact: true }).check();
    await page.locator('#applicantName').fill('李四');
    await page.locator('#applicantIdNumber').fill(ID);
    await page.locator('#applicantPhone').fill('1390013900'); // one digit short
    await page.locator('#content').fill('本镇2025年度城乡居民最低生活保障对象认定标准');
    await page.getByLabel('网上下载（凭查询码）').check();
    await page.locator('#consent').check();
    await page.getByRole('button', { name: '提交申请' }).click();
    expect(await page.locator('#applicantPhone-error').textContent()).toBe('联系电话无效（应为 11 位手机号码）');
    await page.locator('#applicantPhone').fill('13900139000');
    const credentials = await submitAndKeep(page, 'portal-submit-foi-receipt-phone.png');

    const staff = await loginPage(browser, server, 'cgz_liaison');
    await openFromTodo(staff, '李四申请公开：本镇2025年度城乡居民最低生活保障对象认定标准', '答复期限', await dueToday('foi.reply'), 'portal-submit-foi-todo.png');
    await transition(staff, 'request_supplement', () => staff.locator('textarea#note').fill('请说明所需信息的文号或者发布时间'), '补正中');

    await answerSupplement(page, credentials, '请说明所需信息的文号或者发布时间', '文号为城政发〔2025〕3号，2025年3月发布。', 'portal-submit-foi-supplement-phone.png');

    await staff.reload();
    await staff.getByText('文号为城政发〔2025〕3号，2025年3月发布。').first().waitFor();
    await transition(staff, 'reply', () => chooseOption(staff, 'input-replyType', '予以公开'), '已答复');
    const answer = PDF('政府信息公开申请答复书');
    await sendToApplicant(staff, '政府信息公开申请答复书.pdf', answer);
    await staff.close();

    await downloadReply(page, credentials, '已答复', '政府信息公开申请答复书.pdf', answer, 'portal-submit-foi-replied-phone.png');
    await page.context().close();
  });
});
