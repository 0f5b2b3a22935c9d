// Deny by default: every route declares its permission, none is open by accident; the three
// admin roles are separated; data scope keeps units apart.
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart, type TestEnv } from './harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const PUBLIC_API = new Set(['POST /api/v1/auth/login', 'GET /api/v1/openapi.json', 'GET /api/v1/calendar/deadline', 'GET /api/v1/calendar/day',
  // The portal's published annual reports (published ones only; tested in reports.api.test.ts).
  'GET /api/v1/public/annual-reports', 'GET /api/v1/public/annual-reports/:id', 'GET /api/v1/public/annual-reports/:id/docx', 'GET /api/v1/public/annual-reports/:id/pdf',
  'GET /api/v1/public/foi-annual-reports', 'GET /api/v1/public/foi-annual-reports/:id', 'GET /api/v1/public/foi-annual-reports/:id/docx',
  // Online applications without an account (kernel/public; tested in public-*.api.test.ts): a proof-of-work
  // challenge, a form's description, a submission, and tracking by code and secret (POST: the secret is a body field).
  'GET /api/v1/public/challenge', 'GET /api/v1/public/forms/:key', 'POST /api/v1/public/forms/:key/submissions',
  'POST /api/v1/public/track', 'POST /api/v1/public/track/supplement', 'POST /api/v1/public/track/replies/:id',
  // 行政执法公示 (bodies, powers, lists, certified officers without ID numbers; enforcement.api.test.ts) and the
  // library of published normative documents (normative.api.test.ts); disclosed enforcement decisions, parties masked (enforcement-cases.api.test.ts).
  // The catalog of major decisions and the drafts open for comment with 意见采纳情况, no commenter (decisions.api.test.ts).
  'GET /api/v1/public/decision-catalog', 'GET /api/v1/public/decision-consultations', 'GET /api/v1/public/decision-consultations/:id',
  'GET /api/v1/public/enforcement-bodies', 'GET /api/v1/public/enforcement-bodies/:id', 'GET /api/v1/public/normative-docs', 'GET /api/v1/public/normative-docs/:id',
  'GET /api/v1/public/enforcement-decisions',
  // results of finished cleanups of normative documents (normative-cleanups.api.test.ts).
  'GET /api/v1/public/normdoc-cleanups',
  // The service item list as it stands today (services.api.test.ts).
  'GET /api/v1/public/service-items']);
const lastAudit = (action: string) =>
  env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').limit(1).executeTakeFirst();
const concrete = (url: string) => url.replace(/:(\w+)/g, 'x');

describe('route guard', () => {
  it('every API route declares a permission, and only the known public ones are public', () => {
    const api = env.app.registeredRoutes.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(20);
    for (const r of api) expect(r.permission, `${r.method} ${r.url}`).toBeTruthy();
    const publicOnes = api.filter((r) => r.permission === 'public').map((r) => `${r.method} ${r.url}`);
    expect(new Set(publicOnes)).toEqual(PUBLIC_API);
  });

  it('every non-public API route answers 401 without a session', async () => {
    for (const r of env.app.registeredRoutes.filter((x) => x.url.startsWith('/api/') && x.permission !== 'public')) {
      const res = await env.app.inject({ method: r.method as any, url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('the OpenAPI document lists every API route', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const r of env.app.registeredRoutes.filter((x) => x.url.startsWith('/api/') && x.url !== '/api/v1/openapi.json')) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeTruthy();
    }
  });
});

describe('三员分立', () => {
  it('the audit administrator can read the audit log and nothing else', async () => {
    const unit = await makeUnit(env.platform);
    const { username } = await makeUser(env.platform, { unit, roles: ['audit_admin'] });
    const agent = await loggedIn(env.app, username);
    expect((await agent.get('/api/v1/audit')).statusCode).toBe(200);
    const guarded = env.app.registeredRoutes.filter((r) => r.url.startsWith('/api/') && !['public', 'session', 'audit.read'].includes(r.permission!));
    for (const r of guarded) {
      const res = await agent.request({ method: r.method as any, url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
  });

  it('the system administrator cannot read the audit log', async () => {
    const unit = await makeUnit(env.platform);
    const { username } = await makeUser(env.platform, { unit, roles: ['sys_admin'] });
    const agent = await loggedIn(env.app, username);
    expect((await agent.get('/api/v1/audit')).statusCode).toBe(403);
    const denied = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'access.denied').orderBy('seq', 'desc').executeTakeFirst();
    expect(denied?.actor_name).toBe(username);
  });

  it('no account holds two admin roles, and only the security administrator grants them', async () => {
    const unit = await makeUnit(env.platform);
    const sys = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['sys_admin'] })).username);
    const sec = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['sec_admin'] })).username);
    const bySys = await sys.post('/api/v1/users', { username: 'newaudit', name: '审计', unitId: unit.id, roles: ['audit_admin'] });
    expect(bySys.statusCode).toBe(403);
    expect(bySys.json().detail).toContain('roles');
    const account = await sys.post('/api/v1/users', { username: 'newaudit', name: '审计', unitId: unit.id });
    expect(account.statusCode).toBe(201);
    const id = account.json().user.id;
    const two = await sec.put(`/api/v1/users/${id}/roles`, { version: 1, roles: ['sys_admin', 'audit_admin'] });
    expect(two.statusCode).toBe(400);
    expect(two.json().detail).toContain('roles');
    const mixed = await sec.put(`/api/v1/users/${id}/roles`, { version: 1, roles: ['audit_admin', 'law_office'] });
    expect(mixed.statusCode).toBe(400);
    const granted = await sec.put(`/api/v1/users/${id}/roles`, { version: 1, roles: ['audit_admin'] });
    expect(granted.statusCode, granted.body).toBe(200);
    // The system administrator can neither reset nor disable an admin account.
    expect((await sys.post(`/api/v1/users/${id}/reset-password`)).statusCode).toBe(403);
    expect((await sys.post(`/api/v1/users/${id}/disable`, { version: 2 })).statusCode).toBe(403);
    // …nor promote a business account to an admin role, nor grant it a business role.
    const plain = await sys.post('/api/v1/users', { username: 'plainuser', name: '普通', unitId: unit.id });
    expect(plain.statusCode).toBe(201);
    const promote = await sys.patch(`/api/v1/users/${plain.json().user.id}`, { version: 1, roles: ['sys_admin'] });
    expect(promote.statusCode).toBe(403);
    const business = await sys.patch(`/api/v1/users/${plain.json().user.id}`, { version: 1, roles: ['law_office'] });
    expect(business.statusCode).toBe(403);
    expect(business.json().detail).toContain('角色（roles）只能由安全管理员授予');
    expect((await sys.put(`/api/v1/users/${plain.json().user.id}/roles`, { version: 1, roles: ['law_office'] })).statusCode).toBe(403);
  });

  it('the system administrator grants no role and unmasks nothing: a law_office account of their own is no side door', async () => {
    const unit = await makeUnit(env.platform);
    const sysUser = await makeUser(env.platform, { unit, roles: ['sys_admin'] });
    const sys = await loggedIn(env.app, sysUser.username);
    expect((await sys.get('/api/v1/auth/me')).json().permissions).not.toContain('pii.unmask');
    const applicant = await makeUser(env.platform, { unit, roles: ['unit_liaison'], idNumber: '11010519491231002X' });
    expect((await sys.post(`/api/v1/users/${applicant.id}/unmask`, { field: 'idNumber' })).statusCode).toBe(403);

    const lawOffice = await sys.post('/api/v1/users', { username: 'sidedoor1', name: '侧门', unitId: unit.id, roles: ['law_office'] });
    expect(lawOffice.statusCode).toBe(403);
    const denied = await lastAudit('user.create');
    expect(denied).toMatchObject({ actor_id: sysUser.id, outcome: 'denied' });
    // The account they may create has no role, so signing in with it unmasks nothing either.
    const created = await sys.post('/api/v1/users', { username: 'sidedoor2', name: '侧门', unitId: unit.id });
    expect(created.statusCode).toBe(201);
    const mine = await loggedIn(env.app, 'sidedoor2', created.json().initialPassword);
    expect((await mine.post('/api/v1/auth/password', { currentPassword: created.json().initialPassword, newPassword: 'Kmv#3920pq' })).statusCode).toBe(200);
    expect((await mine.get('/api/v1/auth/me')).json().permissions).toEqual([]);
    expect((await mine.post(`/api/v1/users/${applicant.id}/unmask`, { field: 'idNumber' })).statusCode).toBe(403);
    expect(await env.platform.db.selectFrom('audit_log').select('seq').where('action', '=', 'pii.unmask').where('actor_name', 'in', ['sidedoor2', sysUser.username]).execute()).toEqual([]);
  });

  it('the security administrator grants roles but takes none, creates no account, resets no password and reads no audit log', async () => {
    const unit = await makeUnit(env.platform);
    const secUser = await makeUser(env.platform, { unit, roles: ['sec_admin'] });
    const sec = await loggedIn(env.app, secUser.username);
    const auditor = await makeUser(env.platform, { unit, roles: ['audit_admin'] });
    const staff = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    const staffAgent = await loggedIn(env.app, staff.username);

    const own = await sec.put(`/api/v1/users/${secUser.id}/roles`, { version: 1, roles: ['audit_admin'] });
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toContain('自己的角色');
    expect(await lastAudit('user.roles')).toMatchObject({ actor_id: secUser.id, target_id: secUser.id, outcome: 'denied' });
    expect((await sec.post('/api/v1/users', { username: 'secmade', name: '安全', unitId: unit.id })).statusCode).toBe(403);
    expect((await sec.post(`/api/v1/users/${staff.id}/reset-password`)).statusCode).toBe(403);
    expect((await sec.post(`/api/v1/users/${auditor.id}/reset-password`)).statusCode).toBe(403);
    expect((await sec.get('/api/v1/audit')).statusCode).toBe(403);

    // Granting is theirs: audited with the roles before and after; the account signs in again.
    const granted = await sec.put(`/api/v1/users/${staff.id}/roles`, { version: 1, roles: ['unit_liaison', 'unit_head'] });
    expect(granted.statusCode, granted.body).toBe(200);
    const row = await lastAudit('user.roles');
    expect(row).toMatchObject({ actor_id: secUser.id, target_id: staff.id, outcome: 'success' });
    expect(JSON.parse(row!.detail!)).toEqual({ from: ['unit_liaison'], to: ['unit_head', 'unit_liaison'] });
    expect((await staffAgent.get('/api/v1/auth/me')).statusCode).toBe(401);
    const stale = await sec.put(`/api/v1/users/${staff.id}/roles`, { version: 1, roles: [] });
    expect(stale.statusCode).toBe(409);
  });

  it('moving an account with roles to another unit takes its roles with it, unless the security administrator moves it', async () => {
    const home = await makeUnit(env.platform);
    const other = await makeUnit(env.platform);
    const sys = await loggedIn(env.app, (await makeUser(env.platform, { unit: home, roles: ['sys_admin'] })).username);
    const head = await makeUser(env.platform, { unit: home, roles: ['unit_head'] });
    const version = async () => (await env.platform.db.selectFrom('users').select('version').where('id', '=', head.id).executeTakeFirstOrThrow()).version;
    const moved = await sys.patch(`/api/v1/users/${head.id}`, { version: await version(), unitId: other.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await env.platform.db.selectFrom('user_roles').select('role').where('user_id', '=', head.id).execute()).length).toBe(0);
    expect(JSON.parse((await lastAudit('user.roles'))!.detail!)).toEqual({ from: ['unit_head'], to: [], via: 'unit_change' });
    // The same through the users import.
    const liaison = await makeUser(env.platform, { unit: home, roles: ['unit_liaison'] });
    const csv = `username,name,unitCode\n${liaison.username},测试用户,${other.code}\n`;
    const imported = await sys.request({ method: 'POST', url: '/api/v1/imports/users', ...multipart('u.csv', csv) });
    expect(imported.statusCode, imported.body).toBe(200);
    expect((await env.platform.db.selectFrom('user_roles').select('role').where('user_id', '=', liaison.id).execute()).length).toBe(0);
  });

  it('nobody resets an administrator\'s password through the web, and the refusal is audited', async () => {
    const unit = await makeUnit(env.platform);
    const sysUser = await makeUser(env.platform, { unit, roles: ['sys_admin'] });
    const sys = await loggedIn(env.app, sysUser.username);
    for (const role of ['audit_admin', 'sec_admin', 'sys_admin']) {
      const target = await makeUser(env.platform, { unit, roles: [role] });
      const res = await sys.post(`/api/v1/users/${target.id}/reset-password`);
      expect(res.statusCode, role).toBe(403);
      expect(await lastAudit('user.reset_password')).toMatchObject({ actor_id: sysUser.id, target_id: target.id, outcome: 'denied' });
    }
    // Their own account neither.
    expect((await sys.post(`/api/v1/users/${sysUser.id}/reset-password`)).statusCode).toBe(403);
  });

  it('the users import is no side door: no own account, no admin account, roles only from the security administrator', async () => {
    const code = `IMP${Date.now() % 100000}`;
    const unit = await makeUnit(env.platform, { code });
    const sysUser = await makeUser(env.platform, { unit, roles: ['sys_admin'] });
    const secUser = await makeUser(env.platform, { unit, roles: ['sec_admin'] });
    const auditor = await makeUser(env.platform, { unit, roles: ['audit_admin'] });
    const staff = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    const sys = await loggedIn(env.app, sysUser.username);
    const sec = await loggedIn(env.app, secUser.username);
    const importUsers = (agent: typeof sys, csv: string) => agent.request({ method: 'POST', url: '/api/v1/imports/users', ...multipart('u.csv', `username,name,unitCode,roles\n${csv}\n`) });
    const rowsIn = (res: Awaited<ReturnType<typeof importUsers>>) => res.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);

    // The row: the security administrator makes themselves an audit administrator.
    const self = await importUsers(sec, `${secUser.username},安全管理员,${code},audit_admin`);
    expect(self.statusCode).toBe(422);
    expect(rowsIn(self)).toEqual(['2:用户名（username）']);
    const adminRows = await importUsers(sec, [`${auditor.username},审计,${code},unit_head`, `${staff.username},测试,${code},sec_admin`].join('\n'));
    expect(adminRows.statusCode).toBe(422);
    expect(rowsIn(adminRows)).toEqual(['2:角色（roles）', '3:角色（roles）']);
    expect((await importUsers(sec, `brandnew${code},新人,${code},unit_head`)).statusCode).toBe(422);
    const name = (await env.platform.db.selectFrom('users').select('name').where('id', '=', staff.id).executeTakeFirstOrThrow()).name;
    const grant = await importUsers(sec, `${staff.username},${name},${code},unit_head`);
    expect(grant.statusCode, grant.body).toBe(200);
    expect((await env.platform.db.selectFrom('user_roles').select('role').where('user_id', '=', staff.id).execute()).map((r) => r.role)).toEqual(['unit_head']);
    expect(JSON.parse((await lastAudit('user.roles'))!.detail!)).toEqual({ from: ['unit_liaison'], to: ['unit_head'], via: 'import' });

    // The system administrator imports accounts without roles, and changes no role.
    const sysRows = await importUsers(sys, [`lawyer${code},法治办,${code},law_office`, `${staff.username},${name},${code},law_office`, `${sysUser.username},系统,${code},`, `${auditor.username},审计,${code},`].join('\n'));
    expect(sysRows.statusCode).toBe(422);
    expect(rowsIn(sysRows)).toEqual(['2:角色（roles）', '3:角色（roles）', '4:用户名（username）', '5:角色（roles）']);
    const plain = await importUsers(sys, `plain${code},新人,${code},`);
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.json().created).toBe(1);
    const roles = await env.platform.db.selectFrom('users as u').innerJoin('user_roles as r', 'r.user_id', 'u.id').select('r.role').where('u.username', '=', `plain${code}`).execute();
    expect(roles).toEqual([]);
  });
});

describe('data scope', () => {
  it('a unit head sees their own subtree and neither reads nor changes another unit', async () => {
    const county = await makeUnit(env.platform, { kind: 'county' });
    const townA = await makeUnit(env.platform, { parent: county, kind: 'town' });
    const villageA = await makeUnit(env.platform, { parent: townA, kind: 'village' });
    const townB = await makeUnit(env.platform, { parent: county, kind: 'town' });
    const headA = await makeUser(env.platform, { unit: townA, roles: ['unit_head'] });
    const inVillage = await makeUser(env.platform, { unit: villageA, roles: ['unit_liaison'] });
    const inB = await makeUser(env.platform, { unit: townB, roles: ['unit_liaison'] });
    const agent = await loggedIn(env.app, headA.username);

    const list = (await agent.get('/api/v1/users?pageSize=200')).json();
    const ids = list.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(inVillage.id);
    expect(ids).not.toContain(inB.id);
    expect(list.items.every((u: { unitId: string }) => [townA.id, villageA.id].includes(u.unitId))).toBe(true);
    expect((await agent.get(`/api/v1/users/${inVillage.id}`)).statusCode).toBe(200);
    expect((await agent.get(`/api/v1/users/${inB.id}`)).statusCode).toBe(404);
    expect((await agent.get(`/api/v1/users?unitId=${townB.id}`)).json().total).toBe(0);
    expect((await agent.post(`/api/v1/users/${inB.id}/disable`, { version: 1 })).statusCode).toBe(403);

    const lawOffice = await loggedIn(env.app, (await makeUser(env.platform, { unit: county, roles: ['law_office'] })).username);
    expect((await lawOffice.get(`/api/v1/users/${inB.id}`)).statusCode).toBe(200);
  });

  it('a unit moved out of a subtree leaves its head\'s scope at once, whichever process moved it', async () => {
    const county = await makeUnit(env.platform, { kind: 'county' });
    const townA = await makeUnit(env.platform, { parent: county, kind: 'town' });
    const villageA = await makeUnit(env.platform, { parent: townA, kind: 'village' });
    const townB = await makeUnit(env.platform, { parent: county, kind: 'town' });
    const headA = await loggedIn(env.app, (await makeUser(env.platform, { unit: townA, roles: ['unit_head'] })).username);
    const inVillage = await makeUser(env.platform, { unit: villageA, roles: ['unit_liaison'] });
    const admin = await loggedIn(env.app, (await makeUser(env.platform, { unit: county, roles: ['sys_admin'] })).username);
    const sees = async () => (await headA.get(`/api/v1/users/${inVillage.id}`)).statusCode;

    expect(await sees()).toBe(200);
    const moved = await admin.post(`/api/v1/org/units/${villageA.id}/move`, { version: 1, parentId: townB.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await sees()).toBe(404);
    expect((await headA.get('/api/v1/users?pageSize=200')).json().items.map((u: { id: string }) => u.id)).not.toContain(inVillage.id);

    // Another process (a second connection to the same database) moves it back: seen at once too.
    const other = (await openPlatform(env.config, MODULES)).platform;
    try {
      await other.db.updateTable('org_units').set({ parent_id: townA.id, path: `${townA.path}${villageA.id}/` }).where('id', '=', villageA.id).execute();
    } finally {
      await other.close();
    }
    expect(await sees()).toBe(200);
  });

  it('a liaison cannot list or download another unit\'s evidence', async () => {
    const unitA = await makeUnit(env.platform);
    const unitB = await makeUnit(env.platform);
    const a = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA, roles: ['unit_liaison'] })).username);
    const b = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB, roles: ['unit_liaison'] })).username);
    const upload = multipart('台账.txt', '整改材料：已完成。');
    const res = await a.request({ method: 'POST', url: '/api/v1/attachments', ...upload });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await a.get(`/api/v1/attachments/${id}/download`)).statusCode).toBe(200);
    expect((await b.get(`/api/v1/attachments/${id}/download`)).statusCode).toBe(404);
    expect((await b.get(`/api/v1/attachments/${id}`)).statusCode).toBe(404);
    expect((await b.get('/api/v1/attachments?recordType=test.record&recordId=r1')).json().items).toEqual([]);
    // Nor upload into another unit.
    const intoB = await a.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('x.txt', 'x', { unitId: unitB.id }) });
    expect(intoB.statusCode).toBe(404);
  });
});
