// 行政复议 over HTTP: intake with sealed personal data, the statutory clocks through the workflow,
// deemed acceptance, corrections into the problem pool, bad input, import parity with the UI path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';
import { runDailyJob } from '../src/server/kernel/workflow/daily.ts';

let env: TestEnv;
let office: Agent;
let liaison: Agent;
let county: { id: string; code: string };
let market: { id: string; code: string };
const day = (offset: number) => fromDayNumber(toDayNumber(chinaToday()) + offset);
const ID = '11010519491231002X';

beforeAll(async () => {
  env = await createTestEnv();
  county = await makeUnit(env.platform, { kind: 'county', name: '测试县人民政府', code: `RC${Date.now() % 100000}` });
  const justice = await makeUnit(env.platform, { parent: county as any, name: '司法局' });
  market = await makeUnit(env.platform, { parent: county as any, name: '市场监管局', code: `RM${Date.now() % 100000}` });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  liaison = await loggedIn(env.app, (await makeUser(env.platform, { unit: market as any, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

const intake = (extra: Record<string, unknown> = {}) =>
  office.post('/api/v1/review-cases', { unitId: county.id, applicantName: '张三', applicantKind: 'person', applicantIdNumber: ID, applicantPhone: '13800138000', respondent: '测试县市场监管局', respondentUnitId: market.id, act: '行政处罚决定', receivedDate: '2026-09-28', channel: 'window', ...extra });
const act = (id: string, key: string, body: Record<string, unknown>) => office.post(`/api/v1/workflow/review_case/${id}/transitions/${key}`, body);
const clock = (c: any, key: string) => c.clocks.find((x: any) => x.key === key);

describe('a reconsideration case', () => {
  it('seals the applicant data, runs the statutory clocks and ends in a correction that reaches the problem pool', async () => {
    const res = await intake();
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.applicantIdNumber).toBe('110***********002X');
    expect(c.applicantPhone).not.toContain('13800138000');
    const raw = await env.platform.db.selectFrom('review_cases').select(['applicant_id_enc']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(raw.applicant_id_enc).not.toContain(ID);
    expect(clock(c, 'accept')).toMatchObject({ ruleCode: 'review.accept', due: '2026-10-10' }); // 5 working days across 国庆, the make-up Saturday counts
    const unmasked = await office.post(`/api/v1/review-cases/${c.id}/unmask`, { field: 'idNumber' });
    expect(unmasked.json().value).toBe(ID);
    expect((await env.platform.db.selectFrom('audit_log').select('seq').where('action', '=', 'pii.unmask').where('target_id', '=', c.id).execute()).length).toBe(1);

    const supplement = await act(c.id, 'request_supplement', { version: 1, note: '缺少决定书', date: '2026-09-29' });
    expect(supplement.statusCode, supplement.body).toBe(200);
    expect(clock(supplement.json(), 'accept').status).toBe('paused');
    expect(clock(supplement.json(), 'supplement')).toMatchObject({ ruleCode: 'review.supplement', status: 'running' });
    const back = await act(c.id, 'supplement_received', { version: 2, date: '2026-10-12' });
    expect(clock(back.json(), 'accept')).toMatchObject({ status: 'running', start: '2026-10-12', due: '2026-10-19' });
    expect(clock(back.json(), 'supplement').status).toBe('stopped');

    const noProcedure = await act(c.id, 'accept', { version: 3, date: '2026-10-13' });
    expect(noProcedure.statusCode).toBe(400);
    expect(noProcedure.json().detail).toContain('审理程序');
    const accepted = await act(c.id, 'accept', { version: 3, date: '2026-10-13', values: { procedure: 'normal' } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const a = accepted.json();
    expect(clock(a, 'decide')).toMatchObject({ ruleCode: 'review.decide', due: '2026-12-14' }); // 60 days end Saturday 12-12
    expect(clock(a, 'notify')).toMatchObject({ ruleCode: 'review.notify_respondent', due: '2026-10-22' });
    expect((await act(c.id, 'reply_received', { version: 4 })).json().detail).toContain('尚未发送申请书副本');
    await act(c.id, 'send_copy', { version: 4, date: '2026-10-14' });
    expect((await act(c.id, 'send_copy', { version: 5 })).statusCode).toBe(409);
    const replied = await act(c.id, 'reply_received', { version: 5, date: '2026-10-26' });
    expect(clock(replied.json(), 'reply')).toMatchObject({ status: 'stopped', onTime: true });

    const decideClock = (await office.get(`/api/v1/review-cases/${c.id}`)).json().clocks.find((x: any) => x.key === 'decide');
    const extended = await office.post(`/api/v1/clocks/${decideClock.id}/extend`, { version: decideClock.version, approval: '复议机构负责人批准' });
    // 90 days. The due date lands in 2027: it is provisional exactly while the calendar has no 2027
    // notice (shipped or entered), so the test reads the calendar rather than assuming either.
    const endDay = (await env.app.inject({ method: 'GET', url: '/api/v1/calendar/day?date=2027-01-11' })).json();
    expect(endDay).toMatchObject({ workday: true, reason: 'weekday' }); // a Monday in mid-January, whatever the notice says
    expect(typeof endDay.known).toBe('boolean');
    expect(extended.json()).toMatchObject({ extended: true, due: '2027-01-11', extendable: false, provisional: !endDay.known });

    const decided = await act(c.id, 'decide', { version: 6, date: chinaToday() > '2026-11-20' ? '2026-11-20' : chinaToday(), values: { outcome: 'revoked' } });
    expect(decided.statusCode, decided.body).toBe(200);
    const detail = (await office.get(`/api/v1/review-cases/${c.id}`)).json();
    expect(detail).toMatchObject({ status: 'decided', outcome: 'revoked', corrected: true, extended: true });
    const pool = (await office.get(`/api/v1/problems?unitId=${market.id}`)).json().items;
    expect(pool.find((p: any) => p.link === `/review/${c.id}`)).toMatchObject({ sourceLabel: '复议纠错', status: 'open' });
    // The respondent's liaison cannot read the reconsideration body's case, nor close the problem.
    expect((await liaison.get(`/api/v1/review-cases/${c.id}`)).statusCode).toBe(404);
    const problem = (await liaison.get('/api/v1/problems?status=open')).json().items.find((p: any) => p.link === `/review/${c.id}`);
    expect(problem).toMatchObject({ closableByHand: true });
    expect((await liaison.post(`/api/v1/problems/${problem.id}/close`, { note: '已整改' })).statusCode).toBe(403);
    expect((await office.post(`/api/v1/problems/${problem.id}/close`, {})).statusCode).toBe(400);
    expect((await office.post(`/api/v1/problems/${problem.id}/close`, { note: '已重新作出处罚决定' })).statusCode).toBe(200);
    expect((await office.post(`/api/v1/problems/${problem.id}/close`, { note: '再次' })).statusCode).toBe(409);
    expect((await office.get('/api/v1/problems?status=closed')).json().items.find((p: any) => p.id === problem.id)).toMatchObject({ closeNote: '已重新作出处罚决定' });
  });

  it('an application not refused within the review is deemed accepted by the daily job', async () => {
    const c = (await intake({ receivedDate: day(-20), applicantIdNumber: undefined, applicantPhone: undefined })).json();
    await runDailyJob(env.platform, chinaToday(), { force: true });
    const after = (await office.get(`/api/v1/review-cases/${c.id}`)).json();
    expect(after.status).toBe('accepted');
    expect(after.acceptedDate).toBe(clock(c, 'accept').due);
    expect(clock(after, 'decide')).toMatchObject({ start: clock(c, 'accept').due, status: 'running' });
  });

  it('refuses bad intake naming the field', async () => {
    for (const [body, text] of [
      [{ applicantIdNumber: '110105194912310021' }, '身份证号码'],
      [{ applicantPhone: '12345' }, '手机号码'],
      [{ receivedDate: day(3) }, '不能晚于今天'],
      [{ channel: 'fax' }, 'channel'],
      [{ unitId: 'nope' }, '复议机关'],
      [{ respondentUnitId: 'nope' }, '被申请人'],
    ] as const) {
      const res = await intake(body as Record<string, unknown>);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(text);
    }
    const c = (await intake({ applicantIdNumber: undefined })).json();
    const wrong = await act(c.id, 'decide', { version: 1, values: { outcome: 'revoked' } });
    expect(wrong.statusCode).toBe(409);
    const badOutcome = await act(c.id, 'terminate', { version: 1, values: { outcome: 'revoked' } });
    expect(badOutcome.statusCode).toBe(400);
    expect(badOutcome.json().detail).toContain('outcome');
  });
});

describe('import and figures', () => {
  it('imported historical cases count exactly like cases worked in the app', async () => {
    // Worked through the app in 2024: received 03-01, accepted 03-05, decided (revoked) 04-20 — on time.
    const c = (await intake({ receivedDate: '2024-03-01', applicantIdNumber: undefined, respondentUnitId: null })).json();
    await act(c.id, 'accept', { version: 1, date: '2024-03-05', values: { procedure: 'normal' } });
    await act(c.id, 'decide', { version: 2, date: '2024-04-20', values: { outcome: 'revoked' } });
    const worked = (await office.get(`/api/v1/indicators?year=2024&unit=${county.code}`)).json().indicators;

    // The same case imported into another year gives the same figures for that year.
    const rows = [
      { ref: 'IMP-R1', unitCode: county.code, applicant: '张三', respondent: '测试县市场监管局', act: '行政处罚决定', receivedDate: '2023-03-01', channel: '窗口', acceptedDate: '2023-03-06', procedure: '普通程序', closedDate: '2023-04-20', outcome: '撤销', extended: '否' },
    ];
    const ok = await office.request({ method: 'POST', url: '/api/v1/imports/review_cases', ...multipart('r.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')) });
    expect(ok.statusCode, ok.body).toBe(200);
    const imported = (await office.get(`/api/v1/indicators?year=2023&unit=${county.code}`)).json().indicators;
    for (const code of ['review.received', 'review.accepted', 'review.decided', 'review.corrected', 'review.correction_rate', 'review.on_time_rate', 'review.mediated']) {
      expect(imported[code], code).toEqual(worked[code]);
    }
    expect(imported['review.on_time_rate']).toBe(1);

    // A late decision and an extended one.
    const late = [
      { ref: 'IMP-R2', unitCode: county.code, applicant: '李四', respondent: '某局', act: '处罚', receivedDate: '2023-05-01', channel: 'mail', acceptedDate: '2023-05-05', procedure: 'normal', closedDate: '2023-08-01', outcome: 'maintained' },
      { ref: 'IMP-R3', unitCode: county.code, applicant: '王五', respondent: '某局', act: '处罚', receivedDate: '2023-05-01', channel: 'online', acceptedDate: '2023-05-05', procedure: 'normal', closedDate: '2023-08-01', outcome: 'maintained', extended: 'true' },
    ];
    await office.request({ method: 'POST', url: '/api/v1/imports/review_cases', ...multipart('r.jsonl', late.map((r) => JSON.stringify(r)).join('\n')) });
    const after = (await office.get(`/api/v1/indicators?year=2023&unit=${county.code}`)).json().indicators;
    expect(after['review.decided']).toBe(3);
    expect(after['review.on_time_rate']).toBeCloseTo(2 / 3, 10);
    expect(after['review.correction_rate']).toBeCloseTo(1 / 3, 10);
  });

  it('refuses imported rows whose dates or outcome contradict each other', async () => {
    const bad = [
      { ref: 'B1', unitCode: county.code, applicant: 'a', respondent: 'r', act: 'x', receivedDate: '2025-05-01', channel: 'window', acceptedDate: '2025-04-01', procedure: 'normal' },
      { ref: 'B2', unitCode: county.code, applicant: 'a', respondent: 'r', act: 'x', receivedDate: '2025-05-01', channel: 'window', closedDate: '2025-06-01', outcome: 'revoked' },
      { ref: 'B3', unitCode: county.code, applicant: 'a', respondent: 'r', act: 'x', receivedDate: '2025-05-01', channel: 'window', acceptedDate: '2025-05-03', procedure: 'normal', closedDate: '2025-06-01', outcome: 'not_accepted' },
      { ref: 'B4', unitCode: 'NOPE', applicant: 'a', respondent: 'r', act: 'x', receivedDate: '2025-05-01', channel: 'window' },
      { ref: 'B5', unitCode: county.code, applicant: 'a', respondent: 'r', act: 'x', receivedDate: '2025-05-01', channel: 'window', outcome: 'maintained' },
    ];
    const res = await office.request({ method: 'POST', url: '/api/v1/imports/review_cases', ...multipart('r.jsonl', bad.map((r) => JSON.stringify(r)).join('\n')) });
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors.map((e: any) => `${e.row}|${e.column}|${e.message}`);
    expect(errors).toEqual([
      expect.stringMatching(/^1\|受理日期.*不能早于收到日期/),
      expect.stringMatching(/^2\|受理日期.*必须已受理/),
      expect.stringMatching(/^3\|结果.*不予受理/),
      expect.stringMatching(/^4\|复议机关编码/),
      expect.stringMatching(/^5\|结案日期/),
    ]);
  });
});

const sheetOf = async (res: { rawPayload: unknown }) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as any);
  return book.worksheets[0]!;
};

describe('the ledger', () => {
  it('filters, searches and sorts on the server, masks the applicant, and exports exactly the filtered list', async () => {
    const body = await makeUnit(env.platform, { kind: 'county', name: '台账测试县' });
    const make = async (applicantName: string, receivedDate: string, extra: Record<string, unknown> = {}) => {
      const res = await intake({ unitId: body.id, applicantName, receivedDate, respondentUnitId: null, applicantIdNumber: undefined, applicantPhone: undefined, ...extra });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    await make('B申请人', '2026-01-05', { applicantIdNumber: ID, act: '征收补偿决定' });
    await make('A申请人', '2026-01-06', { act: '征收补偿协议' });
    const c = await make('C申请人', '2026-01-07');
    await make('D申请人', '2025-01-07', { act: '征收决定', channel: 'mail' });
    await act(c.id, 'accept', { version: 1, date: '2026-01-09', values: { procedure: 'normal' } });
    expect((await act(c.id, 'decide', { version: 2, date: '2026-02-10', values: { outcome: 'revoked' } })).statusCode).toBe(200);
    const list = async (q: string) => (await office.get(`/api/v1/review-cases?unitId=${body.id}&${q}`)).json();
    const names = (page: any) => page.items.map((r: any) => r.applicantName);

    expect(names(await list('year=2026'))).toEqual(['C申请人', 'A申请人', 'B申请人']); // newest received first
    expect(names(await list('year=2026&sort=applicantName&order=asc'))).toEqual(['A申请人', 'B申请人', 'C申请人']);
    expect(names(await list('sort=applicantName&order=desc'))).toEqual(['D申请人', 'C申请人', 'B申请人', 'A申请人']);
    expect(names(await list('sort=receivedDate&order=asc&pageSize=1'))).toEqual(['D申请人']);
    expect(names(await list('sort=channel&order=asc&pageSize=1'))).toEqual(['D申请人']); // mail before window
    expect(names(await list('keyword=征收&year=2026')).sort()).toEqual(['A申请人', 'B申请人']); // the older parameter name
    expect(names(await list('q=征收')).sort()).toEqual(['A申请人', 'B申请人', 'D申请人']);
    expect(names(await list('outcome=revoked'))).toEqual(['C申请人']);
    expect(await list('status=decided')).toMatchObject({ total: 1, items: [{ applicantName: 'C申请人', outcome: 'revoked', corrected: true, statusLabel: '已决定结案', procedure: 'normal', acceptedDate: '2026-01-09', closedDate: '2026-02-10' }] });
    const [sealed] = (await list('q=B申请人')).items;
    expect(sealed).toMatchObject({ applicantIdNumber: '110***********002X', applicantPhone: null, applicantKind: 'person', unitId: body.id, unitName: '台账测试县', respondentUnitId: null, respondentUnitName: null, committeeOpinion: null });
    const bad = await office.get('/api/v1/review-cases?sort=applicantIdNumber');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('排序字段');

    const res = await office.get(`/api/v1/review-cases/export?unitId=${body.id}&keyword=征收&sort=applicantName&order=desc`);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await sheetOf(res);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['收到日期', '复议机关', '复议案号', '申请人', '身份证号码（脱敏）']);
    expect(header).toEqual(expect.arrayContaining(['被申请人', '被申请的行政行为', '申请方式', '受理日期', '审理程序', '结案日期', '结果', '状态', '延期']));
    const column = (name: string) => Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(header.indexOf(name) + 1).value);
    expect(column('申请人')).toEqual(['D申请人', 'B申请人', 'A申请人']);
    expect(column('身份证号码（脱敏）')).toEqual([null, '110***********002X', null]);
  });

  it('keeps the import columns and their Chinese headers', async () => {
    const res = await office.get('/api/v1/imports/review_cases/template');
    expect(res.statusCode).toBe(200);
    expect((await sheetOf(res)).getRow(1).values).toEqual([undefined, '外部编号', '复议机关编码', '申请人', '被申请人', '被申请的行政行为', '收到日期', '申请方式', '受理日期', '审理程序', '结案日期', '结果', '涉及政府信息公开', '是否延期']);
  });
});
