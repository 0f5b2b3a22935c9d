// A request context for a named account outside HTTP: demo data acts through the same workflow
// rules, permissions and data scope as a person in the browser would.
import type { Platform } from '../platform.ts';
import { permissionsOf } from '../platform.ts';
import { scopeOf } from './scope.ts';
import { isRole, type Role } from '../../../shared/roles.ts';
import type { RequestContext } from './context.ts';

export async function actingAs(platform: Platform, username: string): Promise<RequestContext> {
  const user = await platform.db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.unit_id')
    .select(['u.id', 'u.username', 'u.name', 'u.unit_id', 'o.path', 'o.code'])
    .where('u.username', '=', username)
    .executeTakeFirst();
  if (!user) throw new Error(`用户「${username}」不存在`);
  const roles = (await platform.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute()).map((r) => r.role).filter(isRole) as Role[];
  return {
    id: user.id,
    username: user.username,
    name: user.username,
    displayName: user.name,
    unitId: user.unit_id,
    unitPath: user.path,
    unitCode: user.code,
    roles,
    permissions: permissionsOf(platform, roles),
    scope: await scopeOf(platform.db, roles, user.path),
    sessionId: '',
    csrfToken: '',
    passwordChangeRequired: null,
    twoFactorSetupRequired: false,
    ip: null,
  };
}
