// Login, logout, the current user, and password change.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loginInput, changePasswordInput, type MeResponse } from '../../../shared/schemas/auth.ts';
import { route } from '../http/route.ts';
import { HttpError, unauthorized } from '../http/errors.ts';
import { CSRF_COOKIE, SESSION_COOKIE, createSession, deleteSessionByToken, endUserSessions } from './sessions.ts';
import { assertPasswordAcceptable, burnPasswordCheck, hashPassword, passwordExpiresAt, verifyPassword } from './passwords.ts';
import { clearSessionCookies, contextFor, secureCookies } from '../http/guard.ts';
import { decryptText } from '../crypto/keys.ts';
import { maskPhone } from '../../../shared/validators.ts';
import { nowIso } from '../ids.ts';
import type { Platform } from '../platform.ts';
import type { RequestContext } from './context.ts';
import type { Actor } from '../audit/index.ts';

export const MAX_FAILED_LOGINS = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
const BAD_CREDENTIALS = '用户名或密码错误';

function setSessionCookies(req: FastifyRequest, reply: FastifyReply, token: string, csrfToken: string, maxHours: number) {
  const secure = secureCookies(req);
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: maxHours * 3600 });
  reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge: maxHours * 3600 });
}

async function meOf(platform: Platform, ctx: RequestContext): Promise<MeResponse> {
  const row = await platform.db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.unit_id')
    .select(['u.phone_enc', 'u.password_changed_at', 'o.code', 'o.name as unitName', 'o.kind'])
    .where('u.id', '=', ctx.id)
    .executeTakeFirstOrThrow();
  return {
    user: { id: ctx.id, username: ctx.username, name: ctx.displayName, phone: row.phone_enc ? maskPhone(decryptText(platform.keys, row.phone_enc)) : null },
    unit: { id: ctx.unitId, code: row.code, name: row.unitName, kind: row.kind },
    roles: ctx.roles,
    permissions: [...ctx.permissions].sort(),
    passwordChangeRequired: ctx.passwordChangeRequired,
    passwordExpiresAt: passwordExpiresAt(row.password_changed_at),
    csrfToken: ctx.csrfToken,
  };
}

export async function authRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const { db, audit, config } = platform;

  route(api, {
    method: 'POST',
    url: '/auth/login',
    permission: 'public',
    summary: '登录（成功后设置会话 Cookie）',
    tags: ['认证'],
    body: loginInput,
    rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: 60_000 },
    handler: async ({ body, req, reply }) => {
      const anonymous: Actor = { id: null, name: body.username, roles: [], unitId: null, ip: req.ip };
      const user = await db.selectFrom('users').selectAll().where('username', '=', body.username).executeTakeFirst();
      if (!user) {
        await burnPasswordCheck(body.password);
        await audit.record(db, anonymous, { action: 'auth.login', targetType: 'user', outcome: 'failure', detail: { reason: 'bad_credentials' } });
        throw unauthorized(BAD_CREDENTIALS);
      }
      const roles = (await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute()).map((r) => r.role);
      const actor: Actor = { id: user.id, name: user.username, roles, unitId: user.unit_id, ip: req.ip };
      const now = Date.now();
      if (user.locked_until && Date.parse(user.locked_until) > now) {
        await audit.record(db, actor, { action: 'auth.login', targetType: 'user', targetId: user.id, outcome: 'failure', detail: { reason: 'locked' } });
        throw new HttpError(423, `账号因多次登录失败已锁定，请于 ${lockEndText(user.locked_until)} 后重试`, undefined, { lockedUntil: user.locked_until });
      }
      if (!(await verifyPassword(user.password_hash, body.password))) {
        const inWindow = user.first_failed_at && now - Date.parse(user.first_failed_at) < FAILURE_WINDOW_MS;
        const failures = inWindow ? user.failed_logins + 1 : 1;
        const locking = failures >= MAX_FAILED_LOGINS;
        const lockedUntil = locking ? new Date(now + LOCK_MS).toISOString() : null;
        await db.transaction().execute(async (tx) => {
          await tx
            .updateTable('users')
            .set(
              locking
                ? { failed_logins: 0, first_failed_at: null, locked_until: lockedUntil }
                : { failed_logins: failures, first_failed_at: inWindow ? user.first_failed_at : nowIso() },
            )
            .where('id', '=', user.id)
            .execute();
          await audit.record(tx, actor, { action: 'auth.login', targetType: 'user', targetId: user.id, outcome: 'failure', detail: { reason: 'bad_credentials', failures } });
          if (locking) await audit.record(tx, actor, { action: 'auth.lock', targetType: 'user', targetId: user.id, detail: { lockedUntil, failures } });
        });
        if (locking) throw new HttpError(423, `连续 ${MAX_FAILED_LOGINS} 次登录失败，账号已锁定 15 分钟`, undefined, { lockedUntil });
        throw unauthorized(BAD_CREDENTIALS);
      }
      if (user.disabled) {
        await audit.record(db, actor, { action: 'auth.login', targetType: 'user', targetId: user.id, outcome: 'failure', detail: { reason: 'disabled' } });
        throw new HttpError(403, '账号已停用，请联系系统管理员');
      }
      // A fresh session id at every login; the old session (if any) ends.
      const previous = req.cookies[SESSION_COOKIE];
      const session = await db.transaction().execute(async (tx) => {
        if (previous) await deleteSessionByToken(tx, previous);
        await tx.updateTable('users').set({ failed_logins: 0, first_failed_at: null, locked_until: null, last_login_at: nowIso() }).where('id', '=', user.id).execute();
        const created = await createSession(tx, user.id, req.ip, req.headers['user-agent'] ?? null);
        await audit.record(tx, actor, { action: 'auth.login', targetType: 'user', targetId: user.id });
        return created;
      });
      setSessionCookies(req, reply, session.token, session.csrfToken, config.sessionMaxHours);
      const ctx = await contextFor(platform, req, session.token);
      return meOf(platform, ctx!);
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
      if (await verifyPassword(user.password_hash, body.newPassword)) {
        throw new HttpError(400, '新密码（newPassword）不能与当前密码相同', [{ field: 'newPassword', message: '新密码（newPassword）不能与当前密码相同' }]);
      }
      const passwordHash = await hashPassword(body.newPassword);
      const session = await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('users')
          .set({ password_hash: passwordHash, password_changed_at: nowIso(), must_change_password: 0, updated_at: nowIso(), updated_by: ctx.id, version: (eb) => eb('version', '+', 1) })
          .where('id', '=', ctx.id)
          .execute();
        await endUserSessions(tx, ctx.id);
        const created = await createSession(tx, ctx.id, req.ip, req.headers['user-agent'] ?? null);
        await audit.record(tx, ctx, { action: 'auth.password_change', targetType: 'user', targetId: ctx.id });
        return created;
      });
      setSessionCookies(req, reply, session.token, session.csrfToken, config.sessionMaxHours);
      const fresh = await contextFor(platform, req, session.token);
      return meOf(platform, fresh!);
    },
  });
}

function lockEndText(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
}

