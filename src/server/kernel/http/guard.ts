// Authentication, CSRF defence and authorisation for every API route, before its body is read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, unauthorized, HttpError } from './errors.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, loadSession } from '../auth/sessions.ts';
import type { RequestContext } from '../auth/context.ts';
import { scopeOf } from '../auth/scope.ts';
import { readingGenerationsOnce } from '../db/generations.ts';
import { passwordExpired } from '../auth/passwords.ts';
import { totpRequiredFor } from '../auth/totp.ts';
import { permissionsOf, type Platform } from '../platform.ts';
import { isRole, type Role } from '../../../shared/roles.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function secureCookies(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}

export function clearSessionCookies(req: FastifyRequest, reply: FastifyReply): void {
  const secure = secureCookies(req);
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  reply.clearCookie(CSRF_COOKIE, { path: '/', sameSite: 'strict', secure });
}

/** Refuses cross-site writes whose Origin names another host (a second line behind SameSite=Strict). */
function assertSameOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw forbidden('请求来源（Origin）无效，已拒绝');
  }
  if (host !== req.host) throw forbidden('跨站请求已被拒绝（Origin 与站点不一致）');
}

export async function contextFor(platform: Platform, req: FastifyRequest, token: string): Promise<RequestContext | null> {
  const session = await loadSession(platform.db, platform.config, token);
  if (!session) return null;
  const roles = session.roles.filter(isRole) as Role[];
  return {
    id: session.userId,
    username: session.username,
    name: session.username,
    displayName: session.name,
    unitId: session.unitId,
    unitPath: session.unitPath,
    unitCode: session.unitCode,
    roles,
    permissions: permissionsOf(platform, roles),
    scope: await scopeOf(platform.db, roles, session.unitPath),
    sessionId: session.sessionId,
    csrfToken: session.csrfToken,
    passwordChangeRequired: session.mustChangePassword ? 'initial' : passwordExpired(session.passwordChangedAt) ? 'expired' : null,
    twoFactorSetupRequired: !session.totpEnabledAt && totpRequiredFor(roles, platform.config.totpRoles),
    ip: req.ip,
  };
}

export function installGuard(api: FastifyInstance, platform: Platform): void {
  api.decorateRequest('ctx', null);
  // A read request reads the write generations once, for its data scope and every cache it asks.
  api.addHook('onRequest', (req, _reply, done) => (SAFE_METHODS.has(req.method) ? readingGenerationsOnce(done) : done()));
  api.addHook('onRequest', async (req, reply) => {
    const config = req.routeOptions.config;
    if (!req.routeOptions.url) return; // the not-found handler answers
    const permission = config?.permission;
    if (!permission) throw forbidden('该接口未声明所需权限，已拒绝访问');
    const unsafe = !SAFE_METHODS.has(req.method);
    if (unsafe) assertSameOrigin(req);
    if (permission === 'public') return;

    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw unauthorized();
    const ctx = await contextFor(platform, req, token);
    if (!ctx) {
      clearSessionCookies(req, reply);
      throw unauthorized('登录已过期，请重新登录');
    }
    if (unsafe && req.headers[CSRF_HEADER] !== ctx.csrfToken) {
      throw forbidden('CSRF 校验失败：写操作须带有效的 X-CSRF-Token 请求头，请刷新页面后重试');
    }
    if (ctx.passwordChangeRequired && !config.allowDuringPasswordChange) {
      throw new HttpError(403, ctx.passwordChangeRequired === 'expired' ? '密码已过期，请先修改密码' : '首次登录或密码被重置，请先修改密码', undefined, {
        passwordChangeRequired: ctx.passwordChangeRequired,
      });
    }
    // Routes open during a forced password change (me, logout, the password and enrolment routes)
    // are the ones open while an account that must use two-factor sign-in has not enrolled yet.
    if (ctx.twoFactorSetupRequired && !config.allowDuringPasswordChange) {
      throw new HttpError(403, '该账号须使用动态验证码登录，请先绑定身份验证器', undefined, { twoFactorSetupRequired: true });
    }
    if (permission !== 'session' && !ctx.permissions.has(permission)) {
      await platform.audit.record(platform.db, ctx, {
        action: 'access.denied',
        targetType: 'route',
        targetId: `${req.method} ${req.routeOptions.url}`,
        outcome: 'denied',
        detail: { permission },
      });
      throw forbidden(`没有执行此操作的权限（需要「${platform.permissionLabels[permission] ?? permission}」）`);
    }
    if (config.platformSetting && !ctx.scope.all) {
      await platform.audit.record(platform.db, ctx, { action: 'access.denied', targetType: 'route', targetId: `${req.method} ${req.routeOptions.url}`, outcome: 'denied', detail: { platformSetting: true } });
      throw forbidden('这是各县共用的全平台设置，只能由能看到全部单位的人员（如省级法治办）修改');
    }
    req.ctx = ctx;
  });
}
