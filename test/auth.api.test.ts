import { pruneRateLimits } from '../src/server/kernel/http/rate-limits.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, PASSWORD, createTestEnv, enrolTotp, loggedIn, makeUnit, makeUser, count, totpCode, type TestEnv } from './harness.ts';
import { buildApp } from '../src/server/app.ts';
import { MAX_FAILED_LOGINS } from '../src/server/kernel/auth/routes.ts';

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
      // A different unknown username each time: unknown usernames lock too (tested below).
      const attempt = (i: number) => apps[i % 2]!.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `x_nobody${i}`, password: 'y' } });
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await attempt(i)).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const limited = await attempt(5);
      expect(limited.json().detail).toContain('登录尝试过于频繁');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Another route's limit (none here) and another IP's count are separate; the window ends.
      expect((await apps[0]!.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.8.7', payload: { username: 'x_nobody_other', password: 'y' } })).statusCode).toBe(401);
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

describe('lockout without a username oracle, and under concurrency', () => {
  it('29 concurrent wrong passwords lock the account exactly once; the right password is then refused', async () => {
    const unit = await makeUnit(env.platform);
    const { id, username } = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    const burst = await Promise.all(Array.from({ length: 29 }, () => new Agent(env.app).login(username, 'Wrong#Pass2026')));
    const codes = burst.map((r) => r.statusCode);
    // Only the four failures before the fifth answer 401; every other answers the lock.
    expect(codes.filter((c) => c === 401)).toHaveLength(MAX_FAILED_LOGINS - 1);
    expect(codes.filter((c) => c === 423)).toHaveLength(29 - (MAX_FAILED_LOGINS - 1));
    const row = await env.platform.db.selectFrom('users').select(['locked_until', 'failed_logins']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(Date.parse(row.locked_until!)).toBeGreaterThan(Date.now() + 14 * 60_000);
    const locks = await env.platform.db.selectFrom('audit_log').select('seq').where('action', '=', 'auth.lock').where('target_id', '=', id).execute();
    expect(locks).toHaveLength(1);
    expect((await new Agent(env.app).login(username)).statusCode).toBe(423);
  });

  it('an unknown username locks like a known one: the same answers, message for message, also under a burst', async () => {
    const unit = await makeUnit(env.platform);
    const { username } = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    const ghost = `ghost_${Date.now() % 1_000_000}`;
    const answers = async (name: string) => {
      const out: { status: number; detail: string }[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await new Agent(env.app).login(name, 'Wrong#Pass2026');
        // The lock's end time (HH:MM) is the one part that may differ between two runs.
        out.push({ status: res.statusCode, detail: String(res.json().detail).replace(/\d{2}:\d{2}/, 'HH:MM') });
      }
      return out;
    };
    const known = await answers(username);
    const unknown = await answers(ghost);
    expect(unknown.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(unknown).toEqual(known);
    expect((await new Agent(env.app).login(ghost, PASSWORD)).statusCode).toBe(423);
    // Concurrent guesses at another unknown name lock it as one count.
    const other = `${ghost}_b`;
    const burst = await Promise.all(Array.from({ length: 12 }, () => new Agent(env.app).login(other, 'Wrong#Pass2026')));
    expect(burst.filter((r) => r.statusCode === 401)).toHaveLength(MAX_FAILED_LOGINS - 1);
    expect(burst.filter((r) => r.statusCode === 423)).toHaveLength(12 - (MAX_FAILED_LOGINS - 1));
    // The lock of an unknown name also ends after 15 minutes.
    await env.platform.db.updateTable('login_failures').set({ locked_until: new Date(Date.now() - 1000).toISOString(), first_failed_at: new Date(Date.now() - 16 * 60_000).toISOString() }).where('username', '=', ghost).execute();
    expect((await new Agent(env.app).login(ghost, 'Wrong#Pass2026')).statusCode).toBe(401);
  });

  it('a disabled account locks as an enabled one does, right password or not', async () => {
    const unit = await makeUnit(env.platform);
    const { id, username } = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    await env.platform.db.updateTable('users').set({ disabled: 1 }).where('id', '=', id).execute();
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await new Agent(env.app).login(username, i % 2 ? PASSWORD : 'Wrong#Pass2026')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  it('an administrator enrols at first login, with nothing else open until then; the secret is SM4-encrypted', async () => {
    const unit = await makeUnit(env.platform);
    const { id, username } = await makeUser(env.platform, { unit, roles: ['sec_admin'] });
    const agent = new Agent(env.app);
    const first = await agent.login(username);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ twoFactorSetupRequired: true, twoFactor: { required: true, enabled: false } });
    const blocked = await agent.get('/api/v1/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().detail).toContain('身份验证器');

    const setup = await agent.post('/api/v1/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = setup.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await agent.post('/api/v1/auth/totp/enable', { code: (Number(await totpCode(secret)) + 1).toString().padStart(6, '0').slice(-6) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toContain('code');
    const enabled = await agent.post('/api/v1/auth/totp/enable', { code: await totpCode(secret) });
    expect(enabled.statusCode).toBe(200);
    const { recoveryCodes } = enabled.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(enabled.json().me).toMatchObject({ twoFactorSetupRequired: false, twoFactor: { enabled: true, recoveryCodesLeft: 10 } });
    expect((await agent.get('/api/v1/users')).statusCode).toBe(200);
    expect(await lastAudit('auth.totp_enable')).toMatchObject({ actor_id: id, outcome: 'success' });

    const row = await env.platform.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.totp_secret_enc).toMatch(/^v1:/);
    expect(row.totp_pending_enc).toBeNull();
    const stored = JSON.stringify([row, await env.platform.db.selectFrom('user_recovery_codes').selectAll().where('user_id', '=', id).execute()]);
    expect(stored).not.toContain(secret);
    for (const code of recoveryCodes) expect(stored).not.toContain(code.replace('-', ''));
    // Enrolling again is refused: a new phone goes through the server's `fazhi user reset-totp`.
    expect((await agent.post('/api/v1/auth/totp/setup')).statusCode).toBe(409);
  });

  it('asks for the code after the right password, takes each code once, each recovery code once, and counts wrong codes toward the lockout', async () => {
    const unit = await makeUnit(env.platform);
    const { id, username } = await makeUser(env.platform, { unit, roles: ['audit_admin'] });
    const enrolling = new Agent(env.app);
    expect((await enrolling.login(username)).json().twoFactorSetupRequired).toBe(true);
    const { secret, recoveryCodes } = await enrolTotp(enrolling, username);

    const noCode = await new Agent(env.app).login(username);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json()).toMatchObject({ secondFactor: 'totp' });
    expect(noCode.json().detail).toContain('code');
    // A wrong password never reveals whether a code would be asked for.
    const wrongPassword = await new Agent(env.app).login(username, 'Wrong#Pass2026');
    expect(wrongPassword.json().secondFactor).toBeUndefined();

    // The code of the step used at enrolment has been spent; the next step's is fresh.
    const next = await totpCode(secret, Date.now() + 30_000);
    const ok = await new Agent(env.app).request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD, code: next } });
    expect(ok.statusCode, ok.body).toBe(200);
    const replay = await new Agent(env.app).request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD, code: next } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().secondFactor).toBe('totp');

    const recovery = recoveryCodes[0]!.toLowerCase();
    const byRecovery = await new Agent(env.app).request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD, code: recovery } });
    expect(byRecovery.statusCode).toBe(200);
    expect(byRecovery.json().twoFactor.recoveryCodesLeft).toBe(9);
    expect(JSON.parse((await lastAudit('auth.login'))!.detail!)).toEqual({ secondFactor: 'recovery_code' });
    const again = await new Agent(env.app).request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD, code: recovery } });
    expect(again.statusCode).toBe(401);

    // One failure counted since the last sign-in (the reused recovery code); four wrong codes more lock the account.
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await new Agent(env.app).request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD, code: '000000' } })).statusCode);
    expect(codes).toEqual([401, 401, 401, 423]);
    expect(await lastAudit('auth.lock')).toMatchObject({ target_id: id });
    const fresh = await totpCode(secret, Date.now() + 60_000);
    expect((await new Agent(env.app).request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD, code: fresh } })).statusCode).toBe(423);
  });

  it('is mandatory for the roles configured, optional for the rest, who may enrol of their own accord', async () => {
    const local = await createTestEnv({ totpRoles: ['law_office'] });
    try {
      const unit = await makeUnit(local.platform);
      const lawOffice = await makeUser(local.platform, { unit, roles: ['law_office'] });
      const liaison = await makeUser(local.platform, { unit, roles: ['unit_liaison'] });
      const lo = await new Agent(local.app).login(lawOffice.username);
      expect(lo.json()).toMatchObject({ twoFactorSetupRequired: true, twoFactor: { required: true } });
      const li = new Agent(local.app);
      const liMe = await li.login(liaison.username);
      expect(liMe.json()).toMatchObject({ twoFactorSetupRequired: false, twoFactor: { required: false, enabled: false } });
      expect((await li.get('/api/v1/notifications/unread-count')).statusCode).toBe(200);
      await enrolTotp(li, liaison.username);
      const later = await new Agent(local.app).login(liaison.username);
      expect(later.statusCode).toBe(401);
      expect(later.json().secondFactor).toBe('totp');
    } finally {
      await local.close();
    }
  });

  it('recovery codes can be issued anew with a current code; the old ones stop working', async () => {
    const unit = await makeUnit(env.platform);
    const { username } = await makeUser(env.platform, { unit, roles: ['sys_admin'] });
    const agent = new Agent(env.app);
    await agent.login(username);
    const old = await enrolTotp(agent, username);
    const secret = old.secret;
    expect((await agent.post('/api/v1/auth/totp/recovery-codes', { code: '12345' })).json().detail).toContain('动态验证码');
    const renewed = await agent.post('/api/v1/auth/totp/recovery-codes', { code: await totpCode(secret, Date.now() + 30_000) });
    expect(renewed.statusCode, renewed.body).toBe(200);
    const res = await new Agent(env.app).request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD, code: old.recoveryCodes[0] } });
    expect(res.statusCode).toBe(401);
    const ok = await new Agent(env.app).request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD, code: renewed.json().recoveryCodes[0] } });
    expect(ok.statusCode).toBe(200);
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
    // A disabled account answers as a wrong password does, whichever password is typed.
    const right = await new Agent(env.app).login(target.username);
    const wrong = await new Agent(env.app).login(target.username, 'Wrong#Pass2026');
    expect(right.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(right.json().detail).toBe(wrong.json().detail);
    expect(await lastAudit('auth.login')).toMatchObject({ actor_id: target.id, outcome: 'failure' });
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

  it('refuses repetition, keyboard runs, the username and the platform name, naming the field', async () => {
    const unit = await makeUnit(env.platform);
    const { username } = await makeUser(env.platform, { unit, roles: ['unit_head'] });
    const agent = await loggedIn(env.app, username);
    for (const weak of ['Aa1!Aa1!', 'Qwer#8165m', 'Zz#1qaz8Mk', 'Fazhi#2027x', 'My法治#2027x', `X#${[...username].reverse().join('')}9`]) {
      const res = await agent.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: weak });
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().detail).toContain('新密码（newPassword）');
    }
  });

  it('keeps a history: none of the last five passwords can be used again', async () => {
    const unit = await makeUnit(env.platform);
    const { id, username } = await makeUser(env.platform, { unit, roles: ['unit_liaison'] });
    const agent = await loggedIn(env.app, username);
    const passwords = ['Hist#Pw7301a', 'Hist#Pw7302b', 'Hist#Pw7303c', 'Hist#Pw7304d', 'Hist#Pw7305e', 'Hist#Pw7306f'];
    let current = PASSWORD;
    for (const next of passwords) {
      const res = await agent.post('/api/v1/auth/password', { currentPassword: current, newPassword: next });
      expect(res.statusCode, res.body).toBe(200);
      current = next;
    }
    // The current one and the four before it are refused…
    for (const reused of passwords.slice(-5)) {
      const res = await agent.post('/api/v1/auth/password', { currentPassword: current, newPassword: reused });
      expect(res.statusCode, reused).toBe(400);
      expect(res.json().detail).toContain('最近 5 次');
    }
    // …the sixth-newest is not, and only five hashes are kept.
    const rows = await env.platform.db.selectFrom('password_history').select('password_hash').where('user_id', '=', id).execute();
    expect(rows).toHaveLength(5);
    expect((await agent.post('/api/v1/auth/password', { currentPassword: current, newPassword: passwords[0] })).statusCode).toBe(200);
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
