// 建议提案 over HTTP: the 3-month (6 if complex) reply clock on month arithmetic, the lead unit
// replies with its letter, the law office records satisfaction; import and figures; bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';

let env: TestEnv;
let office: Agent;
let liaisonA: Agent;
let liaisonB: Agent;
let unitA: { id: string; code: string };

beforeAll(async () => {
  env = await createTestEnv();
  const root = await makeUnit(env.platform, { kind: 'county' });
  const justice = await makeUnit(env.platform, { parent: root, name: '政府办' });
  unitA = await makeUnit(env.platform, { parent: root, name: '教育局', code: `PP${Date.now() % 100000}` });
  const unitB = await makeUnit(env.platform, { parent: root, name: '民政局' });
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: justice, roles: ['law_office'] })).username);
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

const assign = (extra: Record<string, unknown> = {}) =>
  office.post('/api/v1/proposals', { kind: 'cppcc', number: '12', title: '关于加强农村法律服务的提案', proposer: '政协委员', leadUnitId: unitA.id, assignedDate: '2025-11-30', filed: true, ...extra });

describe('a proposal', () => {
  it('is due in three months (month end, 调休 Saturday counts), replied by the lead unit and closed with satisfaction', async () => {
    const res = await assign();
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.clocks[0]).toMatchObject({ ruleCode: 'proposals.reply', due: '2026-02-28' });
    const complex = (await assign({ number: '13', complex: true, assignedDate: '2025-08-18' })).json();
    expect(complex.clocks[0]).toMatchObject({ ruleCode: 'proposals.reply_complex', due: '2026-02-24' }); // 2-18 in 春节
    expect((await liaisonB.get(`/api/v1/proposals/${p.id}`)).statusCode).toBe(404);
    expect((await liaisonA.post('/api/v1/proposals', { kind: 'npc', number: '1', title: 't', proposer: 'x', leadUnitId: unitA.id, assignedDate: '2025-01-01' })).statusCode).toBe(403);

    const act = (agent: Agent, key: string, body: Record<string, unknown>) => agent.post(`/api/v1/workflow/proposal/${p.id}/transitions/${key}`, body);
    expect((await act(liaisonA, 'reply', { version: 1 })).json().detail).toContain('台账材料');
    await liaisonA.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('答复函.txt', '答复函', { recordType: 'proposal', recordId: p.id }) });
    expect((await act(liaisonA, 'reply', { version: 1, date: '2026-01-20' })).statusCode).toBe(200);
    expect((await act(liaisonA, 'close', { version: 2, values: { satisfaction: 'satisfied' } })).statusCode).toBe(403);
    const closed = await act(office, 'close', { version: 2, values: { satisfaction: 'basically' } });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await office.get(`/api/v1/proposals/${p.id}`)).json()).toMatchObject({ status: 'closed', satisfaction: 'basically', replyDate: '2026-01-20', onTime: true });
  });

  it('refuses bad input naming the field', async () => {
    for (const [body, text] of [
      [{ kind: 'npc', filed: true }, '只适用于政协提案'],
      [{ kind: 'senate' }, 'kind'],
      [{ leadUnitId: 'nope' }, '主办单位'],
      [{ assignedDate: '2099-01-01' }, '不能晚于今天'],
      [{ title: '' }, '标题'],
    ] as const) {
      const res = await assign(body as Record<string, unknown>);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(text);
    }
  });
});

describe('import and figures', () => {
  it('imports proposals and counts them by kind, filing and timeliness', async () => {
    // A lead unit of its own: the figures count only this test's proposals, whatever ran before.
    const lead = await makeUnit(env.platform, { name: '提案测试局' });
    const rows = [
      { ref: 'P1', kind: '人大代表建议', number: '1', title: 'a', leadUnitCode: lead.code, assignedDate: '2024-03-10', replyDate: '2024-05-10', satisfaction: '满意' },
      { ref: 'P2', kind: 'cppcc', number: '2', title: 'b', leadUnitCode: lead.code, assignedDate: '2024-03-10', filed: '否', replyDate: '2024-07-10' }, // late: due 6-10
      { ref: 'P3', kind: 'cppcc', number: '3', title: 'c', leadUnitCode: lead.code, assignedDate: '2024-03-10', filed: '是' },
    ];
    const ok = await office.request({ method: 'POST', url: '/api/v1/imports/proposals', ...multipart('p.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')) });
    expect(ok.statusCode, ok.body).toBe(200);
    const figures = (await office.get(`/api/v1/indicators?year=2024&unit=${lead.code}`)).json().indicators;
    expect(figures).toMatchObject({ 'proposals.total': 3, 'proposals.npc': 1, 'proposals.cppcc': 2, 'proposals.cppcc_filed': 1, 'proposals.replied': 2, 'proposals.replied_on_time': 1, 'proposals.on_time_rate': 0.5 });
    const bad = [
      { ref: 'B1', kind: 'npc', number: '1', title: 'a', leadUnitCode: lead.code, assignedDate: '2024-03-10', replyDate: '2024-03-01' },
      { ref: 'B2', kind: 'npc', number: '1', title: 'a', leadUnitCode: lead.code, assignedDate: '2024-03-10', satisfaction: '满意' },
      { ref: 'B3', kind: 'npc', number: '1', title: 'a', leadUnitCode: 'NOPE', assignedDate: '2024-03-10' },
    ];
    const refused = await office.request({ method: 'POST', url: '/api/v1/imports/proposals', ...multipart('p.jsonl', bad.map((r) => JSON.stringify(r)).join('\n')) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: any) => e.column)).toEqual(['答复日期（replyDate）', '满意度（satisfaction）', '主办单位编码（leadUnitCode）']);
  });
});

describe('the import through the commands', () => {
  it('refuses what assigning through the API refuses, in its words; a re-import corrects the assignment as one audited edit and restarts the clock', async () => {
    const upload = (rows: Record<string, string>[]) => office.request({ method: 'POST', url: '/api/v1/imports/proposals', ...multipart('p.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')) });
    const tag = `CMD${Date.now() % 100000}`;
    const row = { ref: `${tag}-1`, kind: 'npc', number: '7', title: '关于导入的建议', leadUnitCode: unitA.code, assignedDate: '2025-09-01' };
    for (const [bad, body, column] of [
      [{ assignedDate: '2099-01-01' }, { assignedDate: '2099-01-01' }, '交办日期（assignedDate）'],
      [{ filed: '是' }, { kind: 'npc', filed: true }, '是否立案（filed）'],
    ] as const) {
      const api = await assign(body);
      expect(api.statusCode).toBe(400);
      const file = await upload([{ ...row, ...bad }]);
      expect(file.json().errors).toEqual([{ row: 1, column, message: api.json().detail }]);
    }
    expect((await upload([row])).json()).toMatchObject({ created: 1 });
    const { id } = await env.platform.db.selectFrom('proposals').select('id').where('ref', '=', `${tag}-1`).executeTakeFirstOrThrow();
    expect((await office.get(`/api/v1/proposals/${id}`)).json()).toMatchObject({ version: 1, due: '2025-12-01', clocks: [{ due: '2025-12-01' }] });
    const corrected = await upload([{ ...row, assignedDate: '2025-09-10', replyDate: '2025-11-20', satisfaction: '满意' }]);
    expect(corrected.json()).toMatchObject({ created: 0, updated: 1 });
    const p = (await office.get(`/api/v1/proposals/${id}`)).json();
    expect(p).toMatchObject({ version: 2, assignedDate: '2025-09-10', due: '2025-12-10', status: 'closed', replyDate: '2025-11-20', satisfaction: 'satisfied', onTime: true, light: null });
    expect(p.clocks).toMatchObject([{ due: '2025-12-10', status: 'stopped', onTime: true }]);
    const audit = await env.platform.db.selectFrom('audit_log').select('action').where('target_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['proposal.create', 'proposal.update', 'proposal.reply']);
  });
});

const sheetOf = async (res: { rawPayload: unknown }) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as any);
  return book.worksheets[0]!;
};

describe('the ledger', () => {
  it('filters (the lead unit with its subunits, under either name), searches and sorts on the server, and exports exactly the filtered list', async () => {
    const lead = await makeUnit(env.platform, { kind: 'county', name: '台账测试县' });
    const sub = await makeUnit(env.platform, { parent: lead, name: '台账测试局' });
    const made = async (number: string, title: string, leadUnitId: string, assignedDate: string, kind = 'npc') => {
      const res = await assign({ number, title, kind, leadUnitId, assignedDate, filed: kind === 'cppcc' ? true : null });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    await made('3', '关于B的建议', lead.id, '2025-03-02');
    await made('1', '关于A的建议', sub.id, '2025-03-03');
    const c = await made('2', '关于C的提案', sub.id, '2025-03-01', 'cppcc');
    await made('4', '关于D的建议', lead.id, '2024-03-01');
    // Assigned the same day: CPPCC before NPC, then by number (not by creation).
    await made('5', '关于05的建议', lead.id, '2024-03-01');
    await made('6', '关于06的提案', lead.id, '2024-03-01', 'cppcc');
    const list = async (q: string) => (await office.get(`/api/v1/proposals?${q}`)).json();
    const numbers = (page: any) => page.items.map((p: any) => p.number);

    expect(numbers(await list(`unitId=${lead.id}&year=2025`))).toEqual(['1', '3', '2']); // newest assigned first
    expect(numbers(await list(`leadUnitId=${lead.id}&year=2025`))).toEqual(['1', '3', '2']);
    expect(numbers(await list(`unitId=${sub.id}`))).toEqual(['1', '2']);
    expect(numbers(await list(`unitId=${lead.id}&sort=number&order=asc`))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(numbers(await list(`unitId=${lead.id}&sort=title&order=desc&pageSize=2`))).toEqual(['4', '2']);
    expect(numbers(await list(`unitId=${lead.id}&kind=cppcc`))).toEqual(['2', '6']);
    expect(numbers(await list(`unitId=${lead.id}&q=D的`))).toEqual(['4']);
    expect(numbers(await list(`unitId=${lead.id}&status=assigned&year=2024`))).toEqual(['6', '4', '5']);
    expect((await list(`unitId=${sub.id}&kind=cppcc`)).items[0]).toMatchObject({ id: c.id, kind: 'cppcc', leadUnitId: sub.id, unitId: sub.id, unitName: '台账测试局', filed: true, complex: false, replyDate: null, satisfaction: null, status: 'assigned', statusLabel: '办理中', due: '2025-06-03' }); // 3 months end on Sunday 6-01, 端午 holiday until 6-02
    expect((await list(`unitId=${lead.id}&kind=npc&year=2024`)).items[0]).toMatchObject({ number: '4', filed: null });
    const bad = await office.get('/api/v1/proposals?sort=proposer');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('排序字段');

    const res = await office.get(`/api/v1/proposals/export?unitId=${lead.id}&year=2025&sort=number&order=desc`);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await sheetOf(res);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['类别', '编号', '标题', '代表委员', '主办单位', '交办日期', '情况复杂', '是否立案', '答复日期', '满意度', '答复期限', '状态']);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => Array.from({ length: 8 }, (_, j) => sheet.getRow(i + 2).getCell(j + 1).value ?? null));
    expect(rows).toEqual([
      ['人大代表建议', '3', '关于B的建议', '政协委员', '台账测试县', '2025-03-02', '否', null],
      ['政协委员提案', '2', '关于C的提案', '政协委员', '台账测试局', '2025-03-01', '否', '是'],
      ['人大代表建议', '1', '关于A的建议', '政协委员', '台账测试局', '2025-03-03', '否', null],
    ]);
  });

  it('keeps the import columns and their Chinese headers', async () => {
    const res = await office.get('/api/v1/imports/proposals/template');
    expect(res.statusCode).toBe(200);
    expect((await sheetOf(res)).getRow(1).values).toEqual([undefined, '外部编号', '类别', '编号', '标题', '主办单位编码', '交办日期', '是否立案', '答复日期', '满意度']);
  });
});
