// Plans and tasks over HTTP: who sees and does what, the completion loop, bad input, imports,
// the ledger export and the task indicators with their records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { advance, attach, createTestEnv, loggedIn, makePlan, makeTask, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';

let env: TestEnv;
let office: Agent;
let liaisonA: Agent;
let liaisonB: Agent;
let liaisonC: Agent;
let headA: Agent;
let leader: Agent;
let unitA: { id: string; code: string };
let unitB: { id: string; code: string };
let unitC: { id: string; code: string };
let planId: string;
const year = Number(chinaToday().slice(0, 4));
const day = (offset: number) => fromDayNumber(toDayNumber(chinaToday()) + offset);

beforeAll(async () => {
  env = await createTestEnv();
  const root = await makeUnit(env.platform, { kind: 'county', name: '测试县' });
  const justice = await makeUnit(env.platform, { parent: root, name: '司法局' });
  unitA = await makeUnit(env.platform, { parent: root, name: '教育局', code: `PA${Date.now() % 100000}` });
  unitB = await makeUnit(env.platform, { parent: root, name: '卫健局', code: `PB${Date.now() % 100000}` });
  unitC = await makeUnit(env.platform, { parent: root, name: '民政局', code: `PC${Date.now() % 100000}` });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  leader = await loggedIn(env.app, (await makeUser(env.platform, { unit: root, roles: ['leader'] })).username);
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  headA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_head'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB as any, roles: ['unit_liaison'] })).username);
  liaisonC = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitC as any, roles: ['unit_liaison'] })).username);
  const plan = await office.post('/api/v1/plans', { year, title: `${year}年重点任务分工方案`, source: '《十项重点任务》', issuedDate: `${year}-01-10` });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = plan.json().id;
});
afterAll(() => env.close());

const newTask = (extra: Record<string, unknown> = {}) =>
  office.post('/api/v1/tasks', { planId, code: String(Math.floor(Math.random() * 1e9)), title: '落实合法性审核', content: '一律审核', leadUnitId: unitA.id, coUnitIds: [unitB.id], dueDate: day(30), ...extra });

/** A task of the plan taken through progress, evidence, submission and the law office's confirmation. */
async function completedTask(extra: Record<string, unknown> = {}) {
  const task = await makeTask(office, { planId, leadUnitId: unitA.id, dueDate: day(30), ...extra });
  expect((await liaisonA.post(`/api/v1/tasks/${task.id}/progress`, { text: '已完成', percent: 100 })).statusCode).toBe(201);
  await attach(liaisonA, 'task', task.id, '完成报告.txt');
  await advance(liaisonA, 'task', task.id, 'submit', { version: 2, values: { completionNote: '已全部完成' } });
  return advance(office, 'task', task.id, 'confirm', { version: 3 });
}
it('a task given another lead unit takes its evidence along: the new lead unit reads it, the former one no longer', async () => {
  const task = await makeTask(office, { planId, leadUnitId: unitA.id, dueDate: day(30) });
  const file = await attach(liaisonA, 'task', task.id, '阶段报告.txt');
  const moved = await office.put(`/api/v1/tasks/${task.id}`, { code: task.code, title: task.title, content: task.content, leadUnitId: unitC.id, coUnitIds: [], dueDate: day(30), version: task.version });
  expect(moved.statusCode, moved.body).toBe(200);
  const files = `/api/v1/attachments?recordType=task&recordId=${task.id}`;
  expect((await liaisonA.get(`/api/v1/attachments/${file.id}/download`)).statusCode).toBe(404);
  expect((await liaisonA.get(files)).json().items).toEqual([]);
  expect((await liaisonC.get(files)).json().items.map((f: any) => f.filename)).toEqual(['阶段报告.txt']);
  expect((await liaisonC.get(`/api/v1/attachments/${file.id}/download`)).statusCode).toBe(200);
});

/** A running task of the plan already past its due date. */
const overdueTask = (extra: Record<string, unknown> = {}) => makeTask(office, { planId, leadUnitId: unitA.id, dueDate: day(-3), ...extra });

/** What a write leaves on a record: its version, its timeline after creation and its audit trail. */
async function history(type: 'plan' | 'task', id: string) {
  const table = type === 'plan' ? 'plans' : 'tasks';
  const { version } = await env.platform.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow();
  const timeline = await env.platform.db.selectFrom('timeline_entries').select(['action', 'label', 'note', 'from_status', 'to_status']).where('record_id', '=', id).where('action', '!=', 'create').execute();
  const audit = await env.platform.db.selectFrom('audit_log').select('action').where('target_id', '=', id).orderBy('seq').execute();
  return { version, timeline: timeline.map((t) => JSON.stringify(t)).sort(), audit: audit.map((a) => a.action) };
}

describe('tasks', () => {
  it('the lead and co-units see a task; another unit does not; only the law office creates tasks', async () => {
    const res = await newTask({ milestones: [{ title: '制定方案', dueDate: day(10) }] });
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json();
    expect(task).toMatchObject({ status: 'not_started', leadUnitName: '教育局', coUnits: [{ id: unitB.id, name: '卫健局' }], light: 'green' });
    expect(task.clocks[0]).toMatchObject({ key: 'due', ruleCode: null, due: day(30) });
    expect(task.clocks[0].explanation.text.join('\n')).toContain('指定完成时限');

    expect((await liaisonA.get(`/api/v1/tasks/${task.id}`)).json().canReport).toBe(true);
    expect((await liaisonB.get(`/api/v1/tasks/${task.id}`)).statusCode).toBe(200);
    expect((await liaisonC.get(`/api/v1/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await liaisonC.get('/api/v1/tasks')).json().items.map((t: any) => t.id)).not.toContain(task.id);
    expect((await liaisonB.get('/api/v1/tasks')).json().items.map((t: any) => t.id)).toContain(task.id);
    expect((await liaisonC.post(`/api/v1/tasks/${task.id}/progress`, { text: '越权', percent: 10 })).statusCode).toBe(404);
    expect((await liaisonA.post('/api/v1/tasks', { planId, code: 'x', title: 't', content: 'c', leadUnitId: unitA.id, dueDate: day(5) })).statusCode).toBe(403);
    expect((await liaisonA.post('/api/v1/plans', { year, title: 'x', issuedDate: `${year}-01-01` })).statusCode).toBe(403);
  });

  it('runs progress → completion with evidence → confirmation; the co-unit may report but not complete', async () => {
    const task = (await newTask()).json();
    // A co-unit reports its own part: the task starts, its progress stays the lead unit's to state.
    const progress = await liaisonB.post(`/api/v1/tasks/${task.id}/progress`, { text: '配合单位已提供数据', percent: 40 });
    expect(progress.statusCode, progress.body).toBe(201);
    expect(progress.json()).toMatchObject({ status: 'in_progress', percent: 0, reportsAsCoUnit: true });
    expect(progress.json().progress[0]).toMatchObject({ unitName: '卫健局', percent: 40 });
    const lead = await liaisonA.post(`/api/v1/tasks/${task.id}/progress`, { text: '牵头单位汇总', percent: 60 });
    expect(lead.json()).toMatchObject({ percent: 60, reportsAsCoUnit: false });
    expect((await liaisonB.post(`/api/v1/tasks/${task.id}/progress`, { text: '配合单位补充', percent: 10 })).json()).toMatchObject({ percent: 60 });
    // The co-unit follows the task's workflow panel, read-only; a unit that is neither does not see it.
    const panel = await liaisonB.get(`/api/v1/workflow/task/${task.id}`);
    expect(panel.statusCode, panel.body).toBe(200);
    expect(panel.json()).toMatchObject({ readOnly: true, transitions: [] });
    expect((await liaisonC.get(`/api/v1/workflow/task/${task.id}`)).statusCode).toBe(404);
    expect((await liaisonA.post(`/api/v1/tasks/${task.id}/progress`, { text: 'x', percent: 101 })).json().detail).toContain('percent');

    const submit = (agent: Agent, version: number) => agent.post(`/api/v1/workflow/task/${task.id}/transitions/submit`, { version, values: { completionNote: '已全部完成' } });
    expect((await submit(liaisonB, 4)).statusCode).toBe(403); // the co-unit follows the record, its lead unit handles it
    const noEvidence = await submit(liaisonA, 4);
    expect(noEvidence.statusCode).toBe(409);
    expect(noEvidence.json().detail).toContain('台账材料');
    const up = await liaisonA.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('完成报告.txt', '完成报告', { recordType: 'task', recordId: task.id }) });
    expect(up.statusCode, up.body).toBe(201);
    const submitted = await submit(liaisonA, 4);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'pending' });
    expect((await liaisonA.post(`/api/v1/workflow/task/${task.id}/transitions/confirm`, { version: 5 })).statusCode).toBe(403);
    const confirmed = await office.post(`/api/v1/workflow/task/${task.id}/transitions/confirm`, { version: 5 });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const done = (await office.get(`/api/v1/tasks/${task.id}`)).json();
    expect(done).toMatchObject({ status: 'completed', completedDate: chinaToday(), completionNote: '已全部完成', canReport: false });
    expect(done.clocks[0]).toMatchObject({ status: 'stopped', onTime: true });
    expect((await liaisonA.post(`/api/v1/tasks/${task.id}/progress`, { text: 'x', percent: 100 })).statusCode).toBe(409);
  });

  it('refuses bad input with the field named, and saves nothing', async () => {
    const before = (await office.get('/api/v1/tasks?pageSize=200')).json().total;
    for (const [body, field] of [
      [{ leadUnitId: '' }, '牵头单位'],
      [{ leadUnitId: 'nope' }, '牵头单位'],
      [{ coUnitIds: ['nope'] }, '配合单位'],
      [{ coUnitIds: [unitA.id] }, '不能包含牵头单位'],
      [{ dueDate: `${year}-01-01` }, '不能早于方案印发日期'],
      [{ dueDate: '2026-02-30' }, 'dueDate'],
      [{ planId: 'nope' }, '所属方案'],
    ] as const) {
      const res = await newTask(body as Record<string, unknown>);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(field);
    }
    const dup = (await newTask({ code: 'DUP' })).json();
    expect(dup.code).toBe('DUP');
    const again = await newTask({ code: 'DUP' });
    expect(again.statusCode).toBe(400);
    expect(again.json().detail).toContain('任务编号');
    expect((await office.get('/api/v1/tasks?pageSize=200')).json().total).toBe(before + 1);
    const badPlan = await office.post('/api/v1/plans', { year: 2025, title: 'x', issuedDate: '2026-01-01' });
    expect(badPlan.statusCode).toBe(400);
    expect(badPlan.json().detail).toContain('印发日期');
  });

  it('a task has one light: the same in the ledger, on its page and in 我的待办', async () => {
    const plan = await makePlan(office, { year });
    const made = await Promise.all([day(-3), day(1), day(40)].map((dueDate) => makeTask(office, { planId: plan.id, leadUnitId: unitA.id, dueDate })));
    const ledger = (await liaisonA.get(`/api/v1/tasks?planId=${plan.id}`)).json().items;
    const todo = (await liaisonA.get('/api/v1/todo')).json().items;
    const lights = [];
    for (const task of made) {
      const page = (await liaisonA.get(`/api/v1/tasks/${task.id}`)).json();
      const listed = ledger.find((t: any) => t.id === task.id);
      const waiting = todo.find((i: any) => i.id === task.id);
      expect([listed.light, page.clocks[0].light, waiting.clock.light]).toEqual([page.light, page.light, page.light]);
      expect(waiting.clock.due).toBe(page.clocks[0].due);
      expect(listed.overdue).toBe(page.light === 'red');
      lights.push(page.light);
    }
    expect(lights).toEqual(['red', 'yellow', 'green']);
  });

  it('moving the due date moves the clock; a stale edit gets 409', async () => {
    const task = (await newTask()).json();
    const body = { code: task.code, title: task.title, content: task.content, leadUnitId: unitA.id, coUnitIds: [], dueDate: day(-3), version: task.version };
    const res = await office.put(`/api/v1/tasks/${task.id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ overdue: true, light: 'red', coUnits: [] });
    expect((await office.put(`/api/v1/tasks/${task.id}`, body)).statusCode).toBe(409);
    const overdue = (await office.get(`/api/v1/tasks?planId=${planId}&overdue=true&pageSize=200`)).json().items.map((t: any) => t.id);
    expect(overdue).toContain(task.id);
  });
});

describe('imports, export, copy and indicators', () => {
  it('imports plans and tasks, reporting every bad row; re-import updates', async () => {
    const plans = `ref,year,title,source,issuedDate\nIMP-P,${year},导入方案,,${year}-02-01\n`;
    const p = await office.request({ method: 'POST', url: '/api/v1/imports/plans', ...multipart('plans.csv', plans) });
    expect(p.statusCode, p.body).toBe(200);
    const bad = [
      JSON.stringify({ ref: 'IMP-1', planRef: 'IMP-P', code: '1', title: 't', content: 'c', leadUnitCode: 'NOPE', dueDate: `${year}-12-31` }),
      JSON.stringify({ ref: 'IMP-2', planRef: 'NOPE', code: '2', title: 't', content: 'c', leadUnitCode: unitA.code, dueDate: `${year}-12-31` }),
      JSON.stringify({ ref: 'IMP-3', planRef: 'IMP-P', code: '3', title: 't', content: 'c', leadUnitCode: unitA.code, dueDate: `${year}-12-31`, status: '已完成', completedDate: `${year}-01-15` }),
      JSON.stringify({ ref: 'IMP-4', planRef: 'IMP-P', code: '4', title: 't', content: 'c', leadUnitCode: '', dueDate: `${year}-12-31` }),
      JSON.stringify({ ref: 'IMP-5', planRef: 'IMP-P', code: '5', title: 't', content: 'c', leadUnitCode: unitA.code, coUnitCodes: `${unitB.code};ZZZ`, dueDate: `${year}-12-31` }),
    ].join('\n');
    const failed = await office.request({ method: 'POST', url: '/api/v1/imports/tasks', ...multipart('tasks.jsonl', bad) });
    expect(failed.statusCode).toBe(422);
    const errors = failed.json().errors.map((e: any) => `${e.row}|${e.column}|${e.message}`);
    expect(errors.some((e: string) => e.startsWith('1|牵头单位编码'))).toBe(true);
    expect(errors.some((e: string) => e.startsWith('2|方案编号'))).toBe(true);
    expect(errors.some((e: string) => e.startsWith('3|完成日期') && e.includes('不能早于方案印发日期'))).toBe(true);
    expect(errors.some((e: string) => e.startsWith('4|牵头单位编码'))).toBe(true);
    expect(errors.some((e: string) => e.startsWith('5|配合单位编码') && e.includes('ZZZ'))).toBe(true);
    expect((await office.get('/api/v1/tasks?keyword=t&pageSize=200')).json().items.filter((t: any) => t.ref?.startsWith('IMP-'))).toHaveLength(0);

    const good = `ref,planRef,code,title,content,leadUnitCode,coUnitCodes,dueDate,status,completedDate\nIMP-1,IMP-P,1,导入任务一,内容,${unitA.code},${unitB.code};${unitC.code},${year}-12-31,进行中,\nIMP-2,IMP-P,2,导入任务二,内容,${unitB.code},,${year}-03-31,completed,${year}-03-20\n`;
    const ok = await office.request({ method: 'POST', url: '/api/v1/imports/tasks', ...multipart('tasks.csv', good) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 2, updated: 0 });
    const again = await office.request({ method: 'POST', url: '/api/v1/imports/tasks', ...multipart('tasks.csv', good.replace('导入任务一', '导入任务一（修订）')) });
    expect(again.json()).toMatchObject({ created: 0, updated: 2 });
    const list = (await liaisonC.get('/api/v1/tasks?keyword=导入任务')).json().items;
    expect(list.map((t: any) => t.title)).toEqual(['导入任务一（修订）']);
  });

  it('an imported row goes through the plan and task commands: the API\'s refusals, and its version, timeline, audit and clock', async () => {
    const upload = (type: string, rows: Record<string, string>[]) => office.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart(`${type}.jsonl`, rows.map((r) => JSON.stringify(r)).join('\n')) });
    const tag = `CMD${Date.now() % 100000}`;
    // A plan issued after its year is refused with the API's words, on create and (now also) on edit.
    const late = { year: String(year), title: '迟印发的方案', issuedDate: `${year + 1}-01-05` };
    const refusedCreate = await office.post('/api/v1/plans', { ...late, year });
    expect(refusedCreate.statusCode).toBe(400);
    const imported = await upload('plans', [{ ref: `${tag}-P0`, ...late }]);
    expect(imported.json().errors).toEqual([{ row: 1, column: '印发日期（issuedDate）', message: refusedCreate.json().detail }]);
    const plan = await makePlan(office, { year });
    const refusedEdit = await office.put(`/api/v1/plans/${plan.id}`, { ...late, year, version: plan.version });
    expect(refusedEdit.json().detail).toBe(refusedCreate.json().detail);
    expect((await upload('plans', [{ ref: `${tag}-P`, year: String(year), title: '导入方案', issuedDate: `${year}-01-05` }])).statusCode).toBe(200);
    const planRow = await env.platform.db.selectFrom('plans').selectAll().where('ref', '=', `${tag}-P`).executeTakeFirstOrThrow();
    expect((await upload('plans', [{ ref: `${tag}-P`, year: String(year), title: '导入方案（改）', issuedDate: `${year}-01-05` }])).json()).toMatchObject({ updated: 1 });
    expect(await history('plan', planRow.id)).toMatchObject({ version: 2, audit: ['plan.create', 'plan.update'] });

    // The same task made and edited through the API and through the file: the same record afterwards.
    const row = { ref: `${tag}-T`, planRef: `${tag}-P`, code: '1', title: '导入对照任务', content: '内容', leadUnitCode: unitA.code, dueDate: day(30) };
    expect((await upload('tasks', [row])).json()).toMatchObject({ created: 1 });
    expect((await upload('tasks', [{ ...row, dueDate: day(-3) }])).json()).toMatchObject({ updated: 1 });
    const viaFile = await env.platform.db.selectFrom('tasks').select('id').where('ref', '=', `${tag}-T`).executeTakeFirstOrThrow();
    const viaApi = await makeTask(office, { planId: planRow.id, code: '2', title: '导入对照任务', content: '内容', leadUnitId: unitA.id, dueDate: day(30) });
    const put = await office.put(`/api/v1/tasks/${viaApi.id}`, { code: '2', title: '导入对照任务', content: '内容', leadUnitId: unitA.id, coUnitIds: [], dueDate: day(-3), version: viaApi.version });
    expect(put.statusCode, put.body).toBe(200);
    expect(await history('task', viaFile.id)).toEqual(await history('task', viaApi.id));
    expect((await office.get(`/api/v1/tasks/${viaFile.id}`)).json()).toMatchObject({ dueDate: day(-3), light: 'red', overdue: true });

    // Completed by the file: the clock stops; an unchanged row changes nothing, a changed one is refused as the edit is.
    const done = { ...row, dueDate: day(-3), status: '已完成', completedDate: day(-1) };
    expect((await upload('tasks', [done])).json()).toMatchObject({ updated: 1 });
    expect((await office.get(`/api/v1/tasks/${viaFile.id}`)).json()).toMatchObject({ status: 'completed', percent: 100, light: null, clocks: [{ status: 'stopped', onTime: false }] });
    expect((await upload('tasks', [done])).json()).toMatchObject({ created: 0, updated: 1 });
    const version = (await history('task', viaFile.id)).version;
    const edit = await office.put(`/api/v1/tasks/${viaFile.id}`, { code: '1', title: '改名', content: '内容', leadUnitId: unitA.id, coUnitIds: [], dueDate: day(-3), version });
    expect(edit.statusCode).toBe(409);
    const renamed = await upload('tasks', [{ ...done, title: '改名' }]);
    expect(renamed.json().errors).toEqual([{ row: 1, column: '状态（status）', message: edit.json().detail }]);
    const reopened = await upload('tasks', [{ ...row, dueDate: day(-3), status: '进行中' }]);
    expect(reopened.json().errors).toEqual([{ row: 1, column: '状态（status）', message: edit.json().detail }]);
    // A task number taken in the plan is refused by the edit's rule, as the API refuses it.
    const clash = await upload('tasks', [{ ...row, ref: `${tag}-T3`, code: '2' }]);
    const apiClash = await office.post('/api/v1/tasks', { planId: planRow.id, code: '2', title: 't', content: 'c', leadUnitId: unitA.id, dueDate: day(30) });
    expect(clash.json().errors).toEqual([{ row: 1, column: '任务编号（code）', message: apiClash.json().detail }]);
  });

  it('exports the filtered ledger as a real xlsx', async () => {
    const res = await office.get(`/api/v1/tasks/export?planId=${planId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as any);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe('任务名称');
    const listed = (await office.get(`/api/v1/tasks?planId=${planId}&pageSize=200`)).json().total;
    expect(sheet.rowCount - 1).toBe(listed);
  });

  it('every ledger exports a real xlsx named after its sheet, and the export is audited', async () => {
    const last = await env.platform.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
    const since = Number(last.seq ?? 0);
    for (const [url, header] of [
      ['/api/v1/tasks/export', '方案'],
      ['/api/v1/findings/export', '督察'],
      ['/api/v1/review-cases/export', '收到日期'],
      ['/api/v1/foi-requests/export', '收到日期'],
      ['/api/v1/litigation-cases/export', '立案日期'],
      ['/api/v1/proposals/export', '类别'],
      ['/api/v1/disputes/export', '受理日期'],
    ] as const) {
      const res = await office.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(String(res.headers['content-disposition'])).toMatch(/\.xlsx/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as any);
      expect(book.worksheets[0]!.getRow(1).getCell(1).value, url).toBe(header);
    }
    // Each of this test's exports is audited once, under its record type.
    const audited = await env.platform.db.selectFrom('audit_log').select('target_type').where('action', '=', 'export.run').where('seq', '>', since).execute();
    expect(audited.map((a) => a.target_type).sort()).toEqual(['dispute', 'finding', 'foi_request', 'litigation_case', 'proposal', 'review_case', 'task']);
  });

  it('sorts the ledger on the server, finds by keyword, and exports exactly the filtered, sorted list', async () => {
    const plan = await makePlan(office, { year });
    const tag = `排序${Date.now() % 100000}`;
    for (const [code, title, due] of [['2', `${tag}C`, day(40)], ['10', `${tag}A`, day(20)], ['1', `${tag}B`, day(30)]] as const) {
      await makeTask(office, { planId: plan.id, code, title, leadUnitId: unitA.id, dueDate: due });
    }
    // Without a sort: by task number (numbers as numbers); else by the chosen column.
    const codes = (url: string) => office.get(url).then((r) => r.json().items.map((t: any) => t.code));
    expect(await codes(`/api/v1/tasks?planId=${plan.id}`)).toEqual(['1', '2', '10']);
    expect(await codes(`/api/v1/tasks?planId=${plan.id}&sort=dueDate&order=desc`)).toEqual(['2', '1', '10']);
    expect(await codes(`/api/v1/tasks?planId=${plan.id}&sort=title`)).toEqual(['10', '1', '2']);
    expect(await codes(`/api/v1/tasks?planId=${plan.id}&q=${encodeURIComponent(`${tag}A`)}`)).toEqual(['10']);
    expect(await codes(`/api/v1/tasks?planId=${plan.id}&keyword=${encodeURIComponent(`${tag}B`)}`)).toEqual(['1']);
    const badSort = await office.get(`/api/v1/tasks?sort=leadUnitId`);
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().detail).toContain('sort');
    // A liaison of a co-unit sees the task in the ledger; one of another unit does not.
    await makeTask(office, { planId: plan.id, code: '3', title: `${tag}丁`, leadUnitId: unitA.id, coUnitIds: [unitC.id], dueDate: day(10) });
    expect(await liaisonC.get(`/api/v1/tasks?planId=${plan.id}`).then((r) => r.json().items.map((t: any) => t.code))).toEqual(['3']);
    expect(await liaisonB.get(`/api/v1/tasks?planId=${plan.id}`).then((r) => r.json().total)).toBe(0);

    const res = await office.get(`/api/v1/tasks/export?planId=${plan.id}&sort=dueDate&order=desc`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as any);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '方案', '任务编号', '任务名称', '任务内容', '牵头单位', '配合单位', '完成时限', '状态', '进度%', '完成日期']);
    const listed = (await office.get(`/api/v1/tasks?planId=${plan.id}&sort=dueDate&order=desc`)).json().items;
    expect((sheet.getSheetValues().slice(2) as unknown[][]).map((r) => r[2])).toEqual(listed.map((t: any) => t.code));
    expect(sheet.getRow(2).getCell(4).value).toBe('按期完成');
    expect(sheet.getRow(2).getCell(5).value).toBe('教育局');
  });

  it('keeps the import columns and their Chinese headers', async () => {
    const headers = async (type: string) => {
      const res = await office.get(`/api/v1/imports/${type}/template`);
      expect(res.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as any);
      return book.worksheets[0]!.getRow(1).values;
    };
    expect(await headers('plans')).toEqual([undefined, '外部编号', '年度', '方案名称', '来源文件', '印发日期']);
    expect(await headers('tasks')).toEqual([undefined, '外部编号', '方案编号', '任务编号', '任务名称', '任务内容', '牵头单位编码', '配合单位编码', '完成时限', '状态', '完成日期']);
  });

  it('copies a plan into the next year with its tasks not started', async () => {
    await completedTask();
    await overdueTask();
    const res = await office.post(`/api/v1/plans/${planId}/copy`, { year: year + 1, issuedDate: `${year + 1}-02-01` });
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json();
    expect(copy.title).toBe(`${year + 1}年重点任务分工方案`);
    const tasks = (await office.get(`/api/v1/tasks?planId=${copy.id}&pageSize=200`)).json().items;
    const original = (await office.get(`/api/v1/tasks?planId=${planId}&pageSize=200`)).json().items.filter((t: any) => t.status !== 'cancelled');
    expect(original.length).toBeGreaterThanOrEqual(2);
    expect(tasks).toHaveLength(original.length);
    expect(tasks.every((t: any) => t.status === 'not_started' && t.dueDate >= `${year + 1}-02-01`)).toBe(true);
  });

  it('computes the task figures for a unit and the county, each listing its records', async () => {
    // What the figures must show: a completed task and an overdue one, of this test's own.
    await completedTask();
    await overdueTask();
    const county = (await leader.get(`/api/v1/indicators?year=${year}`)).json();
    const rows = await env.platform.db.selectFrom('tasks as t').innerJoin('plans as p', 'p.id', 't.plan_id').select(['t.status', 't.due_date']).where('p.year', '=', year).where('t.status', '!=', 'cancelled').execute();
    const completed = rows.filter((r) => r.status === 'completed').length;
    expect(completed).toBeGreaterThan(0);
    expect(county.indicators['tasks.total']).toBe(rows.length);
    expect(county.indicators['tasks.completed']).toBe(completed);
    const running = await env.platform.db.selectFrom('clocks as c').innerJoin('tasks as t', 't.id', 'c.record_id').innerJoin('plans as p', 'p.id', 't.plan_id').select('c.id').where('c.record_type', '=', 'task').where('c.status', '=', 'running').where('c.due_date', '<', chinaToday()).where('p.year', '=', year).where('t.status', '!=', 'cancelled').execute();
    expect(county.indicators['tasks.overdue']).toBe(running.length);
    expect(running.length).toBeGreaterThan(0);
    expect(county.indicators['tasks.completion_rate']).toBeCloseTo(completed / rows.length, 10);
    // Which way is better colours the change on the dashboard.
    const better = Object.fromEntries(county.details.map((d: { code: string; better: string | null }) => [d.code, d.better]));
    expect(better).toMatchObject({ 'tasks.completion_rate': 'up', 'tasks.overdue': 'down', 'tasks.total': null });
    expect(county.details.find((d: any) => d.code === 'tasks.total')).toMatchObject({ name: '重点任务数', measure: '项' });

    const records = (await leader.get(`/api/v1/indicators/tasks.overdue/records?year=${year}&pageSize=200`)).json();
    expect(records.total).toBe(county.indicators['tasks.overdue']);
    expect(records.items[0].link).toMatch(/^\/tasks\//);
    const rate = (await leader.get(`/api/v1/indicators/tasks.completion_rate/records?year=${year}&pageSize=200`)).json();
    expect(rate.total).toBe(rows.length);
    expect(rate.items.filter((r: any) => r.counted)).toHaveLength(completed);
    // The same provenance as a spreadsheet.
    const sheet = await leader.get(`/api/v1/indicators/records/export?code=tasks.completion_rate&year=${year}`);
    expect(sheet.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as any);
    const rowsOut = book.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    expect(rowsOut).toHaveLength(rate.total);
    expect(rowsOut.filter((r) => r[5] === '是')).toHaveLength(completed);
    expect((await leader.get(`/api/v1/indicators/records/export?year=${year}`)).statusCode).toBe(400);

    // A unit head sees their own unit's figures by default and cannot ask for another unit's.
    const own = (await headA.get(`/api/v1/indicators?year=${year}`)).json();
    expect(own.unit).toBe(unitA.code);
    expect(own.indicators['tasks.total']).toBe(rows.length === 0 ? 0 : (await env.platform.db.selectFrom('tasks as t').innerJoin('plans as p', 'p.id', 't.plan_id').select('t.id').where('p.year', '=', year).where('t.status', '!=', 'cancelled').where('t.unit_id', '=', unitA.id).execute()).length);
    expect((await headA.get(`/api/v1/indicators?year=${year}&unit=${unitB.code}`)).statusCode).toBe(404);
    // A liaison (who drafts the unit's annual report) sees the unit's own figures, no one else's.
    expect((await liaisonA.get(`/api/v1/indicators?year=${year}`)).json().unit).toBe(unitA.code);
    expect((await liaisonA.get(`/api/v1/indicators?year=${year}&unit=${unitB.code}`)).statusCode).toBe(404);
    const badYear = await leader.get('/api/v1/indicators?year=abc');
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().detail).toContain('year');
    expect((await leader.get(`/api/v1/indicators?year=${year}&unit=NOPE`)).statusCode).toBe(400);
  });
});

describe('dashboard', () => {
  it('ranks units on a figure and counts open deadlines by light, within scope', async () => {
    // Open deadlines of both units, and more tasks led by unit A than by unit B.
    await makeTask(office, { planId, leadUnitId: unitA.id, dueDate: day(30) });
    await overdueTask();
    await makeTask(office, { planId, leadUnitId: unitB.id, dueDate: day(30) });
    const ranking = (await leader.get(`/api/v1/indicators/tasks.total/by-unit?year=${year}`)).json().items;
    const counts = await env.platform.db.selectFrom('tasks as t').innerJoin('plans as p', 'p.id', 't.plan_id').select(['t.unit_id']).select((eb) => eb.fn.countAll<number>().as('n')).where('p.year', '=', year).where('t.status', '!=', 'cancelled').groupBy('t.unit_id').execute();
    expect(ranking.map((u: any) => [u.unitId, u.value]).sort()).toEqual(counts.map((c) => [c.unit_id, Number(c.n)]).sort());
    expect(ranking.length).toBeGreaterThanOrEqual(2);
    expect(ranking[0].value).toBeGreaterThanOrEqual(ranking.at(-1).value);
    const rate = (await leader.get(`/api/v1/indicators/tasks.completion_rate/by-unit?year=${year}`)).json().items;
    for (const u of rate) expect(u.value).toBeCloseTo(u.denominator ? u.numerator / u.denominator : NaN, 10);

    const lights = (await leader.get('/api/v1/dashboard/lights')).json().units;
    const running = await env.platform.db.selectFrom('clocks').select('unit_id').where('status', '=', 'running').execute();
    expect(lights.reduce((s: number, u: any) => s + u.red + u.yellow + u.green, 0)).toBe(running.length);
    const a = lights.find((u: any) => u.unitId === unitA.id);
    const items = (await leader.get(`/api/v1/dashboard/lights?unitId=${unitA.id}`)).json().items;
    expect(items.length).toBe(a.red + a.yellow + a.green);
    // The summed lights (one SQL aggregate) agree with the lights of the clocks one by one.
    for (const light of ['red', 'yellow', 'green']) expect(items.filter((i: any) => i.light === light).length).toBe(a[light]);
    expect(items.every((i: any) => i.link && i.title)).toBe(true);
    // A unit head sees only their own unit's lights and cannot drill into another unit.
    // The grouped clocks are cached per process: any clock write shows at once.
    const one = await env.platform.db.selectFrom('clocks').select('id').where('status', '=', 'running').executeTakeFirstOrThrow();
    await env.platform.db.updateTable('clocks').set({ status: 'stopped' }).where('id', '=', one.id).execute();
    const after = (await leader.get('/api/v1/dashboard/lights')).json().units;
    expect(after.reduce((s: number, u: any) => s + u.red + u.yellow + u.green, 0)).toBe(running.length - 1);
    await env.platform.db.updateTable('clocks').set({ status: 'running' }).where('id', '=', one.id).execute();
    const own = (await headA.get('/api/v1/dashboard/lights')).json().units;
    expect(own.every((u: any) => u.unitId === unitA.id)).toBe(true);
    expect((await headA.get(`/api/v1/dashboard/lights?unitId=${unitB.id}`)).statusCode).toBe(404);
  });
});
