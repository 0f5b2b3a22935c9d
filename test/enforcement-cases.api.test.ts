// 行政执法案件 and the three systems over HTTP (issue 16): at least two certified officers, the
// penalty clock from opening, 重大执法决定法制审核 before a major decision, 公示 within its clock and
// withdrawn when the decision changes, 全过程记录 by stage; the portal's masked disclosure; scope
// (reads, changes, imports, exports), bad input, the import with its workflow steps, figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDaysDue, createTestEnv, loggedIn, makeStaffedUnit, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { makeBody, makeOfficer } from './fixtures/enforcement.ts';
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

const daysAgo = (n: number) => fromDayNumber(toDayNumber(chinaToday()) - n);
const act = (agent: Agent, id: string, key: string, body: Record<string, unknown>) => agent.post(`/api/v1/workflow/enforcement_case/${id}/transitions/${key}`, body);
const importFile = (agent: Agent, type: string, rows: Record<string, unknown>[]) => agent.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart(`${type}.jsonl`, rows.map((r) => JSON.stringify(r)).join('\n')) });

/** A unit with an enforcement officer's account, a body and two certified officers. */
async function enforcementUnit() {
  const { unit, agents } = await makeStaffedUnit(env, ['enforcement_officer', 'unit_liaison'] as const, { parent: root });
  const body = await makeBody(agents.unit_liaison, { unitId: unit.id });
  const officers = [await makeOfficer(agents.unit_liaison, { bodyId: body.id }), await makeOfficer(agents.unit_liaison, { bodyId: body.id })];
  // Refs, as a body's own register (the import's keys) would give them.
  body.ref = `ZFZT-${unit.code}`;
  await env.platform.db.updateTable('enforcement_bodies').set({ ref: body.ref }).where('id', '=', body.id).execute();
  for (const [i, o] of officers.entries()) {
    o.ref = `ZF-${unit.code}-${i + 1}`;
    await env.platform.db.updateTable('enforcement_officers').set({ ref: o.ref }).where('id', '=', o.id).execute();
  }
  return { unit, agent: agents.enforcement_officer, liaison: agents.unit_liaison, body, officers };
}

async function makeCase(agent: Agent, values: Record<string, unknown>) {
  const res = await agent.post('/api/v1/enforcement-cases', { kind: 'penalty', partyKind: 'organisation', partyName: '示范县某某食品有限公司', openedDate: daysAgo(20), ...values });
  if (res.statusCode !== 201) throw new Error(`enforcement case: ${res.statusCode} ${res.body}`);
  return res.json();
}

describe('a penalty case', () => {
  it('runs the 90-day clock from opening; the decision starts the 7-working-day disclosure clock; the portal shows it with the person masked; a revoked decision leaves the portal and its withdrawal is timed', async () => {
    const { agent, body, officers } = await enforcementUnit();
    const created = await makeCase(agent, { bodyId: body.id, officerIds: officers.map((o) => o.id), partyKind: 'person', partyName: '王小明', cause: '销售过期食品', basis: '《中华人民共和国食品安全法》第一百二十四条' });
    expect(created).toMatchObject({ status: 'open', title: '销售过期食品', dueLabel: '办案期限', due: calendarDaysDue(daysAgo(20), 90) });
    expect(created.officerNames.split('、').sort()).toEqual(officers.map((o) => o.name).sort());
    // 全过程记录 by stage.
    const recorded = await agent.post(`/api/v1/enforcement-cases/${created.id}/records`, { stage: 'investigation', medium: 'video', title: '现场检查执法记录仪录像', reference: '档案室 2026-音像-031', date: daysAgo(19) });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ version: 2, records: [{ stage: 'investigation', medium: 'video', reference: '档案室 2026-音像-031' }] });
    const decided = await act(agent, created.id, 'decide', { version: 2, date: daysAgo(3), values: { outcome: 'imposed', decision: '没收违法所得，罚款五千元', penaltyAmount: '5000' } });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = (await agent.get(`/api/v1/enforcement-cases/${created.id}`)).json();
    expect(after).toMatchObject({ status: 'decided', decidedDate: daysAgo(3), penaltyAmountFen: 500000, dueLabel: '公示期限' });
    // The decision takes its 决定书文号 by the law office's pattern (default: the unit's, per year of the decision).
    expect(after.decisionNumber).toMatch(new RegExp(`执决〔${daysAgo(3).slice(0, 4)}〕\\d+号$`));
    const clocks = (await agent.get(`/api/v1/workflow/enforcement_case/${created.id}`)).json().clocks;
    expect(clocks.find((c: any) => c.key === 'decide')).toMatchObject({ status: 'stopped' });
    expect(clocks.find((c: any) => c.key === 'disclosure')).toMatchObject({ status: 'running', ruleCode: 'enforcement.disclosure_penalty_licence', due: after.due });
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/enforcement-decisions?bodyId=${body.id}` })).json().items).toEqual([]);
    expect((await act(agent, created.id, 'disclose', { version: after.version, date: daysAgo(1) })).statusCode).toBe(200);
    const published = (await env.app.inject({ method: 'GET', url: `/api/v1/public/enforcement-decisions?bodyId=${body.id}` })).json();
    expect(published.items).toMatchObject([{ party: '王某某', kind: '行政处罚', penaltyAmountFen: 500000, decisionNumber: after.decisionNumber, disclosedDate: daysAgo(1) }]);
    expect(JSON.stringify(published)).not.toContain('王小明');
    // A changed decision leaves the portal at once; its withdrawal runs a 3-working-day clock.
    const disclosed = (await agent.get(`/api/v1/enforcement-cases/${created.id}`)).json();
    expect(disclosed).toMatchObject({ status: 'disclosed', due: null, light: null });
    expect((await act(agent, created.id, 'revoke', { version: disclosed.version })).statusCode).toBe(400);
    expect((await act(agent, created.id, 'revoke', { version: disclosed.version, note: '复议机关撤销原处罚决定' })).statusCode).toBe(200);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/enforcement-decisions?bodyId=${body.id}` })).json().items).toEqual([]);
    const withdrawing = (await agent.get(`/api/v1/enforcement-cases/${created.id}`)).json();
    expect(withdrawing).toMatchObject({ status: 'withdrawing', dueLabel: '撤回公示期限' });
    expect((await act(agent, created.id, 'withdraw', { version: withdrawing.version })).statusCode).toBe(200);
  });

  it('a penalty on a matter of the body\'s 不予处罚 list needs its reason: without one the decision is refused, naming the field, and nothing changes', async () => {
    const { agent, liaison, body, officers } = await enforcementUnit();
    const item = (await liaison.post('/api/v1/enforcement-list-items', { bodyId: body.id, list: 'no_penalty', title: '首次未按规定公示年度报告且及时改正的', basis: '《中华人民共和国行政处罚法》第三十三条' })).json();
    const c = await makeCase(agent, { bodyId: body.id, officerIds: officers.map((o) => o.id), listItemId: item.id });
    const refused = await act(agent, c.id, 'decide', { version: 1, values: { outcome: 'imposed', decision: '罚款一千元', penaltyAmount: 1000 } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'values.listReason' });
    expect(refused.json().detail).toContain('适用清单说明');
    expect((await agent.get(`/api/v1/enforcement-cases/${c.id}`)).json()).toMatchObject({ status: 'open', version: 1, decidedDate: null });
    // Not penalising needs no reason; penalising with one is recorded.
    const declined = await act(agent, c.id, 'decide', { version: 1, values: { outcome: 'imposed', decision: '罚款一千元', penaltyAmount: 1000, listReason: '责令期限内拒不改正，不再适用首违不罚' } });
    expect(declined.statusCode, declined.body).toBe(200);
    expect((await agent.get(`/api/v1/enforcement-cases/${c.id}`)).json()).toMatchObject({ status: 'decided', listReason: '责令期限内拒不改正，不再适用首违不罚', listItemTitle: item.title });
  });
});

describe('a major decision', () => {
  it('cannot be decided before the legal review gives its opinion; the review rate counts it', async () => {
    const { unit, agent, body, officers } = await enforcementUnit();
    const year = Number(chinaToday().slice(0, 4));
    const c = await makeCase(agent, { bodyId: body.id, officerIds: officers.map((o) => o.id), kind: 'coercion', major: true, openedDate: daysAgo(30) });
    expect(c.due).toBeNull(); // only penalties run the 90-day clock
    const early = await act(agent, c.id, 'decide', { version: 1, values: { outcome: 'imposed', decision: '查封经营场所' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('重大执法决定须先经法制审核');
    const panel = (await agent.get(`/api/v1/workflow/enforcement_case/${c.id}`)).json();
    expect(panel.transitions.find((t: any) => t.key === 'decide').blockedBy).toEqual(['重大执法决定须先经法制审核，请先提交法制审核']);
    expect((await act(agent, c.id, 'submit_review', { version: 1, date: daysAgo(10) })).statusCode).toBe(200);
    // The body's officer cannot give the legal opinion; the reviewer (here the law office) does.
    expect((await act(agent, c.id, 'review', { version: 2, values: { legalReviewOpinion: '同意' } })).statusCode).toBe(403);
    expect((await act(office, c.id, 'review', { version: 2, date: daysAgo(8), values: { legalReviewOpinion: '事实清楚，证据确凿，程序合法，同意作出查封决定' } })).statusCode).toBe(200);
    // Decided before the review's date: the dates name the field.
    const before = await act(agent, c.id, 'decide', { version: 3, date: daysAgo(9), values: { outcome: 'imposed', decision: '查封经营场所' } });
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0].field).toBe('date');
    expect(before.json().detail).toContain('法制审核日期');
    expect((await act(agent, c.id, 'decide', { version: 3, date: daysAgo(7), values: { outcome: 'imposed', decision: '查封经营场所' } })).statusCode).toBe(200);
    const other = await makeCase(agent, { bodyId: body.id, officerIds: officers.map((o) => o.id), kind: 'inspection', openedDate: daysAgo(12) });
    expect((await act(agent, other.id, 'decide', { version: 1, date: daysAgo(11), values: { outcome: 'concluded', decision: '检查未发现问题' } })).statusCode).toBe(200);
    expect((await act(agent, other.id, 'disclose', { version: 2, date: daysAgo(10) })).statusCode).toBe(200);
    if (daysAgo(11).startsWith(String(year))) {
      const figures = (await office.get(`/api/v1/indicators?year=${year}&unit=${unit.code}`)).json().indicators;
      expect(figures).toMatchObject({ 'enforcement.cases': 2, 'enforcement.cases_major': 1, 'enforcement.major_reviewed': 1, 'enforcement.major_reviewed_rate': 1, 'enforcement.disclosed_on_time': 1, 'enforcement.disclosed_on_time_rate': 0.5 });
    }
  });
});

describe('bad input', () => {
  it('names the field in Chinese and saves nothing', async () => {
    const { agent, liaison, body, officers } = await enforcementUnit();
    const otherBody = await makeBody(liaison, { unitId: body.unitId });
    const stranger = await makeOfficer(liaison, { bodyId: otherBody.id });
    const expired = await makeOfficer(liaison, { bodyId: body.id, certificateIssuedDate: '2020-01-01', certificateValidUntil: '2024-12-31' });
    const supervisor = await makeOfficer(liaison, { bodyId: body.id, supervisor: true });
    const base = { bodyId: body.id, kind: 'penalty', partyName: '某公司', openedDate: daysAgo(5), officerIds: officers.map((o) => o.id) };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ officerIds: [officers[0].id] }, 'officerIds', '执法人员（officerIds）不得少于 2 人'],
      [{ officerIds: [officers[0].id, officers[0].id] }, 'officerIds', '不得少于 2 人'],
      [{ officerIds: [officers[0].id, expired.id] }, 'officerIds', `「${expired.name}」在立案日期 ${daysAgo(5)} 未持有效执法证`],
      [{ officerIds: [officers[0].id, stranger.id] }, 'officerIds', `「${stranger.name}」不是`],
      [{ officerIds: [officers[0].id, supervisor.id] }, 'officerIds', '是监督人员'],
      [{ partyName: '' }, 'partyName', '请填写当事人'],
      [{ kind: 'fine' }, 'kind', '案件类别'],
      [{ openedDate: daysAgo(-3) }, 'openedDate', '不能晚于今天'],
      [{ partyIdNumber: '123' }, 'partyIdNumber', '当事人身份证号'],
    ];
    for (const [extra, field, message] of cases) {
      const res = await agent.post('/api/v1/enforcement-cases', { ...base, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().errors[0].field, JSON.stringify(extra)).toBe(field);
      expect(res.json().detail, JSON.stringify(extra)).toContain(message);
    }
    expect((await agent.get(`/api/v1/enforcement-cases?bodyId=${body.id}`)).json().total).toBe(0);
    // A decision before opening, a disclosure before the decision: the date is named.
    const c = await makeCase(agent, base);
    const early = await act(agent, c.id, 'decide', { version: 1, date: daysAgo(6), values: { outcome: 'imposed', decision: '警告' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('date');
    expect(early.json().detail).toContain('立案日期');
    expect((await act(agent, c.id, 'decide', { version: 1, date: daysAgo(2), values: { outcome: 'imposed', decision: '警告' } })).statusCode).toBe(200);
    const disclosed = await act(agent, c.id, 'disclose', { version: 2, date: daysAgo(3) });
    expect(disclosed.statusCode).toBe(400);
    expect(disclosed.json().detail).toContain('公示日期');
    const record = await agent.post(`/api/v1/enforcement-cases/${c.id}/records`, { stage: 'filing', medium: 'document', title: '立案审批表', date: daysAgo(9) });
    expect(record.json()).toMatchObject({ status: 400, errors: [{ field: 'date' }] });
    expect((await agent.get(`/api/v1/enforcement-cases/${c.id}`)).json()).toMatchObject({ status: 'decided', version: 2, disclosedDate: null, records: [] });
  });
});

describe('data scope', () => {
  it('a unit cannot read, list, export, change or import into another unit\'s cases, nor open a case with its officers', async () => {
    const a = await enforcementUnit();
    const b = await enforcementUnit();
    const c = await makeCase(a.agent, { bodyId: a.body.id, officerIds: a.officers.map((o) => o.id), partyName: '甲单位独有当事人' });
    const spy = b.agent;
    const missing = await spy.get('/api/v1/enforcement-cases/no-such-case');
    const theirs = await spy.get(`/api/v1/enforcement-cases/${c.id}`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().detail).toBe(missing.json().detail);
    expect((await spy.get('/api/v1/enforcement-cases?pageSize=200')).body).not.toContain('甲单位独有当事人');
    const exported = await spy.get('/api/v1/enforcement-cases/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.includes(Buffer.from('甲单位独有当事人'))).toBe(false);
    expect((await spy.post(`/api/v1/enforcement-cases/${c.id}/records`, { stage: 'filing', medium: 'document', title: '立案审批表', date: daysAgo(1) })).statusCode).toBe(404);
    expect((await act(spy, c.id, 'decide', { version: 1, values: { outcome: 'imposed', decision: '警告' } })).statusCode).toBe(404);
    // Their body and officers answer as ones that are not there.
    const underTheirBody = await spy.post('/api/v1/enforcement-cases', { bodyId: a.body.id, kind: 'penalty', partyName: '某', openedDate: daysAgo(1), officerIds: b.officers.map((o) => o.id) });
    expect(underTheirBody.json()).toMatchObject({ status: 400, errors: [{ field: 'bodyId' }] });
    const withTheirOfficers = await spy.post('/api/v1/enforcement-cases', { bodyId: b.body.id, kind: 'penalty', partyName: '某', openedDate: daysAgo(1), officerIds: a.officers.map((o) => o.id) });
    expect(withTheirOfficers.json()).toMatchObject({ status: 400, errors: [{ field: 'officerIds' }] });
    expect(withTheirOfficers.json().detail).toContain('不存在或无权访问');
    // Importing under their body's ref, or with their officers' refs: unknown.
    const imported = await importFile(b.liaison, 'enforcement_cases', [
      { ref: 'X-1', bodyRef: a.body.ref, kind: 'penalty', officerRefs: a.officers.map((o) => o.ref).join(';'), partyName: '某', openedDate: daysAgo(3) },
      { ref: 'X-2', bodyRef: b.body.ref, kind: 'penalty', officerRefs: `${b.officers[0].ref};${a.officers[1].ref}`, partyName: '某', openedDate: daysAgo(3) },
    ]);
    expect(imported.statusCode).toBe(422);
    expect(imported.json().errors.map((e: any) => e.column)).toEqual(['执法主体编号（bodyRef）', '执法人员编号（officerRefs）']);
    expect((await a.agent.get(`/api/v1/enforcement-cases/${c.id}`)).json()).toMatchObject({ version: 1, status: 'open' });
  });
});

describe('import enforcement_cases', () => {
  it('opens cases and takes each through review, decision and disclosure on its dates; a file with any bad row imports nothing and lists every one', async () => {
    const { agent, liaison, body, officers } = await enforcementUnit();
    const bodyRef = body.ref;
    const officerRefs = officers.map((o) => o.ref).join(';');
    const good = [
      { ref: 'AJ-1', bodyRef, kind: 'penalty', officerRefs, partyName: '某超市', openedDate: daysAgo(40), decidedDate: daysAgo(20), disclosedDate: daysAgo(18), penaltyAmountFen: '200000' },
      { ref: 'AJ-2', bodyRef, kind: 'coercion', officerRefs, partyName: '某工厂', major: '是', openedDate: daysAgo(40), legalReviewDate: daysAgo(30), decidedDate: daysAgo(28) },
      { ref: 'AJ-3', bodyRef, kind: 'inspection', officerRefs, partyName: '某餐馆', openedDate: daysAgo(4) },
    ];
    const bad = await importFile(agent, 'enforcement_cases', [
      ...good,
      { ref: 'AJ-4', bodyRef, kind: 'penalty', officerRefs: officers[0].ref, partyName: '某', openedDate: daysAgo(4) },
      { ref: 'AJ-5', bodyRef, kind: 'penalty', officerRefs, partyName: '某', major: 'true', openedDate: daysAgo(10), decidedDate: daysAgo(5) },
      { ref: 'AJ-6', bodyRef, kind: 'penalty', officerRefs, partyName: '某', openedDate: daysAgo(10), decidedDate: daysAgo(12) },
      { ref: 'AJ-7', bodyRef, kind: 'penalty', officerRefs, partyName: '某', openedDate: daysAgo(10), disclosedDate: daysAgo(5) },
    ]);
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, '法制审核日期（legalReviewDate）'], // the officer on the case may not record its legal review
      [4, '执法人员编号（officerRefs）'],
      [5, '法制审核日期（legalReviewDate）'],
      [6, '决定日期（decidedDate）'],
      [7, '决定日期（decidedDate）'],
    ]);
    expect((await agent.get(`/api/v1/enforcement-cases?bodyId=${body.id}`)).json().total).toBe(0);
    const ok = await importFile(liaison, 'enforcement_cases', good);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 3, updated: 0 });
    const list = (await agent.get(`/api/v1/enforcement-cases?bodyId=${body.id}&sort=openedDate&order=asc`)).json().items;
    const byRef = Object.fromEntries(list.map((c: any) => [c.ref, c]));
    expect(byRef['AJ-1']).toMatchObject({ status: 'disclosed', penaltyAmountFen: 200000, disclosedDate: daysAgo(18), partyKind: 'person' });
    expect(byRef['AJ-2']).toMatchObject({ status: 'decided', major: true, legalReviewDate: daysAgo(30), decidedDate: daysAgo(28) });
    expect(byRef['AJ-3']).toMatchObject({ status: 'open' });
    // Again with a later state: the case moves on; back to an earlier one: refused.
    const again = await importFile(liaison, 'enforcement_cases', [{ ...good[1], disclosedDate: daysAgo(27) }]);
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    const back = await importFile(agent, 'enforcement_cases', [{ ...good[0], decidedDate: undefined, disclosedDate: undefined }]);
    expect(back.statusCode).toBe(422);
  });
});
