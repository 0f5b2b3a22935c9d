// Major administrative decisions in the demo county, as its people do them (issue 14): the education
// bureau's liaison (jyj_liaison) registers an unlisted decision and records its procedures, sends it
// for the legality review (the review's clock and light appear), the law office (fzb_wang) records
// its opinion; 作出决策 is refused while 集体讨论决定 is missing, the message naming it, then while
// the applicable procedures have no evidence (the workspace names them first), and taken once each
// procedure's evidence file is uploaded on its line of the checklist (and downloadable there). A member of the public comments on the draft open for comment on the portal (the
// button says 提交意见), and the bureau answers the comment in the decision's workspace. The law
// office imports decisions' history on the import page: the rows the workspace's rules refuse are
// listed with those rules' messages (the gate naming the missing procedure), nothing is written; the
// history accepted reads in the workspace as recorded by import (its evidence in the 决策档案), its
// hearing with the participants an events file gives.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { loginPage, pageApi as api, takeTransition, type Server, withDemoCounty } from './helpers.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';

const SHOTS = '/tmp/shots-14';
mkdirSync(SHOTS, { recursive: true });

let server: Server;
let browser: Browser;
const today = chinaToday();
const plus = (days: number) => fromDayNumber(toDayNumber(today) + days);
const TITLE = '城区学校课后服务收费办法';

withDemoCounty((s, b) => {
  server = s;
  browser = b;
});

/** The open dialog titled `title`. */
const dialog = (page: Page, title: string) => page.locator('.ant-modal-content').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });

async function pickDate(scope: Locator, label: string, date: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
}

/** Opens the checklist's form of a procedure (记录 or 修改). */
async function openProcedure(page: Page, label: string): Promise<Locator> {
  const item = page.getByTestId('procedures').locator('.ant-list-item').filter({ hasText: label });
  await item.getByText(/^(记录|修改)$/).click();
  const modal = dialog(page, `记录${label}`);
  await modal.waitFor();
  return modal;
}

async function save(modal: Locator) {
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await modal.waitFor({ state: 'detached' });
}

/** The checklist line of a procedure shows it done. */
const done = (page: Page, label: string) => page.getByTestId('procedures').locator('.ant-list-item').filter({ hasText: label }).filter({ hasText: /已完成|不适用/ }).first().waitFor();

const status = (page: Page, label: string) => page.getByTestId('workflow-status').filter({ hasText: new RegExp(`^${label}$`) }).waitFor();


let decisionUrl = '';

it('a unit records the procedures, the law office the legality review; 作出决策 waits for every procedure, naming the missing one', async () => {
  const unit = await loginPage(browser, server, 'jyj_liaison');
  await unit.goto(`${server.url}/decisions`);
  await unit.getByRole('button', { name: '登记决策事项' }).click();
  const drawer = unit.locator('.ant-drawer-content').filter({ hasText: '登记拟决策事项' });
  await drawer.getByLabel('决策事项', { exact: true }).fill(TITLE);
  await drawer.getByLabel('未列入目录的理由', { exact: true }).fill('年度中根据上级部署新增，县委同意后启动');
  await drawer.getByRole('button', { name: /登\s*记/ }).click();
  await unit.waitForURL(/\/decisions\/[0-9a-z]{26}$/);
  decisionUrl = unit.url();
  const id = decisionUrl.split('/').pop()!;
  await unit.getByText('作出决策前尚缺：公众参与、专家论证、风险评估、合法性审查、集体讨论决定').waitFor();

  // Public participation and expert argumentation not applicable, each with its reason.
  for (const [label, reason] of [
    ['公众参与', '收费标准按省定上限执行，仅涉及内部管理细则，经研究不公开征求意见'],
    ['专家论证', '专业性、技术性不强'],
  ] as const) {
    const modal = await openProcedure(unit, label);
    await modal.getByText('不适用', { exact: true }).click();
    await modal.getByLabel('不适用理由').fill(reason);
    await save(modal);
    await done(unit, label);
  }
  // Risk assessment.
  const risk = await openProcedure(unit, '风险评估');
  await pickDate(risk, '风险评估日期', today);
  await choose(unit, risk, '风险等级', '低');
  await risk.getByLabel('风险评估机构', { exact: true }).fill('县教育局会同县信访局');
  await risk.getByLabel('风险评估报告', { exact: true }).fill('经问卷调查，家长总体支持，风险等级为低。');
  await save(risk);
  await done(unit, '风险评估');

  // Sent for the legality review: its clock runs, with its due date and light.
  const due = plus(20);
  const send = await openProcedure(unit, '合法性审查');
  await pickDate(send, '送审日期', today);
  await pickDate(send, '审查期限', due);
  await choose(unit, send, '审查机构类别', '司法行政部门（合法性审查机构）');
  await send.getByLabel('审查机构（人员）', { exact: true }).fill('县司法局');
  await save(send);
  const clock = unit.getByTestId('legality-clock');
  await clock.waitFor();
  expect(await clock.textContent()).toContain(due);
  expect(await clock.locator('[data-light]').getAttribute('data-light')).toBe('green');
  await unit.screenshot({ path: `${SHOTS}/decision-workspace-legality-running.png`, fullPage: true });
  // The ledger shows the same deadline and light.
  await unit.goto(`${server.url}/decisions`);
  const line = unit.locator('tr.ant-table-row').filter({ hasText: TITLE });
  expect(await line.locator('[data-light]').textContent()).toContain(due);
  await unit.screenshot({ path: `${SHOTS}/decisions-ledger.png`, fullPage: true });
  await unit.close();

  // The law office records its opinion.
  const office = await loginPage(browser, server, 'fzb_wang');
  await office.goto(decisionUrl);
  const review = await openProcedure(office, '合法性审查');
  await pickDate(review, '审查意见日期', today);
  await choose(office, review, '审查结论', '合法');
  await review.getByLabel('合法性审查意见', { exact: true }).fill('收费项目和标准有法定依据，程序合法，同意提请集体讨论。');
  await save(review);
  await done(office, '合法性审查');
  await office.getByTestId('legality-clock').waitFor({ state: 'detached' });
  await office.close();

  // The gate: 作出决策 is not offered while 集体讨论决定 is missing, and the server refuses it naming the procedure.
  const back = await loginPage(browser, server, 'jyj_liaison');
  await back.goto(decisionUrl);
  await back.getByText('作出决策前尚缺：集体讨论决定').waitFor();
  await expect.poll(() => back.getByTestId('transition-decide').isDisabled()).toBe(true);
  const version = (await api(back, 'GET', `/decisions/${id}`)).body.version;
  const refused = await api(back, 'POST', `/workflow/decision/${id}/transitions/decide`, { version, date: today });
  expect(refused.status).toBe(409);
  expect(JSON.stringify(refused.body)).toContain('集体讨论决定');

  const meeting = await openProcedure(back, '集体讨论决定');
  await choose(back, meeting, '会议', '常务会议');
  await meeting.getByLabel('会议名称', { exact: true }).fill('县人民政府常务会议');
  await pickDate(meeting, '集体讨论日期', today);
  await meeting.getByLabel('会议纪要', { exact: true }).fill('会议同意该办法，按合法性审查意见印发。');
  await save(meeting);
  // Every procedure recorded, not yet its evidence: the workspace names what is missing before 作出决策 is tried; the server refuses it naming the same.
  const lacking = '风险评估、合法性审查、集体讨论决定';
  await back.getByTestId('missing-evidence').filter({ hasText: `作出决策前须上传证明材料：${lacking}` }).waitFor();
  await back.getByTestId('workflow-hint').filter({ hasText: lacking }).waitFor();
  await expect.poll(() => back.getByTestId('transition-decide').isDisabled()).toBe(true);
  const noEvidence = await api(back, 'POST', `/workflow/decision/${id}/transitions/decide`, { version: (await api(back, 'GET', `/decisions/${id}`)).body.version, date: today });
  expect(noEvidence.status).toBe(409);
  expect(noEvidence.body.detail).toContain(`以下决策程序尚未上传证明材料：${lacking}`);
  await back.screenshot({ path: `${SHOTS}/decision-evidence-missing.png`, fullPage: true });
  // A procedure not applicable asks for none; each applicable one takes its files on its own line.
  expect(await back.getByTestId('evidence-expert').count()).toBe(0);
  const files = join(tmpdir(), `decision-evidence-${process.pid}`);
  mkdirSync(files, { recursive: true });
  for (const [key, name] of [['risk', '风险评估报告.txt'], ['legality', '合法性审查意见书.txt'], ['deliberation', '常务会议纪要.txt']] as const) {
    writeFileSync(join(files, name), `${name}（示例）`);
    const line = back.getByTestId(`evidence-${key}`);
    await line.locator('input[type=file]').setInputFiles(join(files, name));
    await line.getByRole('link', { name }).waitFor();
  }
  // Downloaded from its line.
  const href = await back.getByTestId('evidence-risk').getByRole('link', { name: '风险评估报告.txt' }).getAttribute('href');
  expect(await back.evaluate(async (url) => (await fetch(url)).text(), href!)).toBe('风险评估报告.txt（示例）');
  await back.getByText('各项适用的法定程序已完成，证明材料齐备，可以提请作出决策').waitFor();
  await takeTransition(back, 'decide');
  await status(back, '已决策');
  await back.screenshot({ path: `${SHOTS}/decision-workspace.png`, fullPage: true });
  await back.close();
});

it('a member of the public comments on the open draft on the portal; the unit answers the comment', async () => {
  const form = await (await fetch(`${server.url}/api/v1/public/forms/decision-comment`)).json();
  expect(form.what).toBe('意见');
  const draft = form.unit.choices.find((c: { name: string }) => c.name === '城区中小学校布局调整规划');
  expect(draft).toBeTruthy();

  const citizen = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await citizen.goto(`${server.url}/public/decisions/comment?choice=${draft.id}`);
  const text = '建议在规划中明确城西片区新建小学的开工时间，并公布过渡期就学安排。';
  await citizen.locator('#content').fill(text);
  await citizen.locator('#consent').check();
  await citizen.getByRole('button', { name: '提交意见' }).click();
  await citizen.getByRole('heading', { name: '意见已提交' }).waitFor({ timeout: 60_000 });
  await citizen.screenshot({ path: `${SHOTS}/portal-comment-receipt.png`, fullPage: true });
  await citizen.close();

  const unit = await loginPage(browser, server, 'jyj_liaison');
  await unit.goto(`${server.url}/decisions`);
  await unit.getByRole('link', { name: '城区中小学校布局调整规划', exact: true }).click();
  await unit.waitForURL(/\/decisions\/[0-9a-z]{26}$/);
  const row = unit.locator('tr.ant-table-row').filter({ hasText: text.slice(0, 12) });
  await row.getByText('处理', { exact: true }).click();
  const modal = dialog(unit, '处理意见');
  await modal.waitFor();
  await modal.getByText('部分采纳', { exact: true }).click();
  await modal.getByLabel('理由').fill('城西片区新建小学已列入规划，开工时间视用地报批情况另行公布；过渡期就学安排已补充。');
  await save(modal);
  await row.filter({ hasText: '部分采纳' }).waitFor();
  await unit.screenshot({ path: `${SHOTS}/decision-consultation.png`, fullPage: true });

  // The catalog page, as the law office sees it.
  await unit.close();
  const office = await loginPage(browser, server, 'fzb_wang');
  await office.goto(`${server.url}/decision-catalog`);
  await office.getByRole('link', { name: '城区中小学校布局调整规划', exact: true }).waitFor();
  await office.screenshot({ path: `${SHOTS}/decision-catalog.png`, fullPage: true });
  // 更正 of a published item asks for its reason, and keeps it with what it replaced.
  const item = office.locator('tr.ant-table-row').filter({ hasText: '高标准农田建设规划' });
  await item.getByText('更正', { exact: true }).click();
  const drawer = office.locator('.ant-drawer-content').filter({ hasText: '更正目录事项' });
  await pickDate(drawer, '计划完成时间', plus(40).slice(0, 4) + '-03-31');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await drawer.getByText('该事项已随目录公布，请填写更正理由').waitFor();
  await drawer.getByLabel('更正理由').fill('受汛期影响，部分项目区开工推迟');
  await office.screenshot({ path: `${SHOTS}/decision-catalog-correction.png` });
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await drawer.waitFor({ state: 'hidden' });
  await office.getByRole('link', { name: '高标准农田建设规划', exact: true }).click();
  await office.getByText('受汛期影响，部分项目区开工推迟').first().waitFor();
  await office.screenshot({ path: `${SHOTS}/decision-catalog-item.png`, fullPage: true });
  await office.close();
});

/** Uploads `csv` as an import of the type titled `title` on the import page; the API's answer. */
async function importFile(page: Page, title: string, name: string, csv: string) {
  await page.goto(`${server.url}/imports`);
  await page.locator('.ant-card', { hasText: '下载导入模板' }).locator('.ant-select-selector').click();
  const option = page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`);
  // The list of import types is long and virtual: scrolled until the type is drawn.
  for (let i = 0; i < 40 && (await option.count()) === 0; i++) {
    await page.evaluate(() => {
      const holder = document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .rc-virtual-list-holder');
      if (holder) holder.scrollTop += 120;
    });
    await page.waitForTimeout(100);
  }
  await option.click();
  const file = join(tmpdir(), `${name}-${process.pid}.csv`);
  writeFileSync(file, csv);
  const answer = page.waitForResponse((r) => r.url().includes('/api/v1/imports/') && r.request().method() === 'POST');
  await page.locator('input[type=file]').setInputFiles(file);
  return answer;
}

it('the law office imports decisions\' history: refused rows listed with the workspace\'s own rules; accepted history reads as imported, its hearing with the participants of the events file', async () => {
  const Y = Number(today.slice(0, 4)) - 2; // a year the demo county has no decisions in
  const DEC = 'ref,catalogItemRef,title,ownerUnitCode,commentStart,commentEnd,commentsReceived,hearingDate,expertSessionDate,riskAssessmentDate,riskLevel,legalityReviewDate,deliberationDate,decidedDate,notApplicable,postEvaluationDate';
  const full = `E2E-JC-1,,历史：城区供热价格调整,SFX-D02,${Y}-03-01,${Y}-04-05,6,${Y}-03-20,${Y}-04-10,${Y}-04-20,medium,${Y}-05-06,${Y}-05-20,${Y}-05-25,,${Y}-12-01`;
  const office = await loginPage(browser, server, 'fzb_wang');
  const refused = await importFile(office, '重大行政决策', 'decisions-bad', [DEC, full, `E2E-JC-2,,历史：缺少专家论证,SFX-D02,,,,,,,,${Y}-05-06,${Y}-05-20,${Y}-05-25,public_participation;risk,`].join('\n') + '\n');
  expect(refused.status()).toBe(422);
  const errors = office.locator('.ant-card', { hasText: '导入结果' });
  await errors.getByText('导入未执行：共 1 处错误，全部数据均未写入').waitFor();
  await errors.locator('tr', { hasText: '决策日期（decidedDate）' }).getByText('不能执行「作出决策」：以下决策程序尚未完成：专家论证').waitFor();
  await office.screenshot({ path: `${SHOTS}/decision-import-refused.png`, fullPage: true });

  expect((await importFile(office, '重大行政决策', 'decisions-good', [DEC, full].join('\n') + '\n')).status()).toBe(200);
  expect((await importFile(office, '听证会、专家论证会、征求意见会', 'decision-events', ['ref,decisionRef,kind,date,participants', `E2E-TZ-1,E2E-JC-1,hearing,${Y}-03-20,24`].join('\n') + '\n')).status()).toBe(200);
  await office.getByText('导入成功：共 1 行，新增 1，更新 0').waitFor();

  await office.goto(`${server.url}/decisions`);
  await office.getByRole('link', { name: '历史：城区供热价格调整', exact: true }).click();
  await office.waitForURL(/\/decisions\/[0-9a-z]{26}$/);
  await status(office, '已后评估');
  for (const label of ['公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定']) {
    await office.getByTestId('procedures').locator('.ant-list-item').filter({ hasText: label }).filter({ hasText: '已完成' }).filter({ hasText: '批量导入的历史记录' }).waitFor();
  }
  // History's evidence is in its archive, as its other details: the checklist says so for each procedure.
  for (const key of ['public_participation', 'expert', 'risk', 'legality', 'deliberation']) await office.getByTestId(`evidence-${key}`).getByText('批量导入的历史记录，证明材料见决策档案').waitFor();
  // One hearing, with the events file's participants (the decisions row gave its day only).
  const hearings = office.locator('.ant-card', { hasText: '听证会、专家论证会、座谈会' }).locator('tr.ant-table-row', { hasText: '听证会' });
  await hearings.filter({ hasText: '24' }).waitFor();
  expect(await hearings.count()).toBe(1);
  // The hearing corrected in the workspace: who took part, from the archive (its missing notice date stays allowed as recorded).
  await hearings.getByText('更正', { exact: true }).click();
  const modal = dialog(office, '更正听证会记录');
  await modal.waitFor();
  await modal.getByLabel('参加人员').fill('消费者代表10名、经营者代表6名、专家3名、人大代表政协委员5名');
  await save(modal);
  await hearings.filter({ hasText: '消费者代表10名' }).waitFor();
  // History names no summary date: the workspace says so rather than offering to publish one today.
  await office.getByText('批量导入的历史记录未载明，见决策档案').first().waitFor();
  expect(await office.getByRole('button', { name: '公布意见采纳情况' }).count()).toBe(0);
  await office.screenshot({ path: `${SHOTS}/decision-imported.png`, fullPage: true });
  await office.close();
});
