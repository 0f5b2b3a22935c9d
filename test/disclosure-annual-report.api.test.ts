// The 政府信息公开工作年度报告 as a record: drafted with its tables counted from the records, sections
// written by staff, approval refused while a cross-check fails and the tables frozen when it passes,
// published on the portal with its .docx; a department's report due 31 January, the county's
// 31 March; another unit can neither read nor change it.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { advance, answered, createTestEnv, loggedIn, makeFoiRequest, makeStaffedUnit, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let county: Awaited<ReturnType<typeof makeUnit>>;
let office: Agent;
let countyHead: Agent;
let unit: { id: string; code: string };
let liaison: Agent;
let head: Agent;
let outsider: Agent;

beforeAll(async () => {
  env = await createTestEnv();
  county = await makeUnit(env.platform, { kind: 'county' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: county, roles: ['law_office'] })).username);
  countyHead = await loggedIn(env.app, (await makeUser(env.platform, { unit: county, roles: ['unit_head'] })).username);
  const staffed = await makeStaffedUnit(env, ['unit_liaison', 'unit_head'] as const, { parent: county, name: '交通运输局' });
  unit = staffed.unit;
  liaison = staffed.agents.unit_liaison;
  head = staffed.agents.unit_head;
  outsider = (await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county, name: '水利局' })).agents.unit_liaison;
});
afterAll(() => env.close());

const request = async (values: Record<string, unknown> & { receivedDate: string }, steps: [string, Record<string, unknown>][] = [], unitId = unit.id) => {
  const r = await makeFoiRequest(liaison, { unitId, ...values });
  let version = r.version;
  for (const [key, body] of steps) version = (await advance(liaison, 'foi_request', r.id, key, { version, ...body })).version;
  return { id: r.id, version };
};
const draft = async (agent: Agent, unitId: string, year: number) => agent.post('/api/v1/foi-annual-reports', { unitId, year });
/** Writes sections; the 成文日期 (required to approve) is the January after the report's year. */
const write = async (agent: Agent, report: { id: string; version: number; year?: number }, sections: Record<string, string>) =>
  answered(await agent.put(`/api/v1/foi-annual-reports/${report.id}`, { version: report.version, title: (report as any).title, issuer: (report as any).issuer, issuedDate: report.year ? `${report.year + 1}-01-15` : null, sections }));
const detail = async (agent: Agent, id: string) => answered(await agent.get(`/api/v1/foi-annual-reports/${id}`));

describe('the disclosure annual report', () => {
  it('drafts, refuses approval while a cross-check fails, freezes the tables on approval, and publishes', async () => {
    await request({ receivedDate: '2025-03-03', applicantType: 'person' }, [['reply', { date: '2025-03-20', values: { replyType: 'disclosed' } }]]);
    await request({ receivedDate: '2025-12-29', applicantType: 'business' });
    // Entered without the applicant's type: table 3 cannot place it, and the check names it.
    const untyped = await request({ receivedDate: '2025-05-06' }, [['reply', { date: '2025-05-20', values: { replyType: 'partly' } }]]);

    const created = answered(await draft(liaison, unit.id, 2025), 201);
    expect(created).toMatchObject({ kind: 'unit', status: 'draft', publishDue: '2026-01-31', frozen: false, title: '交通运输局2025年政府信息公开工作年度报告' });
    expect(created.tables.table3.new.total).toBe(2);
    expect(created.generated.table3).toBe('本年度新收政府信息公开申请2件，上年结转0件；办结1件，其中予以公开1件、部分公开0件；结转下年度继续办理1件。');
    expect(created.sections.map((s: any) => s.heading)).toEqual(['一、总体情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    expect(created.sections[0].text).toContain('交通运输局');
    expect((await draft(liaison, unit.id, 2025)).statusCode).toBe(409);

    // 五 unwritten: the head cannot be asked yet.
    const blocked = await liaison.post(`/api/v1/workflow/foi_annual_report/${created.id}/transitions/send`, { version: created.version });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toContain('五、存在的主要问题及改进情况');
    const written = await write(liaison, created, { problems: '依申请公开答复的说理性有待加强。', other: '本年度未收取信息处理费。' });
    expect(written.sections[1].text).toBe('依申请公开答复的说理性有待加强。');
    // A stale version is refused, not silently overwritten.
    expect((await liaison.put(`/api/v1/foi-annual-reports/${created.id}`, { version: created.version, title: created.title, issuer: created.issuer, issuedDate: null, sections: { other: '覆盖' } })).statusCode).toBe(409);
    const sent = await advance(liaison, 'foi_annual_report', created.id, 'send', { version: written.version });

    const refused = await head.post(`/api/v1/workflow/foi_annual_report/${created.id}/transitions/approve`, { version: sent.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('1 件申请未填写申请人类型');
    expect((await detail(liaison, created.id)).status).toBe('in_approval');

    // The clerk corrects the request the check named (a result that does not fit its reply is refused).
    const wrong = await liaison.put(`/api/v1/foi-requests/${untyped.id}/classification`, { version: untyped.version, applicantType: 'legal', outcomeReason: 'refused_1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('outcomeReason');
    answered(await liaison.put(`/api/v1/foi-requests/${untyped.id}/classification`, { version: untyped.version, applicantType: 'legal' }));

    answered(await liaison.post('/api/v1/fee-items', { unitId: unit.id, year: 2025, item: '工本费', basis: '某文件', amount: 100_000 }), 201);
    const approved = await advance(head, 'foi_annual_report', created.id, 'approve', { version: sent.version });
    expect(approved.status).toBe('approved');
    // Table 2's records are frozen with it: a charge entered afterwards changes the live figure only.
    answered(await liaison.post('/api/v1/fee-items', { unitId: unit.id, year: 2025, item: '证书费', basis: '某文件', amount: 50_000 }), 201);
    const feeCell = answered(await liaison.get(`/api/v1/foi-annual-reports/${created.id}/cell?table=2&row=fees&column=amount`));
    expect(feeCell.items.map((i: any) => i.title)).toEqual(['工本费']);
    expect(answered(await liaison.get(`/api/v1/disclosure-report-tables?year=2025&unit=${unit.code}`)).table2.fees.amount.value).toBe(0.15);
    expect((await liaison.get(`/api/v1/foi-annual-reports/${created.id}/cell?table=2&row=regulations&column=issued`)).statusCode).toBe(400);
    // A request entered after approval changes the live tables, not the approved report's.
    await request({ receivedDate: '2025-08-01', applicantType: 'person' });
    const frozen = await detail(liaison, created.id);
    expect(frozen.frozen).toBe(true);
    expect(frozen.tables.table2.fees.amount.value).toBe(0.1);
    expect(frozen.tables.table3.new).toMatchObject({ person: 1, business: 1, legal: 1, total: 3 });
    expect(answered(await liaison.get(`/api/v1/disclosure-report-tables?year=2025&unit=${unit.code}`)).table3.new.total).toBe(4);
    const cell = answered(await liaison.get(`/api/v1/foi-annual-reports/${created.id}/cell?table=3&row=new&column=person`));
    expect(cell.items).toHaveLength(1);
    expect((await liaison.get(`/api/v1/foi-annual-reports/${created.id}/cell?table=3&row=nope&column=person`)).statusCode).toBe(400);
    // Approved text is frozen too.
    expect((await liaison.put(`/api/v1/foi-annual-reports/${created.id}`, { version: frozen.version, title: frozen.title, issuer: frozen.issuer, issuedDate: null, sections: {} })).statusCode).toBe(409);

    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/foi-annual-reports/${created.id}` })).statusCode).toBe(404);
    await advance(head, 'foi_annual_report', created.id, 'publish', { version: frozen.version });
    // The law office's 报送情况: this department published, its sibling has not started.
    const progress = answered(await office.get('/api/v1/foi-annual-reports/progress?year=2025'));
    expect(progress.due).toBe('2026-01-31');
    expect(progress.units.find((u: any) => u.unitId === unit.id)).toMatchObject({ status: 'published', reportId: created.id });
    expect(progress.units.find((u: any) => u.unitName === '水利局')).toMatchObject({ status: null, statusLabel: '未起草' });
    const listed = answered(await env.app.inject({ method: 'GET', url: `/api/v1/public/foi-annual-reports?unit=${unit.code}` }));
    expect(listed.items.map((r: any) => r.id)).toEqual([created.id]);
    const published = answered(await env.app.inject({ method: 'GET', url: `/api/v1/public/foi-annual-reports/${created.id}` }));
    expect(published.tables.table3.new.total).toBe(3);
    expect(published.generated.overview).toContain('新收政府信息公开申请3件');

    const docx = await env.app.inject({ method: 'GET', url: `/api/v1/public/foi-annual-reports/${created.id}/docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '依申请公开答复的说理性有待加强。']) expect(text).toContain(heading);
    // Tables 2, 3 and 4, each row of table 3 with its three label columns merged as printed.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    const table3 = xml.split('<w:tbl>')[2]!;
    expect(table3).toContain('（本列数据的勾稽关系为');
    expect(table3.match(/<w:tr[ >]/g)).toHaveLength(3 + 25);
  });

  it('returns an approved report to draft, counting its tables live again', async () => {
    const u = await makeStaffedUnit(env, ['unit_liaison', 'unit_head'] as const, { parent: county });
    const r = answered(await draft(u.agents.unit_liaison, u.unit.id, 2024), 201);
    const w = await write(u.agents.unit_liaison, r, { problems: '无明显问题。' });
    const approved = await advance(u.agents.unit_head, 'foi_annual_report', r.id, 'approve', { version: w.version });
    expect((await detail(u.agents.unit_liaison, r.id)).frozen).toBe(true);
    // Another unit's head cannot approve it, nor can a return go without its reason.
    expect((await u.agents.unit_liaison.post(`/api/v1/workflow/foi_annual_report/${r.id}/transitions/return`, { version: approved.version })).statusCode).toBe(403);
    await advance(office, 'foi_annual_report', r.id, 'return', { version: approved.version, note: '请补充平台建设情况' });
    expect(await detail(u.agents.unit_liaison, r.id)).toMatchObject({ status: 'draft', frozen: false });
  });

  it("drafts the county's report over the whole county, due 31 March, approved by the county's head", async () => {
    const other = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county });
    await makeFoiRequest(other.agents.unit_liaison, { unitId: other.unit.id, receivedDate: '2025-09-09', applicantType: 'research' });
    const r = answered(await draft(office, county.id, 2025), 201);
    expect(r).toMatchObject({ kind: 'county', publishDue: '2026-03-31' });
    expect(r.generated.overview).toMatch(/^2025年，全县各级行政机关/);
    // The county counts its departments' requests.
    expect(r.tables.table3.new.research).toBeGreaterThanOrEqual(1);
    const w = await write(office, r, { problems: '个别部门答复不够规范。' });
    // A department's head cannot even see the county's report.
    expect((await head.post(`/api/v1/workflow/foi_annual_report/${r.id}/transitions/approve`, { version: w.version })).statusCode).toBe(404);
    // Every test here leaves its requests classified: the county's checks pass, and it publishes.
    expect((await detail(office, r.id)).tables.checks.filter((c: any) => !c.ok)).toEqual([]);
    const approved = await advance(countyHead, 'foi_annual_report', r.id, 'approve', { version: w.version });
    await advance(office, 'foi_annual_report', r.id, 'publish', { version: approved.version });
    expect(answered(await env.app.inject({ method: 'GET', url: `/api/v1/public/foi-annual-reports/${r.id}` })).unitName).toBe(r.unitName);
  });

  it("keeps a unit's report from other units and refuses bad input with the field named", async () => {
    const r = answered(await draft(liaison, unit.id, 2023), 201);
    expect((await outsider.get(`/api/v1/foi-annual-reports/${r.id}`)).statusCode).toBe(404);
    expect((await outsider.put(`/api/v1/foi-annual-reports/${r.id}`, { version: r.version, title: 'x', issuer: 'x', issuedDate: null, sections: {} })).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/foi-annual-reports/${r.id}/docx`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/foi-annual-reports/${r.id}/cell?table=3&row=new&column=total`)).statusCode).toBe(404);
    const list = answered(await outsider.get('/api/v1/foi-annual-reports?year=2023'));
    expect(list.items.map((x: any) => x.id)).not.toContain(r.id);
    expect((await draft(outsider, unit.id, 2022)).statusCode).toBe(400);
    const future = await draft(liaison, unit.id, 2100);
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('year');
    const tooLong = await liaison.put(`/api/v1/foi-annual-reports/${r.id}`, { version: r.version, title: r.title, issuer: r.issuer, issuedDate: null, sections: { problems: '问'.repeat(20_001) } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().detail).toContain('五、存在的主要问题及改进情况');
    const staffDocx = await liaison.get(`/api/v1/foi-annual-reports/${r.id}/docx`);
    expect(staffDocx.statusCode).toBe(200);
  });

  it("counts a unit's 行政事业性收费 of the year into table 2 in 万元, refusing a duplicate item, a negative amount and another unit's charge", async () => {
    const u = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county });
    const agent = u.agents.unit_liaison;
    const fee = (values: Record<string, unknown>) => agent.post('/api/v1/fee-items', { unitId: u.unit.id, year: 2025, item: '不动产登记费', basis: '发改价格规〔2016〕2559号', amount: 125_608_000, ...values });
    const created = answered(await fee({ standard: '住宅类每件80元' }), 201);
    // More than a PostgreSQL integer holds in fen (the year before: not in 2025's figures).
    answered(await fee({ year: 2023, amount: 3_456_789_012 }), 201);
    answered(await fee({ item: '工本费', amount: 38_642_025 }), 201);
    answered(await fee({ year: 2024, amount: 99_900 }), 201);
    const duplicate = await fee({});
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().errors[0].field).toBe('item');
    const negative = await fee({ item: '其他', amount: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].field).toBe('amount');
    // 1,256,080 元 + 386,420.25 元 = 164.25 万元 (to the 元).
    const t = answered(await agent.get(`/api/v1/disclosure-report-tables?year=2025&unit=${u.unit.code}`));
    expect(t.table2.fees.amount).toEqual({ indicator: 'foi.fees_collected', value: 164.25 });
    expect(answered(await agent.get(`/api/v1/fee-items?year=2025`)).items.map((f: any) => f.item).sort()).toEqual(['不动产登记费', '工本费']);
    // Corrected with the version read; a stale version is refused.
    answered(await agent.put(`/api/v1/fee-items/${created.id}`, { version: created.version, unitId: u.unit.id, year: 2025, item: '不动产登记费', basis: '发改价格规〔2016〕2559号', amount: 125_000_000 }));
    expect((await agent.put(`/api/v1/fee-items/${created.id}`, { version: created.version, unitId: u.unit.id, year: 2025, item: '不动产登记费', basis: 'x', amount: 1 })).statusCode).toBe(409);
    expect((await outsider.get(`/api/v1/fee-items/${created.id}`)).statusCode).toBe(404);
    expect((await outsider.put(`/api/v1/fee-items/${created.id}`, { version: 2, unitId: u.unit.id, year: 2025, item: 'x', basis: 'x', amount: 1 })).statusCode).toBe(404);
    // The import: amounts in 元; a bad row imports nothing.
    const upload = (rows: Record<string, string>[]) => agent.request({ method: 'POST', url: '/api/v1/imports/fee_items', ...multipart('f.jsonl', rows.map((r) => JSON.stringify({ unitCode: u.unit.code, basis: '某文件', ...r })).join('\n')) });
    expect((await upload([{ ref: 'F1', year: '2025', item: '证书费', amount: '100.50' }, { ref: 'F2', year: '2025', item: '罚款', amount: '-3' }])).statusCode).toBe(422);
    answered(await upload([{ ref: 'F1', year: '2025', item: '证书费', amount: '100.50' }]));
    const after = answered(await agent.get(`/api/v1/disclosure-report-tables?year=2025&unit=${u.unit.code}`));
    // 1,250,000 元 (corrected) + 386,420.25 元 + 100.50 元, to the 元.
    expect(after.table2.fees.amount.value).toBe(163.6521);
  });

  it('reports the 信息处理费 charged and paid in section 六, the payment time not counting against the reply', async () => {
    const u = await makeStaffedUnit(env, ['unit_liaison', 'unit_head'] as const, { parent: county });
    const agent = u.agents.unit_liaison;
    const charged = answered(await agent.post('/api/v1/foi-requests', { unitId: u.unit.id, applicantName: '甲公司', applicantType: 'business', content: '十年来全部行政许可卷宗', channel: 'online', receivedDate: '2025-03-03' }), 201);
    const dueBefore = answered(await agent.get(`/api/v1/foi-requests/${charged.id}`)).due;
    const zero = await agent.post(`/api/v1/workflow/foi_request/${charged.id}/transitions/charge_notice`, { version: charged.version, date: '2025-03-10', values: { processingFee: 0 } });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().detail).toContain('信息处理费');
    const notified = await advance(agent, 'foi_request', charged.id, 'charge_notice', { version: charged.version, date: '2025-03-10', values: { processingFee: 25_000 } });
    expect(notified.status).toBe('charging');
    expect(answered(await agent.get(`/api/v1/foi-requests/${charged.id}`))).toMatchObject({ processingFee: 25_000, feeNoticeDate: '2025-03-10' });
    const paid = await advance(agent, 'foi_request', charged.id, 'fee_paid', { version: notified.version, date: '2025-03-24' });
    // Ten working days waiting for the payment push the reply deadline back.
    expect(answered(await agent.get(`/api/v1/foi-requests/${charged.id}`)).due > dueBefore).toBe(true);
    await advance(agent, 'foi_request', charged.id, 'reply', { version: paid.version, date: '2025-04-10', values: { replyType: 'disclosed' } });
    const lapsed = answered(await agent.post('/api/v1/foi-requests', { unitId: u.unit.id, applicantName: '乙', applicantType: 'person', content: '全部会议纪要', channel: 'online', receivedDate: '2025-05-06' }), 201);
    const n2 = await advance(agent, 'foi_request', lapsed.id, 'charge_notice', { version: lapsed.version, date: '2025-05-08', values: { processingFee: 10_000 } });
    await advance(agent, 'foi_request', lapsed.id, 'close', { version: n2.version, date: '2025-06-20', note: '逾期未缴费', values: { outcomeReason: 'other_2' } });

    const r = answered(await draft(agent, u.unit.id, 2025), 201);
    expect(r.tables.processingFees).toEqual({ notices: 2, paid: 1, paidFen: 25_000 });
    expect(r.generated.other).toBe('本年度依据《政府信息公开信息处理费管理办法》发出信息处理费收费通知2件，申请人缴纳信息处理费1件、共250.00元。');
    expect(r.tables.table3.other_2).toMatchObject({ person: 1, total: 1 });
    expect(r.tables.checks.every((c: any) => c.ok)).toBe(true);
    const quiet = answered(await draft(agent, u.unit.id, 2024), 201);
    expect(quiet.generated.other).toBe('本年度未收取信息处理费。');
  });

  it('is approved only after its year, with its date of issue, by a head whose own checks speak first', async () => {
    const u = await makeStaffedUnit(env, ['unit_liaison', 'unit_head'] as const, { parent: county });
    const thisYear = Number(new Date().toISOString().slice(0, 4));
    const current = answered(await draft(u.agents.unit_liaison, u.unit.id, thisYear), 201);
    const w = await write(u.agents.unit_liaison, { ...current, year: thisYear - 1 }, { problems: '无。' });
    const early = await u.agents.unit_head.post(`/api/v1/workflow/foi_annual_report/${current.id}/transitions/approve`, { version: w.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('尚未结束');
    const last = answered(await draft(u.agents.unit_liaison, u.unit.id, thisYear - 1), 201);
    const undated = await write(u.agents.unit_liaison, { ...last, year: undefined }, { problems: '无。' });
    const noDate = await u.agents.unit_head.post(`/api/v1/workflow/foi_annual_report/${last.id}/transitions/approve`, { version: undated.version });
    expect(noDate.statusCode).toBe(409);
    expect(noDate.json().detail).toContain('成文日期');
    // The county's head may see this report but not approve it: the rule says so, before any counting.
    const notHers = await countyHead.post(`/api/v1/workflow/foi_annual_report/${last.id}/transitions/approve`, { version: undated.version });
    expect(notHers.json().detail).toContain('本单位主要负责人审定');
    const stale = await u.agents.unit_head.post(`/api/v1/workflow/foi_annual_report/${last.id}/transitions/approve`, { version: undated.version - 1 });
    expect(stale.json().detail).toContain('版本号已过期');
  });

  it("checks 上年结转 against last year's approved report, and refuses an approval whose records changed as it was counted", async () => {
    const u = await makeStaffedUnit(env, ['unit_liaison', 'unit_head'] as const, { parent: county });
    const agent = u.agents.unit_liaison;
    const open = answered(await agent.post('/api/v1/foi-requests', { unitId: u.unit.id, applicantName: '丙', applicantType: 'person', content: '某项信息', channel: 'online', receivedDate: '2024-12-30' }), 201);
    const r2024 = answered(await draft(agent, u.unit.id, 2024), 201);
    const w = await write(agent, r2024, { problems: '无。' });
    await advance(u.agents.unit_head, 'foi_annual_report', r2024.id, 'approve', { version: w.version });
    const tables = async () => answered(await agent.get(`/api/v1/disclosure-report-tables?year=2025&unit=${u.unit.code}`));
    expect((await tables()).checks.filter((c: any) => c.key.startsWith('carried.')).every((c: any) => c.ok)).toBe(true);
    // The 2024 request is reclassified after 2024's report was approved: 2025's 上年结转 no longer matches.
    answered(await agent.put(`/api/v1/foi-requests/${open.id}/classification`, { version: open.version, applicantType: 'business' }));
    const failed = (await tables()).checks.filter((c: any) => !c.ok).map((c: any) => c.key);
    expect(failed.sort()).toEqual(['carried.business', 'carried.person']);

    // The approval counts outside its transaction; a record changed meanwhile rolls it back.
    const { beforeFoiReportTransition, confirmFrozenTables } = await import('../src/server/modules/disclosure/annual-report.ts');
    const quiet = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county });
    const r = answered(await draft(quiet.agents.unit_liaison, quiet.unit.id, 2023), 201);
    const row = await env.platform.db.selectFrom('foi_annual_reports').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    const columns = (await beforeFoiReportTransition(env.platform, row, 'approve'))!;
    await expect(confirmFrozenTables(env.platform.db as any, { ...row, ...columns })).resolves.toBeUndefined();
    await makeFoiRequest(quiet.agents.unit_liaison, { unitId: quiet.unit.id, receivedDate: '2023-05-05', applicantType: 'person' });
    await expect(confirmFrozenTables(env.platform.db as any, { ...row, ...columns })).rejects.toThrow('重新统计');
  });

  it('refuses to import a closed request without its applicant type', async () => {
    const u = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county });
    const res = await u.agents.unit_liaison.request({ method: 'POST', url: '/api/v1/imports/foi_requests', ...multipart('f.jsonl', JSON.stringify({ ref: 'Q1', unitCode: u.unit.code, applicant: '丁', content: '某信息', receivedDate: '2025-03-02', replyDate: '2025-03-12', replyType: 'disclosed' })) });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].column).toBe('申请人类型（applicantType）');
  });
});
