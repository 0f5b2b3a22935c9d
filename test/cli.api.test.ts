import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoEnv, createTestEnv, count, loggedIn, makeUnit, makeUser } from './harness.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';

/**
 * The tests use the demo county and may run in any order: the county is a copy of the run's demo
 * template, which the run's first `fazhi demo` made (createDemoEnv; a failed run fails there), so the
 * county is not generated a second time here; `demoOutput` is what that run printed.
 */
let env: Awaited<ReturnType<typeof createDemoEnv>>;
beforeAll(async () => {
  env = await createDemoEnv();
}, 600_000); // the first suite of a run generates the demo template
afterAll(() => env.close());

// Each command is a whole process that loads every module: several per test outlast the 30 s default on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/fazhi.mjs', ...args], { env: env.cliEnv, encoding: 'utf8', timeout: 120_000 });

describe('fazhi CLI', () => {
  it('init is idempotent, creates the key file 0600 and the three admins once', async () => {
    // A database of its own: the other tests load the demo county, which makes the administrators too.
    const fresh = await createTestEnv();
    try {
      const init = () => spawnSync(process.execPath, ['bin/fazhi.mjs', 'init'], { env: fresh.cliEnv, encoding: 'utf8', timeout: 120_000 });
      const first = init();
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/admin\s+系统管理员\s+\S{12}/);
      expect(first.stdout).toContain('secadmin');
      expect(first.stdout).toContain('auditadmin');
      expect(statSync(fresh.config.secretKeyFile).mode & 0o777).toBe(0o600);
      const second = init();
      expect(second.status).toBe(0);
      expect(second.stdout).not.toContain('一次性密码');
      // The printed password works, and must be changed first.
      const password = first.stdout.match(/admin\s+系统管理员\s+(\S+)/)![1];
      const agent = await loggedIn(fresh.app, 'admin', password);
      expect((await agent.get('/api/v1/auth/me')).json().passwordChangeRequired).toBe('initial');
    } finally {
      await fresh.close();
    }
  });

  it('demo loads the demo county once, however often it runs', async () => {
    const units = await count(env.platform, 'org_units');
    const users = await count(env.platform, 'users');
    const depts = await env.platform.db.selectFrom('org_units').select('id').where('kind', '=', 'department').where('code', 'like', 'SFX-%').execute();
    const towns = await env.platform.db.selectFrom('org_units').select('id').where('kind', '=', 'town').execute();
    const villages = await env.platform.db.selectFrom('org_units').select('id').where('kind', '=', 'village').execute();
    expect(depts.length).toBeGreaterThanOrEqual(25);
    expect(towns.length).toBeGreaterThanOrEqual(10);
    expect(villages.length).toBeGreaterThan(0);
    const roles = await env.platform.db.selectFrom('user_roles').select('role').distinct().execute();
    expect(roles.map((r) => r.role).sort()).toEqual(['audit_admin', 'enforcement_officer', 'inspector', 'law_office', 'leader', 'reviewer', 'sec_admin', 'sys_admin', 'unit_head', 'unit_liaison']);
    const second = cli('demo');
    expect(second.status).toBe(0);
    expect(await count(env.platform, 'org_units')).toBe(units);
    expect(await count(env.platform, 'users')).toBe(users);
    const matters = await env.platform.db.selectFrom('matters').select('status').execute();
    expect(new Set(matters.map((m) => m.status))).toEqual(new Set(['assigned', 'replied', 'returned', 'done', 'suspended']));
    expect(second.stdout).toContain('新增 0 件');
    expect(env.demoOutput).toContain(DEMO_PASSWORD);
    await loggedIn(env.app, 'fzb_wang', DEMO_PASSWORD);
  });

  it('imports a file and reports bad rows with a non-zero exit', () => {
    const good = join(env.config.dataDir, 'units.jsonl');
    writeFileSync(good, '{"code":"CLI-1","name":"命令行局","kind":"department","parentCode":"SFX"}\n');
    const ok = cli('import', good, '--type', 'org_units');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('新增 1');
    const bad = join(env.config.dataDir, 'bad.csv');
    writeFileSync(bad, 'code,name,kind,parentCode\nCLI-2,坏,nonsense,SFX\n');
    const refused = cli('import', bad, '--type', 'org_units');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('第 2 行');
    expect(cli('import', good, '--type', 'nope').stderr).toContain('未知的导入类型');
  });

  it('resets a password from the command line', async () => {
    const { username } = await makeUser(env.platform, { unit: await makeUnit(env.platform), roles: ['law_office'] });
    const res = cli('user', 'reset-password', username);
    expect(res.status, res.stderr).toBe(0);
    const password = res.stdout.match(/一次性密码：(\S+)/)![1];
    const agent = await loggedIn(env.app, username, password);
    expect((await agent.get('/api/v1/auth/me')).json().passwordChangeRequired).toBe('initial');
    expect(cli('user', 'reset-password', 'ghost').status).not.toBe(0);
  });

  it('resets an administrator\'s password, roles and second factor only on the server, each audited', async () => {
    // demo_auditor (audit_admin) exists after `demo`: enrolled for TOTP at its first login.
    await loggedIn(env.app, 'demo_auditor', DEMO_PASSWORD);
    const audited = async (action: string) =>
      env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('actor_name', 'like', 'cli:%').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const id = (await env.platform.db.selectFrom('users').select('id').where('username', '=', 'demo_auditor').executeTakeFirstOrThrow()).id;

    const reset = cli('user', 'reset-password', 'demo_auditor');
    expect(reset.status, reset.stderr).toBe(0);
    expect(await audited('user.reset_password')).toMatchObject({ target_id: id, outcome: 'success' });
    const password = reset.stdout.match(/一次性密码：(\S+)/)![1]!;
    // The one-time password alone does not sign in: the second factor stays.
    const withoutCode = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo_auditor', password } });
    expect(withoutCode.json().secondFactor).toBe('totp');

    const totp = cli('user', 'reset-totp', 'demo_auditor');
    expect(totp.status, totp.stderr).toBe(0);
    expect(await audited('user.totp_reset')).toMatchObject({ target_id: id });
    const row = await env.platform.db.selectFrom('users').select(['totp_secret_enc', 'totp_enabled_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret_enc: null, totp_enabled_at: null });
    const relogin = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo_auditor', password } });
    expect(relogin.json()).toMatchObject({ passwordChangeRequired: 'initial', twoFactorSetupRequired: true });

    expect(cli('user', 'set-roles', 'demo_auditor', 'audit_admin,law_office').status).not.toBe(0);
    expect(cli('user', 'set-roles', 'demo_auditor', 'king').stderr).toContain('角色（ROLES）无效');
    const roles = cli('user', 'set-roles', 'demo_auditor', 'sec_admin');
    expect(roles.status, roles.stderr).toBe(0);
    expect(JSON.parse((await audited('user.roles'))!.detail!)).toEqual({ from: ['audit_admin'], to: ['sec_admin'], via: 'cli' });
    expect((await env.platform.db.selectFrom('user_roles').select('role').where('user_id', '=', id).execute()).map((r) => r.role)).toEqual(['sec_admin']);
    expect(cli('user', 'set-roles', 'demo_auditor', 'audit_admin').status).toBe(0);
  });

  it('backs up and restores the whole database and files, audit chain intact', async () => {
    // A platform of its own: the restore closes and reopens it, which no other test should see.
    const fresh = await createTestEnv();
    try {
      const run = (...args: string[]) => spawnSync(process.execPath, ['bin/fazhi.mjs', ...args], { env: fresh.cliEnv, encoding: 'utf8', timeout: 120_000 });
      const unit = await makeUnit(fresh.platform, { name: '备份县' });
      await makeUser(fresh.platform, { unit, roles: ['law_office'] });
      const file = join(fresh.config.dataDir, 'backup.fzb');
      const res = run('backup', file);
      expect(res.status, res.stderr).toBe(0);
      expect(existsSync(file)).toBe(true);
      const units = await count(fresh.platform, 'org_units');
      const users = await count(fresh.platform, 'users');
      // Change something after the backup; the restore brings the backup's state back.
      await fresh.platform.db.updateTable('org_units').set({ name: '备份后改名' }).where('id', '=', unit.id).execute();
      await fresh.platform.close();
      const restored = run('restore', file);
      expect(restored.status, restored.stderr).toBe(0);
      const { openPlatform } = await import('../src/server/kernel/platform.ts');
      const { MODULES } = await import('../src/server/modules/index.ts');
      const reopened = (await openPlatform(fresh.config, MODULES)).platform;
      fresh.platform = reopened;
      expect(await count(reopened, 'org_units')).toBe(units);
      expect(await count(reopened, 'users')).toBe(users);
      expect((await reopened.db.selectFrom('org_units').select('name').where('id', '=', unit.id).executeTakeFirstOrThrow()).name).toBe('备份县');
      expect((await reopened.audit.verify(reopened.db)).ok).toBe(true);
      expect(run('audit', 'verify').status).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('calendar is-workday and deadline print their answer on the first line', () => {
    expect(cli('calendar', 'is-workday', '2026-10-10').stdout.split('\n')[0]).toBe('workday');
    expect(cli('calendar', 'is-workday', '2026-10-01').stdout.split('\n')[0]).toBe('rest');
    expect(cli('calendar', 'is-workday', '2026-11-21').stdout.split('\n')[0]).toBe('rest');
    const due = cli('deadline', 'foi.reply', '--from', '2026-09-28');
    expect(due.status, due.stderr).toBe(0);
    expect(due.stdout).toBe('2026-10-30\n');
    const explained = cli('deadline', 'litigation.defence', '--from', '2026-09-20', '--explain');
    const lines = explained.stdout.trim().split('\n');
    expect(lines[0]).toBe('2026-10-08');
    expect(explained.stdout).toContain('行政诉讼法');
    expect(explained.stdout).toContain('顺延');
    expect(cli('deadline', 'review.decide', '--from', '2026-08-03', '--extended').stdout.split('\n')[0]).toBe('2026-11-02');
    const unknown = cli('deadline', 'no.such', '--from', '2026-09-28');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('未知的期限规则');
    const badDate = cli('deadline', 'foi.reply', '--from', '2026-9-28');
    expect(badDate.status).not.toBe(0);
    expect(badDate.stderr).toContain('无效');
    expect(cli('calendar', 'is-workday', 'tomorrow').status).not.toBe(0);
  });

  it('jobs daily runs once per day', () => {
    const first = cli('jobs', 'daily', '--date', '2030-01-02');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('每日任务完成');
    expect(cli('jobs', 'daily', '--date', '2030-01-02').stdout).toContain('跳过');
  });

  it('answers unknown commands with a Chinese message and a non-zero exit', () => {
    const res = cli('frobnicate');
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('未知命令');
  });
});
