// 公共法律服务 over HTTP: legal-aid cases through their workflow (wages recovered in fen), monthly
// notarisations and consultations (one record per unit, month and kind), stations; scope, bad input,
// imports (all rows or none) and figures against hand-counted records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, answered, createTestEnv, loggedIn, makeAnnualReport, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let office: Agent;
let liaisonA: Agent;
let liaisonB: Agent;
let unitA: any;
let unitB: any;

beforeAll(async () => {
  env = await createTestEnv();
  const county = await makeUnit(env.platform, { kind: 'county', name: '法律服务测试县' });
  const justice = await makeUnit(env.platform, { parent: county, name: '司法局' });
  unitA = await makeUnit(env.platform, { parent: county, kind: 'town', name: '城关镇' });
  unitB = await makeUnit(env.platform, { parent: county, kind: 'town', name: '青山镇' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA, roles: ['unit_liaison'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

const upload = (type: string, rows: Record<string, unknown>[]) => office.request({ method: 'POST', url: `/api/v1/imports/${type}`, ...multipart('x.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')) });
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const nextMonth = () => {
  const [y, m] = thisMonth().split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

describe('a legal-aid case', () => {
  it('is approved and closed with the wages recovered, or refused; another unit cannot see or change it', async () => {
    const c = answered(await liaisonA.post('/api/v1/legal-aid-cases', { unitId: unitA.id, receivedDate: '2025-03-02', matter: '劳动争议（追索劳动报酬）', applicant: '张某' }), 201);
    expect(c).toMatchObject({ status: 'received', title: '劳动争议（追索劳动报酬）（2025-03-02受理）', decision: null });
    expect((await liaisonB.get(`/api/v1/legal-aid-cases/${c.id}`)).statusCode).toBe(404);
    expect((await liaisonB.post(`/api/v1/workflow/legal_aid_case/${c.id}/transitions/approve`, { version: 1 })).statusCode).toBe(404);
    expect((await liaisonB.put(`/api/v1/legal-aid-cases/${c.id}`, { receivedDate: '2025-03-01', version: 1 })).statusCode).toBe(404);
    // The correction form's fields are what the API takes: not the unit (another unit's case is registered there).
    const d = answered(await liaisonA.post('/api/v1/legal-aid-cases', { unitId: unitA.id, receivedDate: '2025-04-01', matter: '交通事故', applicant: '李某' }), 201);
    expect((await liaisonA.put(`/api/v1/legal-aid-cases/${d.id}`, { unitId: unitB.id, receivedDate: '2025-04-01', version: 1 })).statusCode).toBe(400);
    const corrected = answered(await liaisonA.put(`/api/v1/legal-aid-cases/${d.id}`, { receivedDate: '2025-04-02', matter: '交通事故', applicant: '李某某', version: 1 }));
    expect(corrected).toMatchObject({ applicant: '李某某', receivedDate: '2025-04-02', unitId: unitA.id, version: 2 });
    const early = await liaisonA.post(`/api/v1/workflow/legal_aid_case/${c.id}/transitions/approve`, { version: 1, date: '2025-03-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toContain('不能早于受理日期');
    await advance(liaisonA, 'legal_aid_case', c.id, 'approve', { version: 1, date: '2025-03-05' });
    const neg = await liaisonA.post(`/api/v1/workflow/legal_aid_case/${c.id}/transitions/close`, { version: 2, date: '2025-06-01', values: { wagesRecoveredFen: -1 } });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().detail).toContain('挽回（追回）工资');
    await advance(liaisonA, 'legal_aid_case', c.id, 'close', { version: 2, date: '2025-06-01', values: { wagesRecoveredFen: 3_600_000 } });
    expect(answered(await office.get(`/api/v1/legal-aid-cases/${c.id}`))).toMatchObject({ status: 'closed', decision: 'approved', decidedDate: '2025-03-05', closedDate: '2025-06-01', wagesRecoveredFen: 3_600_000 });
    const r = answered(await liaisonA.post('/api/v1/legal-aid-cases', { unitId: unitA.id, receivedDate: '2025-04-02' }), 201);
    await advance(liaisonA, 'legal_aid_case', r.id, 'refuse', { version: 1, date: '2025-04-07', note: '不符合经济困难标准' });
    expect(answered(await liaisonA.get(`/api/v1/legal-aid-cases?decision=refused&unitId=${unitA.id}`)).items.map((x: any) => x.id)).toEqual([r.id]);
  });

  it('refuses bad input naming the field', async () => {
    for (const [body, text] of [
      [{ receivedDate: '2099-01-01' }, '不能晚于今天'],
      [{ unitId: unitB.id }, '承办单位'],
      [{ receivedDate: '2025-02-30' }, '受理日期'],
    ] as const) {
      const res = await liaisonA.post('/api/v1/legal-aid-cases', { unitId: unitA.id, receivedDate: '2025-03-02', ...(body as Record<string, unknown>) });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(text);
    }
    for (const [body, text] of [
      [{ month: nextMonth() }, '不能晚于本月'],
      [{ month: '2025-3' }, 'YYYY-MM'],
      [{ count: -3 }, '办理件数'],
      [{ kind: 'marriage' }, 'kind'],
    ] as const) {
      const res = await liaisonA.post('/api/v1/notarizations', { unitId: unitA.id, month: '2025-03', kind: 'civil', count: 10, ...(body as Record<string, unknown>) });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(text);
    }
    answered(await liaisonA.post('/api/v1/notarizations', { unitId: unitA.id, month: '2025-03', kind: 'civil', count: 10 }), 201);
    const twice = await liaisonA.post('/api/v1/notarizations', { unitId: unitA.id, month: '2025-03', kind: 'civil', count: 11 });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().detail).toContain('已登记');
    const station = await liaisonA.post('/api/v1/legal-service-stations', { unitId: unitA.id, name: '老年人法律服务站', kind: 'elderly', staffCount: -1, establishedDate: '2024-01-01' });
    expect(station.statusCode).toBe(400);
    expect(station.json().detail).toContain('工作人员数');
  });
});

describe('imports and figures', () => {
  it('imports legal-aid cases and notarisations all-or-nothing and counts them as hand-counted', async () => {
    const own = await makeUnit(env.platform, { kind: 'county', name: '法律服务导入县' });
    const centre = await makeUnit(env.platform, { parent: own, name: '司法局' });
    const badAid = await upload('legal_aid_cases', [
      { ref: 'FY-1', unitCode: centre.code, receivedDate: '2024-03-01', closedDate: '2024-05-01', wagesRecoveredFen: '1000000' },
      { ref: 'FY-2', unitCode: centre.code, receivedDate: '2024-03-01', closedDate: '2024-02-01' },
      { ref: 'FY-3', unitCode: centre.code, receivedDate: '2024-03-01', wagesRecoveredFen: '500' },
      { ref: 'FY-4', unitCode: centre.code, receivedDate: '2099-03-01' },
      { ref: 'FY-5', unitCode: centre.code, receivedDate: '2024-03-01', closedDate: '2024-04-01', wagesRecoveredFen: '12.5' },
    ]);
    expect(badAid.statusCode).toBe(422);
    expect(badAid.json().errors.map((e: any) => [e.row, e.column])).toEqual([[2, '结案日期（closedDate）'], [3, '挽回（追回）工资（wagesRecoveredFen）'], [4, '受理日期（receivedDate）'], [5, '挽回（追回）工资（wagesRecoveredFen）']]);
    expect(answered(await upload('legal_aid_cases', [
      { ref: 'FY-1', unitCode: centre.code, receivedDate: '2024-03-01', closedDate: '2024-05-01', wagesRecoveredFen: '1000000' },
      { ref: 'FY-2', unitCode: centre.code, receivedDate: '2024-11-20', closedDate: '2025-01-15', wagesRecoveredFen: '250000' },
      { ref: 'FY-3', unitCode: centre.code, receivedDate: '2024-12-01' },
      { ref: 'FY-4', unitCode: centre.code, receivedDate: '2025-02-01' },
    ]))).toMatchObject({ created: 4 });
    // Re-importing closes FY-3 without duplicating it.
    expect(answered(await upload('legal_aid_cases', [{ ref: 'FY-3', unitCode: centre.code, receivedDate: '2024-12-01', closedDate: '2024-12-20' }]))).toMatchObject({ created: 0, updated: 1 });

    const badNotary = await upload('notarizations', [
      { ref: 'GZ-1', unitCode: centre.code, month: '2024-01', count: '150' },
      { ref: 'GZ-2', unitCode: centre.code, month: nextMonth(), count: '1' },
      { ref: 'GZ-3', unitCode: centre.code, month: '2024-13', count: '1' },
      { ref: 'GZ-4', unitCode: centre.code, month: '2024-02', count: 'x' },
    ]);
    expect(badNotary.statusCode).toBe(422);
    expect(badNotary.json().errors.map((e: any) => [e.row, e.column])).toEqual([[2, '月份（month）'], [3, '月份（month）'], [4, '办理件数（count）']]);
    expect(badNotary.json().errors[0].message).toContain('不能晚于本月');
    expect(answered(await upload('notarizations', [
      { ref: 'GZ-1', unitCode: centre.code, month: '2024-01', count: '150' },
      { ref: 'GZ-2', unitCode: centre.code, month: '2024-12', count: '170' },
      { ref: 'GZ-3', unitCode: centre.code, month: '2025-01', count: '90' },
    ]))).toMatchObject({ created: 3 });

    answered(await office.post('/api/v1/legal-consultations', { unitId: centre.id, month: '2024-05', channel: 'hotline', count: 300 }), 201);
    answered(await office.post('/api/v1/legal-consultations', { unitId: centre.id, month: '2024-05', channel: 'online', count: 45 }), 201);
    answered(await office.post('/api/v1/legal-service-stations', { unitId: centre.id, name: '老年人法律服务站', kind: 'elderly', staffCount: 3, establishedDate: '2024-10-09' }), 201);
    const closing = answered(await office.post('/api/v1/legal-service-stations', { unitId: centre.id, name: '中心', kind: 'center', staffCount: 10, establishedDate: '2020-01-01' }), 201);
    await advance(office, 'legal_service_station', closing.id, 'close', { version: 1, date: '2025-03-01', note: '并入新中心' });

    const at = async (year: number) => (await office.get(`/api/v1/indicators?year=${year}&unit=${own.code}`)).json().indicators;
    expect(await at(2024)).toMatchObject({ 'legal_aid.cases': 3, 'legal_aid.closed': 2, 'legal_aid.wages_recovered_fen': 1_000_000, 'notary.cases': 320, 'legal_services.consultations': 345, 'legal_services.stations': 2, 'legal_services.elderly_stations': 1, 'legal_services.station_staff': 13 });
    expect(await at(2025)).toMatchObject({ 'legal_aid.cases': 1, 'legal_aid.closed': 1, 'legal_aid.wages_recovered_fen': 250_000, 'notary.cases': 90, 'legal_services.stations': 1, 'legal_services.station_staff': 3 });
    const report = await makeAnnualReport(office, { unitId: own.id, year: 2024 });
    const section = report.sections.find((s: any) => s.key === 'measures.legal_services');
    for (const code of ['legal_aid.cases', 'notary.cases', 'legal_aid.wages_recovered_fen']) expect(section.html).toContain(`data-figure="${code}"`);
    expect(section.html).toContain('>1万元<');
    const behind = answered(await office.get(`/api/v1/indicators/notary.cases/records?year=2024&unit=${own.code}`));
    expect(behind.items.map((r: any) => [r.date, r.amount])).toEqual([['2024-01-01', 150], ['2024-12-01', 170]]);
    expect((await office.get(`/api/v1/notarizations?unitId=${centre.id}&year=2024`)).json().total).toBe(2);
  });
});
