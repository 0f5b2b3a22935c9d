// 行政应诉 over HTTP: defence clock, hearings and the head-appearance rate, a lost case needs its
// analysis and reaches the problem pool, imports, year-over-year change, dates out of order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let office: Agent;
let liaisonA: Agent;
let liaisonB: Agent;
let unitA: { id: string; code: string };

beforeAll(async () => {
  env = await createTestEnv();
  const root = await makeUnit(env.platform, { kind: 'county' });
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
