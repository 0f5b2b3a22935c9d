import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loggedIn, makeUnit, makeUser, count, type Agent, type TestEnv } from './harness.ts';
import { creditCodeCheckChar, idNumberCheckChar } from '../src/shared/validators.ts';

let env: TestEnv;
let admin: Agent;
let sec: Agent;
let root: Awaited<ReturnType<typeof makeUnit>>;
beforeAll(async () => {
  env = await createTestEnv();
  root = await makeUnit(env.platform, { kind: 'county', name: '测试县人民政府' });
  admin = await loggedIn(env.app, (await makeUser(env.platform, { unit: root, roles: ['sys_admin'] })).username);
  sec = await loggedIn(env.app, (await makeUser(env.platform, { unit: root, roles: ['sec_admin'] })).username);
});
afterAll(() => env.close());

const validCredit = (seed: number) => {
  const first = `11430000MB${String(2000000 + seed).slice(-7)}`;
  return first + creditCodeCheckChar(first);
};
const validId = '11010519491231002' + idNumberCheckChar('11010519491231002');

describe('organisation tree', () => {
  it('creates, renames, moves, deactivates units; validates the credit code', async () => {
    const dept = await admin.post('/api/v1/org/units', { code: 'T-D1', name: '测试县司法局', kind: 'department', parentId: root.id, creditCode: validCredit(1) });
    expect(dept.statusCode).toBe(201);
    const town = await admin.post('/api/v1/org/units', { code: 'T-T1', name: '测试镇', kind: 'town', parentId: root.id });
    const village = await admin.post('/api/v1/org/units', { code: 'T-V1', name: '测试村', kind: 'village', parentId: town.json().id });
    expect(village.statusCode).toBe(201);

    const badCredit = validCredit(2).slice(0, 17) + (validCredit(2).endsWith('0') ? '1' : '0');
    const bad = await admin.post('/api/v1/org/units', { code: 'T-D2', name: '坏代码', kind: 'department', parentId: root.id, creditCode: badCredit });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('统一社会信用代码（creditCode）');
    expect(bad.json().errors[0].field).toBe('creditCode');

    const dup = await admin.post('/api/v1/org/units', { code: 'T-D1', name: '重复', kind: 'department' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toContain('code');

    const renamed = await admin.patch(`/api/v1/org/units/${dept.json().id}`, { version: 1, name: '测试县司法局（法治办）' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '测试县司法局（法治办）', version: 2 });

    // Move the town (with its village) under the department; the village's path follows.
    const moved = await admin.post(`/api/v1/org/units/${town.json().id}/move`, { version: 1, parentId: dept.json().id });
    expect(moved.statusCode).toBe(200);
    const v = await env.platform.db.selectFrom('org_units').select('path').where('id', '=', village.json().id).executeTakeFirstOrThrow();
    expect(v.path).toBe(`${root.path}${dept.json().id}/${town.json().id}/${village.json().id}/`);
    // A unit cannot move under its own descendant.
    const cycle = await admin.post(`/api/v1/org/units/${town.json().id}/move`, { version: 2, parentId: village.json().id });
    expect(cycle.statusCode).toBe(400);

    // Deactivation refuses a unit with active children, then works bottom-up.
    const refused = await admin.post(`/api/v1/org/units/${town.json().id}/deactivate`, { version: 2 });
    expect(refused.statusCode).toBe(409);
    expect((await admin.post(`/api/v1/org/units/${village.json().id}/deactivate`, { version: 1 })).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/org/units/${town.json().id}/deactivate`, { version: 2 })).json().active).toBe(false);
    const list = (await admin.get('/api/v1/org/units')).json().items.map((u: { code: string }) => u.code);
    expect(list).toContain('T-D1');
    expect(list).not.toContain('T-T1');
    expect((await admin.get('/api/v1/org/units?includeInactive=true')).json().items.map((u: { code: string }) => u.code)).toContain('T-T1');
    // Moving into an inactive unit is refused.
    expect((await admin.post(`/api/v1/org/units/${dept.json().id}/move`, { version: 2, parentId: town.json().id })).statusCode).toBe(400);
  });

  it('refuses a stale version with 409 and overwrites nothing', async () => {
    const unit = (await admin.post('/api/v1/org/units', { code: 'T-C1', name: '并发', kind: 'other', parentId: root.id })).json();
    const first = await admin.patch(`/api/v1/org/units/${unit.id}`, { version: 1, name: '甲的修改' });
    expect(first.statusCode).toBe(200);
    const second = await admin.patch(`/api/v1/org/units/${unit.id}`, { version: 1, name: '乙的修改' });
    expect(second.statusCode).toBe(409);
    expect((await admin.get(`/api/v1/org/units/${unit.id}`)).json()).toMatchObject({ name: '甲的修改', version: 2 });
  });

  it('shows only the actions the user may take', async () => {
    const head = await loggedIn(env.app, (await makeUser(env.platform, { unit: root, roles: ['unit_head'] })).username);
    const item = (await head.get('/api/v1/org/units')).json().items[0];
    expect(item.actions).toEqual([]);
    const adminItem = (await admin.get('/api/v1/org/units')).json().items.find((u: { active: boolean }) => u.active);
    expect(adminItem.actions).toContain('deactivate');
  });
});

describe('users', () => {
  it('creates a user with a one-time password that must be changed, resets and re-enables', async () => {
    const created = await admin.post('/api/v1/users', { username: 'liaison1', name: '联络员一', unitId: root.id, phone: '13812345678' });
    expect(created.statusCode).toBe(201);
    const { user, initialPassword } = created.json();
    expect(user.phone).toBe('138****5678');
    expect(user.mustChangePassword).toBe(true);
    expect(user.roles).toEqual([]);
    // The security administrator grants the role; the system administrator's view offers no grant.
    expect(user.actions).not.toContain('grant');
    const granted = await sec.put(`/api/v1/users/${user.id}/roles`, { version: user.version, roles: ['unit_liaison'] });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().roles).toEqual(['unit_liaison']);
    const agent = await loggedIn(env.app, 'liaison1', initialPassword);
    expect((await agent.get('/api/v1/auth/me')).json().passwordChangeRequired).toBe('initial');

    // 三员分立: the account now holds a role, so the system administrator's reset is only a request; the
    // password and the sessions stay until the security administrator carries it out, and hands over the new one.
    const asked = await admin.post(`/api/v1/users/${user.id}/reset-password`);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toEqual({ initialPassword: null, pending: true });
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/users/${user.id}/reset-password/confirm`)).statusCode).toBe(403);
    const waiting = (await sec.get(`/api/v1/users/${user.id}`)).json();
    expect(waiting.passwordResetRequestedAt).toBeTruthy();
    expect(waiting.actions).toContain('confirm_reset');
    const reset = await sec.post(`/api/v1/users/${user.id}/reset-password/confirm`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().pending).toBe(false);
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(401);
    await loggedIn(env.app, 'liaison1', reset.json().initialPassword);
    expect((await sec.post(`/api/v1/users/${user.id}/reset-password/confirm`)).statusCode).toBe(409);
    const audits = await env.platform.db.selectFrom('audit_log').select(['action', 'actor_id']).where('target_id', '=', user.id).where('action', 'like', 'user.reset_password%').orderBy('seq').execute();
    expect(audits.map((a) => a.action)).toEqual(['user.reset_password_request', 'user.reset_password']);
    // Turned down, the password stays.
    await admin.post(`/api/v1/users/${user.id}/reset-password`);
    expect((await sec.post(`/api/v1/users/${user.id}/reset-password/refuse`)).json()).toEqual({ initialPassword: null, pending: false });
    expect((await sec.get(`/api/v1/users/${user.id}`)).json().passwordResetRequestedAt).toBeNull();
    await loggedIn(env.app, 'liaison1', reset.json().initialPassword);
    // An account without a role is reset there and then: no one can use it until a role is granted.
    const bare = (await admin.post('/api/v1/users', { username: 'norole1', name: '未授权', unitId: root.id })).json();
    const bareReset = await admin.post(`/api/v1/users/${bare.user.id}/reset-password`);
    expect(bareReset.json()).toMatchObject({ pending: false, initialPassword: expect.any(String) });

    const dup = await admin.post('/api/v1/users', { username: 'liaison1', name: '重名', unitId: root.id });
    expect(dup.statusCode).toBe(409);
    const badUnit = await admin.post('/api/v1/users', { username: 'liaison2', name: '无单位', unitId: 'nope' });
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.json().detail).toContain('unitId');
    const badRole = await admin.post('/api/v1/users', { username: 'liaison3', name: '坏角色', unitId: root.id, roles: ['king'] });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().detail).toContain('roles');
  });

  it('filters the user list by unit, role, status and keyword, with paging', async () => {
    const unit = await makeUnit(env.platform, { parent: root });
    for (let i = 0; i < 5; i++) await makeUser(env.platform, { unit, roles: [i % 2 ? 'unit_head' : 'unit_liaison'], username: `pager${i}x` });
    const page = (await admin.get(`/api/v1/users?unitId=${unit.id}&pageSize=2&page=2`)).json();
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(2);
    expect((await admin.get(`/api/v1/users?unitId=${unit.id}&role=unit_head`)).json().total).toBe(2);
    expect((await admin.get(`/api/v1/users?unitId=${unit.id}&q=pager3`)).json().total).toBe(1);
    expect((await admin.get(`/api/v1/users?unitId=${root.id}&includeSubunits=true&q=pager`)).json().total).toBe(5);
    expect((await admin.get(`/api/v1/users?unitId=${unit.id}&status=disabled`)).json().total).toBe(0);
  });

  it('every combination of filters, scope and page gives exactly the users counted directly', async () => {
    // A tree of four units, three users in each; the list's compiled forms are reused across
    // values, so each form is asked with different values too.
    const top = await makeUnit(env.platform, { parent: root });
    const c1 = await makeUnit(env.platform, { parent: top });
    const c2 = await makeUnit(env.platform, { parent: top });
    const c1a = await makeUnit(env.platform, { parent: c1 });
    const units = { top, c1, c2, c1a };
    const roles = ['unit_liaison', 'unit_head', 'enforcement_officer'];
    for (const [key, unit] of Object.entries(units)) {
      for (let i = 0; i < 3; i++) await makeUser(env.platform, { unit, roles: i === 1 ? [roles[i]!, 'unit_liaison'] : [roles[i]!], username: `flt${key}${i}` });
    }
    await env.platform.db.updateTable('users').set({ disabled: 1 }).where('username', 'in', ['fltc20', 'fltc1a2']).execute();
    await env.platform.db.updateTable('users').set({ locked_until: new Date(Date.now() + 600_000).toISOString() }).where('username', '=', 'fltc1a1').execute();
    const head = await loggedIn(env.app, 'fltc11');

    const all = await env.platform.db
      .selectFrom('users as u')
      .innerJoin('org_units as o', 'o.id', 'u.unit_id')
      .select(['u.id', 'u.username', 'u.name', 'u.unit_id', 'u.disabled', 'u.locked_until', 'o.path'])
      .execute();
    const rolesOf = new Map<string, string[]>();
    for (const r of await env.platform.db.selectFrom('user_roles').selectAll().execute()) rolesOf.set(r.user_id, [...(rolesOf.get(r.user_id) ?? []), r.role]);
    const pathOf = (id: string) => all.find((u) => u.unit_id === id)?.path ?? '';

    let asked = 0;
    for (const [viewer, scopePath] of [[admin, ''], [head, pathOf(c1.id)]] as const) {
      for (const unit of [null, top, c1, c1a]) {
        for (const sub of unit ? [false, true] : [false]) {
          for (const role of [null, 'unit_head', 'unit_liaison']) {
            for (const status of [null, 'active', 'disabled', 'locked'] as const) {
              for (const q of [null, 'flt', 'fltc1', 'c1a']) {
                const expected = all
                  .filter((u) => u.path.startsWith(scopePath))
                  .filter((u) => !unit || (sub ? u.path.startsWith(unit.path) : u.unit_id === unit.id))
                  .filter((u) => !q || u.username.includes(q) || u.name.includes(q))
                  .filter((u) => !role || rolesOf.get(u.id)?.includes(role))
                  .filter((u) => status === null || (status === 'disabled' ? u.disabled === 1 : status === 'active' ? u.disabled === 0 : !!u.locked_until && Date.parse(u.locked_until) > Date.now()))
                  .map((u) => u.username)
                  .sort();
                const params = new URLSearchParams({ pageSize: '2', page: '2' });
                if (unit) params.set('unitId', unit.id);
                if (sub) params.set('includeSubunits', 'true');
                if (role) params.set('role', role);
                if (status) params.set('status', status);
                if (q) params.set('q', q);
                const res = await viewer.get(`/api/v1/users?${params}`);
                expect(res.statusCode).toBe(200);
                const body = res.json();
                const label = params.toString();
                expect(body.total, label).toBe(expected.length);
                // Test usernames sort the same under any collation; others may not, so pages are compared on them only.
                if (q) {
                  expect(body.items.map((i: { username: string }) => i.username), label).toEqual(expected.slice(2, 4));
                  for (const item of body.items) expect(item.roles, label).toEqual([...(rolesOf.get(item.id) ?? [])].sort());
                }
                asked++;
              }
            }
          }
        }
      }
    }
    expect(asked).toBe(2 * 7 * 3 * 4 * 4);
  });
});

describe('personal data', () => {
  it('validates, encrypts, masks, and audits unmasking of ID numbers and phones', async () => {
    const wrongCheck = validId.slice(0, 17) + (validId.endsWith('1') ? '2' : '1');
    const bad = await admin.post('/api/v1/users', { username: 'idperson0', name: '身份证', unitId: root.id, idNumber: wrongCheck });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('身份证号码（idNumber）');
    expect(await env.platform.db.selectFrom('users').select('id').where('username', '=', 'idperson0').executeTakeFirst()).toBeUndefined();

    const res = await admin.post('/api/v1/users', { username: 'idperson', name: '身份证', unitId: root.id, idNumber: validId, phone: '13900001111' });
    expect(res.statusCode).toBe(201);
    const { user } = res.json();
    expect(user.idNumber).toBe(`110***********${validId.slice(-4)}`);
    const raw = await env.platform.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toContain(validId);
    expect(JSON.stringify(raw)).not.toContain('13900001111');
    expect(raw.id_number_enc).toMatch(/^v1:/);

    // Unmasking: allowed to the roles that need it, audited; refused to others.
    const unit = await makeUnit(env.platform, { parent: root });
    const lawOffice = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['law_office'] })).username);
    const shown = await lawOffice.post(`/api/v1/users/${user.id}/unmask`, { field: 'idNumber' });
    expect(shown.json()).toEqual({ field: 'idNumber', value: validId });
    const audit = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'pii.unmask').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ target_id: user.id });
    expect(JSON.parse(audit.detail!)).toEqual({ field: 'idNumber' });
    const head = await loggedIn(env.app, (await makeUser(env.platform, { unit: root, roles: ['unit_head'] })).username);
    expect((await head.post(`/api/v1/users/${user.id}/unmask`, { field: 'phone' })).statusCode).toBe(403);
    // Neither the system administrator nor the security administrator unmasks.
    expect((await admin.post(`/api/v1/users/${user.id}/unmask`, { field: 'idNumber' })).statusCode).toBe(403);
    expect((await sec.post(`/api/v1/users/${user.id}/unmask`, { field: 'idNumber' })).statusCode).toBe(403);
    expect((await head.get(`/api/v1/users/${user.id}`)).json().phone).toBe('139****1111');
  });

  it('keeps unit counts when an update fails half-way (nothing half-saved)', async () => {
    const before = await count(env.platform, 'users');
    const res = await admin.post('/api/v1/users', { username: 'halfsaved', name: '半', unitId: root.id, roles: ['sys_admin', 'sec_admin'] });
    expect(res.statusCode).toBe(400);
    expect(await count(env.platform, 'users')).toBe(before);
  });
});
