// A province on one database: a county's county-wide roles (law office, inspectors, reviewers,
// leaders, the system and security administrators) see their own county, never another; the
// province's own people see every county. County A is new and empty; the demo county next to it
// holds records in every module, so anything of the demo's that county A's people can read, list,
// find or export is a leak, whichever route lets it out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { advance, attach, createDemoEnv, loggedIn, makeUnit, makeUser, type Agent, type TestEnv } from './harness.ts';
import type { OrgUnitTable } from '../src/server/kernel/db/tables.ts';
import { assessedUnits } from '../src/server/modules/assessment/scores.ts';
import { runDailyJob } from '../src/server/kernel/workflow/daily.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';
import type { Role } from '../src/shared/roles.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';

let env: TestEnv;
let province: OrgUnitTable;
let countyA: OrgUnitTable;
let bureauA: OrgUnitTable;
let demoCounty: OrgUnitTable;
/** Every unit-owned row of the demo county: its table and id. */
let foreign: { table: string; id: string }[];
// The county-wide roles, and the audit administrator (who reads the county's audit log).
const ROLES_OF_A = ['law_office', 'inspector', 'reviewer', 'leader', 'sys_admin', 'sec_admin', 'audit_admin'] as const;
const agents = {} as Record<(typeof ROLES_OF_A)[number], Agent>;

beforeAll(async () => {
  env = await createDemoEnv();
  const db = env.platform.db;
  demoCounty = await db.selectFrom('org_units').selectAll().where('kind', '=', 'county').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  province = await makeUnit(env.platform, { kind: 'other', name: '测试省' });
  countyA = await makeUnit(env.platform, { kind: 'county', name: '甲县人民政府', parent: province });
  bureauA = await makeUnit(env.platform, { kind: 'department', name: '甲县司法局', parent: countyA });
  for (const role of ROLES_OF_A) {
    agents[role] = await loggedIn(env.app, (await makeUser(env.platform, { unit: role === 'leader' || role === 'audit_admin' ? countyA : bureauA, roles: [role] })).username);
  }
  foreign = [];
  for (const t of await db.introspection.getTables()) {
    const columns = new Set(t.columns.map((c) => c.name));
    if (!columns.has('id') || !columns.has('unit_id')) continue;
    const rows = await sql<{ id: string }>`select id from ${sql.table(t.name)} where unit_id in (select id from org_units where path like ${demoCounty.path + '%'})`.execute(db);
    for (const r of rows.rows) foreign.push({ table: t.name, id: String(r.id) });
  }
  const demoUnits = await db.selectFrom('org_units').select('id').where('path', 'like', `${demoCounty.path}%`).execute();
  foreign.push(...demoUnits.map((u) => ({ table: 'org_units', id: u.id })));
}, 300_000);
afterAll(() => env?.close());

const routes = (params: 'none' | 'id') =>
  env.app.registeredRoutes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && r.permission !== 'public' && (params === 'none' ? !r.url.includes(':') : /^[^:]*:id(\/[^:]*)?$/.test(r.url)));

/** The foreign ids (or their absence) in an answer. */
function leaked(body: string): string[] {
  return foreign.filter((f) => body.includes(f.id)).map((f) => `${f.table} ${f.id}`);
}

describe('a province on one database', () => {
  it('has records of every kind in the demo county to leak', () => {
    expect(new Set(foreign.map((f) => f.table)).size).toBeGreaterThan(30);
    expect(foreign.length).toBeGreaterThan(500);
  });

  it("county A's county-wide roles list, find and export nothing of the demo county", async () => {
    const year = new Date().getFullYear();
    let answered = 0;
    const leaks: string[] = [];
    for (const [role, agent] of Object.entries(agents)) {
      for (const r of routes('none')) {
        for (const url of [r.url, `${r.url}?year=${year}`]) {
          const res = await agent.get(url);
          if (res.statusCode >= 300) continue;
          answered++;
          const found = leaked(res.body);
          if (found.length) leaks.push(`${role} GET ${url}: ${found.length}, e.g. ${found[0]}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(answered).toBeGreaterThan(200);
  }, 300_000);

  it("county A's law office opens no record of the demo county by its id", async () => {
    const perTable = new Map<string, string>();
    for (const f of foreign) if (!perTable.has(f.table)) perTable.set(f.table, f.id);
    const opened: string[] = [];
    for (const r of routes('id')) {
      for (const [table, id] of perTable) {
        const res = await agents.law_office.get(r.url.replace(':id', id));
        if (res.statusCode < 400) opened.push(`GET ${r.url} with ${table} ${id}`);
      }
    }
    // The record-type routes: a workflow panel and the documents of each demo record.
    for (const def of env.platform.workflows.values()) {
      const own = foreign.find((f) => f.table === def.table);
      if (!own) continue;
      for (const url of [`/api/v1/workflow/${def.recordType}/${own.id}`, `/api/v1/documents/${def.recordType}/${own.id}`]) {
        const res = await agents.law_office.get(url);
        if (res.statusCode < 400) opened.push(`GET ${url}`);
      }
    }
    expect(opened).toEqual([]);
  }, 300_000);

  it("county A's law office finds nothing of the demo county by searching, and its audit administrator reads county A's log only", async () => {
    const found = await agents.law_office.get(`/api/v1/search?q=${encodeURIComponent('示范县')}`);
    expect(found.statusCode).toBe(200);
    expect(leaked(found.body)).toEqual([]);
    expect((await agents.law_office.post('/api/v1/matters', { unitId: bureauA.id, title: '甲县审计可见事项', content: '请按期办理。' })).statusCode).toBe(201);
    const log = await agents.audit_admin.get('/api/v1/audit?pageSize=200');
    expect(log.statusCode).toBe(200);
    expect(log.json().items.some((r: any) => r.unitId === bureauA.id)).toBe(true);
    // The demo county's law office wrote most of the demo: none of it is county A's to read.
    const demoActs = await agents.audit_admin.get('/api/v1/audit?actor=fzb_wang&pageSize=200');
    expect(demoActs.json().total).toBe(0);
  });

  it("county A's figures default to county A, and the demo county's figures are refused", async () => {
    const year = new Date().getFullYear();
    const own = await agents.law_office.get(`/api/v1/indicators?year=${year}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().unit).toBe(countyA.code);
    const other = await agents.law_office.get(`/api/v1/indicators?year=${year}&unit=${demoCounty.code}`);
    expect(other.statusCode).toBe(404);
    const tables = await agents.law_office.get(`/api/v1/disclosure-report-tables?year=${year}&unit=${demoCounty.code}`);
    expect(tables.statusCode).toBe(404);
  });

  it("county A's law office creates nothing in the demo county; what it may do in its own county still works", async () => {
    const db = env.platform.db;
    const demoUnit = await db.selectFrom('org_units').select(['id', 'code']).where('parent_id', '=', demoCounty.id).where('kind', '=', 'department').executeTakeFirstOrThrow();
    const office = agents.law_office;
    const refused = (res: { statusCode: number; json(): any }, field: string) => {
      expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    };
    const matter = { title: '越权登记', content: '请按期办理。' };
    refused(await office.post('/api/v1/matters', { ...matter, unitId: demoUnit.id }), 'unitId');
    expect((await office.post('/api/v1/matters', { ...matter, unitId: bureauA.id })).statusCode).toBe(201);

    const year = new Date().getFullYear();
    const plan = await office.post('/api/v1/plans', { year, title: `甲县${year}年分工方案`, issuedDate: `${year}-01-10` });
    expect(plan.statusCode).toBe(201);
    const task = { planId: plan.json().id, code: '1', title: '任务', content: '内容', dueDate: `${year}-12-20` };
    refused(await office.post('/api/v1/tasks', { ...task, leadUnitId: demoUnit.id }), 'leadUnitId');
    const demoPlan = await db.selectFrom('plans').select(['id', 'version']).where('unit_id', 'in', foreign.map((f) => f.id)).executeTakeFirstOrThrow();
    refused(await office.post('/api/v1/tasks', { ...task, planId: demoPlan.id, leadUnitId: bureauA.id }), 'planId');
    expect((await office.put(`/api/v1/plans/${demoPlan.id}`, { version: demoPlan.version, year, title: '改', issuedDate: `${year}-01-10` })).statusCode).toBe(404);
    expect((await office.post('/api/v1/tasks', { ...task, leadUnitId: bureauA.id })).statusCode).toBe(201);

    const inspection = { title: '越权督察', kind: 'onsite', inspectors: '督察组', date: `${year}-01-20` };
    refused(await office.post('/api/v1/inspections', { ...inspection, targetUnitIds: [demoUnit.id] }), 'targetUnitIds');
    expect((await office.post('/api/v1/inspections', { ...inspection, targetUnitIds: [bureauA.id] })).statusCode).toBe(201);
    // A finding or a notice on the demo county's inspection.
    const demoInspection = await db.selectFrom('inspections as i').innerJoin('inspection_targets as t', 't.inspection_id', 'i.id').select(['i.id', 't.unit_id']).where('i.unit_id', 'in', foreign.map((f) => f.id)).executeTakeFirstOrThrow();
    refused(await office.post('/api/v1/findings', { inspectionId: demoInspection.id, unitId: demoInspection.unit_id, description: '越权记录的问题', severity: 'general', dueDate: `${year}-12-20` }), 'inspectionId');
    refused(await office.post('/api/v1/notices', { kind: 'circular', title: '越权通报', content: '正文', issuedDate: `${year}-01-21`, inspectionId: demoInspection.id }), 'inspectionId');
  });

  it("county A's administrators manage county A's units and people only", async () => {
    const db = env.platform.db;
    const demoUnit = await db.selectFrom('org_units').select(['id', 'version']).where('parent_id', '=', demoCounty.id).executeTakeFirstOrThrow();
    const admin = agents.sys_admin;
    const code = () => `CS${Date.now() % 1_000_000}${Math.floor(Math.random() * 1000)}`;
    const underDemo = await admin.post('/api/v1/org/units', { code: code(), name: '越权单位', kind: 'department', parentId: demoCounty.id });
    expect(underDemo.statusCode).toBe(400);
    expect(underDemo.json().errors[0].field).toBe('parentId');
    expect((await admin.post('/api/v1/org/units', { code: code(), name: '新的根单位', kind: 'other' })).json().errors[0].field).toBe('parentId');
    expect((await admin.post('/api/v1/org/units', { code: code(), name: '甲县新单位', kind: 'department', parentId: countyA.id })).statusCode).toBe(201);
    expect((await admin.post(`/api/v1/org/units/${demoUnit.id}/move`, { version: demoUnit.version, parentId: countyA.id })).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/org/units/${countyA.id}/move`, { version: countyA.version, parentId: null })).statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/org/units/${bureauA.id}`, { version: bureauA.version, name: '甲县司法局（改）' })).statusCode).toBe(200);
    // A county bounds the county-wide roles' scope: its administrator neither unmakes it nor makes one.
    expect((await admin.patch(`/api/v1/org/units/${countyA.id}`, { version: countyA.version, kind: 'department' })).statusCode).toBe(403);
    expect((await admin.post('/api/v1/org/units', { code: code(), name: '县中县', kind: 'county', parentId: countyA.id })).statusCode).toBe(403);

    const demoUser = await db.selectFrom('users').select('id').where('username', '=', 'fzb_wang').executeTakeFirstOrThrow();
    expect((await admin.get(`/api/v1/users/${demoUser.id}`)).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/users/${demoUser.id}/reset-password`)).statusCode).toBe(404);
    expect((await agents.sec_admin.put(`/api/v1/users/${demoUser.id}/roles`, { version: 1, roles: ['law_office'] })).statusCode).toBe(404);
  });

  it("a scheme of county A assesses county A's units only, however many the demo county has of its categories", async () => {
    const year = new Date().getFullYear();
    const town = await makeUnit(env.platform, { kind: 'town', name: '甲县城关镇', parent: countyA });
    await env.platform.db.updateTable('org_units').set({ category: '乡镇' }).where('id', '=', town.id).execute();
    const created = await agents.law_office.post('/api/v1/assessment-schemes', { title: `甲县${year}年度考评方案`, year, unitId: bureauA.id, categoryWeights: '乡镇:1' });
    expect(created.statusCode, created.body).toBe(201);
    const scheme = await env.platform.db.selectFrom('assessment_schemes').selectAll().where('id', '=', created.json().id).executeTakeFirstOrThrow();
    expect((await assessedUnits(env.platform.db, scheme)).map((u) => u.unitId)).toEqual([town.id]);
    const demoScheme = foreign.find((f) => f.table === 'assessment_schemes')!;
    expect((await agents.law_office.post(`/api/v1/assessment-schemes/${demoScheme.id}/copy`, { year: year + 1 })).statusCode).toBe(404);
  });

  it("county A's law office gets a digest of county A's work, not the demo county's", async () => {
    const matter = await agents.law_office.post('/api/v1/matters', { unitId: bureauA.id, title: '甲县待办', content: '请按期办理。' });
    expect(matter.statusCode).toBe(201);
    // Replied by the bureau: the law office's to accept or return (its own to-do, and its digest's).
    const replied = await loggedIn(env.app, (await makeUser(env.platform, { unit: bureauA, roles: ['unit_liaison'] })).username);
    await attach(replied, 'matter', matter.json().id);
    await advance(replied, 'matter', matter.json().id, 'reply', { version: 1, values: { reply: '已办' } });
    const pending = await agents.law_office.post('/api/v1/matters', { unitId: bureauA.id, title: '甲县逾期事项', content: '请按期办理。' });
    expect(pending.statusCode).toBe(201);
    await runDailyJob(env.platform, fromDayNumber(toDayNumber(chinaToday()) + 401));
    const todo = (await agents.law_office.get('/api/v1/todo')).json();
    expect(todo.total).toBeGreaterThan(0);
    expect(todo.items.filter((i: { id: string }) => foreign.some((f) => f.id === i.id))).toEqual([]);
    const notifications = (await agents.law_office.get('/api/v1/notifications?pageSize=200')).json().items;
    // Overdue clocks are reported to the law office of their own county only.
    const escalations = notifications.filter((n: any) => n.kind === 'escalation');
    expect(escalations.some((n: any) => n.link.endsWith(pending.json().id))).toBe(true);
    expect(escalations.filter((n: any) => foreign.some((f) => n.link.endsWith(f.id)))).toEqual([]);
    const digests = notifications.filter((n: any) => n.kind === 'digest');
    expect(digests.map((d: any) => d.title)).toEqual([expect.stringMatching(new RegExp(`待办 ${todo.total} 项`))]);
    const demoOffice = await loggedIn(env.app, 'fzb_wang', DEMO_PASSWORD);
    const demoTodo = (await demoOffice.get('/api/v1/todo')).json();
    expect(demoTodo.total).toBeGreaterThan(todo.total);
  });

  it("a county numbers its notices on its own counter in its own name, and sets its own county-wide rule", async () => {
    // A county of its own: the other tests here set number rules for county A's units.
    const countyN = await makeUnit(env.platform, { kind: 'county', name: '乙县人民政府', parent: province });
    const bureauN = await makeUnit(env.platform, { kind: 'department', name: '乙县司法局', parent: countyN });
    const office = await loggedIn(env.app, (await makeUser(env.platform, { unit: bureauN, roles: ['law_office'] })).username);
    const today = chinaToday();
    const year = Number(today.slice(0, 4));
    const issue = async () => {
      const notice = await office.post('/api/v1/notices', { kind: 'circular', title: '乙县通报', content: '正文', issuedDate: today });
      expect(notice.statusCode, notice.body).toBe(201);
      return notice.json().caseNumber;
    };
    expect(await issue()).toBe(`乙县法治督〔${year}〕1号`);
    expect(await issue()).toBe(`乙县法治督〔${year}〕2号`);
    const demoNumbers = await env.platform.db.selectFrom('notices').select('case_number').where('unit_id', 'in', foreign.map((f) => f.id)).execute();
    expect(demoNumbers.every((n) => !n.case_number || n.case_number.startsWith('示范县'))).toBe(true);
    // Its county-wide rule lives on the county's unit; the shared rule without a unit is not its to change.
    expect((await office.put('/api/v1/case-number-patterns/notice', { unitId: countyN.id, pattern: '{county}督查〔{year}〕{n}号' })).statusCode).toBe(200);
    const rule = (await office.get('/api/v1/case-number-patterns')).json().items.find((i: any) => i.recordType === 'notice');
    expect(rule).toMatchObject({ pattern: '{county}督查〔{year}〕{n}号', countyUnitId: countyN.id, next: `乙县督查〔${year}〕1号`, units: [] });
    expect(await issue()).toBe(`乙县督查〔${year}〕1号`);
    const demoOffice = await loggedIn(env.app, 'fzb_wang', DEMO_PASSWORD);
    const demoRule = (await demoOffice.get('/api/v1/case-number-patterns')).json().items.find((i: any) => i.recordType === 'notice');
    expect(demoRule.pattern).toBe('{county}法治督〔{year}〕{n}号');
    expect(demoRule.countyUnitId).toBeNull();
  });

  it("county A's law office changes no setting every county shares, and sets its own units' number patterns only", async () => {
    const office = agents.law_office;
    expect((await office.put('/api/v1/education-settings', { literatesPerVillage: 3 })).statusCode).toBe(403);
    expect((await office.put('/api/v1/case-number-patterns/notice', { pattern: '{county}督〔{year}〕{n}号' })).statusCode).toBe(403);
    const demoUnit = await env.platform.db.selectFrom('org_units').select('id').where('parent_id', '=', demoCounty.id).executeTakeFirstOrThrow();
    expect((await office.put('/api/v1/case-number-patterns/notice', { unitId: demoUnit.id, pattern: '{unit}督〔{year}〕{n}号' })).statusCode).toBe(404);
    expect((await office.put('/api/v1/case-number-patterns/notice', { unitId: bureauA.id, pattern: '{unit}督〔{year}〕{n}号' })).statusCode).toBe(200);
    // The web app hides what it would refuse: the settings' edit controls follow seesAll.
    expect((await office.get('/api/v1/auth/me')).json().seesAll).toBe(false);
    const patterns = (await office.get('/api/v1/case-number-patterns')).json().items.find((i: any) => i.recordType === 'notice');
    expect(patterns.units.map((u: any) => u.unitId)).toEqual([bureauA.id]);
    const denied = await env.platform.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'access.denied').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(denied.target_id).toBe('PUT /api/v1/education-settings');
  });

  it("the province's law office sees every county, and the demo county's own law office (the root county of its deployment) still sees all", async () => {
    const year = new Date().getFullYear();
    const provinceOffice = await loggedIn(env.app, (await makeUser(env.platform, { unit: province, roles: ['law_office' satisfies Role] })).username);
    expect((await provinceOffice.get('/api/v1/auth/me')).json().seesAll).toBe(true);
    const all = await provinceOffice.get(`/api/v1/indicators?year=${year}`);
    expect(all.json().unit).toBeNull();
    const demoMatters = await provinceOffice.get('/api/v1/matters');
    expect(demoMatters.json().total).toBeGreaterThan(0);
    const demoOffice = await loggedIn(env.app, 'fzb_wang', DEMO_PASSWORD);
    expect((await demoOffice.get(`/api/v1/indicators?year=${year}`)).json().unit).toBeNull();
    expect((await demoOffice.get(`/api/v1/org/units`)).body).toContain(countyA.id);
    expect((await demoOffice.get(`/api/v1/search?q=${encodeURIComponent('示范县')}`)).json().groups.length).toBeGreaterThan(0);
  });
});
