// Case numbers (案号/文号): assigned by the step the record type names (acceptance or 不予受理 for a
// reconsideration case, the reply for a disclosure request, the start of mediation for a dispute),
// by the law office's pattern, unique and gap-free within a year, per unit where the pattern says
// so; shown in the ledger, searchable; patterns are checked and audited. Notices (通报、督办单) and
// a finding's 整改通知书 are numbered when they are recorded (the creation hook).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answered, createTestEnv, loggedIn, makeFinding, makeFoiRequest, makeInspection, makeReviewCase, makeStaffedUnit, makeUnit, makeUser, type Agent, type TestEnv } from './harness.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';
import { runDailyJob } from '../src/server/kernel/workflow/daily.ts';
import { assignCaseNumber } from '../src/server/kernel/numbering/index.ts';

let env: TestEnv;
let office: Agent;
let county: Awaited<ReturnType<typeof makeUnit>>;
let market: Awaited<ReturnType<typeof makeUnit>>;
const year = 2026;

beforeAll(async () => {
  env = await createTestEnv();
  county = await makeUnit(env.platform, { name: '编号县人民政府' });
  market = await makeUnit(env.platform, { parent: county as any, name: '编号县市场监督管理局' });
  const justice = await makeUnit(env.platform, { parent: county as any, name: '编号县司法局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
}, 60_000);
afterAll(() => env.close());

const ok = answered;
const intake = (receivedDate = `${year}-03-02`) => makeReviewCase(office, { unitId: county.id, respondentUnitId: market.id, applicantName: '申请人甲', respondent: '编号县市场监督管理局', receivedDate });
const act = (type: string, id: string, key: string, body: Record<string, unknown>) => office.post(`/api/v1/workflow/${type}/${id}/transitions/${key}`, body);
const caseNumber = async (table: 'review_cases' | 'foi_requests' | 'disputes', id: string) =>
  (await env.platform.db.selectFrom(table).select('case_number').where('id', '=', id).executeTakeFirstOrThrow()).case_number;
const setPattern = (recordType: string, body: Record<string, unknown>) => office.put(`/api/v1/case-number-patterns/${recordType}`, body);

describe('case numbers', () => {
  it('a reconsideration case gets its number at acceptance or 不予受理, by the pattern, in order', async () => {
    await ok(await setPattern('review_case', { pattern: '编号县政复〔{year}〕{n3}号' }));
    const a = await intake();
    expect(a.caseNumber).toBeNull();
    const accepted = await ok(await act('review_case', a.id, 'accept', { version: a.version, date: `${year}-03-03`, values: { procedure: 'normal' } }));
    expect(accepted.status).toBe('accepted');
    const b = await intake();
    await ok(await act('review_case', b.id, 'reject', { version: b.version, date: `${year}-03-04`, note: '不属于复议范围' }));
    const first = await caseNumber('review_cases', a.id);
    const second = await caseNumber('review_cases', b.id);
    expect(first).toMatch(new RegExp(`^编号县政复〔${year}〕\\d{3}号$`));
    expect(Number(second!.match(/(\d{3})号/)![1])).toBe(Number(first!.match(/(\d{3})号/)![1]) + 1);
    // The ledger and the record's page show it, and the ledger sorts by it.
    const page = await ok(await office.get(`/api/v1/review-cases/${a.id}`));
    expect(page.caseNumber).toBe(first);
    const ledger = await ok(await office.get('/api/v1/review-cases?sort=caseNumber&order=desc&pageSize=5'));
    expect(ledger.items[0].caseNumber).toBe(second);
    // Global search finds the case by its number.
    const found = await ok(await office.get(`/api/v1/search?q=${encodeURIComponent(first!)}`));
    expect(found.groups.find((g: any) => g.type === 'review_case').items.map((i: any) => i.id)).toContain(a.id);
  });

  it('a year starts again from 1; the year is the year of the step', async () => {
    await ok(await setPattern('review_case', { pattern: '编号县政复〔{year}〕{n}号' }));
    const old = await intake(`${year - 1}-12-20`);
    await ok(await act('review_case', old.id, 'accept', { version: old.version, date: `${year - 1}-12-24`, values: { procedure: 'normal' } }));
    expect(await caseNumber('review_cases', old.id)).toBe(`编号县政复〔${year - 1}〕1号`);
  });

  it('numbers stay unique and without gaps when steps run at once, and a failed step gives its number back', async () => {
    await ok(await setPattern('review_case', { pattern: '并发〔{year}〕{n}号' }));
    const cases = [];
    for (let i = 0; i < 6; i++) cases.push(await intake());
    await Promise.all(cases.map(async (c) => ok(await act('review_case', c.id, 'accept', { version: c.version, date: `${year}-03-05`, values: { procedure: 'normal' } }))));
    const numbers = await Promise.all(cases.map((c) => caseNumber('review_cases', c.id)));
    const seqs = numbers.map((n) => Number(n!.match(/〕(\d+)号/)![1])).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(6);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    // A transaction that took a number and failed leaves the counter where it was.
    const spare = await intake();
    const def = env.platform.caseNumbers.get('review_case')!;
    await expect(
      env.platform.db.transaction().execute(async (tx) => {
        await assignCaseNumber(tx, def, 'review_cases', { id: spare.id, unit_id: county.id }, `${year}-03-06`);
        throw new Error('step failed');
      }),
    ).rejects.toThrow('step failed');
    await env.platform.db.transaction().execute((tx) => assignCaseNumber(tx, def, 'review_cases', { id: spare.id, unit_id: county.id }, `${year}-03-06`));
    expect(Number((await caseNumber('review_cases', spare.id))!.match(/〕(\d+)号/)![1])).toBe(seqs.at(-1)! + 1);
  });

  it("each organ numbers its own replies (the default pattern names the unit); a unit's own pattern has its own counter", async () => {
    const north = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county as any, name: '编号县自然资源局' });
    const south = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county as any, name: '编号县住房和城乡建设局' });
    const reply = async (unit: typeof north) => {
      const r = await makeFoiRequest(unit.agents.unit_liaison, { unitId: unit.unit.id, receivedDate: `${year}-05-06` });
      await ok(await unit.agents.unit_liaison.post(`/api/v1/workflow/foi_request/${r.id}/transitions/reply`, { version: r.version, date: `${year}-05-08`, values: { replyType: 'partly' } }));
      return caseNumber('foi_requests', r.id);
    };
    expect(await reply(north)).toBe(`自然资源局依申请公开〔${year}〕1号`);
    expect(await reply(north)).toBe(`自然资源局依申请公开〔${year}〕2号`);
    expect(await reply(south)).toBe(`住房和城乡建设局依申请公开〔${year}〕1号`);
    await ok(await setPattern('foi_request', { unitId: south.unit.id, pattern: '编住建公开〔{year}〕{n}号' }));
    expect(await reply(south)).toBe(`编住建公开〔${year}〕1号`);
    const patterns = await ok(await office.get('/api/v1/case-number-patterns'));
    const foi = patterns.items.find((p: any) => p.recordType === 'foi_request');
    expect(foi.label).toBe('答复书文号');
    expect(foi.units).toEqual([expect.objectContaining({ unitId: south.unit.id, pattern: '编住建公开〔{year}〕{n}号', next: `编住建公开〔${year}〕2号` })]);
    // Removing a unit's pattern puts it back on the county-wide one.
    await ok(await setPattern('foi_request', { unitId: south.unit.id, pattern: null }));
    expect((await ok(await office.get('/api/v1/case-number-patterns'))).items.find((p: any) => p.recordType === 'foi_request').units).toEqual([]);
  });

  it('a dispute is numbered when mediation starts', async () => {
    const town = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county as any, name: '编号县城关镇' });
    const org = await ok(await town.agents.unit_liaison.post('/api/v1/mediation-orgs', { unitId: town.unit.id, name: '城关镇人民调解委员会', type: 'town', establishedDate: '2015-01-01' }), 201);
    const d = await ok(await town.agents.unit_liaison.post('/api/v1/disputes', { unitId: town.unit.id, orgId: org.id, type: '邻里纠纷', parties: '甲、乙', summary: '排水沟纠纷', channel: 'people', mediators: '张调解员', receivedDate: `${year}-05-06` }), 201);
    await ok(await town.agents.unit_liaison.post(`/api/v1/workflow/dispute/${d.id}/transitions/start`, { version: d.version, date: `${year}-05-07` }));
    expect(await caseNumber('disputes', d.id)).toBe(`城关镇调字〔${year}〕第1号`);
  });

  it('a number another record already carries (imported from a ledger) is skipped; the step answers with the number it gave', async () => {
    const town = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county as any, name: '编号县城西镇' });
    const liaison = town.agents.unit_liaison;
    const org = await ok(await liaison.post('/api/v1/mediation-orgs', { unitId: town.unit.id, name: '城西镇人民调解委员会', type: 'town', establishedDate: '2015-01-01' }), 201);
    const register = async () => ok(await liaison.post('/api/v1/disputes', { unitId: town.unit.id, orgId: org.id, type: '邻里纠纷', parties: '甲、乙', summary: '排水沟纠纷', channel: 'people', mediators: '张调解员', receivedDate: `${year}-05-06` }), 201);
    const [paper, next] = [await register(), await register()];
    // The ledger's dispute carries the number the series would give next.
    await env.platform.db.updateTable('disputes').set({ case_number: `城西镇调字〔${year}〕第1号` }).where('id', '=', paper.id).execute();
    const started = await ok(await liaison.post(`/api/v1/workflow/dispute/${next.id}/transitions/start`, { version: next.version, date: `${year}-05-07` }));
    expect(started.version).toBe(next.version + 1);
    expect(await caseNumber('disputes', next.id)).toBe(`城西镇调字〔${year}〕第2号`);
    expect(await caseNumber('disputes', paper.id)).toBe(`城西镇调字〔${year}〕第1号`);
  });

  it('notices are numbered as they are issued, county-wide, by the year of their date; escalation notices too; unique, gap-free, listed and searchable', async () => {
    const today = chinaToday();
    const thisYear = Number(today.slice(0, 4));
    const town = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county as any, name: '编号县城南镇' });
    const inspection = await makeInspection(office, { date: fromDayNumber(toDayNumber(today) - 40), targetUnitIds: [town.unit.id] });
    const finding = await makeFinding(office, { inspectionId: inspection.id, unitId: town.unit.id, dueDate: fromDayNumber(toDayNumber(today) + 20) });
    const issue = async (body: Record<string, unknown>) => ok(await office.post('/api/v1/notices', { title: '督察情况', content: '正文', issuedDate: today, ...body }), 201);
    // The recipient's own pattern does not number what is sent to it: a 文号 is the issuer's.
    await ok(await setPattern('notice', { unitId: town.unit.id, pattern: '{unit}督〔{year}〕{n}号' }));
    const notices = [];
    for (let i = 0; i < 3; i++) notices.push(await issue({ kind: 'circular', title: `通报${i}` }));
    notices.push(await issue({ kind: 'supervision', title: '督办单', findingId: finding.id }));
    const numbers = notices.map((n) => n.caseNumber as string);
    for (const n of numbers) expect(n).toMatch(new RegExp(`^编号县法治督〔${thisYear}〕\\d+号$`));
    const seqs = numbers.map((n) => Number(n.match(/〕(\d+)号/)![1]));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    // A notice dated last year takes last year's series; a refused notice takes no number.
    const old = await issue({ kind: 'circular', issuedDate: `${thisYear - 1}-12-30` });
    expect(old.caseNumber).toBe(`编号县法治督〔${thisYear - 1}〕1号`);
    expect((await office.post('/api/v1/notices', { kind: 'supervision', title: 'x', content: 'x', issuedDate: today })).statusCode).toBe(400);
    expect((await issue({ kind: 'circular' })).caseNumber).toBe(`编号县法治督〔${thisYear}〕${seqs.at(-1)! + 1}号`);
    // An overdue finding's escalation notice is numbered in the same series.
    const late = await makeFinding(office, { inspectionId: inspection.id, unitId: town.unit.id, dueDate: fromDayNumber(toDayNumber(today) - 30) });
    await runDailyJob(env.platform, today, { force: true });
    const escalated = await env.platform.db.selectFrom('notices').select(['id', 'case_number']).where('finding_id', '=', late.id).executeTakeFirstOrThrow();
    expect(escalated.case_number).toBe(`编号县法治督〔${thisYear}〕${seqs.at(-1)! + 2}号`);
    // Its page has its history like any notice's, and the issue is audited with the notice named.
    const panel = await ok(await office.get(`/api/v1/workflow/notice/${escalated.id}`));
    expect(panel.timeline).toEqual([expect.objectContaining({ label: expect.stringMatching(/^印发整改逾期督办单/), note: escalated.case_number, actorName: '系统（每日督办）' })]);
    const audited = await env.platform.db.selectFrom('audit_log').select('detail').where('action', '=', 'notice.create').where('target_id', '=', escalated.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audited.detail!)).toMatchObject({ caseNumber: escalated.case_number, findingId: late.id, level: expect.any(Number) });
    // Listed, sorted and searchable like the other numbered records; the patterns page names the moment.
    const ledger = await ok(await office.get('/api/v1/notices?sort=caseNumber&order=desc&pageSize=50'));
    expect(ledger.items.map((n: any) => n.caseNumber)).toContain(numbers[3]);
    const found = await ok(await office.get(`/api/v1/search?q=${encodeURIComponent(numbers[3]!)}`));
    expect(found.groups.find((g: any) => g.type === 'notice').items.map((i: any) => i.id)).toEqual([notices[3].id]);
    const pattern = (await ok(await office.get('/api/v1/case-number-patterns'))).items.find((p: any) => p.recordType === 'notice');
    expect(pattern).toMatchObject({ label: '通报、督办单文号', assignedAt: '印发时', defaultPattern: '{county}法治督〔{year}〕{n}号' });
    expect(pattern.units).toEqual([expect.objectContaining({ unitId: town.unit.id })]);
    await ok(await setPattern('notice', { unitId: town.unit.id, pattern: null }));
  });

  it("a finding's 整改通知书 is numbered when the finding is recorded; a ledger's rectified finding takes none", async () => {
    const today = chinaToday();
    const thisYear = Number(today.slice(0, 4));
    await ok(await setPattern('finding', { pattern: '编号县督改〔{year}〕{n3}号' }));
    const town = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county as any, name: '编号县城北镇' });
    const inspection = await makeInspection(office, { date: fromDayNumber(toDayNumber(today) - 10), targetUnitIds: [town.unit.id] });
    const made = await Promise.all([0, 1, 2, 3].map(() => makeFinding(office, { inspectionId: inspection.id, unitId: town.unit.id, dueDate: fromDayNumber(toDayNumber(today) + 20) })));
    const numbers = made.map((f) => f.noticeNumber as string);
    expect(new Set(numbers).size).toBe(4);
    for (const n of numbers) expect(n).toMatch(new RegExp(`^编号县督改〔${thisYear}〕\\d{3}号$`));
    const seqs = numbers.map((n) => Number(n.match(/〕(\d+)号/)![1])).sort((x, y) => x - y);
    expect(seqs).toEqual([1, 2, 3, 4]);
    const found = await ok(await office.get(`/api/v1/search?q=${encodeURIComponent(numbers[0]!)}`));
    expect(found.groups.find((g: any) => g.type === 'finding').items.map((i: any) => i.id)).toEqual([made[0].id]);
    // History from a ledger, already rectified, had its notice on paper.
    await env.platform.db.transaction().execute(async (tx) => {
      const { insertFinding } = await import('../src/server/modules/supervision/supervision.ts');
      const actor = { id: made[0].createdBy ?? 'system', unitId: county.id, roles: ['law_office'], scope: { all: true } } as any;
      const id = await insertFinding(tx, env.platform, actor, { inspectionId: inspection.id, unitId: town.unit.id, description: '历史问题', severity: 'general', dueDate: today, status: 'rectified', rectifiedDate: today });
      expect((await tx.selectFrom('findings').select('notice_number').where('id', '=', id).executeTakeFirstOrThrow()).notice_number).toBeNull();
    });
  });

  it('refuses a pattern without the year or the number, or with unknown placeholders, naming the field; only the law office sets them; every change is audited', async () => {
    for (const [pattern, message] of [
      ['编号〔2026〕{n}号', '须包含年度'],
      ['编号〔{year}〕号', '须包含序号'],
      ['{foo}〔{year}〕{n}号', '只能使用'],
      ['', '请填写编号规则'],
    ] as const) {
      const res = await setPattern('review_case', { pattern });
      expect(res.statusCode, pattern).toBe(400);
      expect(res.json().detail, pattern).toContain(message);
    }
    expect((await setPattern('no_such_type', { pattern: '{year}{n}' })).statusCode).toBe(404);
    // Under the county like every other unit: a second top unit would make the county's short name ({county}, {unit}) depend on unit codes.
    const liaison = (await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county as any })).agents.unit_liaison;
    expect((await liaison.put('/api/v1/case-number-patterns/review_case', { pattern: '乙〔{year}〕{n}号' })).statusCode).toBe(403);
    expect((await liaison.get('/api/v1/case-number-patterns')).statusCode).toBe(200);
    await ok(await setPattern('review_case', { pattern: '审计〔{year}〕{n}号' }));
    const entry = await env.platform.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'case_number.pattern').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail as string)).toMatchObject({ label: '复议案号', after: '审计〔{year}〕{n}号' });
  });
});
