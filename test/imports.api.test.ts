import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart, count, type Agent, type TestEnv } from './harness.ts';
import { creditCodeCheckChar } from '../src/shared/validators.ts';

let env: TestEnv;
let admin: Agent;
beforeAll(async () => {
  env = await createTestEnv();
  const unit = await makeUnit(env.platform, { code: 'HOME' });
  admin = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['sys_admin'] })).username);
});
afterAll(() => env.close());

const upload = (type: string, filename: string, content: Buffer | string, dryRun = false) =>
  admin.request({ method: 'POST', url: `/api/v1/imports/${type}${dryRun ? '?dryRun=true' : ''}`, ...multipart(filename, content) });

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('数据');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('org_units import', () => {
  it('imports csv with children before parents, a new root, and is idempotent', async () => {
    const credit = '11430000MB0000001' + creditCodeCheckChar('11430000MB0000001');
    const csv = ['code,name,kind,category,parentCode,creditCode', 'IM-V1,甲村,村社区,,IM-T1,', 'IM-T1,甲镇,town,乡镇,IM,', `IM,导入县,县政府,,,${credit}`, 'IM-D1,导入局,部门,部门,IM,'].join('\n');
    const res = await upload('org_units', 'units.csv', csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 4, created: 4, updated: 0 });
    const units = await env.platform.db.selectFrom('org_units').selectAll().where('code', 'like', 'IM%').execute();
    const byCode = Object.fromEntries(units.map((u) => [u.code, u]));
    expect(byCode.IM.parent_id).toBeNull();
    expect(byCode['IM-V1'].path).toBe(`${byCode['IM-T1'].path}${byCode['IM-V1'].id}/`);
    expect(byCode['IM-V1'].kind).toBe('village');

    const again = await upload('org_units', 'units.csv', csv);
    expect(again.json()).toMatchObject({ created: 0, updated: 0 });
    // Re-importing a changed row updates it (and moves it).
    const moved = await upload('org_units', 'm.jsonl', '{"code":"IM-V1","name":"甲村（改）","kind":"village","parentCode":"IM-D1"}\n');
    expect(moved.json()).toMatchObject({ created: 0, updated: 1 });
    const v = await env.platform.db.selectFrom('org_units').selectAll().where('code', '=', 'IM-V1').executeTakeFirstOrThrow();
    expect(v.name).toBe('甲村（改）');
    expect(v.path).toBe(`${byCode['IM-D1'].path}${v.id}/`);
  });

  it('writes through the unit commands: audited as the API, and refused where the API refuses, in its words', async () => {
    const csv = (rows: string[]) => ['code,name,kind,parentCode', ...rows].join('\n');
    expect((await upload('org_units', 'c.csv', csv(['CMD,命令县,county,', 'CMD-A,甲局,department,CMD', 'CMD-B,乙局,department,CMD']))).json()).toMatchObject({ created: 3 });
    const unit = async (code: string) => env.platform.db.selectFrom('org_units').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    const a = await unit('CMD-A');
    // Moved under 乙局 and renamed: the move and the edit, audited as the API's.
    expect((await upload('org_units', 'm.csv', csv(['CMD-A,甲局（改）,department,CMD-B']))).json()).toMatchObject({ updated: 1 });
    const audit = await env.platform.db.selectFrom('audit_log').select('action').where('target_id', '=', a.id).orderBy('seq').execute();
    expect(audit.map((e) => e.action)).toEqual(['org.unit.create', 'org.unit.move', 'org.unit.update']);
    expect(await unit('CMD-A')).toMatchObject({ name: '甲局（改）', parent_id: (await unit('CMD-B')).id, version: 3 });
    // A parent inside the unit's own subtree, and a deactivated parent: the API's refusals.
    const cycle = await upload('org_units', 'x.csv', csv(['CMD-B,乙局,department,CMD-A']));
    const apiCycle = await admin.post(`/api/v1/org/units/${(await unit('CMD-B')).id}/move`, { version: (await unit('CMD-B')).version, parentId: a.id });
    expect(apiCycle.statusCode).toBe(400);
    expect(cycle.json().errors).toEqual([{ row: 2, column: '上级单位编码（parentCode）', message: apiCycle.json().detail }]);
    const c = await admin.post('/api/v1/org/units', { code: 'CMD-C', name: '丙局', kind: 'department', parentId: (await unit('CMD')).id });
    expect((await admin.post(`/api/v1/org/units/${c.json().id}/deactivate`, { version: c.json().version })).statusCode).toBe(200);
    const under = await upload('org_units', 'u.csv', csv(['CMD-D,丁所,other,CMD-C']));
    const apiUnder = await admin.post('/api/v1/org/units', { code: 'CMD-D', name: '丁所', kind: 'other', parentId: c.json().id });
    expect(apiUnder.statusCode).toBe(400);
    expect(under.json().errors).toEqual([{ row: 2, column: '上级单位编码（parentCode）', message: apiUnder.json().detail }]);
  });

  it('reads xlsx with Chinese headers', async () => {
    const file = await xlsx([['单位编码', '单位名称', '单位类型', '上级单位编码'], ['XL', '表格县', 'county', ''], ['XL-1', '表格局', '部门', 'XL']]);
    const res = await upload('org_units', '单位.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(2);
  });

  it('reports every bad row with row, column and reason, and writes nothing', async () => {
    const before = await count(env.platform, 'org_units');
    const csv = [
      'code,name,kind,parentCode,creditCode',
      'BAD-1,好单位,department,HOME,',
      'BAD-2,坏类型,ministry,HOME,',
      'BAD-3,坏上级,department,NOWHERE,',
      'BAD-4,坏代码,department,HOME,91350100M000100Y44',
      'BAD-1,重复,department,HOME,',
      ',无编码,department,HOME,',
    ].join('\n');
    const res = await upload('org_units', 'bad.csv', csv);
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as { row: number; column: string; message: string }[];
    const rows = errors.map((e) => e.row);
    expect(rows).toEqual(expect.arrayContaining([3, 5, 7]));
    expect(errors.find((e) => e.row === 3)!.column).toContain('kind');
    expect(errors.find((e) => e.row === 5)!.column).toContain('creditCode');
    expect(await count(env.platform, 'org_units')).toBe(before);
    // Once the shape is fine, reference errors are reported too, still all-or-nothing.
    const refs = await upload('org_units', 'refs.csv', 'code,name,kind,parentCode\nREF-1,甲,department,HOME\nREF-2,乙,department,NOWHERE\nREF-3,丙,town,REF-4\nREF-4,丁,town,REF-3\n');
    expect(refs.statusCode).toBe(422);
    expect(refs.json().errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5]);
    expect(await count(env.platform, 'org_units')).toBe(before);
  });

  it('refuses unknown columns and unsupported files', async () => {
    expect((await upload('org_units', 'x.csv', 'code,name,kind,color\nA,B,other,red\n')).json().errors[0].message).toContain('color');
    expect((await upload('org_units', 'x.txt', 'hello')).statusCode).toBe(422);
    expect((await upload('org_units', 'x.xlsx', 'not a workbook')).statusCode).toBe(422);
  });

  it('dry run validates without writing', async () => {
    const before = await count(env.platform, 'org_units');
    const res = await upload('org_units', 'd.csv', 'code,name,kind,parentCode\nDRY-1,试,department,HOME\n', true);
    expect(res.json()).toMatchObject({ created: 1, dryRun: true });
    expect(await count(env.platform, 'org_units')).toBe(before);
  });

  it('serves a template with headers, an example row and a notes sheet', async () => {
    const res = await admin.get('/api/v1/imports/org_units/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['数据', '说明']);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, '单位编码', '单位名称', '单位类型', '考评类别', '上级单位编码', '统一社会信用代码']);
    expect(wb.worksheets[0].rowCount).toBe(2);
    // The template's own example row imports cleanly once its parent exists.
    await makeUnit(env.platform, { code: 'SFX' });
    const back = await upload('org_units', 't.xlsx', Buffer.from(res.rawPayload));
    expect(back.statusCode, back.body).toBe(200);
  });
});

describe('the template\'s example row', () => {
  it('names units the reader may import into: a town\'s clerk fills in the example and it imports', async () => {
    // The examples name the demo county's units (SFX-D01, SFX-T04-V01): here one is another county's, the other is not there.
    if (!(await env.platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-D01').executeTakeFirst())) await makeUnit(env.platform, { code: 'SFX-D01' });
    const county = await makeUnit(env.platform, { kind: 'county', code: 'TPL' });
    const town = await makeUnit(env.platform, { parent: county, kind: 'town', code: 'TPL-T1' });
    await makeUnit(env.platform, { parent: town, kind: 'village', code: 'TPL-T1-V1' });
    const liaison = await loggedIn(env.app, (await makeUser(env.platform, { unit: town, roles: ['unit_liaison'] })).username);
    const examples = async (type: string) => {
      const res = await liaison.get(`/api/v1/imports/${type}/template`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const [header, example] = [1, 2].map((r) => (wb.worksheets[0].getRow(r).values as string[]).slice(1));
      return { file: Buffer.from(res.rawPayload), row: Object.fromEntries(header!.map((h, i) => [h, example![i]])) };
    };
    const activity = await examples('pufa_activities');
    expect(activity.row['主办单位编码']).toBe('TPL-T1');
    const literate = await examples('legal_literates');
    expect(literate.row['所在村（社区）编码']).toBe('TPL-T1-V1');
    for (const [type, { file }] of [['pufa_activities', activity], ['legal_literates', literate]] as const) {
      const res = await liaison.request({ method: 'POST', url: `/api/v1/imports/${type}?dryRun=true`, ...multipart('t.xlsx', file) });
      expect(res.statusCode, `${type}: ${res.body}`).toBe(200);
    }
    // The field list the import page shows says the same; the other columns' examples stay as they are.
    const listed = (await liaison.get('/api/v1/imports/types')).json().items.find((t: { type: string }) => t.type === 'pufa_activities').fields;
    expect(Object.fromEntries(listed.map((f: { name: string; example: string }) => [f.name, f.example]))).toMatchObject({ unitCode: 'TPL-T1', kind: '进社区', ref: 'PF-2025-001' });
  });
});

describe('a file with errors far apart', () => {
  it('reports every row\'s errors in one answer — a malformed row does not hide a later row\'s unknown reference — the first 200 listed with the total, nothing saved', async () => {
    const county = await makeUnit(env.platform, { kind: 'county', code: 'ERR' });
    const town = await makeUnit(env.platform, { parent: county, kind: 'town', code: 'ERR-T1' });
    const liaison = await loggedIn(env.app, (await makeUser(env.platform, { unit: town, roles: ['unit_liaison'] })).username);
    const disputes = async () => Number((await env.platform.db.selectFrom('disputes').select((eb) => eb.fn.countAll().as('n')).where('unit_id', '=', town.id).executeTakeFirstOrThrow()).n);
    const post = (name: string, content: string) => liaison.request({ method: 'POST', url: '/api/v1/imports/disputes', ...multipart(name, content) });
    const header = 'ref,unitCode,type,parties,summary,mediators,receivedDate,channel,orgRef';
    const line = (i: number, orgRef = '') => `E${i},ERR-T1,邻里纠纷,甲某、乙某,排水沟纠纷,张调解员,2025-03-01,people,${orgRef}`;
    // Row 3 (the second data row) has a column too many; row 600 names an organisation that does not exist.
    const csv = [header, ...Array.from({ length: 700 }, (_, i) => (i === 1 ? `${line(i)},多余` : i === 598 ? line(i, 'NOPE') : line(i)))].join('\n');
    const res = await post('d.csv', csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { row: number }) => e.row)).toEqual([3, 600]);
    expect(res.json().errors[1]).toMatchObject({ column: '调解组织编号（orgRef）' });
    // The same in JSON Lines: a line that is not JSON, and a unit the clerk may not import into.
    const rows = Array.from({ length: 700 }, (_, i) => JSON.stringify({ ref: `J${i}`, unitCode: i === 598 ? 'ERR' : 'ERR-T1', type: '邻里纠纷', parties: '甲某', summary: '纠纷', mediators: '张调解员', receivedDate: '2025-03-01', channel: 'people' }));
    rows[1] = '{"ref": "J1",';
    const jsonl = await post('d.jsonl', rows.join('\n'));
    expect(jsonl.statusCode).toBe(422);
    expect(jsonl.json().errors.map((e: { row: number }) => e.row)).toEqual([2, 599]);
    // Three hundred bad rows: the first 200 by row, and the total.
    const many = await post('d.csv', [header, ...Array.from({ length: 300 }, (_, i) => line(i, 'NOPE'))].join('\n'));
    expect(many.statusCode).toBe(422);
    expect(many.json().errors).toHaveLength(200);
    expect(many.json().errors[199].row).toBe(201);
    expect(many.json().detail).toBe('导入未执行：共 300 处错误（列出前 200 处），全部数据均未写入');
    expect(await disputes()).toBe(0);
  });
});

describe('users import', () => {
  it('creates accounts with one-time passwords, updates on re-import, refuses roles and admin accounts for the system administrator', async () => {
    // 三员分立: the system administrator imports accounts without roles (the security administrator grants them).
    const res = await upload('users', 'u.csv', 'username,name,unitCode,roles,phone\nimp_a,导入甲,HOME,,13700000001\nimp_b,导入乙,HOME,,\n');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(2);
    const creds = res.json().credentials as { username: string; password: string }[];
    expect(creds.map((c) => c.username)).toEqual(['imp_a', 'imp_b']);
    await loggedIn(env.app, 'imp_a', creds[0].password);
    const again = await upload('users', 'u.jsonl', '{"username":"imp_b","name":"导入乙（改）","unitCode":"HOME"}\n');
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    expect(again.json().credentials).toBeUndefined();
    const admins = await upload('users', 'a.csv', 'username,name,unitCode,roles\nimp_c,丙,HOME,audit_admin\nimp_d,丁,NOPE,\nimp_e,戊,HOME,unit_head\n');
    expect(admins.statusCode).toBe(422);
    expect([...new Set(admins.json().errors.map((e: { row: number }) => e.row))]).toEqual([2, 3, 4]);
  });

  it('changes an account through the user commands: one audited edit, as PATCH /users makes it', async () => {
    const other = await makeUnit(env.platform, { code: 'CMD-U' });
    expect((await upload('users', 'u.csv', 'username,name,unitCode\ncmd_a,命令甲,HOME\n')).json()).toMatchObject({ created: 1 });
    const user = await env.platform.db.selectFrom('users').selectAll().where('username', '=', 'cmd_a').executeTakeFirstOrThrow();
    expect((await upload('users', 'u.csv', `username,name,unitCode,phone\ncmd_a,命令甲（改）,${other.code},13700000009\n`)).json()).toMatchObject({ updated: 1 });
    const after = await admin.get(`/api/v1/users/${user.id}`);
    expect(after.json()).toMatchObject({ name: '命令甲（改）', unitId: other.id, phone: '137****0009', version: 2 });
    const audit = await env.platform.db.selectFrom('audit_log').select(['action', 'detail']).where('target_id', '=', user.id).orderBy('seq').execute();
    expect(audit.map((e) => e.action)).toEqual(['user.create', 'user.update']);
    expect(JSON.parse(audit[1]!.detail!)).toMatchObject({ changes: { name: '命令甲（改）', unitId: other.id, phone: '***' } });
  });

  it('lists import types by permission', async () => {
    const unit = await makeUnit(env.platform);
    const head = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['unit_head'] })).username);
    // A unit head imports only the case types their unit handles, never units or users.
    expect((await head.get('/api/v1/imports/types')).json().items.map((t: { type: string }) => t.type).sort()).toEqual(['advisor_engagements', 'advisors', 'decision_events', 'decisions', 'disputes', 'enforcement_bodies', 'enforcement_cases', 'enforcement_list_items', 'enforcement_officers', 'fee_items', 'foi_requests', 'legal_aid_cases', 'legal_literates', 'legality_reviews', 'litigation_cases', 'litigation_hearings', 'mediation_orgs', 'normative_docs', 'notarizations', 'pufa_activities', 'service_cases', 'service_items', 'service_ratings', 'study_sessions']);
    expect((await head.get('/api/v1/imports/org_units/template')).statusCode).toBe(403);
    expect((await admin.get('/api/v1/imports/types')).json().items.map((t: { type: string }) => t.type)).toEqual(['org_units', 'users']);
  });
});
