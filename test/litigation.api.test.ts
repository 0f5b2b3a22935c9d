// 行政应诉 over HTTP: defence clock, hearings and the head-appearance rate, a lost case needs its
// analysis and reaches the problem pool, imports, year-over-year change, dates out of order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestEnv, loggedIn, makeStaffedUnit, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let office: Agent;
let liaisonA: Agent;
let liaisonB: Agent;
let unitA: { id: string; code: string };
let root: Awaited<ReturnType<typeof makeUnit>>;

beforeAll(async () => {
  env = await createTestEnv();
  root = await makeUnit(env.platform, { kind: 'county' });
  const justice = await makeUnit(env.platform, { parent: root, name: '司法局' });
  unitA = await makeUnit(env.platform, { parent: root, name: '市场监管局', code: `LA${Date.now() % 100000}` });
  const unitB = await makeUnit(env.platform, { parent: root, name: '公安局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

const register = (extra: Record<string, unknown> = {}) =>
  liaisonA.post('/api/v1/litigation-cases', { unitId: unitA.id, court: '测试县人民法院', plaintiff: '某公司', cause: '不服行政处罚', filedDate: '2026-09-15', complaintReceivedDate: '2026-09-20', ...extra });
const act = (agent: Agent, id: string, key: string, body: Record<string, unknown>) => agent.post(`/api/v1/workflow/litigation_case/${id}/transitions/${key}`, body);

describe('a lawsuit', () => {
  it('runs from defence to a lost judgment that needs its analysis before closing', async () => {
    const res = await register();
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.clocks[0]).toMatchObject({ ruleCode: 'litigation.defence', due: '2026-10-08' }); // 15 days end 10-05 in 国庆
    expect((await liaisonB.get(`/api/v1/litigation-cases/${c.id}`)).statusCode).toBe(404);
    expect((await act(liaisonA, c.id, 'defend', { version: 1 })).json().detail).toContain('台账材料');
    await liaisonA.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('答辩状.txt', '答辩状', { recordType: 'litigation_case', recordId: c.id }) });
    const defended = await act(liaisonA, c.id, 'defend', { version: 1, date: '2026-09-30' });
    expect(defended.statusCode, defended.body).toBe(200);
    expect(defended.json().clocks[0]).toMatchObject({ status: 'stopped', onTime: true });

    const noName = await liaisonA.post(`/api/v1/litigation-cases/${c.id}/hearings`, { date: '2026-10-20', headAppeared: true });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().detail).toContain('出庭负责人');
    expect((await liaisonA.post(`/api/v1/litigation-cases/${c.id}/hearings`, { date: '2026-09-01', headAppeared: false })).json().detail).toContain('不能早于立案日期');
    await liaisonA.post(`/api/v1/litigation-cases/${c.id}/hearings`, { date: '2026-10-20', headAppeared: true, headName: '王局长' });
    const h2 = await liaisonA.post(`/api/v1/litigation-cases/${c.id}/hearings`, { date: '2026-11-10', headAppeared: false });
    expect(h2.json()).toMatchObject({ hearings: 2, headAppearances: 1 });

    const judged = await act(liaisonA, c.id, 'judge', { version: h2.json().version, date: '2026-11-15', values: { result: 'lost' } });
    expect(judged.statusCode, judged.body).toBe(200);
    const pool = (await office.get(`/api/v1/problems?unitId=${unitA.id}`)).json().items;
    expect(pool.find((p: any) => p.link === `/litigation/${c.id}`)).toMatchObject({ sourceLabel: '行政诉讼败诉', severity: 'major' });
    const v = (await office.get(`/api/v1/litigation-cases/${c.id}`)).json().version;
    expect((await act(office, c.id, 'close', { version: v })).json().detail).toContain('败诉原因剖析');
    const analysed = await liaisonA.put(`/api/v1/litigation-cases/${c.id}/analysis`, { version: v, lossAnalysis: '未依法告知陈述申辩权利' });
    expect(analysed.statusCode, analysed.body).toBe(200);
    expect((await act(liaisonA, c.id, 'close', { version: v + 1 })).statusCode).toBe(403); // the law office closes
    expect((await act(office, c.id, 'close', { version: v + 1 })).statusCode).toBe(200);
  });

  it('refuses dates out of order naming the field', async () => {
    const res = await register({ complaintReceivedDate: '2026-09-10' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('收到起诉状副本日期');
    const other = await liaisonA.post('/api/v1/litigation-cases', { unitId: 'nope', court: 'x', plaintiff: 'x', cause: 'x', filedDate: '2026-09-15', complaintReceivedDate: '2026-09-20' });
    expect(other.json().detail).toContain('被告单位');
  });
});

describe('imports and figures', () => {
  it('imports cases and hearings; figures include the change over last year', async () => {
    const cases = [
      { ref: 'L1', unitCode: unitA.code, court: '法院', plaintiff: '甲', cause: '处罚', filedDate: '2024-03-01', complaintReceivedDate: '2024-03-05', judgmentDate: '2024-06-01', result: '胜诉' },
      { ref: 'L2', unitCode: unitA.code, court: '法院', plaintiff: '乙', cause: '处罚', filedDate: '2024-04-01', complaintReceivedDate: '2024-04-03', judgmentDate: '2024-08-01', result: 'lost' },
      { ref: 'L3', unitCode: unitA.code, court: '法院', plaintiff: '丙', cause: '处罚', filedDate: '2025-04-01', complaintReceivedDate: '2025-04-03', judgmentDate: '2025-07-01', result: 'won' },
    ];
    const ok = await office.request({ method: 'POST', url: '/api/v1/imports/litigation_cases', ...multipart('l.jsonl', cases.map((r) => JSON.stringify(r)).join('\n')) });
    expect(ok.statusCode, ok.body).toBe(200);
    const hearings = `ref,caseRef,date,headAppeared,headName\nH1,L1,2024-05-01,是,李局长\nH2,L2,2024-06-01,否,\nH3,L2,2024-07-01,true,李局长\n`;
    const h = await office.request({ method: 'POST', url: '/api/v1/imports/litigation_hearings', ...multipart('h.csv', hearings) });
    expect(h.statusCode, h.body).toBe(200);
    const y2024 = (await office.get('/api/v1/indicators?year=2024')).json().indicators;
    expect(y2024).toMatchObject({ 'litigation.cases': 2, 'litigation.judgments': 2, 'litigation.lost': 1, 'litigation.loss_rate': 0.5, 'litigation.hearings': 3, 'litigation.head_appeared': 2 });
    expect(y2024['litigation.head_appearance_rate']).toBeCloseTo(2 / 3, 10);
    const y2025 = (await office.get('/api/v1/indicators?year=2025')).json().indicators;
    expect(y2025['litigation.cases_yoy']).toBe(-0.5);
    expect(y2024['litigation.cases_yoy']).toBeNull(); // nothing filed in 2023

    const bad = [
      { ref: 'B1', unitCode: unitA.code, court: 'x', plaintiff: 'x', cause: 'x', filedDate: '2024-03-01', complaintReceivedDate: '2024-03-05', judgmentDate: '2024-02-01', result: 'won' },
      { ref: 'B2', unitCode: unitA.code, court: 'x', plaintiff: 'x', cause: 'x', filedDate: '2024-03-01', complaintReceivedDate: '2024-03-05', result: 'lost' },
    ];
    const refused = await office.request({ method: 'POST', url: '/api/v1/imports/litigation_cases', ...multipart('l.jsonl', bad.map((r) => JSON.stringify(r)).join('\n')) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: any) => `${e.row}|${e.column}`)).toEqual(['1|裁判日期（judgmentDate）', '2|裁判日期（judgmentDate）']);
    const badHearing = await office.request({ method: 'POST', url: '/api/v1/imports/litigation_hearings', ...multipart('h.csv', 'ref,caseRef,date,headAppeared,headName\nX1,NOPE,2024-05-01,是,李\nX2,L1,2024-01-01,否,\n') });
    expect(badHearing.json().errors.map((e: any) => e.column)).toEqual(['案件编号（caseRef）', '开庭日期（date）']);
  });
});

describe('the ledger', () => {
  it('filters (result 未结 included), searches and sorts on the server, lists hearings on the case, and exports exactly the filtered list', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root, name: '城管局' });
    const liaison = agents.unit_liaison;
    const make = async (plaintiff: string, filedDate: string, court = '测试县人民法院') => {
      const res = await liaison.post('/api/v1/litigation-cases', { unitId: unit.id, court, plaintiff, cause: '不服行政强制', filedDate, complaintReceivedDate: filedDate });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const b = await make('B公司', '2026-02-01');
    await make('A公司', '2026-02-02', 'Z市中级人民法院'); // Latin before Han in every collation
    await make('C公司', '2026-02-03');
    await liaison.post(`/api/v1/litigation-cases/${b.id}/hearings`, { date: '2026-02-10', headAppeared: true, headName: '张局长', note: '当庭陈述' });
    const judged = await act(liaison, b.id, 'judge', { version: 2, date: '2026-02-20', values: { result: 'won' } });
    expect(judged.statusCode, judged.body).toBe(200);
    const list = async (q: string) => (await liaison.get(`/api/v1/litigation-cases?unitId=${unit.id}&${q}`)).json();

    expect((await list('year=2026')).items.map((c: any) => c.plaintiff)).toEqual(['C公司', 'A公司', 'B公司']);
    expect((await list('sort=plaintiff&order=asc')).items.map((c: any) => c.plaintiff)).toEqual(['A公司', 'B公司', 'C公司']);
    expect((await list('sort=court&order=desc')).items.map((c: any) => c.plaintiff)[2]).toBe('A公司');
    expect((await list('result=pending&sort=plaintiff')).items.map((c: any) => c.plaintiff)).toEqual(['A公司', 'C公司']);
    expect((await list('result=won')).items.map((c: any) => c.plaintiff)).toEqual(['B公司']);
    expect((await list('q=中级')).items.map((c: any) => c.plaintiff)).toEqual(['A公司']);
    expect((await list('result=won')).items[0]).toMatchObject({ result: 'won', judgmentDate: '2026-02-20', hearings: 1, headAppearances: 1, status: 'judged' });

    const detail = (await liaison.get(`/api/v1/litigation-cases/${b.id}`)).json();
    expect(detail.hearingList).toEqual([expect.objectContaining({ caseId: b.id, date: '2026-02-10', headAppeared: true, headName: '张局长', note: '当庭陈述', version: 1 })]);

    const res = await liaison.get(`/api/v1/litigation-cases/export?unitId=${unit.id}&result=pending&sort=plaintiff&order=desc`);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as any);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('立案日期');
    const plaintiff = header.indexOf('原告') + 1;
    expect(Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(plaintiff).value)).toEqual(['C公司', 'A公司']);
  });
});

describe('hearing re-import', () => {
  // In 2021, a year no other test counts (the figures test compares the county's 2024 and 2025).
  it('corrects a hearing on its own case, keeps its note, and refuses to move it to another case', async () => {
    const unit = await makeUnit(env.platform, { parent: root, name: '开庭更正局' });
    const caseRow = (ref: string) => ({ ref, unitCode: unit.code, court: '法院', plaintiff: '甲', cause: '处罚', filedDate: '2021-03-01', complaintReceivedDate: '2021-03-05' });
    const post = (type: string, rows: object[]) => office.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart('x.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')) });
    expect((await post('litigation_cases', [caseRow('HC-A'), caseRow('HC-B')])).statusCode).toBe(200);
    expect((await post('litigation_hearings', [{ ref: 'HH-1', caseRef: 'HC-A', date: '2021-04-01', headAppeared: '否' }])).statusCode).toBe(200);
    const hearing = () => env.platform.db.selectFrom('litigation_hearings').selectAll().where('ref', '=', 'HH-1').executeTakeFirstOrThrow();
    await env.platform.db.updateTable('litigation_hearings').set({ note: '庭审中被告出示了现场检查笔录' }).where('ref', '=', 'HH-1').execute();

    const corrected = await post('litigation_hearings', [{ ref: 'HH-1', caseRef: 'HC-A', date: '2021-04-01', headAppeared: '是', headName: '王局长' }]);
    expect(corrected.json()).toMatchObject({ updated: 1 });
    expect(await hearing()).toMatchObject({ head_appeared: 1, head_name: '王局长', note: '庭审中被告出示了现场检查笔录', version: 2 });

    const moved = await post('litigation_hearings', [{ ref: 'HH-1', caseRef: 'HC-B', date: '2021-04-01', headAppeared: '否' }]);
    expect(moved.statusCode).toBe(422);
    expect(moved.json().errors[0]).toMatchObject({ column: '案件编号（caseRef）' });
    expect(await hearing()).toMatchObject({ head_name: '王局长', version: 2 });
  });
});
