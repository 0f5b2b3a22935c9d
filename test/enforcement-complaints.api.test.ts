// 投诉举报 and 两法衔接 over HTTP (issue 16): a complaint registered by the bureau about a body goes to
// the body's unit with the working-day reply clock; one submitted on the portal lands in the chosen
// unit, is 交办 to a body of another unit with its clock; answered in time it counts as cleared in
// time; the complainant's data sealed; a unit sees only its own. A case transferred to the public
// security organs, with its result; a transfer before the case's opening is refused naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loggedIn, makeAnnualReport, makeStaffedUnit, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { makeBody, makeOfficer } from './fixtures/enforcement.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';
import { powDigest, zeroBits } from '../src/server/kernel/public/pow.ts';

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

const ID = '11010519491231002X';
const daysAgo = (n: number) => fromDayNumber(toDayNumber(chinaToday()) - n);
const act = (agent: Agent, id: string, key: string, body: Record<string, unknown>) => agent.post(`/api/v1/workflow/enforcement_complaint/${id}/transitions/${key}`, body);
const year = Number(chinaToday().slice(0, 4));
const figures = async (unitCode: string) => (await office.get(`/api/v1/indicators?year=${year}&unit=${unitCode}`)).json().indicators;

let ipSeq = 0;
const newIp = () => `10.${(process.pid % 200) + 1}.77.${++ipSeq}`;
const publicRequest = (ip: string, method: 'GET' | 'POST', url: string, payload?: object) => env.app.inject({ method, url, remoteAddress: ip, ...(payload ? { payload } : {}) });
async function solved(ip: string) {
  const { challenge, bits } = (await publicRequest(ip, 'GET', '/api/v1/public/challenge')).json();
  for (let n = 0; ; n++) if (zeroBits(powDigest(challenge, String(n))) >= bits) return { challenge, nonce: String(n) };
}

describe('a complaint about enforcement', () => {
  it('registered by the bureau goes to the body\'s unit, runs the reply clock in working days, and answered in time counts as cleared in time', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const other = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const body = await makeBody(agents.unit_liaison, { unitId: unit.id });
    const created = await office.post('/api/v1/enforcement-complaints', { receivedDate: daysAgo(3), kind: 'complaint', bodyId: body.id, complainantName: '赵某', complainantIdNumber: ID, complainantPhone: '13800138000', content: '执法人员检查时未出示执法证件', channel: 'window' });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ status: 'received', unitId: unit.id, bodyName: body.name, complainantIdNumber: '110***********002X', onTime: null });
    expect(c.complainantPhone).not.toContain('0013');
    const rule = (await office.get('/api/v1/deadline-rules')).json().items.find((r: any) => r.code === 'enforcement.complaint_reply');
    expect(rule).toMatchObject({ period: 15, unit: 'working_days' });
    const expected = (await office.get(`/api/v1/calendar/deadline?rule=enforcement.complaint_reply&from=${daysAgo(3)}`)).json();
    expect(c.due).toBe(expected.due);
    // The body's unit sees and answers it; another unit neither reads it nor finds it.
    expect((await agents.unit_liaison.get(`/api/v1/enforcement-complaints/${c.id}`)).statusCode).toBe(200);
    expect((await other.agents.unit_liaison.get(`/api/v1/enforcement-complaints/${c.id}`)).statusCode).toBe(404);
    expect((await other.agents.unit_liaison.get('/api/v1/enforcement-complaints?pageSize=200')).body).not.toContain(c.id);
    expect((await act(other.agents.unit_liaison, c.id, 'reply', { version: 1, values: { result: 'unsubstantiated', replyContent: '经核查不属实' } })).statusCode).toBe(404);
    // The sealed data in full only through the audited route (the law office's).
    expect((await agents.unit_liaison.post(`/api/v1/enforcement-complaints/${c.id}/unmask`, { field: 'phone' })).statusCode).toBe(403);
    const unmasked = await office.post(`/api/v1/enforcement-complaints/${c.id}/unmask`, { field: 'phone' });
    expect(unmasked.statusCode, unmasked.body).toBe(200);
    expect(unmasked.json().value).toBe('13800138000');
    expect((await env.platform.db.selectFrom('audit_log').select('action').where('target_id', '=', c.id).where('action', '=', 'pii.unmask').execute()).length).toBe(1);
    const early = await act(agents.unit_liaison, c.id, 'reply', { version: 1, date: daysAgo(4), values: { result: 'partly', replyContent: '已责令改正' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('date');
    const noResult = await act(agents.unit_liaison, c.id, 'reply', { version: 1, values: { replyContent: '已责令改正' } });
    expect(noResult.statusCode).toBe(400);
    expect(noResult.json().detail).toContain('核查结果');
    const replied = await act(agents.unit_liaison, c.id, 'reply', { version: 1, date: daysAgo(1), values: { result: 'partly', replyContent: '部分属实，已责令执法人员规范亮证执法' } });
    expect(replied.statusCode, replied.body).toBe(200);
    const after = (await agents.unit_liaison.get(`/api/v1/enforcement-complaints/${c.id}`)).json();
    expect(after).toMatchObject({ status: 'replied', replyDate: daysAgo(1), result: 'partly', onTime: true, due: null });
    if (daysAgo(3).startsWith(String(year))) {
      expect(await figures(unit.code)).toMatchObject({ 'enforcement.complaints': 1, 'enforcement.complaints_replied': 1, 'enforcement.complaints_on_time': 1, 'enforcement.complaints_on_time_rate': 1 });
    }
  });

  it('submitted on the portal lands in the chosen unit with its clock, and is assigned (交办) to a body of another unit, the clock going with it', async () => {
    const bureau = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const target = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    await makeBody(office, { unitId: bureau.unit.id });
    const body = await makeBody(office, { unitId: target.unit.id });
    const ip = newIp();
    const form = (await publicRequest(ip, 'GET', '/api/v1/public/forms/enforcement-complaint')).json();
    expect(form).toMatchObject({ title: '行政执法投诉举报' });
    expect(form.unit.choices.map((u: any) => u.id)).toContain(bureau.unit.id);
    expect(form.periods[0]).toMatchObject({ ruleName: '行政执法投诉举报答复' });
    const bad = await publicRequest(ip, 'POST', '/api/v1/public/forms/enforcement-complaint/submissions', { unitId: bureau.unit.id, kind: 'report', complainantName: '钱某', content: '执法人员吃拿卡要', consent: true, pow: await solved(ip) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('complainantPhone');
    const submitted = await publicRequest(ip, 'POST', '/api/v1/public/forms/enforcement-complaint/submissions', { unitId: bureau.unit.id, kind: 'report', complainantName: '钱某', complainantPhone: '13900139000', content: '执法人员吃拿卡要', consent: true, pow: await solved(ip) });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const list = (await bureau.agents.unit_liaison.get('/api/v1/enforcement-complaints?q=吃拿卡要')).json();
    expect(list.total).toBe(1);
    const c = list.items[0];
    expect(c).toMatchObject({ channel: 'online', kind: 'report', unitId: bureau.unit.id, bodyId: null, receivedDate: chinaToday(), complainantPhone: expect.stringContaining('****') });
    const due = c.due;
    expect(due).toBeTruthy();
    // Evidence the bureau files before passing it on.
    const evidence = await bureau.agents.unit_liaison.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('核查记录.txt', '已电话联系举报人。', { recordType: 'enforcement_complaint', recordId: c.id }) });
    expect(evidence.statusCode, evidence.body).toBe(201);
    // 交办: the complaint and its clock go to the body's unit; the period runs on.
    const badAssign = await bureau.agents.unit_liaison.post(`/api/v1/enforcement-complaints/${c.id}/assign`, { version: c.version, bodyId: body.id });
    expect(badAssign.statusCode).toBe(400);
    expect(badAssign.json().errors[0].field).toBe('bodyId');
    const assigned = await office.post(`/api/v1/enforcement-complaints/${c.id}/assign`, { version: c.version, bodyId: body.id });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect(assigned.json()).toMatchObject({ unitId: target.unit.id, bodyId: body.id, due });
    expect((await bureau.agents.unit_liaison.get(`/api/v1/enforcement-complaints/${c.id}`)).statusCode).toBe(404);
    const clock = await env.platform.db.selectFrom('clocks').select('unit_id').where('record_type', '=', 'enforcement_complaint').where('record_id', '=', c.id).executeTakeFirstOrThrow();
    expect(clock.unit_id).toBe(target.unit.id);
    // What is kept beside it goes too: the bureau no longer reads the evidence or the citizen's submission, nor sends them anything; the body's unit does.
    const files = `/api/v1/attachments?recordType=enforcement_complaint&recordId=${c.id}`;
    const card = `/api/v1/public-submissions?recordType=enforcement_complaint&recordId=${c.id}`;
    expect((await bureau.agents.unit_liaison.get(files)).json().items).toEqual([]);
    expect((await bureau.agents.unit_liaison.get(`/api/v1/attachments/${evidence.json().id}/download`)).statusCode).toBe(404);
    expect((await bureau.agents.unit_liaison.get(card)).statusCode).toBe(404);
    expect((await bureau.agents.unit_liaison.post(`/api/v1/public-submissions/${(await env.platform.db.selectFrom('public_submissions').select('id').where('record_id', '=', c.id).executeTakeFirstOrThrow()).id}/releases`, { attachmentId: evidence.json().id })).statusCode).toBe(404);
    expect((await target.agents.unit_liaison.get(files)).json().items.map((f: any) => f.filename)).toEqual(['核查记录.txt']);
    expect((await target.agents.unit_liaison.get(`/api/v1/attachments/${evidence.json().id}/download`)).statusCode).toBe(200);
    expect((await target.agents.unit_liaison.get(card)).json().submission).toMatchObject({ form: '行政执法投诉举报' });
    // The citizen tracks it.
    const tracked = await publicRequest(ip, 'POST', '/api/v1/public/track', { code: submitted.json().code, secret: submitted.json().secret });
    expect(tracked.json()).toMatchObject({ status: '办理中', clocks: [{ label: '答复期限', due }] });
  });

  it('bad input names the field and saves nothing', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison', 'enforcement_officer'] as const, { parent: root });
    const other = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const otherBody = await makeBody(other.agents.unit_liaison, { unitId: other.unit.id });
    const base = { receivedDate: daysAgo(1), kind: 'complaint', unitId: unit.id, complainantName: '孙某', content: '坏输入投诉', channel: 'phone' };
    const cases: [Record<string, unknown>, string][] = [
      [{ receivedDate: daysAgo(-3) }, 'receivedDate'],
      [{ kind: 'rumour' }, 'kind'],
      [{ unitId: undefined }, 'unitId'],
      [{ bodyId: otherBody.id }, 'bodyId'],
      [{ complainantPhone: '123' }, 'complainantPhone'],
      [{ complainantIdNumber: '110105194912310021' }, 'complainantIdNumber'],
      [{ content: '' }, 'content'],
      [{ channel: 'pigeon' }, 'channel'],
    ];
    for (const [extra, field] of cases) {
      const res = await agents.unit_liaison.post('/api/v1/enforcement-complaints', { ...base, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().errors[0].field, JSON.stringify(extra)).toBe(field);
    }
    // An officer reads but does not register complaints.
    expect((await agents.enforcement_officer.post('/api/v1/enforcement-complaints', base)).statusCode).toBe(403);
    expect((await office.get('/api/v1/enforcement-complaints?q=坏输入投诉')).json().total).toBe(0);
  });
});

describe('a criminal transfer (两法衔接)', () => {
  it('records the receiving organ, date and result; refuses a date before the opening, a second transfer and another unit', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['enforcement_officer', 'unit_liaison'] as const, { parent: root });
    const other = await makeStaffedUnit(env, ['enforcement_officer'] as const, { parent: root });
    const body = await makeBody(agents.unit_liaison, { unitId: unit.id });
    const officers = [await makeOfficer(agents.unit_liaison, { bodyId: body.id }), await makeOfficer(agents.unit_liaison, { bodyId: body.id })];
    const opened = await agents.enforcement_officer.post('/api/v1/enforcement-cases', { bodyId: body.id, kind: 'penalty', partyKind: 'organisation', partyName: '示范县某某食品厂', cause: '生产有毒有害食品', openedDate: daysAgo(20), officerIds: officers.map((o) => o.id) });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().id;
    const early = await agents.enforcement_officer.post('/api/v1/enforcement-transfers', { caseId, organ: '示范县公安局', transferDate: daysAgo(21) });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'transferDate' });
    expect(early.json().detail).toContain('移送日期');
    expect((await other.agents.enforcement_officer.post('/api/v1/enforcement-transfers', { caseId, organ: '示范县公安局', transferDate: daysAgo(5) })).json().errors[0].field).toBe('caseId');
    expect((await agents.enforcement_officer.post('/api/v1/enforcement-transfers', { caseId, organ: '', transferDate: daysAgo(5) })).json().errors[0].field).toBe('organ');
    expect((await agents.enforcement_officer.post('/api/v1/enforcement-transfers', { caseId, organ: '示范县公安局', transferDate: daysAgo(-1) })).json().errors[0].field).toBe('transferDate');
    const created = await agents.enforcement_officer.post('/api/v1/enforcement-transfers', { caseId, organ: '示范县公安局', transferDate: daysAgo(5), suspectedCrime: '生产、销售有毒、有害食品罪' });
    expect(created.statusCode, created.body).toBe(201);
    const t = created.json();
    expect(t).toMatchObject({ result: 'pending', unitId: unit.id, caseTitle: '生产有毒有害食品', bodyName: body.name });
    const again = await agents.enforcement_officer.post('/api/v1/enforcement-transfers', { caseId, organ: '示范县公安局', transferDate: daysAgo(4) });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('caseId');
    expect((await other.agents.enforcement_officer.get(`/api/v1/enforcement-transfers/${t.id}`)).statusCode).toBe(404);
    // The organ's result: not before the transfer.
    const badResult = await agents.enforcement_officer.post(`/api/v1/enforcement-transfers/${t.id}/result`, { version: t.version, result: 'filed', resultDate: daysAgo(6) });
    expect(badResult.json().errors[0].field).toBe('resultDate');
    const result = await agents.enforcement_officer.post(`/api/v1/enforcement-transfers/${t.id}/result`, { version: t.version, result: 'filed', resultDate: daysAgo(2), resultNote: '公安机关已立案侦查' });
    expect(result.statusCode, result.body).toBe(201);
    expect(result.json()).toMatchObject({ result: 'filed', resultDate: daysAgo(2), version: t.version + 1 });
    expect((await agents.enforcement_officer.get(`/api/v1/enforcement-transfers?caseId=${caseId}`)).json().total).toBe(1);
    if (daysAgo(5).startsWith(String(year))) expect((await figures(unit.code))['enforcement.transfers']).toBe(1);
    // The unit's annual report drafts its 严格规范公正文明执法 paragraph with the cases, complaints and transfers.
    const report = await makeAnnualReport(office, { unitId: unit.id, year });
    const section = report.sections.find((x: any) => x.key === 'measures.enforcement');
    for (const code of ['enforcement.cases', 'enforcement.cases_major', 'enforcement.complaints', 'enforcement.transfers']) expect(section.html).toContain(code);
  });
});

describe('执法评议 on a supervision action', () => {
  it('records the bureau\'s rating, refuses bad dates and a 不合格 without reasons, counts the figures; the body reads but does not rate', async () => {
    const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: root });
    const body = await makeBody(agents.unit_liaison, { unitId: unit.id });
    const s = (await office.post('/api/v1/enforcement-supervisions', { title: '年度执法评议', kind: 'routine', bodyId: body.id, startDate: daysAgo(10) })).json();
    const rate = (agent: Agent, values: Record<string, unknown>) => agent.post(`/api/v1/enforcement-supervisions/${s.id}/evaluation`, { version: s.version, evaluationDate: daysAgo(2), evaluationResult: 'good', ...values });
    expect((await rate(agents.unit_liaison, {})).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string][] = [
      [{ evaluationDate: daysAgo(11) }, 'evaluationDate'],
      [{ evaluationDate: daysAgo(-1) }, 'evaluationDate'],
      [{ evaluationResult: 'superb' }, 'evaluationResult'],
      [{ evaluationResult: 'fail' }, 'evaluationNote'],
    ];
    for (const [extra, field] of cases) {
      const res = await rate(office, extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().errors[0].field, JSON.stringify(extra)).toBe(field);
    }
    const failed = await rate(office, { evaluationResult: 'fail', evaluationNote: '执法文书不规范，全过程记录缺失' });
    expect(failed.statusCode, failed.body).toBe(201);
    expect(failed.json()).toMatchObject({ evaluationResult: 'fail', evaluationDate: daysAgo(2), version: s.version + 1 });
    expect((await agents.unit_liaison.get(`/api/v1/enforcement-supervisions/${s.id}`)).json()).toMatchObject({ evaluationResult: 'fail', evaluationNote: '执法文书不规范，全过程记录缺失' });
    if (daysAgo(2).startsWith(String(year))) expect(await figures(unit.code)).toMatchObject({ 'enforcement.evaluations': 1, 'enforcement.evaluations_failed': 1 });
  });
});
