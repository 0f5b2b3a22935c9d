import { pruneRateLimits } from '../src/server/kernel/http/rate-limits.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, PASSWORD, createTestEnv, loggedIn, makeUnit, makeUser, count, type TestEnv } from './harness.ts';
import { buildApp } from '../src/server/app.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const lastAudit = (action: string) =>
  env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').limit(1).executeTakeFirst();

describe('login', () => {
  it('returns the user, sets HttpOnly SameSite=Strict cookies, and the same 401 for unknown user and wrong password', async () => {
    const unit = await makeUnit(env.platform);
    const { username } = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    const agent = new Agent(env.app);
    const ok = await agent.login(username);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.username).toBe(username);
    expect(ok.json().permissions).toContain('attachment.upload');
    const sid = ok.cookies.find((c) => c.name === 'fazhi_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Strict');
    expect(sid.secure).toBeFalsy();

    const wrong = await new Agent(env.app).login(username, 'Wrong#Pass2026');
    const unknown = await new Agent(env.app).login('nobody_here', 'Wrong#Pass2026');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('audits success and failure of every login', async () => {
    const unit = await makeUnit(env.platform);
    const { id, username } = await makeUser(env.platform, { unit, roles: ['unit_head'] });
    await new Agent(env.app).login(username, 'Bad#Pass2026x');
    const failed = await lastAudit('auth.login');
    expect(failed).toMatchObject({ actor_id: id, outcome: 'failure' });
    await loggedIn(env.app, username);
    expect(await lastAudit('auth.login')).toMatchObject({ actor_id: id, outcome: 'success', unit_id: unit.id, actor_roles: 'unit_head' });
    expect((await lastAudit('auth.login'))!.ip).toBeTruthy();
  });

  it('me requires a session', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('changes the session id at login and ends the old session', async () => {
    const unit = await makeUnit(env.platform);
    const { username } = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    const agent = await loggedIn(env.app, username);
    const first = agent.cookies.fazhi_sid;
    const stale = { ...agent.cookies };
    await agent.login(username);
    expect(agent.cookies.fazhi_sid).not.toBe(first);
    const old = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: stale });
    expect(old.statusCode).toBe(401);
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('logout ends the session on the server', async () => {
    const unit = await makeUnit(env.platform);
    const { username } = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    const agent = await loggedIn(env.app, username);
    const saved = { ...agent.cookies };
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const replay = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: saved });
    expect(replay.statusCode).toBe(401);
    expect(await lastAudit('auth.logout')).toBeTruthy();
  });
});

describe('lockout', () => {
  it('locks the account for 15 minutes after 5 failures within 15 minutes, audited', async () => {
    const unit = await makeUnit(env.platform);
    const { id, username } = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    for (let i = 0; i < 4; i++) expect((await new Agent(env.app).login(username, 'Wrong#Pass2026')).statusCode).toBe(401);
    expect((await new Agent(env.app).login(username, 'Wrong#Pass2026')).statusCode).toBe(423);
    // Even the right password is refused while locked.
    const locked = await new Agent(env.app).login(username);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().detail).toContain('锁定');
    expect(await lastAudit('auth.lock')).toMatchObject({ target_id: id });
    const row = await env.platform.db.selectFrom('users').select('locked_until').where('id', '=', id).executeTakeFirstOrThrow();
    const minutes = (Date.parse(row.locked_until!) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // When the lock ends, the right password works again.
    await env.platform.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute();
    expect((await new Agent(env.app).login(username)).statusCode).toBe(200);
  });

  it('does not count failures older than 15 minutes', async () => {
    const unit = await makeUnit(env.platform);
    const { id, username } = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    for (let i = 0; i < 4; i++) await new Agent(env.app).login(username, 'Wrong#Pass2026');
    await env.platform.db.updateTable('users').set({ first_failed_at: new Date(Date.now() - 16 * 60_000).toISOString() }).where('id', '=', id).execute();
    expect((await new Agent(env.app).login(username, 'Wrong#Pass2026')).statusCode).toBe(401);
  });

  it('limits login attempts per IP, one count for every server process of the platform', async () => {
    await env.platform.db.deleteFrom('rate_limits').execute();
    // Two apps on one database stand for two worker processes of `fazhi start`.
    const platform = { ...env.platform, config: { ...env.platform.config, loginRateLimitPerMinute: 3 } };
    const apps = [await buildApp(platform), await buildApp(platform)];
    try {
      const attempt = (i: number) => apps[i % 2]!.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x_nobody', password: 'y' } });
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await attempt(i)).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const limited = await attempt(5);
      expect(limited.json().detail).toContain('登录尝试过于频繁');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Another route's limit (none here) and another IP's count are separate; the window ends.
      expect((await apps[0]!.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.8.7', payload: { username: 'x_nobody', password: 'y' } })).statusCode).toBe(401);
      await env.platform.db.updateTable('rate_limits').set({ window_start: Date.now() - 61_000 }).execute();
      expect((await attempt(6)).statusCode).toBe(401);
      // The daily job drops windows that ended a day ago.
      await env.platform.db.updateTable('rate_limits').set({ window_start: Date.now() - 2 * 86_400_000 }).where('key', 'like', '%10.9.8.7').execute();
      await pruneRateLimits(env.platform.db);
      expect((await env.platform.db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key)).toEqual(['POST /api/v1/auth/login|127.0.0.1']);
    } finally {
      for (const app of apps) await app.close();
    }
  });
});

describe('sessions', () => {
  it('ends idle sessions after 30 minutes and any session after 12 hours', async () => {
    const unit = await makeUnit(env.platform);
    const { id, username } = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    const idle = await loggedIn(env.app, username);
    await env.platform.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() }).where('user_id', '=', id).execute();
    expect((await idle.get('/api/v1/auth/me')).statusCode).toBe(401);

    const old = await loggedIn(env.app, username);
    await env.platform.db.updateTable('sessions').set({ created_at: new Date(Date.now() - 12 * 3_600_000 - 1000).toISOString() }).where('user_id', '=', id).execute();
    expect((await old.get('/api/v1/auth/me')).statusCode).toBe(401);

    const active = await loggedIn(env.app, username);
    await env.platform.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 29 * 60_000).toISOString() }).where('user_id', '=', id).execute();
    expect((await active.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('disabling a user ends their sessions', async () => {
    const unit = await makeUnit(env.platform);
    const admin = await makeUser(env.platform, { unit, roles: ['sys_admin'] });
    const target = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    const victim = await loggedIn(env.app, target.username);
    const adminAgent = await loggedIn(env.app, admin.username);
    const res = await adminAgent.post(`/api/v1/users/${target.id}/disable`, { version: 1 });
    expect(res.statusCode).toBe(200);
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await new Agent(env.app).login(target.username)).statusCode).toBe(403);
  });
});

describe('passwords', () => {
  it('stores argon2id hashes', async () => {
    const unit = await makeUnit(env.platform);
    const { id } = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    const row = await env.platform.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('forces a first-login change, refuses weak and common passwords, and ends other sessions on change', async () => {
    const unit = await makeUnit(env.platform);
    const { username } = await makeUser(env.platform, { unit, roles: ['unit_head'], mustChange: true });
    const agent = await loggedIn(env.app, username);
    expect((await agent.get('/api/v1/auth/me')).json().passwordChangeRequired).toBe('initial');
    const blocked = await agent.get('/api/v1/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().detail).toContain('修改密码');

    const other = await loggedIn(env.app, username);
    for (const weak of ['short1A', 'alllowercase1', 'Password1', 'P@ssw0rd', `${username}Aa1!`]) {
      const res = await agent.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: weak });
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().detail).toContain('newPassword');
    }
    const bad = await agent.post('/api/v1/auth/password', { currentPassword: 'Nope#2026xx', newPassword: 'Better#Pass2027' });
    expect(bad.statusCode).toBe(400);
    const ok = await agent.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Better#Pass2027' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().passwordChangeRequired).toBeNull();
    expect((await agent.get('/api/v1/users')).statusCode).toBe(200);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await new Agent(env.app).login(username, 'Better#Pass2027')).statusCode).toBe(200);
  });

  it('expires staff passwords after 90 days', async () => {
    const unit = await makeUnit(env.platform);
    const { id, username } = await makeUser(env.platform, { unit, roles: ['law_office'] });
    await env.platform.db.updateTable('users').set({ password_changed_at: new Date(Date.now() - 91 * 86_400_000).toISOString() }).where('id', '=', id).execute();
    const agent = await loggedIn(env.app, username);
    expect(agent.csrf).toBeTruthy();
    const me = await agent.get('/api/v1/auth/me');
    expect(me.json().passwordChangeRequired).toBe('expired');
    expect((await agent.get('/api/v1/users')).json().detail).toContain('过期');
  });
});

describe('CSRF and headers', () => {
  it('refuses writes without the CSRF header or from another origin', async () => {
    const unit = await makeUnit(env.platform);
    const { username } = await makeUser(env.platform, { unit, roles: ['sys_admin'] });
    const agent = await loggedIn(env.app, username);
    const before = await count(env.platform, 'org_units');
    const noHeader = await agent.request({ method: 'POST', url: '/api/v1/org/units', payload: { code: 'CSRF1', name: '跨站', kind: 'other' }, headers: { 'x-csrf-token': '' } });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().detail).toContain('CSRF');
    const foreign = await agent.request({ method: 'POST', url: '/api/v1/org/units', payload: { code: 'CSRF2', name: '跨站', kind: 'other' }, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(await count(env.platform, 'org_units')).toBe(before);
  });

  it('sends security headers and Secure cookies behind TLS', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeTruthy();
    expect(res.headers['x-frame-options']).toBeTruthy();

    const app = await buildApp({ ...env.platform, config: { ...env.platform.config, trustProxy: true } });
    try {
      const unit = await makeUnit(env.platform);
      const { username } = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
      const res2 = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
      expect(res2.statusCode).toBe(200);
      expect(res2.cookies.find((c) => c.name === 'fazhi_sid')!.secure).toBe(true);
    } finally {
      await app.close();
    }
  });
});
