// Inspections and findings over HTTP: who may do what, the closed rectification loop, the problem
// pool, escalation to a supervision notice, imports with dates out of order, indicators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
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
    // The failed rectification's date goes with it: the finding no longer reads as rectified on that day.
    expect((await inspector.get(`/api/v1/findings/${f.id}`)).json()).toMatchObject({ status: 'reopened', rectifiedDate: null });
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

  it('a finding has one light: the same in the ledger, on its page and in 我的待办', async () => {
    const made = await Promise.all([day(-3), day(1), day(40)].map(async (dueDate) => (await newFinding({ description: `一灯一期 ${dueDate}`, dueDate })).json()));
    const ledger = (await liaisonA.get(`/api/v1/findings?inspectionId=${inspectionId}&pageSize=200`)).json().items;
    const todo = (await liaisonA.get('/api/v1/todo')).json().items;
    const lights = [];
    for (const finding of made) {
      const page = (await liaisonA.get(`/api/v1/findings/${finding.id}`)).json();
      const listed = ledger.find((f: any) => f.id === finding.id);
      const waiting = todo.find((i: any) => i.id === finding.id);
      expect([listed.light, page.clocks[0].light, waiting.clock.light]).toEqual([page.light, page.light, page.light]);
      expect(waiting.clock.due).toBe(page.clocks[0].due);
      expect(listed.overdue).toBe(page.light === 'red');
      lights.push(page.light);
    }
    expect(lights).toEqual(['red', 'yellow', 'green']);
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
    // A circular's page reads for every unit, its timeline too; another unit's supervision notice does not.
    expect((await liaisonB.get(`/api/v1/notices/${circular.json().id}`)).statusCode).toBe(200);
    expect((await liaisonB.get(`/api/v1/workflow/notice/${circular.json().id}`)).statusCode).toBe(200);
    expect((await liaisonB.get(`/api/v1/notices/${notice.id}`)).statusCode).toBe(404);
    expect((await liaisonB.get(`/api/v1/workflow/notice/${notice.id}`)).statusCode).toBe(404);
    // The circular's Word document (its evidence) is read by every unit too, who add nothing to it;
    // the law office's own page of it stays its own to handle.
    const printed = (await office.post(`/api/v1/documents/notice/${circular.json().id}/circular`)).json();
    expect((await office.get(`/api/v1/workflow/notice/${circular.json().id}`)).json().readOnly).toBe(false);
    expect((await liaisonB.get(`/api/v1/workflow/notice/${circular.json().id}`)).json().readOnly).toBe(true);
    const evidence = (await liaisonB.get(`/api/v1/attachments?recordType=notice&recordId=${circular.json().id}`)).json().items;
    expect(evidence.map((a: any) => a.id)).toContain(printed.attachmentId);
    for (const a of evidence) expect((await liaisonB.get(`/api/v1/attachments/${a.id}/download`)).statusCode).toBe(200);
    expect((await liaisonB.post(`/api/v1/documents/notice/${circular.json().id}/circular`)).statusCode).toBe(404);
    // The 督办单's evidence stays its unit's.
    const supervisionDoc = (await office.post(`/api/v1/documents/notice/${notice.id}/supervision_notice`)).json();
    expect((await liaisonB.get(`/api/v1/attachments?recordType=notice&recordId=${notice.id}`)).json().items).toEqual([]);
    expect((await liaisonB.get(`/api/v1/attachments/${supervisionDoc.attachmentId}/download`)).statusCode).toBe(404);
    expect((await liaisonA.get(`/api/v1/attachments/${supervisionDoc.attachmentId}/download`)).statusCode).toBe(200);
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

  it('an imported row goes through the inspection and finding commands: the API\'s refusals, its version and audit, the clock following the due date', async () => {
    const upload = (type: string, rows: Record<string, string>[]) => office.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart(`${type}.jsonl`, rows.map((r) => JSON.stringify(r)).join('\n')) });
    const tag = `CMD${Date.now() % 100000}`;
    const other = await makeUnit(env.platform, { parent: root, name: '非对象局' });
    const inspection = { ref: `${tag}-I`, organiserCode: unitA.code, title: '导入督察', kind: '书面', date: day(-20), targetUnitCodes: `${unitA.code};${unitB.code}` };
    expect((await upload('inspections', [inspection])).json()).toMatchObject({ created: 1 });
    const { id } = await env.platform.db.selectFrom('inspections').select('id').where('ref', '=', `${tag}-I`).executeTakeFirstOrThrow();
    const row = { ref: `${tag}-F`, inspectionRef: `${tag}-I`, unitCode: unitB.code, description: '导入问题', severity: '一般', dueDate: day(20) };
    expect((await upload('findings', [row])).json()).toMatchObject({ created: 1 });
    const f = await env.platform.db.selectFrom('findings').select('id').where('ref', '=', `${tag}-F`).executeTakeFirstOrThrow();

    // No target unit at all (only separators in the cell): refused as the API refuses an empty list.
    const none = await upload('inspections', [{ ...inspection, ref: `${tag}-I0`, targetUnitCodes: ';' }]);
    const apiNone = await office.post('/api/v1/inspections', { title: 'x', kind: 'written', date: day(-20), inspectors: 'x', targetUnitIds: [] });
    expect(apiNone.statusCode).toBe(400);
    expect(none.json().errors).toEqual([{ row: 1, column: '督察对象单位编码（targetUnitCodes）', message: apiNone.json().detail }]);
    // Dropping the finding's unit from the targets: the file gets the edit's refusal, word for word.
    const put = await office.put(`/api/v1/inspections/${id}`, { title: '导入督察', kind: 'written', date: day(-20), inspectors: '（导入）', targetUnitIds: [unitA.id], version: 1 });
    expect(put.statusCode).toBe(400);
    const dropped = await upload('inspections', [{ ...inspection, targetUnitCodes: unitA.code }]);
    expect(dropped.json().errors).toEqual([{ row: 1, column: '督察对象单位编码（targetUnitCodes）', message: put.json().detail }]);
    // A new title: one edit, audited as the API's, the inspectors and checklist kept.
    expect((await upload('inspections', [{ ...inspection, title: '导入督察（改）' }])).json()).toMatchObject({ updated: 1 });
    const audited = await env.platform.db.selectFrom('audit_log').select('action').where('target_id', '=', id).orderBy('seq').execute();
    expect(audited.map((a) => a.action)).toEqual(['inspection.create', 'inspection.update']);
    expect((await office.get(`/api/v1/inspections/${id}`)).json()).toMatchObject({ title: '导入督察（改）', inspectors: '（导入）', version: 2, targets: [{}, {}] });

    // A unit that is not a target: the same refusal as recording the finding through the API.
    const api = await office.post('/api/v1/findings', { inspectionId: id, unitId: other.id, description: 'x', severity: 'general', dueDate: day(20) });
    expect(api.statusCode).toBe(400);
    const moved = await upload('findings', [{ ...row, unitCode: other.code }]);
    expect(moved.json().errors).toEqual([{ row: 1, column: '责任单位编码（unitCode）', message: api.json().detail }]);
    // A new due date moves the rectification clock: the ledger's date, its light and the clock agree.
    expect((await upload('findings', [{ ...row, dueDate: day(-15) }])).json()).toMatchObject({ updated: 1 });
    const late = (await office.get(`/api/v1/findings/${f.id}`)).json();
    const recorded = (await office.post('/api/v1/findings', { inspectionId: id, unitId: unitB.id, description: '同日到期', severity: 'general', dueDate: day(-15) })).json();
    expect(late).toMatchObject({ dueDate: day(-15), light: 'red', overdue: true, version: 2, clocks: [{ due: recorded.clocks[0].due, light: 'red' }] });
    expect((await office.get(`/api/v1/findings?overdue=true&inspectionId=${id}`)).json().items.map((x: any) => x.id).sort()).toEqual([f.id, recorded.id].sort());
    // Verified by the file: the clock stops and the problem pool closes the entry.
    expect((await upload('findings', [{ ...row, dueDate: day(-15), status: '已核查', rectifiedDate: day(-5), verifiedDate: day(-1) }])).json()).toMatchObject({ updated: 1 });
    const verified = (await office.get(`/api/v1/findings/${f.id}`)).json();
    expect(verified).toMatchObject({ status: 'verified', light: null, clocks: [{ status: 'stopped' }] });
    expect((await office.get(`/api/v1/problems?status=closed&unitId=${unitB.id}`)).json().items.some((p: any) => p.link === `/findings/${f.id}`)).toBe(true);
    const audit = await env.platform.db.selectFrom('audit_log').select('action').where('target_id', '=', f.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['finding.create', 'finding.update', 'finding.update']);
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

async function sheetOf(res: { statusCode: number; rawPayload: Buffer }) {
  expect(res.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as any);
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('ledgers on the record definitions', () => {
  it('sorts and filters the findings on the server, and exports exactly the filtered list', async () => {
    const x = await makeUnit(env.platform, { parent: root, name: '自然资源局' });
    const y = await makeUnit(env.platform, { parent: root, name: '住建局' });
    const inspection = await makeInspection(inspector, { date: day(-30), targetUnitIds: [x.id, y.id] });
    const add = (description: string, unitId: string, severity: string, due: number) => makeFinding(inspector, { inspectionId: inspection.id, unitId, description, severity, dueDate: day(due) });
    await add('排序甲', x.id, 'major', 20);
    await add('排序乙', x.id, 'general', 5);
    await add('排序丙', y.id, 'general', 12);
    await add('排序丁', x.id, 'general', -25);
    const list = async (params: string) => {
      const res = await office.get(`/api/v1/findings?inspectionId=${inspection.id}${params}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((f: any) => f.description);
    };
    // Open findings by their due date when no order is chosen; any sortable column on request.
    expect(await list('')).toEqual(['排序丁', '排序乙', '排序丙', '排序甲']);
    expect(await list('&sort=dueDate&order=desc')).toEqual(['排序甲', '排序丙', '排序乙', '排序丁']);
    const bySeverity = await list('&sort=severity&order=desc');
    expect(bySeverity[0]).toBe('排序甲');
    expect(bySeverity.slice(1).sort()).toEqual(['排序丁', '排序丙', '排序乙'].sort());
    expect(await list('&q=丙')).toEqual(['排序丙']);
    expect(await list(`&unitId=${y.id}`)).toEqual(['排序丙']);
    expect(await list('&severity=major')).toEqual(['排序甲']);
    expect(await list('&overdue=true')).toEqual(['排序丁']);
    expect(await list('&status=verified')).toEqual([]);
    const bad = await office.get('/api/v1/findings?sort=measures');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('排序字段');

    const all = await sheetOf(await office.get(`/api/v1/findings/export?inspectionId=${inspection.id}&sort=dueDate&order=desc`));
    expect(all[0]).toEqual(['督察', '责任单位', '问题描述', '严重程度', '整改期限', '状态', '整改通知书文号', '整改措施', '整改完成日期', '核查日期', '约谈日期']);
    expect(all.slice(1).map((r) => r[2])).toEqual(['排序甲', '排序丙', '排序乙', '排序丁']);
    expect(all[1]!.slice(0, 4)).toEqual([inspection.title, '自然资源局', '排序甲', '重大']);
    const general = await sheetOf(await office.get(`/api/v1/findings/export?inspectionId=${inspection.id}&severity=general&unitId=${x.id}`));
    expect(general.slice(1).map((r) => r[2])).toEqual(['排序丁', '排序乙']);
    expect(general[1]![5]).toBe('待整改（逾期）');
    expect(general[2]![5]).toBe('待整改');
  });

  it('lists the inspections organised by or aimed at the unit, sorted and filtered on the server', async () => {
    const outsider = await makeUnit(env.platform, { parent: root, name: '审计局' });
    const liaisonOut = await loggedIn(env.app, (await makeUser(env.platform, { unit: outsider, roles: ['unit_liaison'] })).username);
    const target = await makeUnit(env.platform, { parent: root, name: '统计局' });
    const liaisonTarget = await loggedIn(env.app, (await makeUser(env.platform, { unit: target, roles: ['unit_liaison'] })).username);
    const early = await makeInspection(inspector, { title: 'A类书面督察', kind: 'written', date: `${year}-02-10`, targetUnitIds: [target.id] });
    const late = await makeInspection(inspector, { title: 'B类暗访督察', kind: 'unannounced', date: `${year}-03-10`, targetUnitIds: [target.id] });
    const ids = async (agent: Agent, params: string) => {
      const res = await agent.get(`/api/v1/inspections?${params}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((i: any) => i.id);
    };
    expect(await ids(liaisonTarget, '')).toEqual([late.id, early.id]);
    expect(await ids(liaisonTarget, 'sort=date&order=asc')).toEqual([early.id, late.id]);
    expect(await ids(liaisonTarget, 'sort=title&order=desc')).toEqual([late.id, early.id]);
    expect(await ids(liaisonTarget, 'kind=written')).toEqual([early.id]);
    expect(await ids(liaisonTarget, 'q=暗访')).toEqual([late.id]);
    expect(await ids(liaisonTarget, `year=${year + 1}`)).toEqual([]);
    expect(await ids(liaisonOut, '')).not.toContain(early.id);
    const view = (await liaisonTarget.get(`/api/v1/inspections?kind=written`)).json().items[0];
    expect(view).toMatchObject({ title: 'A类书面督察', kind: 'written', date: `${year}-02-10`, organiserName: '司法局', targets: [{ id: target.id, name: '统计局' }], findingCount: 0, version: 1 });

    const rows = await sheetOf(await liaisonTarget.get('/api/v1/inspections/export?sort=date&order=asc'));
    expect(rows[0]).toEqual(['组织单位', '督察名称', '督察方式', '督察日期', '督察人员', '督察对象', '问题数', '未销号']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['A类书面督察', 'B类暗访督察']);
    expect(rows[1]![2]).toBe('书面');
    // An edit keeps the checklist and targets beside the derived fields, version-checked.
    const edited = await inspector.put(`/api/v1/inspections/${early.id}`, { title: 'A类书面督察（改）', kind: 'written', date: `${year}-02-10`, targetUnitIds: [target.id], inspectors: '督察组', version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'A类书面督察（改）', version: 2, targets: [{ id: target.id }] });
    expect((await inspector.put(`/api/v1/inspections/${early.id}`, { title: 'x', kind: 'written', date: `${year}-02-10`, targetUnitIds: [target.id], inspectors: 'x', version: 1 })).statusCode).toBe(409);
  });

  it('pages, sorts and filters the notices within their visibility, and exports exactly the filtered list', async () => {
    const issue = (title: string, offset: number) => office.post('/api/v1/notices', { kind: 'circular', title, content: `${title}的正文`, issuedDate: day(offset) });
    for (const [title, offset] of [['排序通报一', -3], ['排序通报二', -1], ['排序通报三', -2]] as const) expect((await issue(title, offset)).statusCode).toBe(201);
    const titles = async (agent: Agent, params: string) => {
      const res = await agent.get(`/api/v1/notices?q=排序通报${params}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect((await titles(liaisonB, '')).items.map((n: any) => n.title)).toEqual(['排序通报二', '排序通报三', '排序通报一']);
    expect((await titles(liaisonB, '&sort=issuedDate&order=asc')).items.map((n: any) => n.title)).toEqual(['排序通报一', '排序通报三', '排序通报二']);
    const paged = await titles(liaisonB, '&pageSize=2&page=2');
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items.map((n: any) => n.title)).toEqual(['排序通报一']);
    expect((await titles(liaisonB, '&kind=supervision')).items).toEqual([]);
    expect((await liaisonB.get('/api/v1/notices?kind=memo')).statusCode).toBe(400);
    const rows = await sheetOf(await liaisonB.get('/api/v1/notices/export?q=排序通报&sort=issuedDate&order=asc'));
    expect(rows[0]).toEqual(['印发日期', '类型', '标题', '文号', '单位', '督办级别', '相关问题']);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['排序通报一', '排序通报三', '排序通报二']);
    expect(rows[1]![1]).toBe('通报');
    const future = await office.post('/api/v1/notices', { kind: 'circular', title: 'x', content: 'x', issuedDate: day(1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().detail).toContain('印发日期');
  });

  it('keeps the import columns and their Chinese headers', async () => {
    const headers = async (type: string) => (await sheetOf(await office.get(`/api/v1/imports/${type}/template`)))[0];
    expect(await headers('inspections')).toEqual(['外部编号', '组织单位编码', '督察名称', '督察方式', '督察日期', '督察对象单位编码']);
    expect(await headers('findings')).toEqual(['外部编号', '督察编号', '责任单位编码', '问题描述', '严重程度', '整改期限', '状态', '整改完成日期', '核查日期']);
  });
});

