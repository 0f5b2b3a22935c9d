// 行政执法 registers over HTTP (issue 16): enforcement bodies with their powers (delegated to towns),
// officers and supervisors with sealed ID numbers and certificates (issue, renew, suspend, revoke;
// leaving a post revokes; 90-day warning), training hours, imports, figures; scope, bad input, versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loggedIn, makeAnnualReport, makeStaffedUnit, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { certificateNumber, idNumber, makeBody, makeOfficer } from './fixtures/enforcement.ts';
import { runDailyJob } from '../src/server/kernel/workflow/daily.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';

let env: TestEnv;
let office: Agent;
let root: Awaited<ReturnType<typeof makeUnit>>;

beforeAll(async () => {
  env = await createTestEnv();
  root = await makeUnit(env.platform, { kind: 'county' });
  const justice = await makeUnit(env.platform, { parent: root, name: '司法局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
});
afterAll(() => env.close());

const today = () => chinaToday();
const inDays = (n: number) => fromDayNumber(toDayNumber(chinaToday()) + n);
const certify = (agent: Agent, id: string, body: Record<string, unknown>) => agent.post(`/api/v1/enforcement-officers/${id}/certificate`, body);
const act = (agent: Agent, id: string, key: string, body: Record<string, unknown>) => agent.post(`/api/v1/workflow/enforcement_officer/${id}/transitions/${key}`, body);
const importFile = (agent: Agent, type: string, rows: Record<string, unknown>[]) => agent.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart(`${type}.jsonl`, rows.map((r) => JSON.stringify(r)).join('\n')) });

describe('data scope', () => {
  it('a unit cannot read, list, change or register under another unit\'s bodies and officers; the answer is that of a record that is not there', async () => {
    const a = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const b = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const body = await makeBody(a.agents.unit_liaison, { unitId: a.unit.id });
    const officer = await makeOfficer(a.agents.unit_liaison, { bodyId: body.id });
    const spy = b.agents.unit_liaison;
    const missingBody = await spy.get('/api/v1/enforcement-bodies/no-such-body');
    const theirBody = await spy.get(`/api/v1/enforcement-bodies/${body.id}`);
    expect(theirBody.statusCode).toBe(404);
    expect(theirBody.json().detail).toBe(missingBody.json().detail);
    const missing = await spy.get('/api/v1/enforcement-officers/no-such-officer');
    const theirs = await spy.get(`/api/v1/enforcement-officers/${officer.id}`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().detail).toBe(missing.json().detail);
    expect((await spy.get('/api/v1/enforcement-officers?pageSize=200')).body).not.toContain(officer.name);
    expect((await spy.get('/api/v1/enforcement-bodies?pageSize=200')).body).not.toContain(body.name);
    expect((await spy.get('/api/v1/enforcement-officers/export')).statusCode).toBe(200);
    // Changing it: the same 404; registering an officer under it: the same answer as an unknown body.
    expect((await spy.put(`/api/v1/enforcement-officers/${officer.id}`, { version: 1, name: '改名', post: '队员' })).statusCode).toBe(404);
    expect((await spy.put(`/api/v1/enforcement-bodies/${body.id}`, { version: 1, name: '改名', kind: 'statutory' })).statusCode).toBe(404);
    expect((await spy.post(`/api/v1/enforcement-bodies/${body.id}/powers`, { title: '职权', category: 'penalty', basis: '依据' })).statusCode).toBe(404);
    expect((await spy.post(`/api/v1/enforcement-officers/${officer.id}/trainings`, { date: '2026-03-01', title: '培训', hours: 8 })).statusCode).toBe(404);
    expect((await act(spy, officer.id, 'leave', { version: 1, note: '调走' })).statusCode).toBe(404);
    const under = await spy.post('/api/v1/enforcement-officers', { bodyId: body.id, name: '某人', idNumber: idNumber(), post: '队员' });
    const unknown = await spy.post('/api/v1/enforcement-officers', { bodyId: 'no-such-body', name: '某人', idNumber: idNumber(), post: '队员' });
    expect(under.statusCode).toBe(400);
    expect(under.json()).toEqual(unknown.json());
    expect((await spy.post('/api/v1/enforcement-bodies', { unitId: a.unit.id, name: '冒名主体', kind: 'statutory' })).statusCode).toBe(400);
    const seen = await a.agents.unit_liaison.get(`/api/v1/enforcement-officers/${officer.id}`);
    expect(seen.json()).toMatchObject({ name: officer.name, version: 1, status: 'active' });
  });
});

describe('bad input', () => {
  it('names the field in Chinese and saves nothing', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const liaison = agents.unit_liaison;
    const body = await makeBody(liaison, { unitId: unit.id });
    const base = { bodyId: body.id, name: '张三', idNumber: idNumber(), post: '队员' };
    const count = async () => Number((await env.platform.db.selectFrom('enforcement_officers').select((eb) => eb.fn.countAll<number>().as('n')).where('body_id', '=', body.id).executeTakeFirstOrThrow()).n);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ idNumber: '430821199001011230' }, 'idNumber', '身份证号（idNumber）无效'],
      [{ name: '' }, 'name', '请填写姓名'],
      [{ certificateNumber: 'Z-1', certificateIssuedDate: '2025-05-01', certificateValidUntil: '2025-04-30' }, 'certificateValidUntil', '应晚于发证日期'],
      [{ certificateNumber: 'Z-2', certificateValidUntil: '2029-04-30' }, 'certificateIssuedDate', '有执法证号的必须填写发证日期'],
      [{ certificateIssuedDate: '2025-05-01' }, 'certificateNumber', '必须填写执法证号'],
      [{ certificateNumber: 'Z-3', certificateIssuedDate: inDays(3), certificateValidUntil: '2030-01-01' }, 'certificateIssuedDate', '不能晚于今天'],
    ];
    for (const [extra, field, message] of cases) {
      const res = await liaison.post('/api/v1/enforcement-officers', { ...base, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
      expect(res.json().detail).toContain(message);
    }
    const first = await makeOfficer(liaison, { bodyId: body.id });
    const duplicate = await liaison.post('/api/v1/enforcement-officers', { ...base, certificateNumber: first.certificateNumber, certificateIssuedDate: '2025-01-01', certificateValidUntil: '2030-01-01' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json()).toMatchObject({ errors: [{ field: 'certificateNumber' }] });
    expect(duplicate.json().detail).toContain('执法证号');
    expect(await count()).toBe(1);
    // An entrusted body names who entrusted it; a delegated power names who delegated it and when.
    const entrusted = await liaison.post('/api/v1/enforcement-bodies', { unitId: unit.id, name: '执法大队', kind: 'entrusted' });
    expect(entrusted.json()).toMatchObject({ status: 400, errors: [{ field: 'entrustedBy' }] });
    const power = await liaison.post(`/api/v1/enforcement-bodies/${body.id}/powers`, { title: '对占道经营的处罚', category: 'penalty', basis: '条例', delegated: true, delegatedBy: '县城管局' });
    expect(power.json()).toMatchObject({ status: 400, errors: [{ field: 'delegatedDate' }] });
    expect((await liaison.get(`/api/v1/enforcement-bodies/${body.id}`)).json().powerList).toEqual([]);
  });
});

describe('an officer', () => {
  it('shows the ID number masked; the full number only to those who may unmask it, audited', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const body = await makeBody(agents.unit_liaison, { unitId: unit.id });
    const id = idNumber();
    const officer = await makeOfficer(agents.unit_liaison, { bodyId: body.id, idNumber: id });
    expect(officer.idNumber).toBe(`${id.slice(0, 3)}***********${id.slice(-4)}`);
    const list = await agents.unit_liaison.get(`/api/v1/enforcement-officers?bodyId=${body.id}`);
    expect(list.body).not.toContain(id);
    const stored = await env.platform.db.selectFrom('enforcement_officers').select(['id_number_enc']).where('id', '=', officer.id).executeTakeFirstOrThrow();
    expect(stored.id_number_enc).not.toContain(id);
    expect((await agents.unit_liaison.post(`/api/v1/enforcement-officers/${officer.id}/unmask`, { field: 'idNumber' })).statusCode).toBe(403);
    const full = await office.post(`/api/v1/enforcement-officers/${officer.id}/unmask`, { field: 'idNumber' });
    expect(full.json()).toEqual({ value: id });
    const audited = await env.platform.db.selectFrom('audit_log').select('seq').where('action', '=', 'pii.unmask').where('target_id', '=', officer.id).execute();
    expect(audited).toHaveLength(1);
  });

  it('edits are version-checked: a stale write is 409 and changes nothing', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const body = await makeBody(agents.unit_liaison, { unitId: unit.id });
    const officer = await makeOfficer(agents.unit_liaison, { bodyId: body.id, name: '原名' });
    const first = await agents.unit_liaison.put(`/api/v1/enforcement-officers/${officer.id}`, { version: 1, name: '新名', post: '执法队长' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ name: '新名', post: '执法队长', version: 2 });
    const stale = await agents.unit_liaison.put(`/api/v1/enforcement-officers/${officer.id}`, { version: 1, name: '旧页面', post: '队员' });
    expect(stale.statusCode).toBe(409);
    expect((await certify(office, officer.id, { version: 1, action: 'suspend', date: today(), note: '调查中' })).statusCode).toBe(409);
    expect((await agents.unit_liaison.put(`/api/v1/enforcement-bodies/${body.id}`, { version: 99, name: 'x', kind: 'statutory' })).statusCode).toBe(409);
    expect((await agents.unit_liaison.get(`/api/v1/enforcement-officers/${officer.id}`)).json()).toMatchObject({ name: '新名', certificateStatus: 'valid', version: 2 });
  });

  it('holds a certificate that the law office issues, renews, suspends, reinstates and revokes; leaving the post revokes it', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const body = await makeBody(agents.unit_liaison, { unitId: unit.id });
    const officer = (await agents.unit_liaison.post('/api/v1/enforcement-officers', { bodyId: body.id, name: '新人', idNumber: idNumber(), post: '队员' })).json();
    expect(officer).toMatchObject({ certificateState: 'none', certificateStatus: null });
    const number = certificateNumber();
    expect((await certify(agents.unit_liaison, officer.id, { version: 1, action: 'issue', date: today(), certificateNumber: number, validUntil: inDays(1000) })).statusCode).toBe(403);
    const badDates = await certify(office, officer.id, { version: 1, action: 'issue', date: today(), certificateNumber: number, validUntil: today() });
    expect(badDates.json()).toMatchObject({ status: 400, errors: [{ field: 'validUntil' }] });
    let o = (await certify(office, officer.id, { version: 1, action: 'issue', date: today(), certificateNumber: number, validUntil: inDays(60) })).json();
    expect(o).toMatchObject({ certificateNumber: number, certificateStatus: 'valid', certificateState: 'expiring', certificateValidUntil: inDays(60) });
    o = (await certify(office, officer.id, { version: o.version, action: 'renew', date: today(), validUntil: inDays(1800) })).json();
    expect(o).toMatchObject({ certificateNumber: number, certificateState: 'valid' });
    expect((await certify(office, officer.id, { version: o.version, action: 'suspend', date: today() })).json()).toMatchObject({ status: 400, errors: [{ field: 'note' }] });
    o = (await certify(office, officer.id, { version: o.version, action: 'suspend', date: today(), note: '涉嫌违法执法，暂扣' })).json();
    expect(o).toMatchObject({ certificateStatus: 'suspended', certificateState: 'suspended' });
    expect((await certify(office, officer.id, { version: o.version, action: 'renew', date: today(), validUntil: inDays(2000) })).statusCode).toBe(409);
    o = (await certify(office, officer.id, { version: o.version, action: 'reinstate', date: today() })).json();
    expect(o.certificateStatus).toBe('valid');
    expect(o.certificateEvents.map((e: any) => e.kind)).toEqual(expect.arrayContaining(['issue', 'renew', 'suspend', 'reinstate']));
    // 离岗: the certificate goes with the post.
    expect((await act(agents.unit_liaison, officer.id, 'leave', { version: o.version })).statusCode).toBe(400);
    const left = await act(agents.unit_liaison, officer.id, 'leave', { version: o.version, note: '调离执法岗位' });
    expect(left.statusCode, left.body).toBe(200);
    o = (await agents.unit_liaison.get(`/api/v1/enforcement-officers/${officer.id}`)).json();
    expect(o).toMatchObject({ status: 'left', certificateStatus: 'revoked', certificateState: 'revoked', leftDate: today() });
    expect(o.certificateEvents[0]).toMatchObject({ kind: 'revoke', note: '离岗收回' });
    expect((await certify(office, officer.id, { version: o.version, action: 'issue', date: today(), certificateNumber: certificateNumber(), validUntil: inDays(900) })).statusCode).toBe(409);
    // 注销 is the law office's.
    expect((await act(agents.unit_liaison, officer.id, 'cancel', { version: o.version, note: '退休' })).statusCode).toBe(403);
    expect((await act(office, officer.id, 'cancel', { version: o.version, note: '退休' })).statusCode).toBe(200);
  });

  it('a certificate within 90 days of its end warns the unit once, in the ledger and by notification', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison', 'unit_head'] as const, { parent: root });
    const body = await makeBody(agents.unit_liaison, { unitId: unit.id });
    const soon = await makeOfficer(agents.unit_liaison, { bodyId: body.id, certificateIssuedDate: '2021-12-01', certificateValidUntil: inDays(89) });
    const later = await makeOfficer(agents.unit_liaison, { bodyId: body.id, certificateIssuedDate: '2021-12-01', certificateValidUntil: inDays(91) });
    const expired = await makeOfficer(agents.unit_liaison, { bodyId: body.id, certificateIssuedDate: '2020-12-01', certificateValidUntil: inDays(-1) });
    expect([soon.certificateState, later.certificateState, expired.certificateState]).toEqual(['expiring', 'valid', 'expired']);
    const names = async (certificate: string) => (await agents.unit_liaison.get(`/api/v1/enforcement-officers?bodyId=${body.id}&certificate=${certificate}`)).json().items.map((o: any) => o.name);
    expect(await names('expiring')).toEqual([soon.name]);
    expect(await names('expired')).toEqual([expired.name]);
    expect(await names('valid')).toEqual([later.name]);
    await runDailyJob(env.platform, chinaToday(), { force: true });
    await runDailyJob(env.platform, chinaToday(), { force: true });
    for (const agent of [agents.unit_liaison, agents.unit_head]) {
      const mine = (await agent.get('/api/v1/notifications')).json().items.filter((n: any) => n.kind === 'certificate_expiring');
      expect(mine.map((n: any) => n.title)).toEqual([expect.stringContaining(soon.name)]);
    }
  });

  it('records training hours against the minimum the law office sets', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const body = await makeBody(agents.unit_liaison, { unitId: unit.id });
    const officer = await makeOfficer(agents.unit_liaison, { bodyId: body.id });
    const year = chinaToday().slice(0, 4);
    await agents.unit_liaison.post(`/api/v1/enforcement-officers/${officer.id}/trainings`, { date: `${year}-01-05`, title: '行政处罚法专题', hours: 24 });
    const res = await agents.unit_liaison.post(`/api/v1/enforcement-officers/${officer.id}/trainings`, { date: `${year}-01-06`, title: '执法文书', hours: 12 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ trainingHours: 36, trainings: [{ hours: 12 }, { hours: 24 }] });
    expect((await agents.unit_liaison.post(`/api/v1/enforcement-officers/${officer.id}/trainings`, { date: `${year}-01-06`, title: '执法文书', hours: 1.5 })).json()).toMatchObject({ errors: [{ field: 'hours' }] });
    expect((await agents.unit_liaison.put('/api/v1/enforcement-settings', { trainingMinHours: 30 })).statusCode).toBe(403);
    expect((await office.put('/api/v1/enforcement-settings', { trainingMinHours: -1 })).json()).toMatchObject({ errors: [{ field: 'trainingMinHours' }] });
    expect((await office.put('/api/v1/enforcement-settings', { trainingMinHours: 30 })).json()).toEqual({ trainingMinHours: 30 });
    expect((await agents.unit_liaison.get(`/api/v1/enforcement-officers/${officer.id}`)).json()).toMatchObject({ trainingHours: 36, trainingMinHours: 30 });
    await office.put('/api/v1/enforcement-settings', { trainingMinHours: 60 });
  });
});

describe('a body', () => {
  it('holds its powers, those delegated to a town with the delegating body and date', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root, kind: 'town' });
    const body = await makeBody(agents.unit_liaison, { unitId: unit.id, name: '某镇人民政府' });
    await agents.unit_liaison.post(`/api/v1/enforcement-bodies/${body.id}/powers`, { title: '对占道经营的处罚', category: 'penalty', basis: '《城市市容和环境卫生管理条例》', delegated: true, delegatedBy: '县城市管理综合执法局', delegatedDate: '2024-07-01' });
    const res = await agents.unit_liaison.post(`/api/v1/enforcement-bodies/${body.id}/powers`, { title: '对农药经营者的检查', category: 'inspection', basis: '《农药管理条例》' });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({ powers: 2, delegatedPowers: 1 });
    expect(b.powerList.find((p: any) => p.delegated)).toMatchObject({ delegatedBy: '县城市管理综合执法局', delegatedDate: '2024-07-01' });
    const removed = await agents.unit_liaison.request({ method: 'DELETE', url: `/api/v1/enforcement-bodies/${body.id}/powers/${b.powerList[0].id}` });
    expect(removed.json()).toMatchObject({ powers: 1 });
  });
});

describe('imports and figures', () => {
  it('imports bodies and officers all or nothing, and counts officers, the certified, supervisors and certificates issued', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const liaison = agents.unit_liaison;
    const bodies = await importFile(liaison, 'enforcement_bodies', [
      { ref: 'B1', unitCode: unit.code, name: '某局', kind: 'statutory' },
      { ref: 'B2', unitCode: unit.code, name: '某执法大队', kind: '受委托组织', entrustedBy: '某局' },
    ]);
    expect(bodies.statusCode, bodies.body).toBe(200);
    expect(bodies.json()).toMatchObject({ created: 2 });
    const bad = await importFile(liaison, 'enforcement_officers', [
      { ref: 'OK', bodyRef: 'B1', name: '甲', idNumber: idNumber(), post: '队员' },
      { ref: 'X1', bodyRef: 'B1', name: '乙', idNumber: '123', post: '队员' },
      { ref: 'X2', bodyRef: 'NOPE', name: '丙', idNumber: idNumber(), post: '队员' },
      { ref: 'X3', bodyRef: 'B1', name: '丁', idNumber: idNumber(), post: '队员', certificateNumber: 'C-9', certificateIssuedDate: '2025-02-01', certificateValidUntil: '2024-02-01' },
      { ref: 'X4', bodyRef: 'B1', name: '戊', idNumber: idNumber(), post: '队员', status: 'active', leftDate: '2025-01-01' },
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: any) => e.column)).toEqual(['身份证号（idNumber）', '执法主体编号（bodyRef）', '有效期至（certificateValidUntil）', '在岗状态（status）']);
    expect(await env.platform.db.selectFrom('enforcement_officers').select('id').where('unit_id', '=', unit.id).execute()).toEqual([]);
    const year = Number(chinaToday().slice(0, 4)) - 1;
    const rows = [
      { ref: 'O1', bodyRef: 'B1', name: '甲', idNumber: idNumber(), post: '队员', certificateNumber: certificateNumber(), certificateIssuedDate: `${year}-03-01`, certificateValidUntil: `${year + 5}-02-28` },
      { ref: 'O2', bodyRef: 'B1', name: '乙', idNumber: idNumber(), post: '队员', certificateNumber: certificateNumber(), certificateIssuedDate: `${year - 5}-03-01`, certificateValidUntil: `${year}-06-30` },
      { ref: 'O3', bodyRef: 'B2', name: '丙', idNumber: idNumber(), post: '队员', certificateNumber: certificateNumber(), certificateIssuedDate: `${year}-04-01`, certificateValidUntil: `${year + 5}-03-31`, status: '离岗', leftDate: `${year}-10-01` },
      { ref: 'O4', bodyRef: 'B1', name: '丁', idNumber: idNumber(), post: '监督科', supervisor: '是', certificateNumber: certificateNumber(), certificateIssuedDate: `${year - 1}-03-01`, certificateValidUntil: `${year + 4}-02-28` },
    ];
    const ok = await importFile(liaison, 'enforcement_officers', rows);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 4, updated: 0 });
    const o3 = (await liaison.get('/api/v1/enforcement-officers?status=left')).json().items;
    expect(o3).toMatchObject([{ name: '丙', certificateStatus: 'revoked', leftDate: `${year}-10-01` }]);
    // The unit's annual report for that year drafts a 严格规范公正文明执法 paragraph from these figures.
    const report = await makeAnnualReport(office, { unitId: unit.id, year });
    const enforcement = report.sections.find((x: any) => x.key === 'measures.enforcement');
    expect(enforcement.heading).toBe('（八）严格规范公正文明执法');
    expect(enforcement.html).toContain('enforcement.officers');
    expect(enforcement.html).toContain('enforcement.certificates_issued');
    const figures = (await office.get(`/api/v1/indicators?year=${year}&unit=${unit.code}`)).json().indicators;
    expect(figures).toMatchObject({ 'enforcement.officers': 2, 'enforcement.certified': 1, 'enforcement.supervisors': 1, 'enforcement.certificates_issued': 2 });
    // Re-importing updates; a changed certificate is a renewal, which a unit cannot import.
    const again = await importFile(liaison, 'enforcement_officers', [{ ...rows[0]!, post: '执法队长' }]);
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    const renew = await importFile(liaison, 'enforcement_officers', [{ ...rows[1]!, certificateIssuedDate: `${year + 1}-01-05`, certificateValidUntil: `${year + 6}-01-04` }]);
    expect(renew.statusCode).toBe(422);
    expect(renew.json().errors[0]).toMatchObject({ column: '执法证号（certificateNumber）' });
    const wrongPerson = await importFile(liaison, 'enforcement_officers', [{ ...rows[0]!, idNumber: idNumber() }]);
    expect(wrongPerson.json().errors[0]).toMatchObject({ column: '身份证号（idNumber）' });
  });
});

describe('the four lists and the inspection catalog', () => {
  it('hold items with their basis per body, imported all or nothing; the sizes at the end of a year are figures; another unit sees none', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const other = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const liaison = agents.unit_liaison;
    expect((await importFile(liaison, 'enforcement_bodies', [{ ref: 'SCJ', unitCode: unit.code, name: '某市场监管局', kind: 'statutory' }])).statusCode).toBe(200);
    const body = (await liaison.get('/api/v1/enforcement-bodies')).json().items[0];
    const year = Number(chinaToday().slice(0, 4)) - 1;
    const rows = [
      { ref: 'L1', bodyRef: 'SCJ', list: 'no_penalty', title: '首次轻微违法及时改正', basis: '行政处罚法第三十三条', publishedDate: `${year}-03-01` },
      { ref: 'L2', bodyRef: 'SCJ', list: '从轻行政处罚事项清单', title: '主动减轻危害后果', basis: '行政处罚法第三十二条', publishedDate: `${year}-03-01` },
      { ref: 'L3', bodyRef: 'SCJ', list: 'inspection_general', title: '经营场所检查', basis: '食品安全法第一百一十条', publishedDate: `${year}-03-01` },
      { ref: 'L4', bodyRef: 'SCJ', list: 'inspection_key', title: '特种设备检查', basis: '特种设备安全法第五十七条', publishedDate: `${year}-03-01` },
      { ref: 'L5', bodyRef: 'SCJ', list: 'no_penalty', title: '下年公布的事项', basis: '某条', publishedDate: `${year + 1}-01-02` },
    ];
    const bad = await importFile(liaison, 'enforcement_list_items', [...rows, { ref: 'X1', bodyRef: 'SCJ', list: 'sometimes', title: 't', basis: 'b' }, { ref: 'X2', bodyRef: 'SCJ', list: 'lighter', title: 't' }]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: any) => e.column)).toEqual(['清单（list）', '法律依据（basis）']);
    expect((await liaison.get('/api/v1/enforcement-list-items')).json().total).toBe(0);
    const ok = await importFile(liaison, 'enforcement_list_items', rows);
    expect(ok.json()).toMatchObject({ created: 5 });
    const l1 = (await liaison.get('/api/v1/enforcement-list-items?q=首次轻微')).json().items[0];
    expect(l1).toMatchObject({ list: 'no_penalty', bodyName: body.name, current: true });
    // Repealed this year: still in last year's list, not in today's.
    expect((await liaison.post(`/api/v1/enforcement-list-items/${l1.id}/repeal`, { version: 1, date: `${year - 1}-01-01` })).json()).toMatchObject({ errors: [{ field: 'date' }] });
    expect((await liaison.post(`/api/v1/enforcement-list-items/${l1.id}/repeal`, { version: 9, date: `${year + 1}-01-01` })).statusCode).toBe(409);
    const repealed = await liaison.post(`/api/v1/enforcement-list-items/${l1.id}/repeal`, { version: 1, date: `${year + 1}-01-01` });
    expect(repealed.json()).toMatchObject({ repealedDate: `${year + 1}-01-01`, current: false });
    expect((await liaison.get('/api/v1/enforcement-list-items?current=true&list=no_penalty')).json().items.map((i: any) => i.title)).toEqual(['下年公布的事项']);
    const figures = (await office.get(`/api/v1/indicators?year=${year}&unit=${unit.code}`)).json().indicators;
    expect(figures).toMatchObject({ 'enforcement.list_no_penalty': 1, 'enforcement.list_lighter': 1, 'enforcement.list_mitigated': 0, 'enforcement.list_no_coercion': 0, 'enforcement.inspection_items': 2, 'enforcement.inspection_items_key': 1 });
    const next = (await office.get(`/api/v1/indicators?year=${year + 1}&unit=${unit.code}`)).json().indicators;
    expect(next['enforcement.list_no_penalty']).toBe(1);
    // Another unit: neither the items nor the item by id, nor an item under the body.
    expect((await other.agents.unit_liaison.get('/api/v1/enforcement-list-items')).json().total).toBe(0);
    expect((await other.agents.unit_liaison.get(`/api/v1/enforcement-list-items/${l1.id}`)).statusCode).toBe(404);
    expect((await other.agents.unit_liaison.put(`/api/v1/enforcement-list-items/${l1.id}`, { version: 2, list: 'lighter', title: 'x', basis: 'y' })).statusCode).toBe(404);
    expect((await other.agents.unit_liaison.post('/api/v1/enforcement-list-items', { bodyId: body.id, list: 'lighter', title: 'x', basis: 'y' })).json()).toMatchObject({ status: 400, errors: [{ field: 'bodyId' }] });
  });
});

describe('the portal', () => {
  it('publishes each body without login: its powers, its lists in force and its officers with a valid certificate — never an ID number', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root, kind: 'town' });
    const liaison = agents.unit_liaison;
    const body = await makeBody(liaison, { unitId: unit.id, name: '公示镇人民政府' });
    await liaison.post(`/api/v1/enforcement-bodies/${body.id}/powers`, { title: '对占道经营的处罚', category: 'penalty', basis: '条例', delegated: true, delegatedBy: '县城管局', delegatedDate: '2024-07-01' });
    const id = idNumber();
    const valid = await makeOfficer(liaison, { bodyId: body.id, name: '持证员', idNumber: id });
    await makeOfficer(liaison, { bodyId: body.id, name: '过期员', certificateIssuedDate: '2019-01-01', certificateValidUntil: inDays(-1) });
    const left = await makeOfficer(liaison, { bodyId: body.id, name: '离岗员' });
    await act(liaison, left.id, 'leave', { version: 1, note: '调离' });
    const item = (await liaison.post('/api/v1/enforcement-list-items', { bodyId: body.id, list: 'no_penalty', title: '首次轻微违法', basis: '第三十三条' })).json();
    const gone = (await liaison.post('/api/v1/enforcement-list-items', { bodyId: body.id, list: 'no_penalty', title: '已废止的事项', basis: '某条' })).json();
    await liaison.post(`/api/v1/enforcement-list-items/${gone.id}/repeal`, { version: 1, date: today() });
    const anonymous = (url: string) => env.app.inject({ method: 'GET', url });
    const all = await anonymous('/api/v1/public/enforcement-bodies');
    expect(all.statusCode).toBe(200);
    expect(all.json().items.find((b: any) => b.id === body.id)).toMatchObject({ name: '公示镇人民政府', town: true, powers: 1, officers: 1, listItems: 1 });
    const one = await anonymous(`/api/v1/public/enforcement-bodies/${body.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().officers).toEqual([{ name: '持证员', certificateNumber: valid.certificateNumber, validUntil: '2029-01-09', supervisor: false }]);
    expect(one.json().powers[0]).toMatchObject({ delegatedBy: '县城管局', delegatedDate: '2024-07-01' });
    expect(one.json().lists.find((l: any) => l.list === 'no_penalty').items.map((i: any) => i.id)).toEqual([item.id]);
    expect(one.body).not.toContain(id);
    expect(one.body).not.toContain(id.slice(-4) + '"');
    expect((await anonymous('/api/v1/public/enforcement-bodies/no-such-body')).statusCode).toBe(404);
  });
});
