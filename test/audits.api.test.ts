// 审计监督 over HTTP: projects and findings (fen), the audited unit rectifies with evidence, the law
// office verifies; the finding sits in the unit's problem pool until then; scope, bad input, the
// import (all rows or none) and the figures against hand-counted records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, answered, attach, createTestEnv, loggedIn, makeAnnualReport, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let office: Agent;
let liaisonA: Agent;
let liaisonB: Agent;
let county: { id: string; code: string };
let unitA: { id: string; code: string };
let unitB: { id: string; code: string };

beforeAll(async () => {
  env = await createTestEnv();
  county = await makeUnit(env.platform, { kind: 'county', name: '审计测试县' });
  const justice = await makeUnit(env.platform, { parent: county as any, name: '司法局' });
  unitA = await makeUnit(env.platform, { parent: county as any, name: '农业农村局' });
  unitB = await makeUnit(env.platform, { parent: county as any, name: '水利局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB as any, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

const project = async (values: Record<string, unknown> = {}) =>
  answered(await office.post('/api/v1/audit-projects', { unitId: unitA.id, kind: 'economic_responsibility', title: '原局长任期经济责任审计', date: '2025-06-30', period: '2022—2024年', ...values }), 201);

describe('an audit finding', () => {
  it('is rectified by the audited unit with evidence, verified by the law office, and leaves the problem pool then', async () => {
    const p = await project();
    expect(p).toMatchObject({ unitId: unitA.id, unitName: '农业农村局', kind: 'economic_responsibility', findings: 0, status: 'reported', auditor: '县审计局' });
    const f = answered(await office.post('/api/v1/audit-findings', { projectId: p.id, description: '专项资金未按规定用途使用', category: '违规使用资金', amountFen: 1_250_000 }), 201);
    // Rectification is due 60 days after the report (audits.rectify), long past by now: red.
    expect(f).toMatchObject({ unitId: unitA.id, foundDate: '2025-06-30', amountFen: 1_250_000, status: 'open', projectTitle: '原局长任期经济责任审计', due: '2025-08-29', light: 'red' });
    const problem = async () => env.platform.db.selectFrom('problems').select(['status', 'unit_id', 'source_label']).where('source_id', '=', f.id).executeTakeFirst();
    expect(await problem()).toMatchObject({ status: 'open', unit_id: unitA.id, source_label: '审计发现' });
    expect((await office.get(`/api/v1/audit-projects/${p.id}`)).json()).toMatchObject({ findings: 1, amountFen: 1_250_000, open: 1 });

    // Another unit sees neither the finding nor the project, and cannot act on it.
    expect((await liaisonB.get(`/api/v1/audit-findings/${f.id}`)).statusCode).toBe(404);
    expect((await liaisonB.get(`/api/v1/audit-projects/${p.id}`)).statusCode).toBe(404);
    expect((await liaisonB.get('/api/v1/audit-findings')).json().items.map((x: any) => x.id)).not.toContain(f.id);
    expect((await liaisonB.post(`/api/v1/workflow/audit_finding/${f.id}/transitions/rectify`, { version: 1, values: { measures: 'x' } })).statusCode).toBe(404);
    // Liaisons do not register audits.
    expect((await liaisonA.post('/api/v1/audit-projects', { unitId: unitA.id, kind: 'budget', title: 't', date: '2025-01-01' })).statusCode).toBe(403);

    const act = (agent: Agent, key: string, body: Record<string, unknown>) => agent.post(`/api/v1/workflow/audit_finding/${f.id}/transitions/${key}`, body);
    expect((await act(liaisonA, 'rectify', { version: 1, date: '2025-08-01', values: { measures: '已追回资金' } })).json().detail).toContain('台账材料');
    await attach(liaisonA, 'audit_finding', f.id, '整改报告.txt');
    const early = await act(liaisonA, 'rectify', { version: 1, date: '2025-06-01', values: { measures: '已追回资金' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toContain('不能早于发现日期');
    await advance(liaisonA, 'audit_finding', f.id, 'rectify', { version: 1, date: '2025-08-01', values: { measures: '已追回资金' } });
    expect((await act(liaisonA, 'verify', { version: 2, values: { verifyNote: 'ok' } })).statusCode).toBe(403);
    await advance(office, 'audit_finding', f.id, 'reopen', { version: 2, note: '资金未全部追回' });
    expect(await problem()).toMatchObject({ status: 'open' });
    await advance(liaisonA, 'audit_finding', f.id, 'rectify', { version: 3, date: '2025-08-20', values: { measures: '已全部追回' } });
    await advance(office, 'audit_finding', f.id, 'verify', { version: 4, date: '2025-09-01', values: { verifyNote: '核查属实，予以销号' } });
    expect((await liaisonA.get(`/api/v1/audit-findings/${f.id}`)).json()).toMatchObject({ status: 'verified', rectifiedDate: '2025-08-20', verifiedDate: '2025-09-01', due: null, light: null });
    const clock = await env.platform.db.selectFrom('clocks').select(['status', 'due_date']).where('record_id', '=', f.id).executeTakeFirstOrThrow();
    expect(clock).toMatchObject({ status: 'stopped' });
    expect(await problem()).toMatchObject({ status: 'closed' });
  });

  it('refuses bad input naming the field', async () => {
    for (const [body, text] of [
      [{ kind: 'audit' }, 'kind'],
      [{ date: '2099-01-01' }, '不能晚于今天'],
      [{ unitId: 'nope' }, '被审计单位'],
      [{ title: '' }, '项目名称'],
    ] as const) {
      const res = await office.post('/api/v1/audit-projects', { unitId: unitA.id, kind: 'budget', title: 't', date: '2025-01-01', ...(body as Record<string, unknown>) });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(text);
    }
    const p = await project();
    for (const [body, text] of [
      [{ amountFen: -5 }, '涉及金额'],
      [{ amountFen: 1.5 }, '涉及金额'],
      [{ projectId: 'nope' }, '审计项目'],
      [{ description: '' }, '问题描述'],
    ] as const) {
      const res = await office.post('/api/v1/audit-findings', { projectId: p.id, description: 'd', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(text);
    }
  });
});

describe('import and figures', () => {
  it('imports projects and findings (all rows or none, every bad row listed) and counts them by the report date', async () => {
    // A county of its own: the figures count only this test's records.
    const own = await makeUnit(env.platform, { kind: 'county', name: '审计导入县' });
    const dept = await makeUnit(env.platform, { parent: own, name: '交通运输局' });
    const town = await makeUnit(env.platform, { parent: own, kind: 'town', name: '河口镇' });
    const upload = (type: string, rows: Record<string, unknown>[]) => office.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart('x.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')) });
    const projects = [
      { ref: 'SJ-1', unitCode: dept.code, kind: '经济责任审计', title: '交通局经责审计', date: '2024-05-10' },
      { ref: 'SJ-2', unitCode: town.code, kind: 'budget', title: '河口镇预算执行审计', date: '2024-11-02' },
      { ref: 'SJ-3', unitCode: dept.code, kind: 'investment', title: '道路工程决算审计', date: '2025-02-01' },
    ];
    expect(answered(await upload('audit_projects', projects))).toMatchObject({ created: 3, updated: 0 });
    const bad = await upload('audit_findings', [
      { ref: 'F-1', projectRef: 'SJ-1', description: '好的一行', amountFen: '100' },
      { ref: 'F-2', projectRef: 'SJ-1', description: '整改早于审计', amountFen: '100', rectifiedDate: '2024-05-01' },
      { ref: 'F-3', projectRef: 'SJ-404', description: '项目不存在' },
      { ref: 'F-4', projectRef: 'SJ-2', description: '负数', amountFen: '-1' },
      { ref: 'F-5', projectRef: 'SJ-2', description: '将来整改', rectifiedDate: '2099-01-01' },
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, '整改完成日期（rectifiedDate）'],
      [3, '审计项目编号（projectRef）'],
      [4, '涉及金额（amountFen）'],
      [5, '整改完成日期（rectifiedDate）'],
    ]);
    expect(bad.json().errors[0].message).toContain('不能早于');
    expect(await env.platform.db.selectFrom('audit_findings').select('id').where('ref', '=', 'F-1').execute()).toEqual([]);

    const good = [
      { ref: 'F-1', projectRef: 'SJ-1', description: '超标准列支会议费', amountFen: '123456', rectifiedDate: '2024-07-01' },
      { ref: 'F-2', projectRef: 'SJ-1', description: '公务用车管理不规范' },
      { ref: 'F-3', projectRef: 'SJ-2', description: '惠民资金发放不及时', amountFen: '5000000' },
      { ref: 'F-4', projectRef: 'SJ-3', description: '工程未招标', amountFen: '900000' },
    ];
    expect(answered(await upload('audit_findings', good))).toMatchObject({ created: 4 });
    // Re-importing updates, never duplicates.
    expect(answered(await upload('audit_findings', [{ ...good[1], amountFen: '700' }]))).toMatchObject({ created: 0, updated: 1 });
    const figures = (await office.get(`/api/v1/indicators?year=2024&unit=${own.code}`)).json().indicators;
    expect(figures).toMatchObject({ 'audit.projects': 2, 'audit.findings': 3, 'audit.amount_fen': 123456 + 700 + 5_000_000, 'audit.rectified': 1 });
    expect(figures['audit.rectification_rate']).toBeCloseTo(1 / 3);
    const next = (await office.get(`/api/v1/indicators?year=2025&unit=${own.code}`)).json().indicators;
    expect(next).toMatchObject({ 'audit.projects': 1, 'audit.findings': 1, 'audit.amount_fen': 900000 });
    // Traceable: the records behind the amount, each with what it adds.
    const behind = answered(await office.get(`/api/v1/indicators/audit.amount_fen/records?year=2024&unit=${own.code}`));
    expect(behind.items.map((r: any) => r.amount).sort((a: number, b: number) => a - b)).toEqual([700, 123456, 5_000_000]);
    // The county's annual report draft writes them into its audit section, the amount in 万元.
    const report = await makeAnnualReport(office, { unitId: own.id, year: 2024 });
    const section = report.sections.find((s: any) => s.key === 'measures.audits');
    expect(section.heading).toBe('（十二）自觉接受审计监督');
    for (const code of ['audit.projects', 'audit.findings', 'audit.amount_fen', 'audit.rectified']) expect(section.html).toContain(`data-figure="${code}"`);
    expect(section.html).toContain('>5.12万元<');
    // The imported rectification closed its problem; the others are open in their units' pools.
    const f1 = await env.platform.db.selectFrom('audit_findings').select(['id', 'status']).where('ref', '=', 'F-1').executeTakeFirstOrThrow();
    expect(f1.status).toBe('verified');
    expect(await env.platform.db.selectFrom('problems').select('status').where('source_id', '=', f1.id).executeTakeFirst()).toMatchObject({ status: 'closed' });
  });

  it('keeps amounts above 2^31 fen (2,147万元) exact, in a finding and in the figures', async () => {
    const own = await makeUnit(env.platform, { kind: 'county', name: '大额审计县' });
    const dept = await makeUnit(env.platform, { parent: own, name: '住建局' });
    const p = await project({ unitId: dept.id, kind: 'investment', title: '新城片区道路工程决算审计', date: '2022-08-01' });
    const big = answered(await office.post('/api/v1/audit-findings', { projectId: p.id, description: '多计工程价款', amountFen: 2_250_000_000 }), 201);
    answered(await office.post('/api/v1/audit-findings', { projectId: p.id, description: '未按合同约定扣回预付款', amountFen: 1_900_000_000 }), 201);
    expect(big.amountFen).toBe(2_250_000_000);
    expect(answered(await office.get(`/api/v1/audit-projects/${p.id}`)).amountFen).toBe(4_150_000_000);
    expect((await office.get(`/api/v1/indicators?year=2022&unit=${own.code}`)).json().indicators['audit.amount_fen']).toBe(4_150_000_000);
  });

  it('filters the findings ledger by project, unit, year and status', async () => {
    const p = await project({ unitId: unitB.id, date: '2023-04-01', title: '水利局专项审计', kind: 'special' });
    for (const d of ['甲问题', '乙问题']) answered(await office.post('/api/v1/audit-findings', { projectId: p.id, description: d, amountFen: 10 }), 201);
    const list = async (q: string) => (await office.get(`/api/v1/audit-findings?${q}`)).json();
    expect((await list(`projectId=${p.id}`)).total).toBe(2);
    expect((await list(`unitId=${unitB.id}&year=2023&status=open`)).items.map((f: any) => f.description).sort()).toEqual(['乙问题', '甲问题']);
    expect((await list(`unitId=${unitB.id}&year=2022`)).total).toBe(0);
    expect((await liaisonB.get(`/api/v1/audit-findings?projectId=${p.id}`)).json().total).toBe(2);
    expect((await liaisonA.get(`/api/v1/audit-findings?projectId=${p.id}`)).json().total).toBe(0);
    expect((await office.get(`/api/v1/audit-projects?kind=special&unitId=${unitB.id}`)).json().items[0]).toMatchObject({ id: p.id, findings: 2, amountFen: 20 });
  });
});

describe('an audit project corrected', () => {
  it('takes the correction form\'s fields, not the audited unit', async () => {
    const p = await project();
    expect((await office.put(`/api/v1/audit-projects/${p.id}`, { version: p.version, unitId: unitB.id, title: p.title, kind: p.kind, date: p.date })).statusCode).toBe(400);
    const corrected = answered(await office.put(`/api/v1/audit-projects/${p.id}`, { version: p.version, title: '原局长任期经济责任审计（更正）', kind: p.kind, date: '2025-06-29', period: '2022—2024年', auditor: '县审计局' }));
    expect(corrected).toMatchObject({ title: '原局长任期经济责任审计（更正）', date: '2025-06-29', unitId: unitA.id });
  });
});
