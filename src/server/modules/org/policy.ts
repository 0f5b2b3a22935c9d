// Who may do what to units and accounts. 三员分立: admin roles are exclusive, and only the
// security administrator grants them or manages the accounts that hold them.
import { ADMIN_ROLES, type Role } from '../../../shared/roles.ts';
import { HttpError, forbidden } from '../../kernel/http/errors.ts';
import type { Actor } from '../../kernel/audit/index.ts';

export interface Acting {
  id: string | null;
  permissions: ReadonlySet<string>;
}

/** The CLI runs as the operator of the machine and may do everything. */
export const SYSTEM_ROLE = 'system';
export const isSystem = (actor: Actor) => actor.roles.includes(SYSTEM_ROLE);

export function assertRoleSet(roles: readonly string[], field = 'roles'): void {
  const admin = roles.filter((r) => ADMIN_ROLES.includes(r as Role));
  if (admin.length > 1) {
    throw new HttpError(400, `角色（${field}）冲突：系统管理员、安全管理员、审计管理员不能由同一账号兼任`, [{ field, message: '三员不能兼任' }]);
  }
  if (admin.length === 1 && roles.length > 1) {
    throw new HttpError(400, `角色（${field}）冲突：管理员账号不能同时承担业务角色`, [{ field, message: '管理员不能兼任业务角色' }]);
  }
}

export const holdsAdminRole = (roles: readonly string[]) => roles.some((r) => ADMIN_ROLES.includes(r as Role));

/** Changing an account that holds (or would hold) an admin role needs the security administrator. */
export function assertMayManageAccount(acting: Acting, currentRoles: readonly string[], newRoles?: readonly string[]): void {
  const touchesAdmin = holdsAdminRole(currentRoles) || (newRoles ? holdsAdminRole(newRoles) : false);
  if (touchesAdmin && !acting.permissions.has('user.grant_admin')) {
    throw forbidden('管理员账号只能由安全管理员授权或维护');
  }
}

/** Roles are granted only by the security administrator (user.grant), never to their own account. */
export function assertMayGrant(acting: Acting, targetId: string | null, currentRoles: readonly string[], newRoles: readonly string[], field = 'roles'): void {
  const same = [...currentRoles].sort().join() === [...newRoles].sort().join();
  if (same) return;
  if (!acting.permissions.has('user.grant')) {
    throw new HttpError(403, `角色（${field}）只能由安全管理员授予；系统管理员创建和维护账号，但不授予角色`, [{ field, message: '无权授予角色' }]);
  }
  if (targetId !== null && acting.id === targetId) throw new HttpError(403, `不能修改自己的角色（${field}）`, [{ field, message: '不能修改自己的角色' }]);
  assertMayManageAccount(acting, currentRoles, newRoles);
}

/**
 * No administrator's password is reset through the web: only `fazhi user reset-password` on the server does.
 * A business account's reset is asked here; one that holds roles waits for the security administrator.
 */
export function assertMayResetPassword(acting: Acting, targetRoles: readonly string[]): void {
  if (holdsAdminRole(targetRoles)) {
    throw forbidden('管理员账号的密码不能在网页上重置，请由运维人员在服务器上执行 fazhi user reset-password（记入审计日志）');
  }
  if (!acting.permissions.has('user.manage')) throw forbidden('只有系统管理员可以重置密码');
}

/** A reset the system administrator asked for is carried out by the security administrator, never on their own account. */
export function assertMayConfirmReset(acting: Acting, targetId: string, targetRoles: readonly string[]): void {
  if (!acting.permissions.has('user.grant')) throw forbidden('只有安全管理员可以确认密码重置申请');
  if (acting.id === targetId) throw forbidden('不能确认自己账号的密码重置');
  if (holdsAdminRole(targetRoles)) throw forbidden('管理员账号的密码不能在网页上重置，请由运维人员在服务器上执行 fazhi user reset-password（记入审计日志）');
}

export function userActions(acting: Acting, target: { id: string; roles: readonly string[]; disabled: boolean; locked: boolean; resetRequested: boolean }): string[] {
  const actions: string[] = [];
  const admin = holdsAdminRole(target.roles);
  const manage = acting.permissions.has('user.manage') && (!admin || acting.permissions.has('user.grant_admin'));
  const self = acting.id === target.id;
  if (manage) {
    actions.push('update');
    if (!admin) actions.push('reset_password');
    if (!self) actions.push(target.disabled ? 'enable' : 'disable');
  }
  if (acting.permissions.has('user.grant') && !self && (!admin || acting.permissions.has('user.grant_admin'))) actions.push('grant');
  if (target.resetRequested && acting.permissions.has('user.grant') && !self && !admin) actions.push('confirm_reset');
  if (target.locked && acting.permissions.has('user.unlock')) actions.push('unlock');
  if (acting.permissions.has('pii.unmask')) actions.push('unmask');
  return actions;
}

export function unitActions(acting: Acting, unit: { active: boolean }): string[] {
  if (!acting.permissions.has('org.manage')) return [];
  return unit.active ? ['update', 'move', 'deactivate', 'create_child'] : ['update', 'activate'];
}
