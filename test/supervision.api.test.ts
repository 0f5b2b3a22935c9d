// Inspections and findings over HTTP: who may do what, the closed rectification loop, the problem
// pool, escalation to a supervision notice, imports with dates out of order, indicators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, attach, createTestEnv, loggedIn, makeFinding, makeInspection, makeStaffedUnit, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';
import { runDailyJob } from '../src/server/kernel/workflow/daily.ts';

let env: TestEnv;
let office: Agent;
let inspector: Agent;
let liaisonA: Agent;
let headA: Agent;
let liaisonB: Agent;
let unitA: { id: string; code: string };
let unitB: { id: string; code: string };
let inspectionId: string;
let root: Awaited<ReturnType<typeof makeUnit>>;
const day = (offset: number) => fromDayNumber(toDayNumber(chinaToday()) + offset);
const year = Number(day(-30).slice(0, 4));

beforeAll(async () => {
  env = await createTestEnv();
  root = await makeUnit(env.platform, { kind: 'county' });
  const justice = await makeUnit(env.platform, { parent: root, name: '司法局' });
  unitA = await makeUnit(env.platform, { parent: root, name: '教育局', code: `SA${Date.now() % 100000}` });
  unitB = await makeUnit(env.platform, { parent: root, name: '卫健局', code: `SB${Date.now() % 100000}` });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  inspector = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['inspector'] })).username);
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  headA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_head'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB as any, roles: ['unit_liaison'] })).username);
  const res = await inspector.post('/api/v1/inspections', {
    title: '执法督察',
    kind: 'onsite',
    date: day(-30),
    targetUnitIds: [unitA.id, unitB.id],
    inspectors: '李督察',
    checklist: [{ item: '执法公示', kind: 'required' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  inspectionId = res.json().id;
});
afterAll(() => env.close());

const newFinding = (extra: Record<string, unknown> = {}) =>
  inspector.post('/api/v1/findings', { inspectionId, unitId: unitA.id, description: '执法记录不完整', severity: 'general', dueDate: day(10), ...extra });
const act = (agent: Agent, id: string, key: string, body: Record<string, unknown>) => agent.post(`/api/v1/workflow/finding/${id}/transitions/${key}`, body);

describe('inspections and findings', () => {
  it('only the law office and inspectors plan inspections and record findings; units see their own', async () => {
    expect((await liaisonA.post('/api/v1/inspections', { title: 'x', kind: 'written', date: day(0), targetUnitIds: [unitA.id], inspectors: 'x' })).statusCode).toBe(403);
    expect((await liaisonA.post('/api/v1/findings', { inspectionId, unitId: unitA.id, description: 'x', severity: 'general', dueDate: day(5) })).statusCode).toBe(403);
    const f = (await newFinding()).json();
    expect(f).toMatchObject({ status: 'open', unitName: '教育局', light: 'green' });
    expect(f.clocks[0]).toMatchObject({ key: 'rectify', due: day(10) });
    expect((await liaisonA.get(`/api/v1/findings/${f.id}`)).statusCode).toBe(200);
    expect((await liaisonB.get(`/api/v1/findings/${f.id}`)).statusCode).toBe(404);
    expect((await liaisonB.get('/api/v1/findings')).json().items.map((x: any) => x.id)).not.toContain(f.id);
    expect((await act(liaisonB, f.id, 'rectify', { version: 1, values: { measures: 'x' } })).statusCode).toBe(404);
    // Unit B sees the inspection it was a target of, but not unit A's findings in its counts.
    const seen = (await liaisonB.get(`/api/v1/inspections/${inspectionId}`)).json();
    expect(seen.findingCount).toBe(0);
  });

  it('closes a finding only through rectification with evidence and a verification; a major one needs an interview', async () => {
    const f = (await newFinding({ severity: 'major', description: '重大执法决定未经法制审核' })).json();
    const problems = (await headA.get('/api/v1/problems?status=open')).json().items;
    expect(problems.find((p: any) => p.link === `/findings/${f.id}`)).toMatchObject({ sourceLabel: '督察发现', severity: 'major', status: 'open' });

    expect((await act(liaisonA, f.id, 'verify', { version: 1, values: { followupResult: 'x' } })).statusCode).toBe(403);
    expect((await act(inspector, f.id, 'verify', { version: 1, values: { followupResult: 'x' } })).statusCode).toBe(409);
    const noEvidence = await act(liaisonA, f.id, 'rectify', { version: 1, values: { measures: '已补充审核' } });
    expect(noEvidence.statusCode).toBe(409);
    await liaisonA.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('整改.txt', '整改报告', { recordType: 'finding', recordId: f.id }) });
    const rectified = await act(liaisonA, f.id, 'rectify', { version: 1, values: { measures: '已补充审核' } });
    expect(rectified.statusCode, rectified.body).toBe(200);
    expect(rectified.json().clocks[0].status).toBe('paused');

    const reopened = await act(inspector, f.id, 'reopen', { version: 2, note: '仍有2件未审核' });
    expect(reopened.json()).toMatchObject({ status: 'reopened' });
    await act(liaisonA, f.id, 'rectify', { version: 3, values: { measures: '全部补充审核' } });
    const blocked = await act(inspector, f.id, 'verify', { version: 4, values: { followupResult: '已核查' } });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toContain('约谈');

    expect((await liaisonA.post(`/api/v1/findings/${f.id}/interviews`, { heldOn: day(0), interviewee: '局长', conductedBy: '法治办', notes: 'x' })).statusCode).toBe(403);
    const badDate = await inspector.post(`/api/v1/findings/${f.id}/interviews`, { heldOn: day(-40), interviewee: '局长', conductedBy: '法治办', notes: 'x' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().detail).toContain('约谈日期');
    const interview = await inspector.post(`/api/v1/findings/${f.id}/interviews`, { heldOn: day(-1), interviewee: '教育局局长', conductedBy: '县法治办主任', notes: '要求限期整改' });
    expect(interview.statusCode, interview.body).toBe(201);
    const { version } = interview.json();
    const verified = await act(inspector, f.id, 'verify', { version, values: { followupResult: '回头看：全部补充审核，整改到位' } });
    expect(verified.statusCode, verified.body).toBe(200);
    const done = (await liaisonA.get(`/api/v1/findings/${f.id}`)).json();
    expect(done).toMatchObject({ status: 'verified', verifiedDate: chinaToday(), rectifiedDate: chinaToday(), followupResult: '回头看：全部补充审核，整改到位' });
    expect(done.interviews).toHaveLength(1);
    const closed = (await office.get('/api/v1/problems?status=closed')).json().items;
    const mine = closed.find((p: any) => p.link === `/findings/${f.id}`);
    expect(mine).toMatchObject({ closableByHand: false });
    // A finding's problem closes only through its own verification.
    const pending = (await newFinding({ description: '尚未整改的问题' })).json();
    const open = (await office.get('/api/v1/problems?status=open')).json().items.find((p: any) => p.link === `/findings/${pending.id}`);
    expect(open).toMatchObject({ sourceLabel: '督察发现', status: 'open' });
    expect((await office.post(`/api/v1/problems/${open.id}/close`, { note: 'x' })).statusCode).toBe(409);
  });

  it('refuses bad findings naming the field', async () => {
    const other = await makeUnit(env.platform, { name: '非对象单位' });
    for (const [body, text] of [
      [{ unitId: other.id }, '不是该次督察的对象单位'],
      [{ dueDate: day(-40) }, '不能早于督察日期'],
      [{ inspectionId: 'nope' }, '所属督察'],
      [{ severity: 'huge' }, 'severity'],
      [{ description: '' }, '问题描述'],
    ] as const) {
      const res = await newFinding(body as Record<string, unknown>);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(text);
    }
  });

  it('an overdue finding escalates with a supervision notice the unit can read', async () => {
    const f = (await newFinding({ description: '逾期未整改的问题', dueDate: day(-29) })).json();
    expect(f.light).toBe('red');
    await runDailyJob(env.platform, chinaToday(), { force: true });
    const notices = (await liaisonA.get('/api/v1/notices?kind=supervision')).json().items;
    const notice = notices.find((n: any) => n.findingId === f.id);
    expect(notice).toMatchObject({ kind: 'supervision', unitName: '教育局', level: 2 });
    expect((await liaisonB.get('/api/v1/notices?kind=supervision')).json().items.some((n: any) => n.findingId === f.id)).toBe(false);
    expect((await liaisonA.post('/api/v1/notices', { kind: 'circular', title: 'x', content: 'x', issuedDate: day(0) })).statusCode).toBe(403);
    const circular = await office.post('/api/v1/notices', { kind: 'circular', title: '督察情况通报', content: '通报内容', issuedDate: day(0), inspectionId });
    expect(circular.statusCode, circular.body).toBe(201);
    expect((await liaisonB.get('/api/v1/notices?kind=circular')).json().items.map((n: any) => n.title)).toContain('督察情况通报');
    const bad = await office.post('/api/v1/notices', { kind: 'supervision', title: 'x', content: 'x', issuedDate: day(0) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('相关问题');
  });
});

describe('imports and indicators', () => {
  it('imports inspections and findings; dates out of order and unknown refs are refused by row', async () => {
    const inspections = `ref,organiserCode,title,kind,date,targetUnitCodes\nIMP-I,${unitA.code},导入督察,书面,${year}-03-01,${unitA.code};${unitB.code}\n`;
    const i = await office.request({ method: 'POST', url: '/api/v1/imports/inspections', ...multipart('i.csv', inspections) });
    expect(i.statusCode, i.body).toBe(200);
    const bad = [
      { ref: 'IMP-F1', inspectionRef: 'IMP-I', unitCode: unitA.code, description: 'd', severity: '一般', dueDate: `${year}-04-01`, status: 'verified', rectifiedDate: `${year}-03-20`, verifiedDate: `${year}-03-10` },
      { ref: 'IMP-F2', inspectionRef: 'NOPE', unitCode: unitA.code, description: 'd', severity: '一般', dueDate: `${year}-04-01` },
      { ref: 'IMP-F3', inspectionRef: 'IMP-I', unitCode: 'NOPE', description: 'd', severity: '一般', dueDate: `${year}-04-01` },
      { ref: 'IMP-F4', inspectionRef: 'IMP-I', unitCode: unitA.code, description: 'd', severity: '严重', dueDate: `${year}-04-01` },
      { ref: 'IMP-F5', inspectionRef: 'IMP-I', unitCode: unitA.code, description: 'd', severity: 'general', dueDate: `${year}-04-01`, status: 'rectified' },
    ].map((r) => JSON.stringify(r)).join('\n');
    const failed = await office.request({ method: 'POST', url: '/api/v1/imports/findings', ...multipart('f.jsonl', bad) });
    expect(failed.statusCode).toBe(422);
    const errors = failed.json().errors.map((e: any) => `${e.row}|${e.column}|${e.message}`);
    expect(errors.some((e: string) => e.startsWith('1|核查日期') && e.includes('不能早于整改完成日期'))).toBe(true);
    expect(errors.some((e: string) => e.startsWith('2|督察编号'))).toBe(true);
    expect(errors.some((e: string) => e.startsWith('3|责任单位编码'))).toBe(true);
    expect(errors.some((e: string) => e.startsWith('4|严重程度'))).toBe(true);
    expect(errors.some((e: string) => e.startsWith('5|整改完成日期'))).toBe(true);

    const good = [
      { ref: 'IMP-F1', inspectionRef: 'IMP-I', unitCode: unitA.code, description: '导入问题一', severity: '一般', dueDate: `${year}-04-01`, status: '已核查', rectifiedDate: `${year}-03-20`, verifiedDate: `${year}-03-25` },
      { ref: 'IMP-F2', inspectionRef: 'IMP-I', unitCode: unitB.code, description: '导入问题二', severity: '重大', dueDate: `${year}-04-01`, status: 'rectifying' },
    ].map((r) => JSON.stringify(r)).join('\n');
    const ok = await office.request({ method: 'POST', url: '/api/v1/imports/findings', ...multipart('f.jsonl', good) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 2 });
    const pool = (await office.get(`/api/v1/problems?unitId=${unitB.id}&status=open`)).json().items;
    expect(pool.some((p: any) => p.title === '导入问题二')).toBe(true);
  });

  it('computes the supervision figures with their records', async () => {
    // Units of the test's own under an inspection of its own: unit X has one finding verified
    // after an interview and one still open; unit Y has one that is not X's.
    const x = await makeStaffedUnit(env, ['unit_liaison', 'unit_head'] as const, { parent: root, name: '交通局' });
    const y = await makeUnit(env.platform, { parent: root, name: '水利局' });
    const inspection = await makeInspection(inspector, { date: day(-30), targetUnitIds: [x.unit.id, y.id] });
    const done = await makeFinding(inspector, { inspectionId: inspection.id, unitId: x.unit.id, severity: 'major', dueDate: day(10) });
    await attach(x.agents.unit_liaison, 'finding', done.id, '整改报告.txt');
    await advance(x.agents.unit_liaison, 'finding', done.id, 'rectify', { version: 1, values: { measures: '已整改' } });
    const interview = await inspector.post(`/api/v1/findings/${done.id}/interviews`, { heldOn: day(-30), interviewee: '交通局局长', conductedBy: '县法治办', notes: '约谈' });
    expect(interview.statusCode, interview.body).toBe(201);
    await advance(inspector, 'finding', done.id, 'verify', { version: interview.json().version, values: { followupResult: '整改到位' } });
    await makeFinding(inspector, { inspectionId: inspection.id, unitId: x.unit.id, dueDate: day(10) });
    await makeFinding(inspector, { inspectionId: inspection.id, unitId: y.id, dueDate: day(10) });

    // The county's figures are the records of the year, whatever else the file made.
    const figures = (await office.get(`/api/v1/indicators?year=${year}`)).json().indicators;
    const findings = await env.platform.db.selectFrom('findings as f').innerJoin('inspections as i', 'i.id', 'f.inspection_id').select('f.status').where('i.date', '>=', `${year}-01-01`).where('i.date', '<=', `${year}-12-31`).execute();
    const verified = findings.filter((f) => f.status === 'verified').length;
    expect(verified).toBeGreaterThan(0);
    expect(figures['inspections.findings']).toBe(findings.length);
    expect(figures['inspections.rectified']).toBe(verified);
    expect(figures['inspections.rectification_rate']).toBeCloseTo(verified / findings.length, 10);
    expect(figures['inspections.count']).toBe((await env.platform.db.selectFrom('inspections').select('id').where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).execute()).length);
    expect(figures['inspections.interviews']).toBe((await env.platform.db.selectFrom('interviews').select('id').where('held_on', '>=', `${year}-01-01`).where('held_on', '<=', `${year}-12-31`).execute()).length);
    const records = (await office.get(`/api/v1/indicators/inspections.rectified/records?year=${year}`)).json();
    expect(records.total).toBe(verified);
    // Unit X's figures are exactly its own: unit Y's finding is not X's.
    const unitFigures = (await x.agents.unit_head.get(`/api/v1/indicators?year=${year}`)).json().indicators;
    expect(unitFigures).toMatchObject({ 'inspections.findings': 2, 'inspections.rectified': 1, 'inspections.rectification_rate': 0.5, 'inspections.interviews': 1 });
    const unitRecords = (await x.agents.unit_head.get(`/api/v1/indicators/inspections.rectified/records?year=${year}`)).json();
    expect(unitRecords.items.map((r: any) => r.link)).toEqual([`/findings/${done.id}`]);
  });
});
