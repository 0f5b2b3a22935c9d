// 普法 / 学法 over HTTP: responsibility lists and their year-end review, activities, the 法律明白人
// registry (villages only, phones sealed and masked) and its coverage against the target,
// 民主法治示范村 with the two-yearly re-check clock, study sessions; scope, bad input, imports and
// figures against hand-counted records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, answered, createTestEnv, loggedIn, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let office: Agent;
let townLiaison: Agent;
let otherLiaison: Agent;
let county: any;
let town: any;
let village1: any;
let village2: any;
let otherTown: any;

beforeAll(async () => {
  env = await createTestEnv();
  county = await makeUnit(env.platform, { kind: 'county', name: '普法测试县' });
  const justice = await makeUnit(env.platform, { parent: county, name: '司法局' });
  town = await makeUnit(env.platform, { parent: county, kind: 'town', name: '青山镇' });
  village1 = await makeUnit(env.platform, { parent: town, kind: 'village', name: '茶园村' });
  village2 = await makeUnit(env.platform, { parent: town, kind: 'village', name: '石桥村' });
  otherTown = await makeUnit(env.platform, { parent: county, kind: 'town', name: '河口镇' });
  await makeUnit(env.platform, { parent: otherTown, kind: 'village', name: '渡口村' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  townLiaison = await loggedIn(env.app, (await makeUser(env.platform, { unit: town, roles: ['unit_liaison'] })).username);
  otherLiaison = await loggedIn(env.app, (await makeUser(env.platform, { unit: otherTown, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

const upload = (type: string, rows: Record<string, unknown>[]) => office.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart('x.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')) });

describe('普法责任清单', () => {
  it('a unit plans its list once a year; the law office rates it at the year end; other units cannot see it', async () => {
    const body = { unitId: town.id, year: 2025, laws: '民法典、农村土地承包法', actions: '开展民法典进村入户宣传' };
    const duty = answered(await townLiaison.post('/api/v1/pufa-duties', body), 201);
    expect(duty).toMatchObject({ title: '2025年度普法责任清单', status: 'planned', statusLabel: '履职中', reviewResult: null });
    const again = await townLiaison.post('/api/v1/pufa-duties', body);
    expect(again.statusCode).toBe(400);
    expect(again.json().detail).toContain('年度');
    expect((await otherLiaison.get(`/api/v1/pufa-duties/${duty.id}`)).statusCode).toBe(404);
    const foreign = await otherLiaison.post('/api/v1/pufa-duties', { ...body, unitId: town.id, year: 2024 });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().detail).toContain('责任单位');
    expect((await otherLiaison.put(`/api/v1/pufa-duties/${duty.id}`, { laws: 'x', actions: 'y', version: 1 })).statusCode).toBe(404);
    // The correction form shows the laws and the measures only: that is what the update takes, the
    // unit and the year (and so the title) staying as stored.
    const corrected = answered(await townLiaison.put(`/api/v1/pufa-duties/${duty.id}`, { laws: '民法典、农村土地承包法、土地管理法', actions: '开展民法典进村入户宣传，每村一场', version: 1 }));
    expect(corrected).toMatchObject({ title: '2025年度普法责任清单', year: 2025, unitId: town.id, laws: '民法典、农村土地承包法、土地管理法', version: 2 });
    const moved = await townLiaison.put(`/api/v1/pufa-duties/${duty.id}`, { ...body, version: 2 });
    expect(moved.statusCode).toBe(400);
    expect((await townLiaison.post(`/api/v1/workflow/pufa_duty/${duty.id}/transitions/review`, { version: 2, values: { reviewResult: 'good' } })).statusCode).toBe(403);
    await advance(office, 'pufa_duty', duty.id, 'review', { version: 2, date: '2025-12-20', values: { reviewResult: 'excellent', reviewNote: '履职到位' } });
    expect((await townLiaison.get(`/api/v1/pufa-duties/${duty.id}`)).json()).toMatchObject({ status: 'reviewed', reviewResult: 'excellent', reviewDate: '2025-12-20' });
  });
});

describe('法律明白人', () => {
  it('lives in a village, its phone sealed and masked, shown in full only through the audited unmask; a town sees its own villages', async () => {
    const refused = await townLiaison.post('/api/v1/legal-literates', { unitId: town.id, name: '张明', trainedDate: '2025-04-01' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('须为村社区');
    const bad = await townLiaison.post('/api/v1/legal-literates', { unitId: village1.id, name: '张明', trainedDate: '2025-04-01', phone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('手机号码');
    const p = answered(await townLiaison.post('/api/v1/legal-literates', { unitId: village1.id, name: '张明', trainedDate: '2025-04-01', phone: '13912345678', role: '人民调解员' }), 201);
    expect(p).toMatchObject({ unitName: '茶园村', townName: '青山镇', status: 'active' });
    expect(p.phone).toMatch(/^139\*+5678$/);
    // A correction that leaves the phone out (the form never sends the masked value back) keeps it.
    const renamed = answered(await townLiaison.put(`/api/v1/legal-literates/${p.id}`, { version: p.version, unitId: village1.id, name: '张明明', trainedDate: '2025-04-01', role: '人民调解员' }));
    expect(renamed).toMatchObject({ name: '张明明', phone: p.phone });
    const stored = await env.platform.db.selectFrom('legal_literates').select('phone_enc').where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(stored.phone_enc).toBeTruthy();
    const row = await env.platform.db.selectFrom('legal_literates').select('phone_enc').where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13912345678');
    const listed = (await townLiaison.get(`/api/v1/legal-literates?unitId=${village1.id}`)).json().items;
    expect(listed.map((x: any) => x.phone)).toEqual([p.phone]);
    expect((await otherLiaison.get(`/api/v1/legal-literates/${p.id}`)).statusCode).toBe(404);
    expect((await otherLiaison.get(`/api/v1/legal-literates?unitId=${village1.id}`)).json().total).toBe(0);
    const full = answered(await office.post(`/api/v1/legal-literates/${p.id}/unmask`, { field: 'phone' }));
    expect(full.value).toBe('13912345678');
    expect(await env.platform.db.selectFrom('audit_log').select('action').where('target_id', '=', p.id).where('action', '=', 'pii.unmask').execute()).toHaveLength(1);
    const exported = await office.get(`/api/v1/legal-literates/export?unitId=${village1.id}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.includes(Buffer.from('13912345678'))).toBe(false);
  });

  it('counts coverage by village at the end of the year against the configurable target', async () => {
    const own = await makeUnit(env.platform, { kind: 'county', name: '覆盖测试县' });
    const t = await makeUnit(env.platform, { parent: own, kind: 'town', name: '龙泉镇' });
    const full = await makeUnit(env.platform, { parent: t, kind: 'village', name: '满额村' });
    const short = await makeUnit(env.platform, { parent: t, kind: 'village', name: '不足村' });
    const ids: string[] = [];
    for (const [unit, date] of [[full, '2024-03-01'], [full, '2024-05-01'], [full, '2025-02-01'], [short, '2024-03-01'], [short, '2025-03-01']] as const) {
      ids.push(answered(await office.post('/api/v1/legal-literates', { unitId: unit.id, name: '李华', trainedDate: date }), 201).id);
    }
    // One of the short village's two leaves in 2025.
    await advance(office, 'legal_literate', ids[3]!, 'remove', { version: 1, date: '2025-06-01', note: '迁出' });
    const cov = async (q: string) => answered(await office.get(`/api/v1/legal-literates/coverage?townId=${t.id}&${q}`));
    const c2025 = await cov('year=2025');
    expect(c2025).toMatchObject({ year: 2025, target: 3, total: 2, meeting: 1, people: 4 });
    expect(c2025.villages.map((v: any) => [v.unitName, v.count, v.meets])).toEqual([['不足村', 1, false], ['满额村', 3, true]]);
    // At the end of 2024 neither meets the target: by town, then code.
    expect((await cov('year=2024')).villages.map((v: any) => [v.unitName, v.count, v.meets])).toEqual([['满额村', 2, false], ['不足村', 1, false]]);
    const figures = (await office.get(`/api/v1/indicators?year=2025&unit=${own.code}`)).json().indicators;
    expect(figures['pufa.legal_literates']).toBe(4);
    expect((await office.get(`/api/v1/indicators?year=2024&unit=${own.code}`)).json().indicators['pufa.legal_literates']).toBe(3);
    // The law office changes the target; a liaison cannot.
    expect((await townLiaison.put('/api/v1/education-settings', { literatesPerVillage: 1 })).statusCode).toBe(403);
    const badTarget = await office.put('/api/v1/education-settings', { literatesPerVillage: 0 });
    expect(badTarget.statusCode).toBe(400);
    expect(badTarget.json().detail).toContain('literatesPerVillage');
    try {
      answered(await office.put('/api/v1/education-settings', { literatesPerVillage: 1 }));
      expect((await cov('year=2025')).meeting).toBe(2);
    } finally {
      answered(await office.put('/api/v1/education-settings', { literatesPerVillage: 3 }));
    }
  });
});

describe('民主法治示范村（社区）', () => {
  it('is a village, named in a past year; re-checked every two years (a clock), retained or revoked', async () => {
    const notVillage = await office.post('/api/v1/model-villages', { unitId: town.id, level: 'provincial', namedYear: 2021 });
    expect(notVillage.statusCode).toBe(400);
    expect(notVillage.json().detail).toContain('村（社区）');
    const future = await office.post('/api/v1/model-villages', { unitId: village2.id, level: 'provincial', namedYear: 2099 });
    expect(future.statusCode).toBe(400);
    expect(future.json().detail).toContain('命名年度');
    expect((await townLiaison.post('/api/v1/model-villages', { unitId: village2.id, level: 'provincial', namedYear: 2021 })).statusCode).toBe(403);
    const v = answered(await office.post('/api/v1/model-villages', { unitId: village2.id, level: 'provincial', namedYear: 2021 }), 201);
    expect(v).toMatchObject({ title: '石桥村（省级）', townName: '青山镇', status: 'named', due: '2024-01-02', light: 'red' }); // 2023-12-31 is a Sunday, 1-1 a holiday
    expect(v).toMatchObject({ status: 'named' });
    await advance(office, 'model_village', v.id, 'retain', { version: 1, date: '2025-11-18' });
    const retained = answered(await townLiaison.get(`/api/v1/model-villages/${v.id}`));
    expect(retained).toMatchObject({ status: 'named', lastRecheckDate: '2025-11-18', due: '2027-11-18' });
    const dup = await office.post('/api/v1/model-villages', { unitId: village2.id, level: 'provincial', namedYear: 2022 });
    expect(dup.statusCode).toBe(400);
    expect((await otherLiaison.get(`/api/v1/model-villages/${v.id}`)).statusCode).toBe(404);
    await advance(office, 'model_village', v.id, 'revoke', { version: 2, date: '2025-12-01', note: '复核不合格' });
    expect(answered(await office.get(`/api/v1/model-villages/${v.id}`))).toMatchObject({ status: 'revoked', revokedDate: '2025-12-01', due: null });
  });
});

describe('学法 and activities', () => {
  it('refuses bad input naming the field', async () => {
    const session = { unitId: town.id, date: '2025-03-01', kind: 'exam', topic: '法治理论考试', attendance: 30, passed: 28 };
    for (const [body, text] of [
      [{ passed: 31 }, '考试合格人数'],
      [{ kind: 'training' }, '只适用于法治理论考试'],
      [{ attendance: 0, passed: undefined }, '参加人数'],
      [{ date: '2099-01-01' }, '不能晚于今天'],
      [{ kind: 'party' }, 'kind'],
    ] as const) {
      const res = await townLiaison.post('/api/v1/study-sessions', { ...session, ...(body as Record<string, unknown>) });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(text);
    }
    answered(await townLiaison.post('/api/v1/study-sessions', session), 201);
    const activity = { unitId: town.id, date: '2025-12-04', kind: 'community', title: '宪法宣传', audience: 200 };
    for (const [body, text] of [
      [{ audience: -1 }, '受众人数'],
      [{ kind: 'tv' }, 'kind'],
      [{ unitId: otherTown.id }, '主办单位'],
      [{ date: '2025-13-01' }, '活动日期'],
    ] as const) {
      const res = await townLiaison.post('/api/v1/pufa-activities', { ...activity, ...(body as Record<string, unknown>) });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(text);
    }
    const a = answered(await townLiaison.post('/api/v1/pufa-activities', activity), 201);
    expect((await otherLiaison.get(`/api/v1/pufa-activities/${a.id}`)).statusCode).toBe(404);
    expect((await otherLiaison.put(`/api/v1/pufa-activities/${a.id}`, { ...activity, version: 1 })).statusCode).toBe(404);
    const edited = answered(await townLiaison.put(`/api/v1/pufa-activities/${a.id}`, { ...activity, audience: 250, version: 1 }));
    expect(edited).toMatchObject({ audience: 250, version: 2 });
    expect((await townLiaison.put(`/api/v1/pufa-activities/${a.id}`, { ...activity, audience: 260, version: 1 })).statusCode).toBe(409);
  });
});

describe('imports and figures', () => {
  it('imports every type of the contract all-or-nothing and counts the figures as hand-counted', async () => {
    const own = await makeUnit(env.platform, { kind: 'county', name: '普法导入县' });
    const dept = await makeUnit(env.platform, { parent: own, name: '司法局' });
    const t = await makeUnit(env.platform, { parent: own, kind: 'town', name: '白沙镇' });
    const v1 = await makeUnit(env.platform, { parent: t, kind: 'village', name: '白沙村' });
    const v2 = await makeUnit(env.platform, { parent: t, kind: 'village', name: '沙洲村' });

    const badActivities = await upload('pufa_activities', [
      { ref: 'A1', unitCode: dept.code, date: '2024-12-04', kind: '进社区', title: '宪法日', audience: '300' },
      { ref: 'A2', unitCode: dept.code, date: '2099-12-04', kind: 'lecture', title: '将来', audience: '10' },
      { ref: 'A3', unitCode: 'NOPE', date: '2024-12-04', kind: 'lecture', title: '无单位', audience: '10' },
      { ref: 'A4', unitCode: dept.code, date: '2024-12-04', kind: 'lecture', title: '负数', audience: '-10' },
    ]);
    expect(badActivities.statusCode).toBe(422);
    expect(badActivities.json().errors.map((e: any) => [e.row, e.column])).toEqual([[2, '活动日期（date）'], [3, '主办单位编码（unitCode）'], [4, '受众人数（audience）']]);
    expect(answered(await upload('pufa_activities', [
      { ref: 'A1', unitCode: dept.code, date: '2024-12-04', kind: '进社区', title: '宪法日', audience: '300' },
      { ref: 'A2', unitCode: t.code, date: '2024-06-01', kind: 'lecture', title: '民法典讲座', audience: '120' },
      { ref: 'A3', unitCode: t.code, date: '2025-01-10', kind: 'live', title: '直播', audience: '5000' },
    ]))).toMatchObject({ created: 3 });

    const badLiterates = await upload('legal_literates', [
      { ref: 'L1', unitCode: v1.code, name: '王五', trainedDate: '2024-04-01' },
      { ref: 'L2', unitCode: t.code, name: '镇上的人', trainedDate: '2024-04-01' },
      { ref: 'L3', unitCode: v1.code, name: '', trainedDate: '2024-04-01' },
    ]);
    expect(badLiterates.statusCode).toBe(422);
    expect(badLiterates.json().errors.map((e: any) => [e.row, e.column])).toEqual([[2, '所在村（社区）编码（unitCode）'], [3, '姓名（name）']]);
    expect(badLiterates.json().errors[0].message).toContain('须为村社区');
    expect(answered(await upload('legal_literates', [
      { ref: 'L1', unitCode: v1.code, name: '王五', trainedDate: '2024-04-01' },
      { ref: 'L2', unitCode: v1.code, name: '赵六', trainedDate: '2024-04-01' },
      { ref: 'L3', unitCode: v2.code, name: '钱七', trainedDate: '2025-04-01' },
    ]))).toMatchObject({ created: 3 });

    const badVillages = await upload('model_villages', [
      { ref: 'M1', unitCode: v1.code, level: 'national', namedYear: '2019' },
      { ref: 'M2', unitCode: t.code, level: 'provincial', namedYear: '2019' },
      { ref: 'M3', unitCode: v2.code, level: 'provincial', namedYear: '2099' },
      { ref: 'M4', unitCode: v2.code, level: 'city', namedYear: '2020', revokedDate: '2019-05-01' },
      { ref: 'M5', unitCode: v2.code, level: 'county', namedYear: '2020' },
    ]);
    expect(badVillages.statusCode).toBe(422);
    expect(badVillages.json().errors.map((e: any) => [e.row, e.column])).toEqual([[2, '村（社区）编码（unitCode）'], [3, '命名年度（namedYear）'], [4, '撤销日期（revokedDate）'], [5, '命名级别（level）']]);
    expect(answered(await upload('model_villages', [
      { ref: 'M1', unitCode: v1.code, level: 'national', namedYear: '2019' },
      { ref: 'M2', unitCode: v2.code, level: 'provincial', namedYear: '2018', revokedDate: '2024-10-01' },
      { ref: 'M3', unitCode: v2.code, level: '省级民主法治示范村（社区）', namedYear: '2025' },
    ]))).toMatchObject({ created: 3 });

    const badSessions = await upload('study_sessions', [
      { ref: 'S1', unitCode: own.code, date: '2024-03-01', kind: 'standing_meeting', topic: '学习行政复议法', attendance: '20' },
      { ref: 'S1', unitCode: own.code, date: '2024-03-01', kind: 'standing_meeting', topic: '重复', attendance: '20' },
      { ref: 'S3', unitCode: own.code, date: '2024-03-01', kind: 'standing_meeting', topic: '零人', attendance: '0' },
    ]);
    expect(badSessions.statusCode).toBe(422);
    expect(badSessions.json().errors.map((e: any) => [e.row, e.column])).toEqual([[2, '外部编号（ref）'], [3, '参加人数（attendance）']]);
    expect(answered(await upload('study_sessions', [
      { ref: 'S1', unitCode: own.code, date: '2024-03-01', kind: 'standing_meeting', topic: '学习行政复议法', attendance: '20' },
      { ref: 'S2', unitCode: dept.code, date: '2024-05-01', kind: 'party_group', topic: '中心组学法', attendance: '12' },
      { ref: 'S3', unitCode: own.code, date: '2024-06-01', kind: 'training', topic: '法治培训', attendance: '120' },
      { ref: 'S4', unitCode: own.code, date: '2024-10-01', kind: '领导干部法治培训', topic: '法治培训二期', attendance: '80' },
      { ref: 'S5', unitCode: own.code, date: '2025-01-05', kind: 'standing_meeting', topic: '学习民法典', attendance: '22' },
    ]))).toMatchObject({ created: 5 });

    const at = async (year: number) => (await office.get(`/api/v1/indicators?year=${year}&unit=${own.code}`)).json().indicators;
    expect(await at(2024)).toMatchObject({
      'pufa.activities': 2, 'pufa.audience': 420, 'pufa.legal_literates': 2,
      'pufa.model_villages_national': 1, 'pufa.model_villages_provincial': 0, 'pufa.model_villages_city': 0, // M2 revoked in 2024
      'study.sessions': 2, 'study.trainings': 2, 'study.training_attendance': 200,
    });
    // At the end of 2025: M2 was revoked in 2024, M3 named in 2025.
    expect(await at(2025)).toMatchObject({ 'pufa.activities': 1, 'pufa.audience': 5000, 'pufa.legal_literates': 3, 'pufa.model_villages_national': 1, 'pufa.model_villages_provincial': 1, 'study.sessions': 1, 'study.training_attendance': 0 });
    expect((await at(2018))['pufa.model_villages_provincial']).toBe(1);
    const behind = answered(await office.get(`/api/v1/indicators/pufa.model_villages_provincial/records?year=2023&unit=${own.code}`));
    expect(behind.items.map((r: any) => r.title)).toEqual(['沙洲村（省级）']);
    expect(behind.items[0].link).toMatch(/^\/model-villages\//);
  });
});
