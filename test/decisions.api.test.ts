// 重大行政决策 over HTTP (issue 14): the catalog (增补 needs a reason once published, 调出 with a
// reason, the portal's catalog), a decision's five procedures (合法性审查 and 集体讨论决定 never
// skippable, the 30-day comment period, 7 working days for the legality review, a hearing announced
// 7 days ahead), the gate to 已决策 (409 naming the missing procedures), comments from the portal and
// staff within the window, each answered, the summary after the period, post-evaluation not by the
// risk assessor; scope; imports all-or-nothing; the figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { advance, attach, createTestEnv, loggedIn, makeAnnualReport, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';
import { powDigest, zeroBits } from '../src/server/kernel/public/pow.ts';

let env: TestEnv;
let office: Agent;
let liaisonA: Agent;
let liaisonB: Agent;
let unitA: { id: string; code: string };
let unitB: { id: string; code: string };
const today = toDayNumber(chinaToday());
const day = (offset: number) => fromDayNumber(today + offset);
const year = Number(chinaToday().slice(0, 4));

beforeAll(async () => {
  env = await createTestEnv();
  const root = await makeUnit(env.platform, { kind: 'county', name: '决策测试县人民政府', code: `DC${Date.now() % 100000}` });
  const justice = await makeUnit(env.platform, { parent: root, name: '司法局' });
  unitA = await makeUnit(env.platform, { parent: root, name: '发展和改革局' });
  unitB = await makeUnit(env.platform, { parent: root, name: '教育局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB as any, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

const ok = async (res: { statusCode: number; body: string; json(): any }, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};
const version = async (id: string) => (await office.get(`/api/v1/decisions/${id}`)).json().version as number;
const proc = async (agent: Agent, id: string, p: string, body: Record<string, unknown>) => agent.put(`/api/v1/decisions/${id}/procedures/${p}`, { version: await version(id), ...body });
const DRAFT = '第一条 为规范停车管理，制定本方案。';

async function decision(title: string, extra: Record<string, unknown> = {}) {
  return ok(await liaisonA.post('/api/v1/decisions', { title, year, unitId: unitA.id, unlistedReason: '年度中新增的应急事项', ...extra }), 201);
}

/** The record id each procedure's evidence files are attached to. */
const evidenceIds = async (id: string): Promise<Record<string, string>> => Object.fromEntries((await office.get(`/api/v1/decisions/${id}`)).json().procedures.map((p: any) => [p.key, p.evidenceId]));

/** A decision with every procedure recorded in the past (expert argumentation not applicable), ready for 作出决策 — with each applicable procedure's evidence unless told. */
async function prepared(title: string, { evidence = true } = {}) {
  const d = await decision(title);
  await ok(await proc(liaisonA, d.id, 'public_participation', { draftText: DRAFT, commentStart: day(-80), commentEnd: day(-50) }));
  await ok(await liaisonA.post('/api/v1/decision-comments', { decisionId: d.id, receivedDate: day(-70), content: '建议延长免费时段', channel: 'letter', commenterName: '李某' }), 201);
  const [c] = (await liaisonA.get(`/api/v1/decision-comments?decisionId=${d.id}`)).json().items;
  await advance(liaisonA, 'decision_comment', c.id, 'answer', { version: c.version, date: day(-45), values: { answer: 'adopted', answerReason: '已采纳' } });
  await ok(await liaisonA.post(`/api/v1/decisions/${d.id}/comment-summary`, { version: await version(d.id), date: day(-44) }), 201);
  await ok(await proc(liaisonA, d.id, 'expert', { notApplicable: '技术性不强' }));
  await ok(await proc(liaisonA, d.id, 'risk', { riskAssessmentDate: day(-40), riskLevel: 'low', riskAssessor: '县稳评中心', riskReport: '风险低' }));
  await ok(await proc(liaisonA, d.id, 'legality', { legalitySubmittedDate: day(-35), legalityDueDate: day(-20), legalityReviewerKind: 'law_office', legalityReviewer: '县司法局', legalityReviewDate: day(-25), legalityConclusion: 'legal', legalityOpinion: '合法' }));
  await ok(await proc(liaisonA, d.id, 'deliberation', { meeting: 'standing', meetingName: '县政府第3次常务会议', deliberationDate: day(-15), minutes: '同意。', dissent: '一人建议缓行' }));
  if (evidence) {
    const ids = await evidenceIds(d.id);
    for (const p of ['public_participation', 'risk', 'legality', 'deliberation']) await attach(liaisonA, 'decision_procedure', ids[p]!, `${p}.txt`);
  }
  return d.id as string;
}

describe('the catalog', () => {
  it('is published on the portal once consented; an item added later needs its reason; an item withdrawn keeps its reason', async () => {
    const y = year + 1; // a year of its own
    const first = await ok(await office.post('/api/v1/decision-catalog', { year: y, title: '城区停车收费标准调整', unitId: unitA.id, plannedDate: `${y}-09-30`, consentDate: day(-5) }), 201);
    expect(first).toMatchObject({ status: 'listed', published: true, unitName: '发展和改革局' });
    const late = await office.post('/api/v1/decision-catalog', { year: y, title: '校外培训管理办法', unitId: unitB.id, consentDate: day(-1) });
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0]).toMatchObject({ field: 'addedReason' });
    expect(late.json().detail).toContain('增补理由');
    const added = await ok(await office.post('/api/v1/decision-catalog', { year: y, title: '校外培训管理办法', unitId: unitB.id, consentDate: day(-1), addedReason: '上级部署新增' }), 201);
    // Only the law office compiles the catalog.
    expect((await liaisonA.post('/api/v1/decision-catalog', { year: y, title: '某事项', unitId: unitA.id })).statusCode).toBe(403);
    await advance(office, 'decision_catalog_item', added.id, 'withdraw', { version: added.version, values: { withdrawnReason: '上级统一制定' } });
    const portal = await ok(await env.app.inject({ method: 'GET', url: `/api/v1/public/decision-catalog?year=${y}` }));
    expect(portal.publishedDate).toBe(day(-5));
    expect(portal.items.map((i: any) => [i.title, i.added?.reason ?? null, i.withdrawn?.reason ?? null])).toEqual([
      ['城区停车收费标准调整', null, null],
      ['校外培训管理办法', '上级部署新增', '上级统一制定'],
    ]);
    // 更正 of a published item needs its reason; each keeps what it replaced, with the reason, on the item's timeline (the catalog's versions).
    const correction = { version: first.version, year: y, title: '城区停车收费标准调整', unitId: unitA.id, plannedDate: `${y}-10-31`, consentDate: day(-5) };
    const noReason = await office.put(`/api/v1/decision-catalog/${first.id}`, correction);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'changeReason', message: expect.stringContaining('更正理由（changeReason）必填') });
    const moved = await ok(await office.put(`/api/v1/decision-catalog/${first.id}`, { ...correction, changeReason: '配套资金到位时间推迟' }));
    expect(moved.plannedDate).toBe(`${y}-10-31`);
    const panel = (await office.get(`/api/v1/workflow/decision_catalog_item/${first.id}`)).json();
    expect(panel.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ label: '更正目录事项', note: `计划完成时间：${y}-09-30 → ${y}-10-31。理由：配套资金到位时间推迟` })]));
    // A decision takes its item's year and unit; one decision per item.
    const d = await ok(await liaisonA.post('/api/v1/decisions', { title: '城区停车收费标准调整', year, unitId: unitA.id, catalogItemId: first.id }), 201);
    expect(d).toMatchObject({ year: y, catalogItemTitle: '城区停车收费标准调整', status: 'drafting', stage: '公众参与' });
    const again = await liaisonA.post('/api/v1/decisions', { title: '重复', year, unitId: unitA.id, catalogItemId: first.id });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('catalogItemId');
  });
});

describe('a decision', () => {
  it('unlisted needs its reason; another unit neither reads nor changes it', async () => {
    const bad = await liaisonA.post('/api/v1/decisions', { title: '未列目录', year, unitId: unitA.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'unlistedReason' });
    expect(bad.json().detail).toContain('未列入目录的理由');
    const d = await decision('供水价格调整');
    expect((await liaisonB.get(`/api/v1/decisions/${d.id}`)).statusCode).toBe(404);
    expect((await liaisonB.put(`/api/v1/decisions/${d.id}/procedures/expert`, { version: d.version, notApplicable: '无' })).statusCode).toBe(404);
    expect((await liaisonB.post(`/api/v1/workflow/decision/${d.id}/transitions/terminate`, { version: d.version, note: '终止' })).statusCode).toBe(404);
    expect((await liaisonB.post('/api/v1/decision-comments', { decisionId: d.id, receivedDate: day(0), content: 'x', channel: 'letter' })).statusCode).toBe(400);
    expect((await liaisonB.get('/api/v1/decisions?pageSize=200')).json().items.map((r: any) => r.id)).not.toContain(d.id);
    expect((await liaisonB.post('/api/v1/decisions', { title: '越权', year, unitId: unitA.id, unlistedReason: '无' })).statusCode).toBe(400);
    expect((await liaisonA.get(`/api/v1/decisions/${d.id}`)).json().version).toBe(d.version);
  });

  it('refuses bad procedures with a message naming the field, and keeps nothing of them', async () => {
    const d = await decision('公交票价调整');
    for (const p of ['legality', 'deliberation']) {
      const res = await proc(liaisonA, d.id, p, { notApplicable: '不需要' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('notApplicable');
      expect(res.json().detail).toMatch(/不得标注为不适用/);
    }
    const short = await proc(liaisonA, d.id, 'public_participation', { draftText: DRAFT, commentStart: day(-20), commentEnd: day(0) });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('commentEnd');
    expect(short.json().detail).toContain('不得少于30日');
    const legal = await proc(liaisonA, d.id, 'legality', { legalitySubmittedDate: day(-3), legalityDueDate: day(-1), legalityReviewerKind: 'law_office', legalityReviewer: '县司法局' });
    expect(legal.statusCode).toBe(400);
    expect(legal.json().errors[0].field).toBe('legalityDueDate');
    expect(legal.json().detail).toContain('7个工作日');
    const noDate = await proc(liaisonA, d.id, 'risk', { riskLevel: 'high', riskAssessor: '某机构', riskReport: '报告' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().errors[0].field).toBe('riskAssessmentDate');
    const hearing = await liaisonA.post(`/api/v1/decisions/${d.id}/events`, { kind: 'hearing', date: day(3), noticeDate: day(-2), participants: 10 });
    expect(hearing.statusCode).toBe(400);
    expect(hearing.json().errors[0].field).toBe('noticeDate');
    expect(hearing.json().detail).toContain('7日前');
    const after = (await liaisonA.get(`/api/v1/decisions/${d.id}`)).json();
    expect(after).toMatchObject({ version: d.version, commentStart: null, legalitySubmittedDate: null, riskLevel: null, events: [] });
    // A shorter period with its reason is recorded; a hearing announced 7 days ahead too.
    await ok(await proc(liaisonA, d.id, 'public_participation', { draftText: DRAFT, commentStart: day(-20), commentEnd: day(0), commentShortReason: '春运前须完成调整，情况紧急' }));
    const announced = (await ok(await liaisonA.post(`/api/v1/decisions/${d.id}/events`, { kind: 'hearing', date: day(5), noticeDate: day(-2), participants: 0 }), 201)).events[0];
    // The same hearing, corrected once its participants are chosen (the same rules: a notice moved too late is refused).
    const late = await liaisonA.put(`/api/v1/decisions/${d.id}/events/${announced.id}`, { version: announced.version, kind: 'hearing', date: day(5), noticeDate: day(0), participants: 15 });
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0]).toMatchObject({ field: 'noticeDate' });
    const corrected = await ok(await liaisonA.put(`/api/v1/decisions/${d.id}/events/${announced.id}`, { version: announced.version, kind: 'hearing', date: day(5), noticeDate: day(-2), participants: 15, participantList: '居民代表8名、专家2名、人大代表政协委员5名' }));
    expect(corrected.events).toEqual([expect.objectContaining({ id: announced.id, participants: 15, participantList: '居民代表8名、专家2名、人大代表政协委员5名', noticeDate: day(-2) })]);
    expect((await liaisonB.put(`/api/v1/decisions/${d.id}/events/${announced.id}`, { version: corrected.events[0].version, kind: 'hearing', date: day(5), noticeDate: day(-2), participants: 1 })).statusCode).toBe(404);
  });

  it('runs the legality review\'s clock (decision.legality_review) from submission to the opinion, shown with its due date and light', async () => {
    const d = await decision('合法性审查计时');
    const minimum = (await ok(await liaisonA.get(`/api/v1/calendar/deadline?rule=decision.legality_review&from=${day(-1)}`))).due as string;
    await ok(await proc(liaisonA, d.id, 'legality', { legalitySubmittedDate: day(-1), legalityDueDate: minimum, legalityReviewerKind: 'law_office', legalityReviewer: '县司法局' }));
    const running = await ok(await office.get(`/api/v1/decisions/${d.id}`));
    expect(running).toMatchObject({ legalityDue: minimum, legalityLight: 'green' });
    const panel = (await ok(await office.get(`/api/v1/workflow/decision/${d.id}`))).clocks;
    expect(panel).toEqual([expect.objectContaining({ key: 'legality', ruleCode: 'decision.legality_review', status: 'running', due: minimum })]);
    // A longer time allowed: the clock runs to it.
    await ok(await proc(liaisonA, d.id, 'legality', { legalitySubmittedDate: day(-1), legalityDueDate: day(30), legalityReviewerKind: 'law_office', legalityReviewer: '县司法局' }));
    const list = (await ok(await office.get('/api/v1/decisions?pageSize=200'))).items.find((r: any) => r.id === d.id);
    expect(list).toMatchObject({ legalityDue: day(30), legalityLight: 'green' });
    // The opinion stops it.
    await ok(await proc(liaisonA, d.id, 'legality', { legalitySubmittedDate: day(-1), legalityDueDate: day(30), legalityReviewerKind: 'law_office', legalityReviewer: '县司法局', legalityReviewDate: day(0), legalityConclusion: 'legal', legalityOpinion: '合法' }));
    expect(await ok(await office.get(`/api/v1/decisions/${d.id}`))).toMatchObject({ legalityDue: day(30), legalityLight: null });
    expect((await ok(await office.get(`/api/v1/workflow/decision/${d.id}`))).clocks).toEqual([expect.objectContaining({ key: 'legality', status: 'stopped', stoppedOn: day(0) })]);
  });

  it('reaches 已决策 only with every applicable procedure recorded, never dated before one', async () => {
    const d = await decision('城区停车收费调整');
    const gate = await liaisonA.post(`/api/v1/workflow/decision/${d.id}/transitions/decide`, { version: d.version });
    expect(gate.statusCode).toBe(409);
    expect(gate.json().detail).toContain('公众参与、专家论证、风险评估、合法性审查、集体讨论决定');
    const id = await prepared('城区停车收费标准调整（试行）');
    const view = (await liaisonA.get(`/api/v1/decisions/${id}`)).json();
    expect(view.missing).toEqual([]);
    expect(view.procedures.map((p: any) => [p.key, p.done, p.notApplicable])).toEqual([
      ['public_participation', true, false],
      ['expert', true, true],
      ['risk', true, false],
      ['legality', true, false],
      ['deliberation', true, false],
    ]);
    const early = await liaisonA.post(`/api/v1/workflow/decision/${id}/transitions/decide`, { version: view.version, date: day(-16) });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('date');
    expect(early.json().detail).toContain('决策日期');
    await advance(liaisonA, 'decision', id, 'decide', { version: view.version, date: day(-10) });
    // Procedures are closed once decided.
    expect((await proc(liaisonA, id, 'expert', { notApplicable: '改' })).statusCode).toBe(409);
    await advance(liaisonA, 'decision', id, 'publish', { version: await version(id), date: day(-8), values: { publication: '县政府门户网站' } });
    await ok(await liaisonA.post(`/api/v1/decisions/${id}/reports`, { date: day(-2), content: '已实施，运行平稳。' }), 201);
    // Post-evaluation: not by the body that assessed the risk.
    const same = await liaisonA.post(`/api/v1/workflow/decision/${id}/transitions/evaluate`, { version: await version(id), values: { postEvalTrigger: '实施满一年', postEvaluator: '县稳评中心', postEvalConclusion: 'continue', postEvalReport: '良好' } });
    expect(same.statusCode).toBe(400);
    expect(same.json().detail).toContain('评估机构');
    expect((await liaisonA.get(`/api/v1/decisions/${id}`)).json().status).toBe('implementing');
    await advance(liaisonA, 'decision', id, 'evaluate', { version: await version(id), values: { postEvalTrigger: '实施满一年', postEvaluator: '第三方评估机构', postEvalConclusion: 'adjust', postEvalReport: '建议调整' } });
    expect((await liaisonA.get(`/api/v1/decisions/${id}`)).json()).toMatchObject({ status: 'evaluated', postEvalConclusion: 'adjust', reports: [{ content: '已实施，运行平稳。' }] });
    // 决策档案: every material in one .zip with its index; not for another unit.
    await attach(liaisonA, 'decision', id, '集体讨论会议纪要.txt');
    const archive = await liaisonA.request({ method: 'GET', url: `/api/v1/decisions/${id}/archive` });
    expect(archive.statusCode, archive.body).toBe(200);
    expect(archive.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(archive.rawPayload);
    const index = await zip.file('00-目录.txt')!.async('string');
    for (const name of ['01-决策概况.txt', '02-决策草案及说明.txt', '03-公众意见及采纳情况.csv', '05-办理过程.txt', '06-材料/01-集体讨论会议纪要.txt']) expect(index).toContain(name);
    const summary = await zip.file('01-决策概况.txt')!.async('string');
    expect(summary).toContain('合法性审查：已完成');
    expect(summary).toContain('专家论证：不适用');
    expect(summary).toContain('不同意见：一人建议缓行');
    expect(await zip.file('03-公众意见及采纳情况.csv')!.async('string')).toContain('建议延长免费时段');
    expect((await liaisonB.request({ method: 'GET', url: `/api/v1/decisions/${id}/archive` })).statusCode).toBe(404);
  });

  it('reaches 已决策 only with evidence for each applicable procedure, uploaded per procedure within the decision\'s unit; another unit neither uploads to nor reads it', async () => {
    const id = await prepared('城区公共自行车租赁收费办法', { evidence: false });
    let view = await ok(await liaisonA.get(`/api/v1/decisions/${id}`));
    expect(view.missing).toEqual([]);
    expect(view.procedures.map((p: any) => [p.key, p.evidenceRequired, p.evidence])).toEqual([
      ['public_participation', true, []],
      ['expert', false, []],
      ['risk', true, []],
      ['legality', true, []],
      ['deliberation', true, []],
    ]);
    expect(view.missingEvidence).toEqual(['public_participation', 'risk', 'legality', 'deliberation']);
    const decide = async () => liaisonA.post(`/api/v1/workflow/decision/${id}/transitions/decide`, { version: await version(id), date: day(-10) });
    let refused = await decide();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('以下决策程序尚未上传证明材料：公众参与、风险评估、合法性审查、集体讨论决定');

    // Uploaded through the 台账材料 route, to the procedure's record: it belongs to the decision's unit.
    const ids = await evidenceIds(id);
    const file = await attach(liaisonA, 'decision_procedure', ids.risk!, '风险评估报告.txt');
    expect(file).toMatchObject({ recordType: 'decision_procedure', recordId: ids.risk, unitId: unitA.id, filename: '风险评估报告.txt' });
    // Another unit can neither add to it nor see it.
    const foreign = await liaisonB.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('外单位材料.txt', '外单位材料', { recordType: 'decision_procedure', recordId: ids.legality! }) });
    expect(foreign.statusCode).toBe(404);
    const listed = (agent: Agent, p: string) => agent.get(`/api/v1/attachments?recordType=decision_procedure&recordId=${ids[p]}`);
    expect((await ok(await listed(liaisonB, 'risk'))).items).toEqual([]);
    expect((await liaisonB.get(`/api/v1/attachments/${file.id}`)).statusCode).toBe(404);
    expect((await liaisonB.request({ method: 'GET', url: `/api/v1/attachments/${file.id}/download` })).statusCode).toBe(404);
    expect((await liaisonB.get(`/api/v1/decisions/${id}`)).statusCode).toBe(404);
    // The unit lists and downloads it.
    expect((await ok(await listed(liaisonA, 'risk'))).items.map((f: any) => f.filename)).toEqual(['风险评估报告.txt']);
    const got = await liaisonA.request({ method: 'GET', url: `/api/v1/attachments/${file.id}/download` });
    expect(got.statusCode).toBe(200);
    expect(got.body).toBe('台账材料');
    // No such procedure: nothing to attach to.
    const nowhere = await liaisonA.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('材料.txt', '材料', { recordType: 'decision_procedure', recordId: `${id}.no_such` }) });
    expect(nowhere.statusCode).toBe(404);
    // A file on the decision as a whole is not a procedure's evidence.
    await attach(liaisonA, 'decision', id, '其他材料.txt');
    view = await ok(await liaisonA.get(`/api/v1/decisions/${id}`));
    expect(view.missingEvidence).toEqual(['public_participation', 'legality', 'deliberation']);
    expect(view.procedures.find((p: any) => p.key === 'risk').evidence).toEqual([expect.objectContaining({ id: file.id, filename: '风险评估报告.txt', uploadedByName: expect.any(String) })]);
    refused = await decide();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('尚未上传证明材料：公众参与、合法性审查、集体讨论决定');
    expect(refused.json().detail).not.toContain('风险评估');

    for (const [p, name] of [['public_participation', '意见采纳情况.txt'], ['legality', '合法性审查意见书.txt'], ['deliberation', '常务会议纪要.txt']] as const) await attach(liaisonA, 'decision_procedure', ids[p]!, name);
    expect((await ok(await liaisonA.get(`/api/v1/decisions/${id}`))).missingEvidence).toEqual([]);
    expect((await decide()).statusCode).toBe(200);

    // The archive keeps each procedure's evidence in a folder of its own, and says so in its summary.
    const zip = await JSZip.loadAsync((await liaisonA.request({ method: 'GET', url: `/api/v1/decisions/${id}/archive` })).rawPayload);
    const index = await zip.file('00-目录.txt')!.async('string');
    for (const name of ['06-材料/风险评估/01-风险评估报告.txt', '06-材料/公众参与/01-意见采纳情况.txt', '06-材料/合法性审查/01-合法性审查意见书.txt', '06-材料/集体讨论决定/01-常务会议纪要.txt', '06-材料/01-其他材料.txt']) expect(index).toContain(name);
    expect(await zip.file('06-材料/风险评估/01-风险评估报告.txt')!.async('string')).toBe('台账材料');
    const summary = await zip.file('01-决策概况.txt')!.async('string');
    expect(summary).toContain('证明材料 1 份（见 06-材料/风险评估）');
    expect(summary).toMatch(/专家论证：不适用——[^\n]*\n/);
  });

  it('moves the procedures\' records and their evidence with a decision whose catalog item changes unit: evidence is then the new unit\'s to read and upload', async () => {
    const y = year + 2; // a year of its own
    const item = await ok(await office.post('/api/v1/decision-catalog', { year: y, title: '城区夜市经营管理办法', unitId: unitA.id }), 201);
    const d = await ok(await liaisonA.post('/api/v1/decisions', { title: '城区夜市经营管理办法', year: y, unitId: unitA.id, catalogItemId: item.id }), 201);
    const ids = await evidenceIds(d.id);
    const before = await attach(liaisonA, 'decision_procedure', ids.public_participation!, '座谈会记录.txt');
    await ok(await proc(liaisonA, d.id, 'public_participation', { draftText: DRAFT, commentStart: day(-5), commentEnd: day(25) }));
    const comment = await ok(await liaisonA.post('/api/v1/decision-comments', { decisionId: d.id, receivedDate: day(-1), content: '夜市应设在城东', channel: 'letter' }), 201);
    await ok(await office.put(`/api/v1/decision-catalog/${item.id}`, { version: item.version, year: y, title: '城区夜市经营管理办法', unitId: unitB.id }));
    // Its public comments go with it: the new unit answers them, the old one neither reads nor answers them.
    expect((await liaisonA.get(`/api/v1/decision-comments?decisionId=${d.id}`)).json().total).toBe(0);
    expect((await liaisonA.post(`/api/v1/workflow/decision_comment/${comment.id}/transitions/answer`, { version: comment.version, values: { answer: 'adopted' } })).statusCode).toBe(404);
    expect((await liaisonB.get(`/api/v1/decision-comments?decisionId=${d.id}`)).json().items.map((c: any) => c.id)).toEqual([comment.id]);
    // What was uploaded goes along: the new unit reads it, the old one no longer.
    expect((await liaisonB.request({ method: 'GET', url: `/api/v1/attachments/${before.id}/download` })).statusCode).toBe(200);
    expect((await liaisonA.request({ method: 'GET', url: `/api/v1/attachments/${before.id}/download` })).statusCode).toBe(404);
    const old = await liaisonA.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('材料.txt', '材料', { recordType: 'decision_procedure', recordId: ids.risk! }) });
    expect(old.statusCode).toBe(404);
    const file = await attach(liaisonB, 'decision_procedure', ids.risk!, '风险评估报告.txt');
    expect(file.unitId).toBe(unitB.id);
    const view = await ok(await liaisonB.get(`/api/v1/decisions/${d.id}`));
    expect(view.procedures.find((p: any) => p.key === 'risk').evidence.map((f: any) => f.filename)).toEqual(['风险评估报告.txt']);
  });
});

describe('public comment', () => {
  const solved = async () => {
    const { challenge, bits } = (await env.app.inject({ method: 'GET', url: '/api/v1/public/challenge', remoteAddress: '10.9.0.1' })).json();
    for (let n = 0; ; n++) if (zeroBits(powDigest(challenge, String(n))) >= bits) return { challenge, nonce: String(n) };
  };
  const submit = async (decisionId: string, content: string) =>
    env.app.inject({ method: 'POST', url: '/api/v1/public/forms/decision-comment/submissions', remoteAddress: '10.9.0.1', payload: { decisionId, content, consent: true, pow: await solved() } });

  it('is taken on the portal within the period only; staff enter letters; each answered before the summary, published after the period', async () => {
    const d = await decision('城区学校布局调整');
    await ok(await proc(liaisonA, d.id, 'public_participation', { draftText: DRAFT, commentStart: day(-5), commentEnd: day(25) }));
    const open = (await env.app.inject({ method: 'GET', url: '/api/v1/public/decision-consultations' })).json().open;
    expect(open.find((c: any) => c.id === d.id)).toMatchObject({ daysLeft: 26, comments: 0 });
    const form = (await env.app.inject({ method: 'GET', url: '/api/v1/public/forms/decision-comment' })).json();
    // A comment, not an application: the portal's button says 提交意见.
    expect(form.what).toBe('意见');
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/public/forms/review-application' })).json().what).toBe('申请');
    expect(form.unit.choices.map((c: any) => c.id)).toContain(d.id);
    const sent = await submit(d.id, '建议在城东新区增设学校');
    expect(sent.statusCode, sent.body).toBe(201);
    // Staff enter a letter within the window; one dated outside it is refused naming the field.
    const outside = await liaisonA.post('/api/v1/decision-comments', { decisionId: d.id, receivedDate: day(-6), content: '早到的信', channel: 'letter' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].field).toBe('receivedDate');
    await ok(await liaisonA.post('/api/v1/decision-comments', { decisionId: d.id, receivedDate: day(-1), content: '请保留老城区小学', channel: 'letter', commenterName: '赵某', commenterPhone: '13800138000' }), 201);
    const comments = (await liaisonA.get(`/api/v1/decision-comments?decisionId=${d.id}`)).json();
    expect(comments.total).toBe(2);
    expect(comments.items.find((c: any) => c.channel === 'letter').commenterPhone).toMatch(/\*/);
    expect((await liaisonA.get(`/api/v1/decisions/${d.id}`)).json()).toMatchObject({ commentsReceived: 2, openComments: 2, commentDaysLeft: 26 });
    // The summary waits for the end of the period.
    const early = await liaisonA.post(`/api/v1/decisions/${d.id}/comment-summary`, { version: await version(d.id), date: day(0) });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('date');
    // A draft whose period is over takes no more comments on the portal.
    const closed = await decision('已截止的草案');
    await ok(await proc(liaisonA, closed.id, 'public_participation', { draftText: DRAFT, commentStart: day(-40), commentEnd: day(-5) }));
    expect((await submit(closed.id, '迟到的意见')).statusCode).toBe(400);
    await ok(await liaisonA.post('/api/v1/decision-comments', { decisionId: closed.id, receivedDate: day(-10), content: '按期寄出的信', channel: 'letter' }), 201);
    const blocked = await liaisonA.post(`/api/v1/decisions/${closed.id}/comment-summary`, { version: await version(closed.id), date: day(0) });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toContain('1 条意见未处理');
    const [c] = (await liaisonA.get(`/api/v1/decision-comments?decisionId=${closed.id}`)).json().items;
    const noReason = await liaisonA.post(`/api/v1/workflow/decision_comment/${c.id}/transitions/answer`, { version: c.version, values: { answer: 'rejected' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toContain('理由');
    await advance(liaisonA, 'decision_comment', c.id, 'answer', { version: c.version, values: { answer: 'partly', answerReason: '部分采纳，理由如下' } });
    await ok(await liaisonA.post(`/api/v1/decisions/${closed.id}/comment-summary`, { version: await version(closed.id), date: day(0) }), 201);
    const page = (await env.app.inject({ method: 'GET', url: `/api/v1/public/decision-consultations/${closed.id}` })).json();
    expect(page).toMatchObject({ open: false, commentsReceived: 1, summary: { date: day(0), partly: 1, items: [{ content: '按期寄出的信', answer: '部分采纳', reason: '部分采纳，理由如下' }] } });
    expect(JSON.stringify(page)).not.toContain('commenter');
  });
});

describe('imports and figures', () => {
  const csv = (header: string, rows: string[]) => [header, ...rows].join('\n') + '\n';
  const load = (type: string, header: string, rows: string[]) => office.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart(`${type}.csv`, csv(header, rows)) });
  const Y = year - 3;
  const CAT = 'ref,year,title,ownerUnitCode,plannedDate,consentDate';
  const DEC = 'ref,catalogItemRef,title,ownerUnitCode,commentStart,commentEnd,commentsReceived,hearingDate,expertSessionDate,riskAssessmentDate,riskLevel,legalityReviewDate,deliberationDate,decidedDate,notApplicable,postEvaluationDate';
  const EVT = 'ref,decisionRef,kind,date,participants';

  it('imports a catalog, decisions and events; any bad row imports nothing and every one is listed', async () => {
    await ok(await load('decision_catalog_items', CAT, [`IC-1,${Y},供暖价格调整,${unitA.code},${Y}-10-31,${Y}-02-10`, `IC-2,${Y},学前教育规划,${unitB.code},${Y}-12-31,${Y}-02-10`]));
    const bad = await load('decisions', DEC, [
      `ID-1,IC-1,供暖价格调整,${unitA.code},${Y}-03-01,${Y}-04-05,5,${Y}-03-20,${Y}-04-10,${Y}-04-20,low,${Y}-05-06,${Y}-05-20,${Y}-05-20,,${Y}-12-01`,
      `ID-2,,某规划,${unitA.code},${Y}-03-01,${Y}-03-15,0,,,,,${Y}-05-06,${Y}-05-20,${Y}-05-20,expert;risk,`,
      `ID-3,,某办法,${unitA.code},,,,,,,,,${Y}-05-20,${Y}-05-20,legality,`,
      `ID-4,IC-2,学前教育规划,${unitB.code},,,,,,,,${Y}-06-01,${Y}-06-10,${Y}-06-05,public_participation;expert;risk,`,
    ]);
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().errors.map((e: any) => [e.row, e.column])).toEqual([
      [3, '征求意见截止日期（commentEnd）'],
      [4, '不适用程序（notApplicable）'],
      [5, '决策日期（decidedDate）'],
    ]);
    expect(await env.platform.db.selectFrom('decisions').select('id').where('ref', 'like', 'ID-%').execute()).toHaveLength(0);
    await ok(await load('decisions', DEC, [
      `ID-1,IC-1,供暖价格调整,${unitA.code},${Y}-03-01,${Y}-04-05,5,${Y}-03-20,${Y}-04-10,${Y}-04-20,low,${Y}-05-06,${Y}-05-20,${Y}-05-20,,${Y}-12-01`,
      `ID-4,IC-2,学前教育规划,${unitB.code},,,,,,,,${Y}-06-01,${Y}-06-10,${Y}-06-10,public_participation;expert;risk,`,
      `ID-5,,应急预案,${unitA.code},,,,,,,,,,,,`,
    ]));
    await ok(await load('decision_events', EVT, [`IE-1,ID-1,expert,${Y}-04-10,6`, `IE-2,ID-1,comment_meeting,${Y}-03-25,30`]));
    const badEvent = await load('decision_events', EVT, [`IE-3,ID-404,hearing,${Y}-03-25,30`, `IE-4,ID-1,party,${Y}-03-25,x`]);
    expect(badEvent.statusCode).toBe(422);
    expect(badEvent.json().errors.length).toBeGreaterThanOrEqual(2);
    const rows = await env.platform.db.selectFrom('decisions').select(['ref', 'status', 'comments_received', 'year']).where('ref', 'in', ['ID-1', 'ID-4', 'ID-5']).orderBy('ref').execute();
    expect(rows).toEqual([
      { ref: 'ID-1', status: 'evaluated', comments_received: 5, year: Y },
      { ref: 'ID-4', status: 'decided', comments_received: 0, year: Y },
      { ref: 'ID-5', status: 'drafting', comments_received: 0, year: year },
    ]);
    // Re-importing updates, never duplicates.
    await ok(await load('decisions', DEC, [`ID-1,IC-1,供暖价格调整,${unitA.code},${Y}-03-01,${Y}-04-05,4,${Y}-03-20,${Y}-04-10,${Y}-04-20,low,${Y}-05-06,${Y}-05-20,${Y}-05-20,,${Y}-12-01`]));
    expect((await env.platform.db.selectFrom('decisions').select('comments_received').where('ref', '=', 'ID-1').executeTakeFirstOrThrow()).comments_received).toBe(4);

    const figures = async (unit: string) => (await office.get(`/api/v1/indicators?year=${Y}&unit=${unit}`)).json().indicators;
    expect(await figures(unitA.code)).toMatchObject({ 'decisions.catalog_items': 1, 'decisions.decided': 1, 'decisions.procedure_compliance_rate': 1, 'decisions.consultation_events': 3, 'decisions.public_comments': 4, 'decisions.post_evaluated': 1 });
    expect(await figures(unitB.code)).toMatchObject({ 'decisions.catalog_items': 1, 'decisions.decided': 1, 'decisions.procedure_compliance_rate': 1, 'decisions.public_comments': 0 });
    // The unit's annual report draft writes them into its 依法决策 section.
    const report = await makeAnnualReport(office, { unitId: unitA.id, year: Y });
    const section = report.sections.find((s: any) => s.key === 'measures.decisions');
    expect(section.heading).toBe('（十）坚持科学民主依法决策');
    expect(section.html).toContain('重大行政决策程序暂行条例');
    for (const code of ['decisions.catalog_items', 'decisions.decided', 'decisions.procedure_compliance_rate', 'decisions.consultation_events', 'decisions.public_comments', 'decisions.post_evaluated']) expect(section.html).toContain(`data-figure="${code}"`);
  });

  it('imports through the module\'s commands: the same rule refuses a live entry and an imported row with the same message; a count of comments is a count, not comment rows', async () => {
    // The 30-day comment period: a live entry without a reason, and an imported history row.
    const live = await decision('试行办法（短期限）');
    const refusedLive = await proc(liaisonA, live.id, 'public_participation', { draftText: DRAFT, commentStart: `${Y}-03-01`, commentEnd: `${Y}-03-15` });
    expect(refusedLive.statusCode).toBe(400);
    const message = refusedLive.json().errors[0].message as string;
    expect(message).toContain('征求意见期限不得少于30日');
    const refusedImport = await load('decisions', DEC, [`IR-1,,试行办法（短期限）,${unitA.code},${Y}-03-01,${Y}-03-15,3,,,,,${Y}-05-06,${Y}-05-20,${Y}-05-20,expert;risk,`]);
    expect(refusedImport.statusCode, refusedImport.body).toBe(422);
    expect(refusedImport.json().errors).toEqual([expect.objectContaining({ row: 2, column: '征求意见截止日期（commentEnd）', message })]);
    // Comments received without a period: refused by the module's comment rule, named on its column.
    const noPeriod = await load('decisions', DEC, [`IR-2,,无征求意见的办法,${unitA.code},,,3,,,,,${Y}-05-06,${Y}-05-20,${Y}-05-20,expert;risk,`]);
    expect(noPeriod.json().errors).toEqual([expect.objectContaining({ row: 2, column: '收到意见（条）（commentsReceived）', message: expect.stringContaining('未公开征求意见') })]);

    // Another year than the test above, whose figures for unitB it must not change (tests run in any order).
    const H = Y - 1;
    // Accepted: the count is recorded on the decision; no comment rows; the hearing is an event recorded by the module (on the timeline).
    await ok(await load('decisions', DEC, [`IR-3,,历史决策,${unitB.code},${H}-07-01,${H}-08-05,7,${H}-07-20,,,,${H}-08-20,${H}-09-01,${H}-09-01,expert;risk,`]));
    const d = await env.platform.db.selectFrom('decisions').select(['id', 'comments_received', 'imported_comments']).where('ref', '=', 'IR-3').executeTakeFirstOrThrow();
    expect(d).toMatchObject({ comments_received: 7, imported_comments: 7 });
    expect(await env.platform.db.selectFrom('decision_comments').select('id').where('decision_id', '=', d.id).execute()).toHaveLength(0);
    const detail = await ok(await office.get(`/api/v1/decisions/${d.id}`));
    expect(detail.events).toEqual([expect.objectContaining({ kind: 'hearing', date: `${H}-07-20` })]);
    expect(detail.procedures.find((p: any) => p.key === 'public_participation').summary).toContain('其中批量导入的历史数量 7 条');
    const timeline = await env.platform.db.selectFrom('timeline_entries').select('label').where('record_id', '=', d.id).execute();
    expect(timeline.map((t) => t.label)).toEqual(expect.arrayContaining(['记录听证会', '记录征求意见期间收到的意见数（批量导入）']));
    // The figure counts the 7, each traceable to its decision (the comment page opens the decision).
    const figures = (await office.get(`/api/v1/indicators?year=${H}&unit=${unitB.code}`)).json().indicators;
    expect(figures['decisions.public_comments']).toBe(7);
    const records = (await office.get(`/api/v1/indicators/decisions.public_comments/records?year=${H}&unit=${unitB.code}`)).json();
    expect(records.total).toBe(7);
    expect(records.items[0]).toMatchObject({ title: expect.stringContaining('历史决策：征求意见期间收到的意见（批量导入的历史数量，第'), link: expect.stringContaining(`/decision-comments/${d.id}:imported:`) });
    // Re-importing with another count replaces it.
    await ok(await load('decisions', DEC, [`IR-3,,历史决策,${unitB.code},${H}-07-01,${H}-08-05,2,${H}-07-20,,,,${H}-08-20,${H}-09-01,${H}-09-01,expert;risk,`]));
    expect((await office.get(`/api/v1/indicators?year=${H}&unit=${unitB.code}`)).json().indicators['decisions.public_comments']).toBe(2);
    expect((await ok(await office.get(`/api/v1/decisions/${d.id}`))).events).toHaveLength(1);
  });
  it('records an imported history as the UI does: the gate, the procedures\' rules and the workflow; an event row carries the participants of the hearing a decisions row named', async () => {
    const G = year - 6; // a year of its own
    // The gate's own message, live and imported: expert argumentation neither dated nor marked not applicable.
    const live = await decision('缺少专家论证的决策');
    await ok(await proc(liaisonA, live.id, 'risk', { notApplicable: '风险较低' }));
    const liveGate = await liaisonA.post(`/api/v1/workflow/decision/${live.id}/transitions/decide`, { version: await version(live.id) });
    expect(liveGate.statusCode).toBe(409);
    expect(liveGate.json().detail).toContain('专家论证');
    const refused = await load('decisions', DEC, [
      `IG-1,,缺少专家论证的历史决策,${unitA.code},,,,,,,,${G}-05-06,${G}-05-20,${G}-05-20,public_participation;risk,`,
      `IG-2,,未来的集体讨论,${unitA.code},,,,,,,,,${day(3)},,public_participation;expert;risk,`,
    ]);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ row: 2, column: '决策日期（decidedDate）', message: expect.stringContaining('以下决策程序尚未完成：专家论证') }),
      expect.objectContaining({ row: 3, column: '集体讨论日期（deliberationDate）', message: expect.stringContaining('不能晚于今天') }),
    ]);

    // A whole history: every procedure recorded (as an import), decided, published, post-evaluated, through the workflow.
    const ROW = `IG-4,,历史供水价格调整,${unitA.code},${G}-03-01,${G}-04-05,3,${G}-03-20,${G}-04-10,${G}-04-20,medium,${G}-05-06,${G}-05-20,${G}-05-25,,${G}-12-01`;
    await ok(await load('decisions', DEC, [ROW]));
    const row = await env.platform.db.selectFrom('decisions').selectAll().where('ref', '=', 'IG-4').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'evaluated', decided_date: `${G}-05-25`, post_eval_date: `${G}-12-01`, published_date: null, comments_received: 3 });
    const detail = await ok(await office.get(`/api/v1/decisions/${row.id}`));
    expect(detail.procedures.map((p: any) => [p.key, p.done])).toEqual([
      ['public_participation', true],
      ['expert', true],
      ['risk', true],
      ['legality', true],
      ['deliberation', true],
    ]);
    for (const p of detail.procedures) expect(p.summary).toContain('批量导入的历史记录');
    // Decided by the import without evidence files: history's evidence is in its archive.
    expect(detail.procedures.map((p: any) => p.evidenceRequired)).toEqual([false, false, false, false, false]);
    expect(detail.missingEvidence).toEqual([]);
    const labels = (await env.platform.db.selectFrom('timeline_entries').select('label').where('record_id', '=', row.id).orderBy('at').execute()).map((t) => t.label);
    expect(labels).toEqual(expect.arrayContaining(['记录公众参与（批量导入）', '记录专家论证（批量导入）', '记录合法性审查（批量导入）', '记录听证会', '作出决策', '公布决策', '完成决策后评估']));
    // A consultation held before the platform (no draft on record) is not shown on the portal as if run there.
    const portal = (await env.app.inject({ method: 'GET', url: '/api/v1/public/decision-consultations' })).json();
    expect([...portal.open, ...portal.closed].map((c: any) => c.id)).not.toContain(row.id);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/decision-consultations/${row.id}` })).statusCode).toBe(404);
    // History without the submission date: no legality clock was started (the contract has no such date).
    expect(await env.platform.db.selectFrom('clocks').select('id').where('record_id', '=', row.id).execute()).toHaveLength(0);

    // The hearing a decisions row named is the one the events row describes: its participants, not a second hearing.
    await ok(await load('decision_events', EVT, [`IG-E1,IG-4,hearing,${G}-03-20,25`]));
    let events = (await ok(await office.get(`/api/v1/decisions/${row.id}`))).events;
    expect(events).toEqual([expect.objectContaining({ ref: 'IG-E1', kind: 'hearing', date: `${G}-03-20`, participants: 25 })]);
    // Re-imported, corrected through the module's command (on the decision's timeline).
    await ok(await load('decision_events', EVT, [`IG-E1,IG-4,hearing,${G}-03-20,28`]));
    events = (await ok(await office.get(`/api/v1/decisions/${row.id}`))).events;
    expect(events).toEqual([expect.objectContaining({ ref: 'IG-E1', participants: 28 })]);
    expect((await env.platform.db.selectFrom('timeline_entries').select('label').where('record_id', '=', row.id).execute()).map((t) => t.label)).toContain('更正听证会记录');
    const figures = (await office.get(`/api/v1/indicators?year=${G}&unit=${unitA.code}`)).json().indicators;
    expect(figures).toMatchObject({ 'decisions.decided': 1, 'decisions.procedure_compliance_rate': 1, 'decisions.consultation_events': 1, 'decisions.public_comments': 3, 'decisions.post_evaluated': 1 });

    // Once decided, an import changes no procedure and takes no step back: the module's refusals, on the row's columns.
    await ok(await load('decisions', DEC, [ROW])); // the same history again changes nothing
    const changed = await load('decisions', DEC, [ROW.replace(`${G}-04-10`, `${G}-04-12`)]);
    expect(changed.json().errors).toEqual([expect.objectContaining({ column: '专家论证日期（expertSessionDate）', message: expect.stringContaining('不能再修改决策程序') })]);
    const redated = await load('decisions', DEC, [ROW.replace(`${G}-05-25`, `${G}-05-26`)]);
    expect(redated.json().errors).toEqual([expect.objectContaining({ column: '决策日期（decidedDate）', message: expect.stringContaining('不能更改决策日期') })]);
    const back = await load('decisions', DEC, [ROW.replace(/,[^,]*$/, ',')]);
    expect(back.json().errors).toEqual([expect.objectContaining({ column: '后评估完成日期（postEvaluationDate）', message: expect.stringContaining('不能改回更早的状态') })]);

    // A history still being prepared is continued in the system: the imported procedures count at the gate; one re-recorded live is the system's.
    await ok(await load('decisions', DEC, [`IG-5,,历史延续的决策,${unitA.code},,,,,,,,${G}-06-01,,,public_participation;expert;risk,`]));
    const cont = await env.platform.db.selectFrom('decisions').select(['id', 'imported_procedures']).where('ref', '=', 'IG-5').executeTakeFirstOrThrow();
    expect(cont.imported_procedures).toBe('legality');
    await ok(await proc(liaisonA, cont.id, 'deliberation', { meeting: 'standing', meetingName: '县政府常务会议', deliberationDate: day(-2), minutes: '同意。' }));
    // The imported review's evidence is in the archive, as its other details; the meeting recorded live needs its own.
    const continued = await ok(await liaisonA.get(`/api/v1/decisions/${cont.id}`));
    expect(continued.procedures.filter((p: any) => p.evidenceRequired).map((p: any) => p.key)).toEqual(['deliberation']);
    expect(continued.missingEvidence).toEqual(['deliberation']);
    const noMinutes = await liaisonA.post(`/api/v1/workflow/decision/${cont.id}/transitions/decide`, { version: await version(cont.id), date: day(-1) });
    expect(noMinutes.statusCode).toBe(409);
    expect(noMinutes.json().detail).toContain('尚未上传证明材料：集体讨论决定');
    expect(noMinutes.json().detail).not.toContain('合法性审查');
    await attach(liaisonA, 'decision_procedure', continued.procedures.find((p: any) => p.key === 'deliberation').evidenceId, '常务会议纪要.txt');
    await advance(liaisonA, 'decision', cont.id, 'decide', { version: await version(cont.id), date: day(-1) });
  });
});
