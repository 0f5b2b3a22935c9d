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
  'GET /api/v1/public/annual-reports', 'GET /api/v1/public/annual-reports/:id', 'GET /api/v1/public/annual-reports/:id/docx', 'GET /api/v1/public/annual-reports/:id/pdf']);
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
    const two = await sec.post('/api/v1/users', { username: 'twohats', name: '兼任', unitId: unit.id, roles: ['sys_admin', 'audit_admin'] });
    expect(two.statusCode).toBe(400);
    expect(two.json().detail).toContain('roles');
    const mixed = await sec.post('/api/v1/users', { username: 'mixedhats', name: '兼任', unitId: unit.id, roles: ['audit_admin', 'law_office'] });
    expect(mixed.statusCode).toBe(400);
    const bySys = await sys.post('/api/v1/users', { username: 'newaudit', name: '审计', unitId: unit.id, roles: ['audit_admin'] });
    expect(bySys.statusCode).toBe(403);
    const bySec = await sec.post('/api/v1/users', { username: 'newaudit', name: '审计', unitId: unit.id, roles: ['audit_admin'] });
    expect(bySec.statusCode).toBe(201);
    // The system administrator can neither reset nor disable an admin account.
    const id = bySec.json().user.id;
    expect((await sys.post(`/api/v1/users/${id}/reset-password`)).statusCode).toBe(403);
    expect((await sys.post(`/api/v1/users/${id}/disable`, { version: 1 })).statusCode).toBe(403);
    // …nor promote a business account to an admin role.
    const plain = await sys.post('/api/v1/users', { username: 'plainuser', name: '普通', unitId: unit.id, roles: ['unit_liaison'] });
    expect(plain.statusCode).toBe(201);
    const promote = await sys.patch(`/api/v1/users/${plain.json().user.id}`, { version: 1, roles: ['sys_admin'] });
    expect(promote.statusCode).toBe(403);
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
    const upload = multipart('台账.txt', '整改材料：已完成。', { recordType: 'test.record', recordId: 'r1' });
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
