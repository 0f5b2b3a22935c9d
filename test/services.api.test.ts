// 政务服务 / 好差评 over HTTP: the item list with versions, limits refused in Chinese, case volumes by
// month, ratings whose 差评 runs its follow-up (回访 for a named rating, 整改, 核验, 申诉) within the
// 15-working-day rule, overdue follow-ups in the problem pool; data scope; imports; figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loggedIn, makeAnnualReport, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { runDailyJob } from '../src/server/kernel/workflow/daily.ts';

let env: TestEnv;
let office: Agent;
let liaisonA: Agent;
let liaisonB: Agent;
let unitA: { id: string; code: string };
let unitB: { id: string; code: string };

beforeAll(async () => {
  env = await createTestEnv();
  const root = await makeUnit(env.platform, { kind: 'county' });
  const justice = await makeUnit(env.platform, { parent: root, name: '司法局' });
  unitA = await makeUnit(env.platform, { parent: root, name: '行政审批服务局' });
  unitB = await makeUnit(env.platform, { parent: root, name: '民政局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB as any, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

let seq = 0;
const item = (agent: Agent, extra: Record<string, unknown> = {}) =>
  agent.post('/api/v1/service-items', { unitId: unitA.id, code: `C${++seq}`, name: '食品经营许可', kind: 'licence', statutoryDays: 20, promisedDays: 5, maxOneVisit: true, online: true, listedFrom: '2024-01-01', ...extra });
const advance = (agent: Agent, recordType: string, id: string, key: string, body: Record<string, unknown>) => agent.post(`/api/v1/workflow/${recordType}/${id}/transitions/${key}`, body);
const rate = (agent: Agent, itemId: string, extra: Record<string, unknown> = {}) => agent.post('/api/v1/service-ratings', { itemId, receivedDate: '2025-03-03', level: 'unsatisfied', named: false, ...extra });

describe('service items', () => {
  it('lists an item, refuses a promised limit above the statutory one naming the field, and keeps versions when the list changes', async () => {
    const res = await item(liaisonA);
    expect(res.statusCode, res.body).toBe(201);
    const it1 = res.json();
    expect(it1).toMatchObject({ status: 'listed', unitName: '行政审批服务局', maxOneVisit: true, versions: [{ current: true }] });
    const bad = await item(liaisonA, { promisedDays: 25 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('承诺时限');
    expect(bad.json().detail).toContain('不能超过法定时限');
    expect(bad.json().errors[0].field).toBe('promisedDays');
    // Another version of the same code over the same period is refused.
    const twice = await item(liaisonA, { code: it1.code, listedFrom: '2024-06-01' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().detail).toContain('已有在册版本');
    // 清单调整: a new version from 2025-07-01.
    const next = await liaisonA.post(`/api/v1/service-items/${it1.id}/versions`, { version: 1, name: '食品经营许可', kind: 'licence', statutoryDays: 20, promisedDays: 3, listedFrom: '2025-07-01' });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().versions.map((v: any) => [v.listedFrom, v.listedUntil, v.current])).toEqual([['2025-07-01', null, true], ['2024-01-01', '2025-07-01', false]]);
    expect((await liaisonA.get(`/api/v1/service-items/${it1.id}`)).json()).toMatchObject({ status: 'delisted', listedUntil: '2025-07-01' });
    // A rating of the old version after it left the list is refused.
    const late = await rate(liaisonA, it1.id, { receivedDate: '2025-08-01', level: 'satisfied' });
    expect(late.statusCode).toBe(400);
    expect(late.json().detail).toContain('不在清单内');
  });

  it('keeps a version\'s ratings and case volumes inside its listing period: 移出清单, 更正 and 清单调整 that would leave one outside are refused', async () => {
    const it1 = (await item(liaisonA)).json();
    expect((await rate(liaisonA, it1.id, { receivedDate: '2025-05-05', level: 'satisfied' })).statusCode).toBe(201);
    expect((await liaisonA.post('/api/v1/service-cases', { itemId: it1.id, month: '2024-03', count: 9 })).statusCode).toBe(201);
    const early = await advance(liaisonA, 'service_item', it1.id, 'delist', { version: 1, date: '2025-03-01', note: '并入其他事项' });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toContain('2025-05-05 已有评价');
    const corrected = await liaisonA.put(`/api/v1/service-items/${it1.id}`, { version: 1, name: '食品经营许可', kind: 'licence', statutoryDays: 20, promisedDays: 5, listedFrom: '2024-06-01' });
    expect(corrected.statusCode).toBe(400);
    expect(corrected.json().detail).toContain('2024-03 已登记办件量');
    const revised = await liaisonA.post(`/api/v1/service-items/${it1.id}/versions`, { version: 1, name: '食品经营许可', kind: 'licence', statutoryDays: 20, promisedDays: 3, listedFrom: '2025-04-01' });
    expect(revised.statusCode).toBe(400);
    expect(revised.json().errors[0].field).toBe('listedFrom');
    const delisted = await advance(liaisonA, 'service_item', it1.id, 'delist', { version: 1, date: '2025-06-01', note: '并入其他事项' });
    expect(delisted.statusCode, delisted.body).toBe(200);
    expect((await liaisonA.get(`/api/v1/service-items/${it1.id}`)).json()).toMatchObject({ status: 'delisted', listedUntil: '2025-06-01' });
  });

  it('keeps each unit to its own items: another unit can neither read nor change them', async () => {
    const mine = (await item(liaisonA)).json();
    expect((await liaisonB.get(`/api/v1/service-items/${mine.id}`)).statusCode).toBe(404);
    expect((await liaisonB.put(`/api/v1/service-items/${mine.id}`, { version: 1, name: 'x', kind: 'licence', listedFrom: '2024-01-01' })).statusCode).toBe(404);
    expect((await item(liaisonB)).statusCode).toBe(400); // unit A is outside B's scope
    const list = (await liaisonB.get('/api/v1/service-items?pageSize=100')).json();
    expect(list.items.some((i: any) => i.id === mine.id)).toBe(false);
    expect((await rate(liaisonB, mine.id)).statusCode).toBe(400);
    expect((await liaisonB.post('/api/v1/service-cases', { itemId: mine.id, month: '2025-01', count: 3 })).statusCode).toBe(400);
  });
});

describe('a 差评', () => {
  it('runs its follow-up: 回访 required for a named rating, rectification, verified closure by the law office; the clock is 15 working days', async () => {
    const it1 = (await item(liaisonA)).json();
    const res = await rate(liaisonA, it1.id, { named: true, receivedDate: '2025-09-26', caseNumber: 'BJ-2025-0926-001' });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ status: 'pending', bad: true, due: '2025-10-23', caseNumber: 'BJ-2025-0926-001' }); // 国庆 2025-10-01..08 off; 9-28 and 10-11 调休 workdays count
    expect((await liaisonB.get(`/api/v1/service-ratings/${r.id}`)).statusCode).toBe(404);
    expect((await advance(liaisonB, 'service_rating', r.id, 'revisit', { version: 1, values: { revisitResult: 'x' } })).statusCode).toBe(404);
    const early = await advance(liaisonA, 'service_rating', r.id, 'rectify', { version: 1, values: { rectification: '已整改' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('须先回访');
    expect((await advance(liaisonA, 'service_rating', r.id, 'revisit', { version: 1, date: '2025-09-25', values: { revisitResult: '已回访' } })).statusCode).toBe(400); // before the rating
    expect((await advance(liaisonA, 'service_rating', r.id, 'revisit', { version: 1, date: '2025-09-29', values: { revisitResult: '已回访' } })).statusCode).toBe(200);
    expect((await advance(liaisonA, 'service_rating', r.id, 'rectify', { version: 2, date: '2025-10-10', values: { rectification: '已整改' } })).statusCode).toBe(200);
    expect((await advance(liaisonA, 'service_rating', r.id, 'verify', { version: 3 })).statusCode).toBe(403);
    expect((await advance(office, 'service_rating', r.id, 'verify', { version: 3, date: '2025-10-15' })).statusCode).toBe(200);
    expect((await office.get(`/api/v1/service-ratings/${r.id}`)).json()).toMatchObject({ status: 'closed', revisitDate: '2025-09-29', rectifiedDate: '2025-10-10', closedDate: '2025-10-15' });
  });

  it('an appeal is decided by the law office; an overdue follow-up escalates into the problem pool', async () => {
    const it1 = (await item(liaisonA)).json();
    const a = (await rate(liaisonA, it1.id, { receivedDate: '2025-03-03' })).json();
    expect((await advance(liaisonA, 'service_rating', a.id, 'appeal', { version: 1, values: { appealReason: '误评' } })).statusCode).toBe(200);
    expect((await advance(liaisonA, 'service_rating', a.id, 'uphold_appeal', { version: 2, values: { appealDecision: '成立' } })).statusCode).toBe(403);
    expect((await advance(office, 'service_rating', a.id, 'uphold_appeal', { version: 2, values: { appealDecision: '成立' } })).statusCode).toBe(200);
    const b = (await rate(liaisonA, it1.id, { receivedDate: '2025-03-03', level: 'very_unsatisfied' })).json();
    expect(b.light).toBe('red');
    await runDailyJob(env.platform, undefined, { force: true });
    const problem = await env.platform.db.selectFrom('problems').selectAll().where('source_type', '=', 'service_rating').where('source_id', '=', b.id).executeTakeFirst();
    expect(problem).toMatchObject({ status: 'open', unit_id: unitA.id, source_label: '差评整改超期' });
    expect(await env.platform.db.selectFrom('problems').select('id').where('source_id', '=', a.id).executeTakeFirst()).toBeUndefined();
  });

  it('follows the rule as the law office configures it (provinces differ), and closes its problem once verified', async () => {
    const rules = (await office.get('/api/v1/deadline-rules')).json().items;
    const rule = rules.find((r: any) => r.code === 'services.bad_rating_fix');
    expect(rule).toMatchObject({ period: 15, unit: 'working_days' });
    const set = (period: number, version: number) => office.put('/api/v1/deadline-rules/services.bad_rating_fix', { name: rule.name, period, unit: rule.unit, citation: rule.citation, note: rule.note ?? undefined, version });
    const changed = await set(10, rule.version);
    expect(changed.statusCode, changed.body).toBe(200);
    try {
      const it1 = (await item(liaisonA)).json();
      const r = (await rate(liaisonA, it1.id, { receivedDate: '2025-09-26' })).json();
      expect(r.due).toBe('2025-10-16'); // 10 working days across 国庆
    } finally {
      expect((await set(15, changed.json().version)).statusCode).toBe(200);
    }
    // An overdue follow-up's problem closes when the law office verifies its rectification.
    const it2 = (await item(liaisonA)).json();
    const late = (await rate(liaisonA, it2.id, { receivedDate: '2025-01-06' })).json();
    await runDailyJob(env.platform, undefined, { force: true });
    const problem = () => env.platform.db.selectFrom('problems').select(['status']).where('source_type', '=', 'service_rating').where('source_id', '=', late.id).executeTakeFirst();
    expect(await problem()).toMatchObject({ status: 'open' });
    expect((await advance(liaisonA, 'service_rating', late.id, 'rectify', { version: 1, values: { rectification: '已整改' } })).statusCode).toBe(200);
    expect((await advance(office, 'service_rating', late.id, 'verify', { version: 2 })).statusCode).toBe(200);
    expect(await problem()).toMatchObject({ status: 'closed' });
    // Nor can another unit read its cases.
    expect((await liaisonB.get(`/api/v1/service-items/${it2.id}/cases`)).statusCode).toBe(404);
  });

  it('refuses bad input naming the field', async () => {
    const it1 = (await item(liaisonA)).json();
    for (const [body, text] of [
      [{ level: 'awful' }, 'level'],
      [{ receivedDate: '2099-01-01' }, '不能晚于今天'],
      [{ receivedDate: '2023-12-31' }, '不在清单内'],
      [{ itemId: 'nope' }, '评价事项'],
    ] as const) {
      const res = await rate(liaisonA, (body as any).itemId ?? it1.id, body as Record<string, unknown>);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(text);
    }
    for (const [body, text] of [
      [{ month: '2025-13' }, '月份'],
      [{ month: '2099-01' }, '不能晚于本月'],
      [{ month: '2023-05' }, '不在清单内'],
      [{ count: -1 }, '办件量'],
    ] as const) {
      const res = await liaisonA.post('/api/v1/service-cases', { itemId: it1.id, month: '2025-01', count: 5, ...(body as Record<string, unknown>) });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(text);
    }
  });
});

const upload = (agent: Agent, type: string, rows: Record<string, unknown>[]) => agent.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart('x.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')) });

describe('imports and figures', () => {
  it('imports items, cases and ratings and counts the figures from them, by hand', async () => {
    // A county of its own: its figures count only this test's records.
    const county = await makeUnit(env.platform, { kind: 'county' });
    const u = await makeUnit(env.platform, { parent: county, name: '政务服务中心' });
    const items = [
      { ref: 'I1', unitCode: u.code, code: 'A1', name: '甲', kind: '行政许可', statutoryDays: '20', promisedDays: '5', maxOneVisit: '是', online: '是', zeroVisit: '是', immediate: '否', notifyCommit: '否', listedFrom: '2024-01-01' },
      { ref: 'I2', unitCode: u.code, code: 'A2', name: '乙', kind: 'confirmation', statutoryDays: '10', promisedDays: '5', maxOneVisit: 'true', online: 'true', zeroVisit: 'false', listedFrom: '2024-01-01' },
      { ref: 'I3', unitCode: u.code, code: 'A3', name: '丙', kind: 'public_service', promisedDays: '0', maxOneVisit: '否', online: '是', listedFrom: '2024-01-01' },
      { ref: 'I4', unitCode: u.code, code: 'A4', name: '丁', kind: 'licence', statutoryDays: '30', promisedDays: '30', maxOneVisit: '是', online: '否', listedFrom: '2024-01-01', listedUntil: '2024-06-01' },
    ];
    const ok = await upload(office, 'service_items', items);
    expect(ok.statusCode, ok.body).toBe(200);
    const cases = [
      { ref: 'K1', itemRef: 'I1', month: '2024-01', count: '100' },
      { ref: 'K2', itemRef: 'I1', month: '2024-02', count: '50' },
      { ref: 'K3', itemRef: 'I2', month: '2024-03', count: '7' },
      { ref: 'K4', itemRef: 'I4', month: '2024-05', count: '3' },
    ];
    expect((await upload(office, 'service_cases', cases)).statusCode).toBe(200);
    const ratings = [
      { ref: 'R1', itemRef: 'I1', date: '2024-03-01', level: 'very_satisfied', named: '否' },
      { ref: 'R2', itemRef: 'I1', date: '2024-03-02', level: '满意', named: '否' },
      { ref: 'R3', itemRef: 'I2', date: '2024-03-03', level: 'basically', named: '否' },
      { ref: 'R4', itemRef: 'I2', date: '2024-03-04', level: 'unsatisfied', named: '是', rectifiedDate: '2024-03-10' },
      { ref: 'R5', itemRef: 'I3', date: '2024-04-01', level: 'very_unsatisfied', named: '否' },
    ];
    const rated = await upload(office, 'service_ratings', ratings);
    expect(rated.statusCode, rated.body).toBe(200);
    const figures = (await office.get(`/api/v1/indicators?year=2024&unit=${county.code}`)).json().indicators;
    // At the end of 2024: I1, I2, I3 (I4 moved out on 2024-06-01).
    expect(figures).toMatchObject({
      'services.items': 3,
      'services.max_one_visit_rate': 2 / 3,
      'services.online_rate': 1,
      'services.zero_visit_items': 1,
      // 1 − (5 + 5) / (20 + 10): I3 has no statutory limit.
      'services.cases': 160,
      'services.good_rating_rate': 2 / 5,
      'services.bad_ratings': 2,
      'services.bad_rating_fix_rate': 0.5,
    });
    expect(figures['services.time_compression_rate']).toBeCloseTo(1 - 10 / 30, 10);
    // The county's annual report draft writes them into its 政务服务 section, and names the unrectified 差评.
    const report = await makeAnnualReport(office, { unitId: county.id, year: 2024 });
    const section = report.sections.find((s: any) => s.key === 'measures.services');
    expect(section.heading).toBe('（十一）深化“放管服”改革，优化政务服务');
    expect(section.html).toContain('好差评');
    for (const code of ['services.items', 'services.max_one_visit_rate', 'services.online_rate', 'services.zero_visit_items', 'services.time_compression_rate', 'services.cases', 'services.good_rating_rate', 'services.bad_ratings', 'services.bad_rating_fix_rate']) expect(section.html).toContain(`data-figure="${code}"`);
    expect(report.sections.find((s: any) => s.key === 'shortcomings').html).toContain('差评整改率为');
    const r4 = (await office.get(`/api/v1/service-ratings?itemId=&bad=true&pageSize=100&unitId=${u.id}`)).json().items.find((r: any) => r.ref === 'R4');
    expect(r4).toMatchObject({ status: 'closed', revisitDate: '2024-03-10', rectifiedDate: '2024-03-10' });

    // A bad row imports nothing and every bad row is listed.
    const bad = [
      { ref: 'B1', unitCode: u.code, code: 'B1', name: 'x', kind: 'licence', statutoryDays: '5', promisedDays: '9', listedFrom: '2024-01-01' },
      { ref: 'B2', unitCode: 'NOPE', code: 'B2', name: 'x', kind: 'licence', listedFrom: '2024-01-01' },
      { ref: 'B3', unitCode: u.code, code: 'B3', name: 'x', kind: 'licence', listedFrom: '2024-01-01', listedUntil: '2023-01-01' },
      { ref: 'B4', unitCode: u.code, code: 'B4', name: 'ok', kind: 'licence', listedFrom: '2024-01-01' },
    ];
    const refused = await upload(office, 'service_items', bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: any) => e.row)).toEqual([1, 2, 3]);
    expect(refused.json().errors[0].column).toBe('承诺时限（工作日）（promisedDays）');
    expect(await env.platform.db.selectFrom('service_items').select('id').where('code', '=', 'B4').executeTakeFirst()).toBeUndefined();
    const badRatings = [
      { ref: 'X1', itemRef: 'I4', date: '2024-07-01', level: 'satisfied' },
      { ref: 'X2', itemRef: 'I1', date: '2024-07-01', level: 'unsatisfied', rectifiedDate: '2024-06-01' },
      { ref: 'X3', itemRef: 'I1', date: '2024-07-01', level: 'satisfied', rectifiedDate: '2024-07-02' },
      { ref: 'X4', itemRef: 'NOPE', date: '2024-07-01', level: 'satisfied' },
    ];
    const refusedRatings = await upload(office, 'service_ratings', badRatings);
    expect(refusedRatings.statusCode).toBe(422);
    expect(refusedRatings.json().errors.map((e: any) => e.row)).toEqual([1, 2, 3, 4]);
    const badCases = [{ ref: 'Y1', itemRef: 'I1', month: '2099-01', count: '1' }, { ref: 'Y2', itemRef: 'I1', month: '2024-01', count: '1' }];
    const refusedCases = await upload(office, 'service_cases', badCases);
    expect(refusedCases.statusCode).toBe(422);
    expect(refusedCases.json().errors.map((e: any) => e.row)).toEqual([1, 2]);
  });
});

describe('versions through the import', () => {
  it('a change to the list is a new row of the same code from the day the old one leaves; each year counts the version it had at its end, every figure listing its records', async () => {
    const county = await makeUnit(env.platform, { kind: 'county' });
    const u = await makeUnit(env.platform, { parent: county, name: '版本测试局' });
    const v = (ref: string, extra: Record<string, string>) => ({ ref, unitCode: u.code, code: 'Z1', name: '版本事项', kind: 'licence', statutoryDays: '20', listedFrom: '2024-01-01', ...extra });
    const ok = await upload(office, 'service_items', [v('V1', { promisedDays: '10', maxOneVisit: '否', listedUntil: '2025-03-01' }), v('V2', { promisedDays: '4', maxOneVisit: '是', listedFrom: '2025-03-01' })]);
    expect(ok.statusCode, ok.body).toBe(200);
    const overlap = await upload(office, 'service_items', [v('V3', { promisedDays: '4', listedFrom: '2025-06-01' })]);
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().errors[0].message).toContain('已有在册版本');
    const at = async (year: number) => (await office.get(`/api/v1/indicators?year=${year}&unit=${u.code}`)).json().indicators;
    expect(await at(2024)).toMatchObject({ 'services.items': 1, 'services.max_one_visit_rate': 0, 'services.time_compression_rate': 0.5 });
    expect(await at(2025)).toMatchObject({ 'services.items': 1, 'services.max_one_visit_rate': 1, 'services.time_compression_rate': 0.8 });
    const records = (await office.get(`/api/v1/indicators/services.items/records?year=2025&unit=${u.code}`)).json();
    const v2 = await env.platform.db.selectFrom('service_items').select('id').where('ref', '=', 'V2').executeTakeFirstOrThrow();
    expect(records.items.map((r: any) => r.id)).toEqual([v2.id]);
    expect(records.items[0].link).toBe(`/service-items/${v2.id}`);
    // The item's page lists both versions.
    expect((await office.get(`/api/v1/service-items/${v2.id}`)).json().versions.map((x: any) => x.listedFrom)).toEqual(['2025-03-01', '2024-01-01']);
  });
});

describe('imports within the importer\'s scope', () => {
  it('a unit imports only its own items, cases and ratings', async () => {
    const mine = (await item(liaisonA, { code: 'SCOPE-A' })).json();
    await env.platform.db.updateTable('service_items').set({ ref: 'SCOPE-A-REF' }).where('id', '=', mine.id).execute();
    const items = await upload(liaisonB, 'service_items', [{ ref: 'SB1', unitCode: unitA.code, code: 'X', name: 'x', kind: 'licence', listedFrom: '2024-01-01' }]);
    expect(items.statusCode).toBe(422);
    expect(items.json().errors[0]).toMatchObject({ column: '实施单位编码（unitCode）' });
    const ratings = await upload(liaisonB, 'service_ratings', [{ ref: 'SB2', itemRef: 'SCOPE-A-REF', date: '2025-03-03', level: 'unsatisfied' }]);
    expect(ratings.statusCode).toBe(422);
    expect(ratings.json().errors[0].message).toContain('不存在或无权访问');
    const cases = await upload(liaisonB, 'service_cases', [{ ref: 'SB3', itemRef: 'SCOPE-A-REF', month: '2025-01', count: '5' }]);
    expect(cases.statusCode).toBe(422);
    // Its own unit's: imported; a unit's import leaves a rectified 差评 for the law office to verify.
    const own = await upload(liaisonA, 'service_ratings', [{ ref: 'SA1', itemRef: 'SCOPE-A-REF', date: '2025-03-03', level: 'unsatisfied', named: '是', rectifiedDate: '2025-03-10' }]);
    expect(own.statusCode, own.body).toBe(200);
    const row = await env.platform.db.selectFrom('service_ratings').select(['status', 'revisit_date', 'rectified_date']).where('ref', '=', 'SA1').executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'submitted', revisit_date: '2025-03-10', rectified_date: '2025-03-10' });
  });
});

describe('the portal', () => {
  it('publishes the list as it stands today (searchable, by unit) and takes a rating of a listed item', async () => {
    const county = await makeUnit(env.platform, { kind: 'county' });
    const u = await makeUnit(env.platform, { parent: county, name: '门户测试局' });
    const mine = (await office.post('/api/v1/service-items', { unitId: u.id, code: 'PORTAL-1', name: '门户测试许可事项', kind: 'licence', statutoryDays: 20, promisedDays: 5, maxOneVisit: true, online: true, listedFrom: '2024-01-01' })).json();
    await office.post('/api/v1/service-items', { unitId: u.id, code: 'PORTAL-2', name: '门户测试已移出事项', kind: 'licence', listedFrom: '2024-01-01', listedUntil: '2024-02-01' });
    const list = (await env.app.inject({ method: 'GET', url: `/api/v1/public/service-items?unit=${u.code}` })).json();
    expect(list.items.map((i: any) => i.name)).toEqual(['门户测试许可事项']);
    expect(list.items[0].flags).toEqual(['最多跑一次', '网上可办']);
    const found = (await env.app.inject({ method: 'GET', url: `/api/v1/public/service-items?q=${encodeURIComponent('门户测试许可')}` })).json();
    expect(found.items.map((i: any) => i.id)).toContain(mine.id);
    const form = (await env.app.inject({ method: 'GET', url: '/api/v1/public/forms/service-rating' })).json();
    expect(form.unit.choices.some((c: any) => c.id === mine.id)).toBe(true);
    expect(form.fields.map((f: any) => f.name)).toEqual(['level', 'caseNumber', 'comment', 'raterName', 'raterPhone']);
  });
});
