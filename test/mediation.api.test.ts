// 矛盾纠纷调解 over HTTP: three-channel links, outcomes and return visits, scope, imports, figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestEnv, loggedIn, makeMediationOrg, makeStaffedUnit, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let townA: Agent;
let townB: Agent;
let unitA: { id: string; code: string };
let root: Awaited<ReturnType<typeof makeUnit>>;

beforeAll(async () => {
  env = await createTestEnv();
  root = await makeUnit(env.platform, { kind: 'county' });
  unitA = await makeUnit(env.platform, { parent: root, kind: 'town', name: '城关镇', code: `MA${Date.now() % 100000}` });
  const unitB = await makeUnit(env.platform, { parent: root, kind: 'town', name: '青山镇' });
  townA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  townB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

const receive = (extra: Record<string, unknown> = {}) =>
  townA.post('/api/v1/disputes', { unitId: unitA.id, type: '邻里纠纷', parties: '张某与李某', summary: '排水沟纠纷', receivedDate: '2026-05-06', channel: 'people', mediators: '张调解员', lawyerInvolved: true, ...extra });
const act = (id: string, key: string, body: Record<string, unknown>) => townA.post(`/api/v1/workflow/dispute/${id}/transitions/${key}`, body);

describe('a dispute', () => {
  it('is mediated, closed with an outcome, revisited; linked across channels; invisible to another town', async () => {
    const org = await townA.post('/api/v1/mediation-orgs', { unitId: unitA.id, name: '城关镇人民调解委员会', type: 'town', establishedDate: '2015-01-01' });
    expect(org.statusCode, org.body).toBe(201);
    const d = (await receive({ orgId: org.json().id })).json();
    expect(d).toMatchObject({ status: 'received', orgName: '城关镇人民调解委员会', lawyerInvolved: true });
    expect((await townB.get(`/api/v1/disputes/${d.id}`)).statusCode).toBe(404);
    const sameChannel = await receive({ linkedDisputeId: d.id });
    expect(sameChannel.statusCode).toBe(400);
    expect(sameChannel.json().detail).toContain('关联纠纷');
    const judicial = (await receive({ channel: 'judicial', linkedDisputeId: d.id })).json();
    expect(judicial.linkedTitle).toBe(d.title);

    // A step is not dated before the dispute was received.
    const early = await act(d.id, 'start', { version: 1, date: '2026-05-05' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'date', message: '办理日期（2026-05-05）不能早于受理日期（2026-05-06）' });
    await act(d.id, 'start', { version: 1, date: '2026-05-07' });
    const noOutcome = await act(d.id, 'close', { version: 2, date: '2026-05-15', values: {} });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().detail).toContain('请选择调解结果');
    expect(noOutcome.json().detail).not.toContain('无效');
    await act(d.id, 'close', { version: 2, date: '2026-05-15', values: { outcome: 'success', agreement: '赔偿500元' } });
    const visited = await act(d.id, 'revisit', { version: 3, date: '2026-06-15', values: { revisitResult: '已履行' } });
    expect(visited.statusCode, visited.body).toBe(200);
    expect((await townA.get(`/api/v1/disputes/${d.id}`)).json()).toMatchObject({ status: 'revisited', outcome: 'success', agreement: '赔偿500元', closedDate: '2026-05-15', revisitDate: '2026-06-15' });
  });
});

describe('a correction of the intake', () => {
  it('changes what the form shows (parties, summary, mediators, …), not the unit; another town cannot', async () => {
    const d = (await receive()).json();
    const body = { receivedDate: '2026-05-05', orgId: null, type: '相邻关系', parties: '张某、李某、王某', summary: '排水沟与围墙纠纷', channel: 'people', mediators: '张调解员、刘调解员', lawyerInvolved: false, version: d.version };
    expect((await townB.put(`/api/v1/disputes/${d.id}`, body)).statusCode).toBe(404);
    const moved = await townA.put(`/api/v1/disputes/${d.id}`, { ...body, unitId: unitA.id });
    expect(moved.statusCode).toBe(400);
    const corrected = await townA.put(`/api/v1/disputes/${d.id}`, body);
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ title: '相邻关系：张某、李某、王某', parties: '张某、李某、王某', summary: '排水沟与围墙纠纷', mediators: '张调解员、刘调解员', receivedDate: '2026-05-05', lawyerInvolved: false, unitId: unitA.id, version: d.version + 1 });
    const stale = await townA.put(`/api/v1/disputes/${d.id}`, body);
    expect(stale.statusCode).toBe(409);
    const timeline = (await townA.get(`/api/v1/workflow/dispute/${d.id}`)).json().timeline.map((t: any) => t.label);
    expect(timeline).toContain('更正受理信息');
    // A dispute linked across channels (三调联动) cannot be corrected into the channel of the one it is linked to.
    const judicial = (await receive({ channel: 'judicial', linkedDisputeId: d.id })).json();
    const same = await townA.put(`/api/v1/disputes/${judicial.id}`, { ...body, version: judicial.version });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toMatchObject({ field: 'channel' });
  });
});

describe('import and figures', () => {
  it('imports organisations and disputes and computes the success and return-visit rates over the closed ones', async () => {
    // A town of its own: its figures are only what this test registers and imports.
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison', 'unit_head'] as const, { parent: root, kind: 'town', name: '东关镇' });
    const liaison = agents.unit_liaison;
    await makeMediationOrg(liaison, { unitId: unit.id, name: '东关镇人民调解委员会', type: 'town', establishedDate: '2015-01-01' });
    const orgs = `ref,unitCode,name,type,establishedDate\nO1,${unit.code},东关社区调委会,村（社区）调委会,2020-03-01\n`;
    expect((await liaison.request({ method: 'POST', url: '/api/v1/imports/mediation_orgs', ...multipart('o.csv', orgs) })).statusCode).toBe(200);
    const intake = { parties: '赵某、钱某', summary: '离婚后子女抚养费争议', mediators: '孙调解员' };
    const rows = [
      { ref: 'D1', unitCode: unit.code, orgRef: 'O1', type: '婚姻家庭', ...intake, receivedDate: '2025-03-01', channel: '人民调解', outcome: '调解成功', closedDate: '2025-03-10', revisitDate: '2025-04-10', lawyerInvolved: '是' },
      { ref: 'D2', unitCode: unit.code, type: '合同纠纷', ...intake, receivedDate: '2025-04-01', channel: 'administrative', outcome: 'failure', closedDate: '2025-04-20' },
      { ref: 'D3', unitCode: unit.code, type: '邻里纠纷', ...intake, receivedDate: '2025-05-01', channel: 'people', outcome: 'pending' },
    ];
    const ok = await liaison.request({ method: 'POST', url: '/api/v1/imports/disputes', ...multipart('d.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')) });
    expect(ok.statusCode, ok.body).toBe(200);
    // The parties, the summary and the mediators come from the file, as the form takes them.
    const d1 = (await liaison.get(`/api/v1/disputes?unitId=${unit.id}&q=婚姻家庭`)).json().items[0];
    expect(d1).toMatchObject({ title: '婚姻家庭：赵某、钱某', parties: '赵某、钱某', summary: '离婚后子女抚养费争议', mediators: '孙调解员' });
    const again = await liaison.request({ method: 'POST', url: '/api/v1/imports/disputes', ...multipart('d.jsonl', JSON.stringify({ ...rows[2], parties: '周某、吴某' })) });
    expect(again.statusCode, again.body).toBe(200);
    expect((await liaison.get(`/api/v1/disputes?unitId=${unit.id}&q=邻里纠纷`)).json().items[0]).toMatchObject({ parties: '周某、吴某', title: '邻里纠纷：周某、吴某' });
    const template = (await liaison.get('/api/v1/imports/types')).json().items.find((t: any) => t.type === 'disputes');
    expect(template.fields.filter((c: any) => ['parties', 'summary', 'mediators'].includes(c.name))).toEqual([
      expect.objectContaining({ label: '当事人', required: true }),
      expect.objectContaining({ label: '纠纷简况', required: true }),
      expect.objectContaining({ label: '调解员', required: true }),
    ]);
    const f = (await agents.unit_head.get('/api/v1/indicators?year=2025')).json().indicators;
    expect(f).toMatchObject({ 'mediation.disputes': 3, 'mediation.closed': 2, 'mediation.success': 1, 'mediation.success_rate': 0.5, 'mediation.revisited': 1, 'mediation.revisit_rate': 0.5, 'mediation.lawyer_participations': 1, 'mediation.orgs': 2 }); // the one registered above, established 2015, and the imported one
    // The records behind a figure as a spreadsheet named after the indicator (code and name), the unit and the year.
    const sheet = await agents.unit_head.get('/api/v1/indicators/records/export?code=mediation.disputes&year=2025');
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('mediation.disputes 受理矛盾纠纷（东关镇 2025年）.xlsx')}`);
    const bad = [
      { ref: 'X1', unitCode: unit.code, type: 't', ...intake, receivedDate: '2025-03-01', channel: 'people', outcome: 'success' },
      { ref: 'X2', unitCode: unit.code, type: 't', ...intake, receivedDate: '2025-03-01', channel: 'people', outcome: 'success', closedDate: '2025-02-01' },
      { ref: 'X3', unitCode: unit.code, orgRef: 'NOPE', type: 't', ...intake, receivedDate: '2025-03-01', channel: 'people' },
      { ref: 'X4', unitCode: unit.code, type: 't', ...intake, receivedDate: '2025-03-01', channel: 'people', revisitDate: '2025-04-01' },
      { ref: 'X5', unitCode: unit.code, type: 't', receivedDate: '2025-03-01', channel: 'people' },
    ];
    const refused = await liaison.request({ method: 'POST', url: '/api/v1/imports/disputes', ...multipart('d.jsonl', bad.map((r) => JSON.stringify(r)).join('\n')) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: any) => e.column)).toEqual(['结案日期（closedDate）', '结案日期（closedDate）', '调解组织编号（orgRef）', '回访日期（revisitDate）', '当事人（parties）', '纠纷简况（summary）', '调解员（mediators）']);
  });
});

describe('the ledger on both engines', () => {
  it('sorts text by code point and finds a keyword whatever its ASCII case', async () => {
    const unit = await makeUnit(env.platform, { parent: root, kind: 'town', name: '排序镇' });
    const office = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['law_office'] })).username);
    for (const type of ['婚姻家庭', 'abc纠纷', 'Zeta', 'ABD纠纷']) {
      const res = await office.post('/api/v1/disputes', { unitId: unit.id, type, parties: '甲与乙', summary: '纠纷', receivedDate: '2026-05-06', channel: 'people', mediators: '调解员' });
      expect(res.statusCode, res.body).toBe(201);
    }
    const types = async (query: string) => (await office.get(`/api/v1/disputes?unitId=${unit.id}&${query}`)).json().items.map((d: any) => d.type);
    expect(await types('sort=type&order=asc')).toEqual(['ABD纠纷', 'Zeta', 'abc纠纷', '婚姻家庭']);
    expect(await types('sort=type&order=desc')).toEqual(['婚姻家庭', 'abc纠纷', 'Zeta', 'ABD纠纷']);
    expect(await types('q=abd')).toEqual(['ABD纠纷']);
    expect(await types('q=ZETA')).toEqual(['Zeta']);
  });
});

describe('the export', () => {
  it('refuses a filtered list longer than one export holds, saying how many and what to do, rather than cutting it', async () => {
    const unit = await makeUnit(env.platform, { parent: root, kind: 'town', name: '导出上限镇' });
    const office = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['law_office'] })).username);
    // 20,001 disputes of this town, written in one statement.
    await sql`insert into disputes (id, ref, unit_id, org_id, title, type, parties, summary, received_date, channel, linked_dispute_id, mediators, lawyer_involved, status, outcome, agreement, closed_date, revisit_date, revisit_result, version, created_at, created_by, updated_at, updated_by)
      with recursive n(i) as (select 1 union all select i + 1 from n where i < 20001)
      select ${unit.id} || '-' || i, null, ${unit.id}, null, '其他：甲与乙', '其他', '甲与乙', '纠纷', '2026-01-02', 'people', null, '调解员', 0, 'received', null, null, null, null, null, 1, '2026-01-02T00:00:00Z', null, '2026-01-02T00:00:00Z', null from n`.execute(env.platform.db);
    const res = await office.get(`/api/v1/disputes/export?unitId=${unit.id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('筛选结果共 20001 条，超过单次导出上限 20000 条');
    const narrower = await office.get(`/api/v1/disputes/export?unitId=${unit.id}&year=2025`);
    expect(narrower.statusCode).toBe(200);
  });
});
