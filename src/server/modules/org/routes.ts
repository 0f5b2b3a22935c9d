// Thin routes: the guard authenticated and authorised, the helper validated; here: command, present.
import type { FastifyInstance } from 'fastify';
import { route, paramsWithId, type RouteInput } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import {
  createUnitInput, updateUnitInput, moveUnitInput, versionInput, unitListQuery,
  createUserInput, updateUserInput, grantRolesInput, userListQuery, unmaskInput, resetPasswordResult,
} from '../../../shared/schemas/org.ts';
import * as units from './units.ts';
import * as users from './users.ts';

export async function orgRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['组织机构'];
  const inTx = <T>(command: (tx: Tx) => Promise<T>) => platform.db.transaction().execute(command);

  route(api, {
    method: 'GET', url: '/org/units', permission: 'org.read', tags, summary: '单位列表（扁平，按 parentId 组成树）',
    query: unitListQuery,
    handler: async ({ ctx, query }) => {
      const rows = await units.listUnits(platform.db, ctx.scope, { includeInactive: query.includeInactive === 'true', q: query.q });
      return { items: rows.map((u) => units.present(ctx, u)) };
    },
  });
  route(api, {
    method: 'GET', url: '/org/units/:id', permission: 'org.read', tags, summary: '单位详情',
    params: paramsWithId,
    handler: async ({ ctx, params }) => units.present(ctx, await units.visibleUnit(platform.db, ctx.scope, params.id)),
  });
  route(api, {
    method: 'POST', url: '/org/units', permission: 'org.manage', tags, summary: '新建单位',
    body: createUnitInput,
    handler: async ({ ctx, body, reply }) => {
      reply.code(201);
      return units.present(ctx, await inTx((tx) => units.createUnit(tx, platform, ctx, body)));
    },
  });
  route(api, {
    method: 'PATCH', url: '/org/units/:id', permission: 'org.manage', tags, summary: '修改单位（名称、编码、类型、信用代码…）',
    params: paramsWithId, body: updateUnitInput,
    handler: async ({ ctx, params, body }) => units.present(ctx, await inTx((tx) => units.updateUnit(tx, platform, ctx, params.id, body))),
  });
  route(api, {
    method: 'POST', url: '/org/units/:id/move', permission: 'org.manage', tags, summary: '移动单位到新的上级（parentId 为 null 时成为根单位）',
    params: paramsWithId, body: moveUnitInput,
    handler: async ({ ctx, params, body }) => units.present(ctx, await inTx((tx) => units.moveUnit(tx, platform, ctx, params.id, body))),
  });
  route(api, {
    method: 'POST', url: '/org/units/:id/deactivate', permission: 'org.manage', tags, summary: '停用单位',
    params: paramsWithId, body: versionInput,
    handler: async ({ ctx, params, body }) => units.present(ctx, await inTx((tx) => units.setUnitActive(tx, platform, ctx, params.id, body.version, false))),
  });
  route(api, {
    method: 'POST', url: '/org/units/:id/activate', permission: 'org.manage', tags, summary: '启用单位',
    params: paramsWithId, body: versionInput,
    handler: async ({ ctx, params, body }) => units.present(ctx, await inTx((tx) => units.setUnitActive(tx, platform, ctx, params.id, body.version, true))),
  });

  const userTags = ['用户'];
  const view = async (ctx: Parameters<typeof users.present>[1] & { scope: any }, id: string) => {
    const { row, roles } = await users.getUser(platform, platform.db, ctx.scope, id);
    return users.present(platform, ctx, row, roles);
  };
  /** A command on the account in the URL, answered with the account as it then is. */
  const thenView =
    <B>(command: (ctx: RequestContext, id: string, body: B) => Promise<unknown>) =>
    async ({ ctx, params, body }: RouteInput<B, unknown, { id: string }>) => {
      await command(ctx, params.id, body);
      return view(ctx, params.id);
    };

  route(api, {
    method: 'GET', url: '/users', permission: 'user.read', tags: userTags, summary: '用户列表（按数据范围过滤，可筛选、分页）',
    query: userListQuery,
    handler: async ({ ctx, query }) => users.listUsers(platform, ctx, ctx.scope, query),
  });
  route(api, {
    method: 'GET', url: '/users/:id', permission: 'user.read', tags: userTags, summary: '用户详情（个人信息脱敏）',
    params: paramsWithId,
    handler: async ({ ctx, params }) => view(ctx, params.id),
  });
  route(api, {
    method: 'POST', url: '/users', permission: 'user.manage', tags: userTags, summary: '新建用户账号（系统管理员；不带角色，角色由安全管理员授予；返回一次性初始密码）',
    body: createUserInput,
    handler: async ({ ctx, body, reply }) => {
      const { id, initialPassword } = await users.inTransaction(platform, ctx, 'user.create', null, (tx) => users.createUser(tx, platform, ctx, body));
      reply.code(201);
      return { user: await view(ctx, id), initialPassword };
    },
  });
  route(api, {
    method: 'PATCH', url: '/users/:id', permission: 'user.manage', tags: userTags, summary: '修改用户资料（姓名、单位、联系方式；角色只能由安全管理员通过 /users/{id}/roles 授予）',
    params: paramsWithId, body: updateUserInput,
    handler: thenView((ctx, id, body) => users.inTransaction(platform, ctx, 'user.update', id, (tx) => users.updateUser(tx, platform, ctx, id, body))),
  });
  route(api, {
    method: 'PUT', url: '/users/:id/roles', permission: 'user.grant', tags: userTags, summary: '授予或收回角色（安全管理员；不能修改自己的角色；结束该用户全部会话）',
    params: paramsWithId, body: grantRolesInput,
    handler: thenView((ctx, id, body) => users.inTransaction(platform, ctx, 'user.roles', id, (tx) => users.grantRoles(tx, platform, ctx, id, body))),
  });
  route(api, {
    method: 'POST', url: '/users/:id/reset-password', permission: 'user.manage', tags: userTags,
    summary: '重置密码（系统管理员）：未持有角色的账号立即重置并返回一次性密码、结束其全部会话；持有角色的账号提出申请（pending），由安全管理员确认后重置（三员分立）；管理员账号只能在服务器上用 fazhi 命令重置',
    params: paramsWithId, response: resetPasswordResult,
    handler: async ({ ctx, params }) => users.resetPassword(platform, ctx, params.id),
  });
  route(api, {
    method: 'POST', url: '/users/:id/reset-password/confirm', permission: 'user.grant', tags: userTags,
    summary: '确认系统管理员提出的密码重置申请（安全管理员）：重置并返回一次性密码，结束该用户全部会话',
    params: paramsWithId, response: resetPasswordResult,
    handler: async ({ ctx, params }) => ({ ...(await users.confirmResetPassword(platform, ctx, params.id, true)), pending: false }),
  });
  route(api, {
    method: 'POST', url: '/users/:id/reset-password/refuse', permission: 'user.grant', tags: userTags,
    summary: '驳回密码重置申请（安全管理员）：密码不变',
    params: paramsWithId, response: resetPasswordResult,
    handler: async ({ ctx, params }) => ({ ...(await users.confirmResetPassword(platform, ctx, params.id, false)), pending: false }),
  });
  route(api, {
    method: 'POST', url: '/users/:id/disable', permission: 'user.manage', tags: userTags, summary: '停用用户（结束其全部会话）',
    params: paramsWithId, body: versionInput,
    handler: thenView((ctx, id, body) => users.setUserDisabled(platform, ctx, id, body.version, true)),
  });
  route(api, {
    method: 'POST', url: '/users/:id/enable', permission: 'user.manage', tags: userTags, summary: '启用用户',
    params: paramsWithId, body: versionInput,
    handler: thenView((ctx, id, body) => users.setUserDisabled(platform, ctx, id, body.version, false)),
  });
  route(api, {
    method: 'POST', url: '/users/:id/unlock', permission: 'user.unlock', tags: userTags, summary: '解除登录失败锁定',
    params: paramsWithId,
    handler: thenView((ctx, id) => users.unlockUser(platform, ctx, id)),
  });
  route(api, {
    method: 'POST', url: '/users/:id/unmask', permission: 'pii.unmask', tags: userTags, summary: '查看完整的手机号或身份证号（记入审计日志）',
    params: paramsWithId, body: unmaskInput,
    handler: async ({ ctx, params, body }) => users.unmaskUserField(platform, ctx, params.id, body.field),
  });
}
