// 依申请公开 over HTTP: the 20-working-day clock restarted by a supplement, paused for a third
// party, extended once; scope by organ; import parity; bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '../src/shared/validators.ts';
import { advance, createTestEnv, loggedIn, makeFoiRequest, makeStaffedUnit, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let liaisonA: Agent;
let headA: Agent;
let liaisonB: Agent;
let unitA: { id: string; code: string };
let root: Awaited<ReturnType<typeof makeUnit>>;

beforeAll(async () => {
  env = await createTestEnv();
  root = await makeUnit(env.platform, { kind: 'county' });
  unitA = await makeUnit(env.platform, { parent: root, name: '自然资源局', code: `FA${Date.now() % 100000}` });
  const unitB = await makeUnit(env.platform, { parent: root, name: '住建局' });
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  headA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_head'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

const intake = (extra: Record<string, unknown> = {}) =>
  liaisonA.post('/api/v1/foi-requests', { unitId: unitA.id, applicantName: '张三', content: '某地块征收补偿方案', receivedDate: '2026-03-02', channel: 'online', ...extra });
const act = (id: string, key: string, body: Record<string, unknown>) => liaisonA.post(`/api/v1/workflow/foi_request/${id}/transitions/${key}`, body);
const reply = (r: any) => r.clocks.find((c: any) => c.key === 'reply');
/** An organ of the test's own, with its liaison and head: its figures are only what the test made. */
const organ = async () => {
  const { unit, agents } = await makeStaffedUnit(env, ['unit_liaison', 'unit_head'] as const, { parent: root, name: '交通运输局' });
  return { unit, liaison: agents.unit_liaison, head: agents.unit_head };
};

describe('a disclosure request', () => {
  it('restarts on a supplement, pauses for a third party, extends once, and is answered on time', async () => {
    const res = await intake();
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(reply(r)).toMatchObject({ ruleCode: 'foi.reply', due: '2026-03-30' });
    expect((await liaisonB.get(`/api/v1/foi-requests/${r.id}`)).statusCode).toBe(404);

    await act(r.id, 'request_supplement', { version: 1, note: '内容不明确', date: '2026-03-04' });
    const restarted = await act(r.id, 'supplement_received', { version: 2, date: '2026-03-09' });
    expect(reply(restarted.json())).toMatchObject({ start: '2026-03-09', due: '2026-04-07' }); // 清明 4-04..4-06 skipped
    const consulting = await act(r.id, 'consult', { version: 3, date: '2026-03-20' });
    expect(reply(consulting.json()).status).toBe('paused');
    expect(consulting.json().clocks.find((c: any) => c.key === 'third_party')).toMatchObject({ ruleCode: 'foi.third_party' });
    const resumed = await act(r.id, 'third_party_done', { version: 4, date: '2026-04-03' });
    expect(reply(resumed.json())).toMatchObject({ status: 'running', due: '2026-04-21' });
    const clock = reply(resumed.json());
    const extended = await headA.post(`/api/v1/clocks/${clock.id}/extend`, { version: clock.version, approval: '机关负责人同意' });
    expect(extended.json()).toMatchObject({ due: '2026-05-21', extended: true });
    const noType = await act(r.id, 'reply', { version: 5, date: '2026-05-20' });
    expect(noType.statusCode).toBe(400);
    expect(noType.json().detail).toContain('答复类型');
    const answered = await act(r.id, 'reply', { version: 5, date: '2026-05-20', values: { replyType: 'partly' } });
    expect(answered.statusCode, answered.body).toBe(200);
    const detail = (await liaisonA.get(`/api/v1/foi-requests/${r.id}`)).json();
    expect(detail).toMatchObject({ status: 'replied', replyType: 'partly', replyDate: '2026-05-20', onTime: true, extended: true });
  });

  it('refuses bad intake naming the field; another unit cannot register for this organ', async () => {
    for (const [body, text] of [
      [{ applicantIdNumber: '123' }, '身份证号码'],
      [{ content: '' }, '申请内容'],
      [{ receivedDate: '2026-02-30' }, 'receivedDate'],
      [{ channel: 'pigeon' }, 'channel'],
    ] as const) {
      const res = await intake(body as Record<string, unknown>);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(text);
    }
    const foreign = await liaisonB.post('/api/v1/foi-requests', { unitId: unitA.id, applicantName: 'x', content: 'x', receivedDate: '2026-03-02', channel: 'online' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().detail).toContain('受理机关');
  });
});

describe('import and figures', () => {
  it('imported requests count exactly like requests handled in the app', async () => {
    const { unit, liaison, head } = await organ();
    // One request handled in the app in 2026, answered within its 20 working days (due 03-30).
    const handled = await makeFoiRequest(liaison, { unitId: unit.id, receivedDate: '2026-03-02' });
    await advance(liaison, 'foi_request', handled.id, 'reply', { version: 1, date: '2026-03-20', values: { replyType: 'disclosed' } });
    const worked = (await head.get('/api/v1/indicators?year=2026')).json().indicators;
    expect(worked['foi.requests']).toBe(1);
    expect(worked['foi.on_time_rate']).toBe(1);
    const rows = [
      { ref: 'F1', unitCode: unit.code, applicant: '张三', applicantType: '自然人', receivedDate: '2025-09-28', content: '征收方案', replyDate: '2025-10-30', replyType: '予以公开' }, // day 20 across 国庆 2025
      { ref: 'F2', unitCode: unit.code, applicant: '李四', applicantType: 'person', receivedDate: '2025-09-28', content: '规划许可', replyDate: '2025-11-10', replyType: 'refused', outcomeReason: 'refused_6' }, // late
      { ref: 'F3', unitCode: unit.code, applicant: '王五', applicantType: 'person', receivedDate: '2025-09-28', content: '招标文件', replyDate: '2025-11-10', replyType: 'disclosed', extended: '是' }, // extended: on time
      { ref: 'F4', unitCode: unit.code, applicant: '赵六', receivedDate: '2025-12-01', content: '预算' },
    ];
    // An extension needs someone who may approve one (clock.extend), in an import as in the app.
    const file = multipart('f.jsonl', rows.map((r) => JSON.stringify(r)).join('\n'));
    const unapproved = await liaison.request({ method: 'POST', url: '/api/v1/imports/foi_requests', ...file });
    expect(unapproved.statusCode, unapproved.body).toBe(422);
    expect(unapproved.json().errors).toEqual([expect.objectContaining({ row: 3, column: '是否延期（extended）' })]);
    const ok = await head.request({ method: 'POST', url: '/api/v1/imports/foi_requests', ...file });
    expect(ok.statusCode, ok.body).toBe(200);
    const figures = (await head.get('/api/v1/indicators?year=2025')).json().indicators;
    expect(figures).toMatchObject({ 'foi.requests': 4, 'foi.replied': 3, 'foi.replied_on_time': 2 });
    expect(figures['foi.reply_rate']).toBeCloseTo(3 / 4, 10);
    expect(figures['foi.on_time_rate']).toBeCloseTo(2 / 3, 10);
    const records = (await head.get('/api/v1/indicators/foi.on_time_rate/records?year=2025')).json();
    expect(records.items.filter((r: any) => r.counted).length).toBe(2);
  });

  it('refuses contradictory import rows and imports nothing', async () => {
    const { unit, liaison } = await organ();
    const good = { ref: 'G1', unitCode: unit.code, applicant: 'a', applicantType: 'person', receivedDate: '2025-05-01', content: 'c', replyDate: '2025-05-10', replyType: 'disclosed' };
    const first = await liaison.request({ method: 'POST', url: '/api/v1/imports/foi_requests', ...multipart('f.jsonl', JSON.stringify(good)) });
    expect(first.statusCode, first.body).toBe(200);
    const bad = [
      { ref: 'X1', unitCode: unit.code, applicant: 'a', applicantType: 'person', receivedDate: '2025-05-01', content: 'c', replyDate: '2025-04-01', replyType: 'disclosed' },
      { ref: 'X2', unitCode: unit.code, applicant: 'a', applicantType: 'person', receivedDate: '2025-05-01', content: 'c', replyType: 'disclosed' },
      { ref: 'X3', unitCode: unit.code, applicant: 'a', applicantType: 'person', receivedDate: '2025-05-01', content: 'c', replyDate: '2025-05-10', replyType: 'maybe' },
    ];
    const res = await liaison.request({ method: 'POST', url: '/api/v1/imports/foi_requests', ...multipart('f.jsonl', bad.map((r) => JSON.stringify(r)).join('\n')) });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => e.row)).toEqual([1, 2, 3]);
    expect((await liaison.get('/api/v1/foi-requests?year=2025')).json().total).toBe(1); // the good row imported first, nothing more
  });
});

describe('the ledger', () => {
  it('filters, searches and sorts on the server, shows applicant data masked, and exports exactly the filtered list', async () => {
    const { unit, liaison } = await organ();
    const id17 = '11010519850101123';
    const idNumber = id17 + idNumberCheckChar(id17);
    await makeFoiRequest(liaison, { unitId: unit.id, receivedDate: '2026-01-05', applicantName: 'B申请人', content: '规划许可', channel: 'mail', applicantIdNumber: idNumber, applicantPhone: '13800138000' });
    await makeFoiRequest(liaison, { unitId: unit.id, receivedDate: '2026-01-06', applicantName: 'A申请人', content: '征收补偿方案' });
    await makeFoiRequest(liaison, { unitId: unit.id, receivedDate: '2026-01-07', applicantName: 'C申请人', content: '征收补偿协议' });
    await makeFoiRequest(liaison, { unitId: unit.id, receivedDate: '2025-01-07', applicantName: 'D申请人', content: '征收补偿' });
    const list = async (q: string) => (await liaison.get(`/api/v1/foi-requests?unitId=${unit.id}&${q}`)).json();

    expect((await list('year=2026')).items.map((r: any) => r.applicantName)).toEqual(['C申请人', 'A申请人', 'B申请人']); // newest received first
    expect((await list('year=2026&sort=applicantName&order=asc')).items.map((r: any) => r.applicantName)).toEqual(['A申请人', 'B申请人', 'C申请人']);
    expect((await list('year=2026&sort=applicantName&order=desc')).items.map((r: any) => r.applicantName)).toEqual(['C申请人', 'B申请人', 'A申请人']);
    expect((await list('sort=receivedDate&order=asc&pageSize=1')).items.map((r: any) => r.applicantName)).toEqual(['D申请人']);
    expect((await list('q=征收&year=2026')).items.map((r: any) => r.applicantName).sort()).toEqual(['A申请人', 'C申请人']);
    expect((await list('channel=mail')).items.map((r: any) => r.applicantName)).toEqual(['B申请人']);
    const [sealed] = (await list('channel=mail')).items;
    expect(sealed).toMatchObject({ applicantIdNumber: maskedId(idNumber), applicantPhone: '138****8000', status: 'received', statusLabel: '办理中', replyDate: null, replyType: null, channel: 'mail' });
    const bad = await liaison.get('/api/v1/foi-requests?sort=applicantIdNumber');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('排序字段');

    const res = await liaison.get(`/api/v1/foi-requests/export?unitId=${unit.id}&q=征收&sort=applicantName&order=desc`);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as any);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['收到日期', '受理机关', '答复书文号', '申请人']);
    expect(header).not.toContain('身份证号码');
    const applicant = header.indexOf('申请人') + 1;
    const names = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(applicant).value);
    expect(names).toEqual(['D申请人', 'C申请人', 'A申请人']);
  });
});

const maskedId = (id: string) => `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(-4)}`;
