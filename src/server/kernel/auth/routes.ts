// Login, logout, the current user, and password change.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { loginInput, changePasswordInput, totpCodeInput, type MeResponse, type TotpEnrolment } from '../../../shared/schemas/auth.ts';
import { route } from '../http/route.ts';
import { HttpError, unauthorized } from '../http/errors.ts';
import { CSRF_COOKIE, SESSION_COOKIE, createSession, deleteSessionByToken, endUserSessions } from './sessions.ts';
import { assertNotRecentPassword, assertPasswordAcceptable, burnPasswordCheck, hashPassword, passwordExpiresAt, rememberPassword, verifyPassword } from './passwords.ts';
import { acceptTotp, consumeRecoveryCode, enrolmentOf, issueRecoveryCodes, matchingStep, newTotpSecret, openSecret, recoveryCodesLeft, sealSecret, totpRequiredFor } from './totp.ts';
import { clearSessionCookies, contextFor, secureCookies } from '../http/guard.ts';
import { decryptText } from '../crypto/keys.ts';
import { maskPhone } from '../../../shared/validators.ts';
import { nowIso } from '../ids.ts';
import type { Platform } from '../platform.ts';
import type { RequestContext } from './context.ts';
import type { Actor } from '../audit/index.ts';
import type { Executor } from '../db/index.ts';

export const MAX_FAILED_LOGINS = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
const BAD_CREDENTIALS = '用户名或密码错误';
const CODE_NEEDED = '该账号已启用两步验证，请输入身份验证器上的 6 位动态验证码（code）或一个恢复码';
const BAD_CODE = '动态验证码（code）错误或已使用，请输入身份验证器上最新的 6 位数字或一个未用过的恢复码';

/** A session just created (at login, or anew after a password change): its cookies to the browser, and the account as it now stands. */
async function startSession(platform: Platform, req: FastifyRequest, reply: FastifyReply, session: { token: string; csrfToken: string }): Promise<MeResponse> {
  const secure = secureCookies(req);
  const maxAge = platform.config.sessionMaxHours * 3600;
  reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge });
  return meOf(platform, (await contextFor(platform, req, session.token))!);
}

async function meOf(platform: Platform, ctx: RequestContext): Promise<MeResponse> {
  const row = await platform.db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.unit_id')
    .select(['u.phone_enc', 'u.password_changed_at', 'u.totp_enabled_at', 'o.code', 'o.name as unitName', 'o.kind'])
    .where('u.id', '=', ctx.id)
    .executeTakeFirstOrThrow();
  const enabled = !!row.totp_enabled_at;
  return {
    user: { id: ctx.id, username: ctx.username, name: ctx.displayName, phone: row.phone_enc ? maskPhone(decryptText(platform.keys, row.phone_enc)) : null },
    unit: { id: ctx.unitId, code: row.code, name: row.unitName, kind: row.kind },
    roles: ctx.roles,
    permissions: [...ctx.permissions].sort(),
    seesAll: ctx.scope.all,
    passwordChangeRequired: ctx.passwordChangeRequired,
    passwordExpiresAt: passwordExpiresAt(row.password_changed_at),
    twoFactor: {
      required: totpRequiredFor(ctx.roles, platform.config.totpRoles),
      enabled,
      recoveryCodesLeft: enabled ? await recoveryCodesLeft(platform.db, ctx.id) : 0,
    },
    twoFactorSetupRequired: ctx.twoFactorSetupRequired,
    csrfToken: ctx.csrfToken,
  };
}

const lockedError = (lockedUntil: string) =>
  new HttpError(423, `账号因多次登录失败已锁定，请于 ${lockEndText(lockedUntil)} 后重试`, undefined, { lockedUntil });
const lockingError = (lockedUntil: string | null) =>
  new HttpError(423, `连续 ${MAX_FAILED_LOGINS} 次登录失败，账号已锁定 15 分钟`, undefined, { lockedUntil });

/**
 * Counts one failed login of an account in a single UPDATE (the count, the window and the lock
 * are computed by the database from the row as it is at that moment), so concurrent failures
 * cannot overwrite one another's count on SQLite or PostgreSQL. Returns the count and the lock.
 */
async function countAccountFailure(tx: Executor, userId: string, now: number) {
  const windowStart = new Date(now - FAILURE_WINDOW_MS).toISOString();
  const inWindow = sql<boolean>`(first_failed_at is not null and first_failed_at > ${windowStart})`;
  const failures = sql<number>`(case when ${inWindow} then failed_logins + 1 else 1 end)`;
  return tx
    .updateTable('users')
    .set({
      failed_logins: failures,
      first_failed_at: sql<string>`(case when ${inWindow} then first_failed_at else ${new Date(now).toISOString()} end)`,
      locked_until: sql<string | null>`(case when ${failures} >= ${MAX_FAILED_LOGINS} then ${new Date(now + LOCK_MS).toISOString()} else locked_until end)`,
    })
    .where('id', '=', userId)
    .returning(['failed_logins as failures', 'locked_until as lockedUntil'])
    .executeTakeFirstOrThrow();
}

/** The same count for a username without an account: one INSERT … ON CONFLICT DO UPDATE. */
async function countUnknownFailure(tx: Executor, username: string, now: number) {
  const windowStart = new Date(now - FAILURE_WINDOW_MS).toISOString();
  const inWindow = sql<boolean>`(login_failures.first_failed_at > ${windowStart})`;
  const failures = sql<number>`(case when ${inWindow} then login_failures.failures + 1 else 1 end)`;
  const at = new Date(now).toISOString();
  return tx
    .insertInto('login_failures')
    .values({ username, failures: 1, first_failed_at: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        failures,
        first_failed_at: sql<string>`(case when ${inWindow} then login_failures.first_failed_at else ${at} end)`,
        locked_until: sql<string | null>`(case when ${failures} >= ${MAX_FAILED_LOGINS} then ${new Date(now + LOCK_MS).toISOString()} else null end)`,
      }),
    )
    .returning(['failures', 'locked_until as lockedUntil'])
    .executeTakeFirstOrThrow();
}

export async function authRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const { db, audit, config } = platform;

  /** A failed login of an existing account: counted, audited, answered 401 (or 423 at the fifth). */
  async function accountFailure(actor: Actor, userId: string, reason: string, message: string, extra?: Record<string, unknown>): Promise<never> {
    const now = Date.now();
    const counted = await db.transaction().execute(async (tx) => {
      const counted = await countAccountFailure(tx, userId, now);
      await audit.record(tx, actor, { action: 'auth.login', targetType: 'user', targetId: userId, outcome: 'failure', detail: { reason, failures: counted.failures } });
      if (counted.failures === MAX_FAILED_LOGINS) await audit.record(tx, actor, { action: 'auth.lock', targetType: 'user', targetId: userId, detail: { lockedUntil: counted.lockedUntil, failures: counted.failures } });
      return counted;
    });
    if (counted.failures >= MAX_FAILED_LOGINS) throw lockingError(counted.lockedUntil);
    throw new HttpError(401, message, undefined, extra);
  }

  /** A username with no account fails, counts and locks exactly like one that has an account. */
  async function unknownUsername(actor: Actor, username: string, password: string): Promise<never> {
    const now = Date.now();
    const known = await db.selectFrom('login_failures').select('locked_until').where('username', '=', username).executeTakeFirst();
    if (known?.locked_until && Date.parse(known.locked_until) > now) {
      await audit.record(db, actor, { action: 'auth.login', targetType: 'user', outcome: 'failure', detail: { reason: 'locked' } });
      throw lockedError(known.locked_until);
    }
    await burnPasswordCheck(password);
    const counted = await db.transaction().execute(async (tx) => {
      const counted = await countUnknownFailure(tx, username, now);
      // Forget finished windows, so that guessed usernames do not pile up.
      await tx
        .deleteFrom('login_failures')
        .where('first_failed_at', '<', new Date(now - FAILURE_WINDOW_MS).toISOString())
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', new Date(now).toISOString())]))
        .where('username', '<>', username)
        .execute();
      await audit.record(tx, actor, { action: 'auth.login', targetType: 'user', outcome: 'failure', detail: { reason: 'bad_credentials', failures: counted.failures } });
      if (counted.failures === MAX_FAILED_LOGINS) await audit.record(tx, actor, { action: 'auth.lock', targetType: 'user', detail: { username, lockedUntil: counted.lockedUntil, failures: counted.failures } });
      return counted;
    });
    if (counted.failures >= MAX_FAILED_LOGINS) throw lockingError(counted.lockedUntil);
    throw unauthorized(BAD_CREDENTIALS);
  }

  route(api, {
    method: 'POST',
    url: '/auth/login',
    permission: 'public',
    summary: '登录（成功后设置会话 Cookie；已启用两步验证的账号须同时提交动态验证码 code）',
    tags: ['认证'],
    body: loginInput,
    rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: 60_000 },
    handler: async ({ body, req, reply }) => {
      const anonymous: Actor = { id: null, name: body.username, roles: [], unitId: null, ip: req.ip };
      const user = await db.selectFrom('users').selectAll().where('username', '=', body.username).executeTakeFirst();
      if (!user) return unknownUsername(anonymous, body.username, body.password);
      const roles = (await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute()).map((r) => r.role);
      const actor: Actor = { id: user.id, name: user.username, roles, unitId: user.unit_id, ip: req.ip };
      if (user.locked_until && Date.parse(user.locked_until) > Date.now()) {
        await audit.record(db, actor, { action: 'auth.login', targetType: 'user', targetId: user.id, outcome: 'failure', detail: { reason: 'locked' } });
        throw lockedError(user.locked_until);
      }
      const passwordOk = await verifyPassword(user.password_hash, body.password);
      // A disabled account answers as a wrong password does, and counts the same, whichever was typed.
      if (!passwordOk || user.disabled) return accountFailure(actor, user.id, passwordOk ? 'disabled' : 'bad_credentials', BAD_CREDENTIALS);
      let secondFactor: 'totp' | 'recovery_code' | null = null;
      if (user.totp_secret_enc) {
        if (!body.code) {
          await audit.record(db, actor, { action: 'auth.login', targetType: 'user', targetId: user.id, outcome: 'failure', detail: { reason: 'second_factor_required' } });
          throw new HttpError(401, CODE_NEEDED, [{ field: 'code', message: '请输入动态验证码' }], { secondFactor: 'totp' });
        }
        if (/^\d{6}$/.test(body.code)) secondFactor = (await acceptTotp(db, platform.keys, user, body.code)) ? 'totp' : null;
        else secondFactor = (await consumeRecoveryCode(db, platform.keys, user.id, body.code)) ? 'recovery_code' : null;
        if (!secondFactor) return accountFailure(actor, user.id, 'bad_second_factor', BAD_CODE, { secondFactor: 'totp' });
      }
      // A fresh session id at every login; the old session (if any) ends. The reset of the count is
      // conditional on the account not being locked by a concurrent failure meanwhile.
      const previous = req.cookies[SESSION_COOKIE];
      const session = await db.transaction().execute(async (tx) => {
        const nowText = nowIso();
        const cleared = await tx
          .updateTable('users')
          .set({ failed_logins: 0, first_failed_at: null, locked_until: null, last_login_at: nowText })
          .where('id', '=', user.id)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowText)]))
          .executeTakeFirst();
        if (Number(cleared.numUpdatedRows) !== 1) return null;
        if (previous) await deleteSessionByToken(tx, previous);
        const created = await createSession(tx, user.id, req.ip, req.headers['user-agent'] ?? null);
        await audit.record(tx, actor, { action: 'auth.login', targetType: 'user', targetId: user.id, ...(secondFactor ? { detail: { secondFactor } } : {}) });
        return created;
      });
      if (!session) {
        const locked = await db.selectFrom('users').select('locked_until').where('id', '=', user.id).executeTakeFirstOrThrow();
        throw lockedError(locked.locked_until ?? new Date(Date.now() + LOCK_MS).toISOString());
      }
      return startSession(platform, req, reply, session);
    },
  });

  route(api, {
    method: 'POST',
    url: '/auth/logout',
    permission: 'session',
    allowDuringPasswordChange: true,
    summary: '退出登录（结束服务器端会话）',
    tags: ['认证'],
    handler: async ({ ctx, req, reply }) => {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('sessions').where('id', '=', ctx.sessionId).execute();
        await audit.record(tx, ctx, { action: 'auth.logout', targetType: 'user', targetId: ctx.id });
      });
      clearSessionCookies(req, reply);
      return undefined;
    },
  });

  route(api, {
    method: 'GET',
    url: '/auth/me',
    permission: 'session',
    allowDuringPasswordChange: true,
    summary: '当前用户、单位、角色与权限',
    tags: ['认证'],
    handler: async ({ ctx }) => meOf(platform, ctx),
  });

  route(api, {
    method: 'POST',
    url: '/auth/password',
    permission: 'session',
    allowDuringPasswordChange: true,
    summary: '修改本人密码（结束本人全部会话并重新建立当前会话）',
    tags: ['认证'],
    body: changePasswordInput,
    handler: async ({ ctx, body, req, reply }) => {
      const user = await db.selectFrom('users').select(['password_hash']).where('id', '=', ctx.id).executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, body.currentPassword))) {
        await audit.record(db, ctx, { action: 'auth.password_change', targetType: 'user', targetId: ctx.id, outcome: 'failure', detail: { reason: 'bad_current_password' } });
        throw new HttpError(400, '当前密码（currentPassword）不正确', [{ field: 'currentPassword', message: '当前密码（currentPassword）不正确' }]);
      }
      assertPasswordAcceptable(body.newPassword, ctx.username);
      await assertNotRecentPassword(db, ctx.id, user.password_hash, body.newPassword);
      const passwordHash = await hashPassword(body.newPassword);
      const session = await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('users')
          .set({ password_hash: passwordHash, password_changed_at: nowIso(), must_change_password: 0, updated_at: nowIso(), updated_by: ctx.id, version: (eb) => eb('version', '+', 1) })
          .where('id', '=', ctx.id)
          .execute();
        await rememberPassword(tx, ctx.id, passwordHash);
        await endUserSessions(tx, ctx.id);
        const created = await createSession(tx, ctx.id, req.ip, req.headers['user-agent'] ?? null);
        await audit.record(tx, ctx, { action: 'auth.password_change', targetType: 'user', targetId: ctx.id });
        return created;
      });
      return startSession(platform, req, reply, session);
    },
  });

  route(api, {
    method: 'POST',
    url: '/auth/totp/setup',
    permission: 'session',
    allowDuringPasswordChange: true,
    summary: '开始绑定身份验证器：生成密钥与二维码（须再用 /auth/totp/enable 提交一个动态验证码确认）',
    tags: ['认证'],
    handler: async ({ ctx }): Promise<TotpEnrolment> => {
      const user = await db.selectFrom('users').select(['totp_enabled_at']).where('id', '=', ctx.id).executeTakeFirstOrThrow();
      if (user.totp_enabled_at) throw new HttpError(409, '已绑定身份验证器；如需更换手机，请联系运维人员在服务器上执行 fazhi user reset-totp 后重新绑定');
      const secret = newTotpSecret();
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('users').set({ totp_pending_enc: sealSecret(platform.keys, secret) }).where('id', '=', ctx.id).execute();
        await audit.record(tx, ctx, { action: 'auth.totp_setup', targetType: 'user', targetId: ctx.id });
      });
      return { secret, ...(await enrolmentOf(secret, ctx.username)) };
    },
  });

  route(api, {
    method: 'POST',
    url: '/auth/totp/enable',
    permission: 'session',
    allowDuringPasswordChange: true,
    summary: '确认绑定身份验证器（提交一个动态验证码），返回只显示一次的恢复码',
    tags: ['认证'],
    body: totpCodeInput,
    handler: async ({ ctx, body }) => {
      const user = await db.selectFrom('users').select(['totp_enabled_at', 'totp_pending_enc']).where('id', '=', ctx.id).executeTakeFirstOrThrow();
      if (user.totp_enabled_at) throw new HttpError(409, '已绑定身份验证器，无需重复绑定');
      if (!user.totp_pending_enc) throw new HttpError(400, '请先生成绑定二维码（/auth/totp/setup），再提交动态验证码（code）', [{ field: 'code', message: '尚未生成绑定二维码' }]);
      const step = await matchingStep(openSecret(platform.keys, user.totp_pending_enc), body.code);
      if (step === null) {
        await audit.record(db, ctx, { action: 'auth.totp_enable', targetType: 'user', targetId: ctx.id, outcome: 'failure', detail: { reason: 'bad_code' } });
        throw new HttpError(400, '动态验证码（code）不正确，请核对手机时间后输入身份验证器上最新的 6 位数字', [{ field: 'code', message: '动态验证码不正确' }]);
      }
      const recoveryCodes = await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('users')
          .set({ totp_secret_enc: user.totp_pending_enc, totp_pending_enc: null, totp_enabled_at: nowIso(), totp_last_step: step })
          .where('id', '=', ctx.id)
          .execute();
        const codes = await issueRecoveryCodes(tx, platform.keys, ctx.id);
        await audit.record(tx, ctx, { action: 'auth.totp_enable', targetType: 'user', targetId: ctx.id });
        return codes;
      });
      const fresh = { ...ctx, twoFactorSetupRequired: false };
      return { recoveryCodes, me: await meOf(platform, fresh) };
    },
  });

  route(api, {
    method: 'POST',
    url: '/auth/totp/recovery-codes',
    permission: 'session',
    summary: '重新生成恢复码（须提交当前动态验证码；原有恢复码全部作废）',
    tags: ['认证'],
    body: totpCodeInput,
    handler: async ({ ctx, body }) => {
      const user = await db.selectFrom('users').select(['id', 'totp_secret_enc']).where('id', '=', ctx.id).executeTakeFirstOrThrow();
      if (!user.totp_secret_enc) throw new HttpError(400, '尚未绑定身份验证器，不能生成恢复码');
      if (!(await acceptTotp(db, platform.keys, user, body.code))) {
        await audit.record(db, ctx, { action: 'auth.recovery_codes', targetType: 'user', targetId: ctx.id, outcome: 'failure', detail: { reason: 'bad_code' } });
        throw new HttpError(400, '动态验证码（code）不正确或已使用', [{ field: 'code', message: '动态验证码不正确' }]);
      }
      const recoveryCodes = await db.transaction().execute(async (tx) => {
        const codes = await issueRecoveryCodes(tx, platform.keys, ctx.id);
        await audit.record(tx, ctx, { action: 'auth.recovery_codes', targetType: 'user', targetId: ctx.id });
        return codes;
      });
      return { recoveryCodes };
    },
  });
}

function lockEndText(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
}

