import type { FastifyInstance } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { MATTER, matterListQuery, updateMatterInput, type MatterView } from '../../../shared/schemas/matters.ts';
import { changeRoute, createRoute, ledgerRoutes, type ReadRecord } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { createMatter, getMatter, listMatters, updateMatter } from './matters.ts';

export async function matterRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['交办事项'];
  const url = '/matters';
  const read: ReadRecord = (ctx, id) => getMatter(platform, ctx.scope, id);

  ledgerRoutes(api, platform, {
    url, tags, permission: 'matter.read', sheet: '交办事项', targetType: MATTER.type,
    summaries: { list: '交办事项列表（未结的按期限排序，附红黄牌）', export: '按当前筛选导出交办事项台账（.xlsx）' },
    query: matterListQuery,
    columns: exportColumns<MatterView>(MATTER, [
      { header: '办理期限', width: 12, value: (m) => m.due },
      { header: '状态', width: 12, value: (m) => m.statusLabel },
    ]),
    list: (ctx, query) => listMatters(platform, ctx.scope, query),
  });
  createRoute(api, { url, permission: 'matter.assign', summary: '交办事项：指定承办单位与期限规则，自交办日起计时', tags, body: MATTER.create }, (ctx, body) => platform.db.transaction().execute((tx) => createMatter(tx, platform, ctx, ctx.scope, body)), read);
  route(api, { method: 'GET', url: `${url}/:id`, permission: 'matter.read', summary: '交办事项详情（含期限及计算说明）', tags, params: paramsWithId, handler: async ({ ctx, params }) => read(ctx, params.id) });
  changeRoute(api, { method: 'PUT', url: `${url}/:id`, permission: 'matter.assign', summary: '修改交办事项的名称与内容（办结或撤销后不能修改）', tags, body: updateMatterInput }, (ctx, id, body) => updateMatter(platform, ctx, ctx.scope, id, body), read);
}
