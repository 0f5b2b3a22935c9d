// The tables of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号) against hand-counted records: a
// department's requests of 2025 (one carried over from 2024, one still open at the end of 2025,
// one answered in January 2026), every kind of result, the cross-check, the county's sum of its
// units, table 4's reconsideration and lawsuits, the trace of a cell, the import, and data scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, answered, createTestEnv, loggedIn, makeFoiRequest, makeReviewCase, makeStaffedUnit, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let office: Agent;
let county: Awaited<ReturnType<typeof makeUnit>>;
let unit: { id: string; code: string };
let sibling: { id: string; code: string };
let liaison: Agent;
let siblingLiaison: Agent;
const ids: Record<string, string> = {};

const request = async (name: string, values: Record<string, unknown> & { receivedDate: string }, steps: [string, Record<string, unknown>][] = [], who = liaison, unitId = unit.id) => {
  const r = await makeFoiRequest(who, { unitId, applicantName: name, ...values });
  let version = r.version;
  for (const [key, body] of steps) version = (await advance(who, 'foi_request', r.id, key, { version, ...body })).version;
  ids[name] = r.id;
  return r.id;
};

beforeAll(async () => {
  env = await createTestEnv();
  county = await makeUnit(env.platform, { kind: 'county' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: county, roles: ['law_office'] })).username);
  const staffed = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county, name: '自然资源局' });
  unit = staffed.unit;
  liaison = staffed.agents.unit_liaison;
  const other = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: county, name: '住建局' });
  sibling = other.unit;
  siblingLiaison = other.agents.unit_liaison;

  await request('结转', { receivedDate: '2024-12-20', applicantType: 'person' }, [['reply', { date: '2025-01-10', values: { replyType: 'disclosed' } }]]);
  await request('上年办结', { receivedDate: '2024-11-01', applicantType: 'business' }, [['reply', { date: '2024-11-20', values: { replyType: 'disclosed' } }]]);
  await request('部分公开', { receivedDate: '2025-03-03', applicantType: 'legal' }, [['reply', { date: '2025-03-20', values: { replyType: 'partly' } }]]);
  await request('第三方', { receivedDate: '2025-04-01', applicantType: 'research' }, [['reply', { date: '2025-04-25', values: { replyType: 'refused', outcomeReason: 'refused_4' } }]]);
  await request('另行制作', { receivedDate: '2025-05-06', applicantType: 'nonprofit' }, [['reply', { date: '2025-05-20', values: { replyType: 'not_exist', outcomeReason: 'unable_2' } }]]);
  await request('撤回', { receivedDate: '2025-06-03', applicantType: 'person' }, [['withdraw', { date: '2025-06-10', note: '申请人撤回' }]]);
  await request('逾期未补正', { receivedDate: '2025-07-01', applicantType: 'other' }, [
    ['request_supplement', { date: '2025-07-03', note: '请明确所需信息' }],
    ['close', { date: '2025-08-20', note: '逾期未补正', values: { outcomeReason: 'other_1' } }],
  ]);
  await request('年末未结', { receivedDate: '2025-12-22', applicantType: 'person' });
  await request('次年答复', { receivedDate: '2025-12-23', applicantType: 'business' }, [['reply', { date: '2026-01-06', values: { replyType: 'not_ours' } }]]);
  await request('次年新收', { receivedDate: '2026-02-02', applicantType: 'person' });
  await request('兄弟单位', { receivedDate: '2025-03-03', applicantType: 'person' }, [['reply', { date: '2025-03-10', values: { replyType: 'disclosed' } }]], siblingLiaison, sibling.id);

  // Table 4: reconsideration against the department (decided 维持 and 撤销, one pending, one not about disclosure).
  const review = async (received: string, concernsDisclosure: boolean, outcome?: string) => {
    const c = await makeReviewCase(office, { unitId: county.id, respondentUnitId: unit.id, act: '政府信息公开答复', receivedDate: received, concernsDisclosure });
    if (!outcome) return c.id;
    const accepted = await advance(office, 'review_case', c.id, 'accept', { version: c.version, date: received, values: { procedure: 'normal' } });
    await advance(office, 'review_case', c.id, 'decide', { version: accepted.version, date: '2025-09-01', values: { outcome } });
    return c.id;
  };
  ids.reviewUpheld = await review('2025-06-02', true, 'maintained');
  ids.reviewCorrected = await review('2025-06-03', true, 'revoked');
  ids.reviewPending = await review('2025-12-01', true);
  ids.reviewOther = await review('2025-06-04', false, 'maintained');
  const suit = async (filed: string, values: Record<string, unknown>, result?: string) => {
    const c = answered(await liaison.post('/api/v1/litigation-cases', { unitId: unit.id, court: '示范县人民法院', plaintiff: '某公司', cause: '不服政府信息公开答复', filedDate: filed, complaintReceivedDate: filed, concernsDisclosure: true, ...values }), 201);
    if (result) await advance(liaison, 'litigation_case', c.id, 'judge', { version: c.version, date: '2025-11-03', values: { result } });
    return c.id;
  };
  ids.suitLost = await suit('2025-05-06', {}, 'lost');
  ids.suitAfterReview = await suit('2025-10-09', { afterReconsideration: true });
});
afterAll(() => env.close());

const tables = async (agent: Agent, query: string) => answered(await agent.get(`/api/v1/disclosure-report-tables?${query}`));
const zero = { person: 0, business: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total: 0 };
const only = (column: keyof typeof zero, n = 1) => ({ ...zero, [column]: n, total: n });

describe('the disclosure annual report', () => {
  it('counts every cell of table 3 from the requests, with the carried-over ones, and its cross-check passes', async () => {
    const t = await tables(liaison, `year=2025&unit=${unit.code}`);
    expect(t.table3.new).toEqual({ ...zero, person: 2, business: 1, research: 1, nonprofit: 1, legal: 1, other: 1, total: 7 });
    expect(t.table3.carried_in).toEqual(only('person'));
    expect(t.table3.disclosed).toEqual(only('person'));
    expect(t.table3.partly).toEqual(only('legal'));
    expect(t.table3.refused_4).toEqual(only('research'));
    expect(t.table3.unable_2).toEqual(only('nonprofit'));
    expect(t.table3.other_1).toEqual(only('other'));
    expect(t.table3.other_3).toEqual(only('person')); // the withdrawal
    for (const row of ['refused_1', 'refused_2', 'refused_3', 'refused_5', 'refused_6', 'refused_7', 'refused_8', 'unable_1', 'unable_3', 'not_processed_1', 'not_processed_2', 'not_processed_3', 'not_processed_4', 'not_processed_5', 'other_2']) expect(t.table3[row], row).toEqual(zero);
    expect(t.table3.total).toEqual({ ...zero, person: 2, research: 1, nonprofit: 1, legal: 1, other: 1, total: 6 });
    expect(t.table3.carried_out).toEqual({ ...zero, person: 1, business: 1, total: 2 });
    expect(t.checks.every((c: any) => c.ok), JSON.stringify(t.checks)).toBe(true);
    expect(t.checks).toHaveLength(7);

    // 2026: the two carried in (the one answered in January counts as 非本机关 → 本机关不掌握).
    const next = await tables(liaison, `year=2026&unit=${unit.code}`);
    expect(next.table3.carried_in).toEqual({ ...zero, person: 1, business: 1, total: 2 });
    expect(next.table3.unable_1).toEqual(only('business'));
    expect(next.table3.new).toEqual(only('person'));
    expect(next.table3.carried_out).toEqual({ ...zero, person: 2, total: 2 });
  });

  it("counts the county's units together, and a unit cannot read another unit's tables or cells", async () => {
    const t = await tables(office, `year=2025&unit=${county.code}`);
    expect(t.table3.new.person).toBe(3);
    expect(t.table3.disclosed.person).toBe(2);
    expect((await liaison.get(`/api/v1/disclosure-report-tables?year=2025&unit=${sibling.code}`)).statusCode).toBe(404);
    expect((await liaison.get(`/api/v1/disclosure-report-tables/cell?year=2025&unit=${county.code}&table=3&row=new&column=person`)).statusCode).toBe(404);
    // Without a unit, a unit's staff get their own unit's tables.
    expect((await tables(siblingLiaison, 'year=2025')).table3.new).toEqual(only('person'));
  });

  it('counts table 4 from the cases about disclosure, by result, with the one pending at year end', async () => {
    const t = await tables(liaison, `year=2025&unit=${unit.code}`);
    expect(t.table4.reconsideration).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 });
    expect(t.table4.litigation_direct).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 });
    expect(t.table4.litigation_after_review).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    const cell = answered(await liaison.get(`/api/v1/disclosure-report-tables/cell?year=2025&unit=${unit.code}&table=4&row=reconsideration&column=total`));
    expect(cell.items.map((r: any) => r.id).sort()).toEqual([ids.reviewUpheld, ids.reviewCorrected, ids.reviewPending].sort());
    expect(cell.items[0].link).toMatch(/^\/review\//);
  });

  it('traces a cell of table 3 to its requests, and refuses a row that does not exist', async () => {
    const cell = answered(await liaison.get(`/api/v1/disclosure-report-tables/cell?year=2025&unit=${unit.code}&table=3&row=carried_out&column=total`));
    expect(cell.items.map((r: any) => r.id).sort()).toEqual([ids['年末未结'], ids['次年答复']].sort());
    expect(cell.items[0]).toMatchObject({ unitName: '自然资源局', link: `/foi/${cell.items[0].id}` });
    const bad = await liaison.get(`/api/v1/disclosure-report-tables/cell?year=2025&unit=${unit.code}&table=3&row=nope&column=total`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('nope');
  });

  it('fails the cross-check for a request closed without its result, and names it', async () => {
    // A county of its own: the county-wide counts above must not see this test's requests, whatever the order.
    const { unit: u, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: await makeUnit(env.platform, { kind: 'county' }), name: '交通运输局' });
    const r = await makeFoiRequest(agents.unit_liaison, { unitId: u.id, receivedDate: '2025-02-03', applicantType: 'person' });
    await advance(agents.unit_liaison, 'foi_request', r.id, 'reply', { version: r.version, date: '2025-02-20', values: { replyType: 'disclosed' } });
    // History entered before the result was recorded (a migration of old ledgers): the check catches it.
    await env.platform.db.updateTable('foi_requests').set({ outcome_reason: null }).where('id', '=', r.id).execute();
    const t = await tables(agents.unit_liaison, 'year=2025');
    const failed = t.checks.filter((c: any) => !c.ok);
    expect(failed.map((c: any) => c.key).sort()).toEqual(['balance.person', 'balance.total', 'outcome_reason']);
    expect(failed.find((c: any) => c.key === 'outcome_reason')).toMatchObject({ recordIds: [r.id] });
    expect(failed.find((c: any) => c.key === 'balance.person').message).toContain('不平衡');
  });

  it('asks for the result when a reply type has several, and refuses one that does not fit', async () => {
    const { unit: u, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: await makeUnit(env.platform, { kind: 'county' }), name: '水利局' });
    const liaison = agents.unit_liaison;
    const r = await makeFoiRequest(liaison, { unitId: u.id, receivedDate: '2026-03-02', applicantType: 'person' });
    const missing = await liaison.post(`/api/v1/workflow/foi_request/${r.id}/transitions/reply`, { version: r.version, date: '2026-03-10', values: { replyType: 'refused' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toContain('请选择办理结果');
    const wrong = await liaison.post(`/api/v1/workflow/foi_request/${r.id}/transitions/reply`, { version: r.version, date: '2026-03-10', values: { replyType: 'disclosed', outcomeReason: 'refused_1' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toContain('不符');
  });

  it('imports the applicant type and the result, refusing a refusal without its reason', async () => {
    const { unit: u, agents } = await makeStaffedUnit(env, ['unit_liaison'] as const, { parent: await makeUnit(env.platform, { kind: 'county' }), name: '教育局' });
    const upload = (rows: Record<string, string>[]) => agents.unit_liaison.request({ method: 'POST', url: '/api/v1/imports/foi_requests', ...multipart('f.jsonl', rows.map((r) => JSON.stringify({ unitCode: u.code, content: '某信息', ...r })).join('\n')) });
    const refusal = { ref: 'R1', applicant: '甲', applicantType: '科研机构', receivedDate: '2025-03-02', replyDate: '2025-03-12', replyType: 'refused' };
    const bad = await upload([refusal]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ row: 1, column: '办理结果（outcomeReason）' })]);
    const good = await upload([{ ...refusal, outcomeReason: 'refused_6' }, { ref: 'R2', applicant: '乙', applicantType: 'business', receivedDate: '2025-04-01', replyDate: '2025-05-08', outcomeReason: 'other_2' }]);
    expect(good.statusCode, good.body).toBe(200);
    const t = await tables(agents.unit_liaison, 'year=2025');
    expect(t.table3.refused_6).toEqual(only('research'));
    expect(t.table3.other_2).toEqual(only('business'));
    expect(t.checks.every((c: any) => c.ok)).toBe(true);
  });
});
