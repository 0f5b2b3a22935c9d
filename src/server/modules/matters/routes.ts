import type { FastifyInstance } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { MATTER, MATTER_RECORD_TYPE, createMatterInput, matterListQuery, updateMatterInput, type MatterView } from '../../../shared/schemas/matters.ts';
import { ledgerRoutes } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { createMatter, getMatter, listMatters, updateMatter } from './matters.ts';

export async function matterRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['交办事项'];

  ledgerRoutes(api, platform, {
    url: '/matters',
    tags,
    permission: 'matter.read',
    summaries: { list: '交办事项列表（未结的按期限排序，附红黄牌）', export: '按当前筛选导出交办事项台账（.xlsx）' },
    query: matterListQuery,
    sheet: '交办事项',
    targetType: MATTER_RECORD_TYPE,
    columns: exportColumns<MatterView>(MATTER, [
      { header: '办理期限', width: 12, value: (m) => m.due },
      { header: '状态', width: 12, value: (m) => m.statusLabel },
    ]),
    list: (ctx, query) => listMatters(platform, ctx.scope, query),
  });

  route(api, {
    method: 'POST',
    url: '/matters',
    permission: 'matter.assign',
    summary: '交办事项：指定承办单位与期限规则，自交办日起计时',
    tags,
    body: createMatterInput,
    handler: async ({ ctx, body, reply }) => {
      const id = await platform.db.transaction().execute((tx) => createMatter(tx, platform, ctx, ctx.scope, body));
      reply.code(201);
      return getMatter(platform, ctx.scope, id);
    },
  });

  route(api, {
    method: 'GET',
    url: '/matters/:id',
    permission: 'matter.read',
    summary: '交办事项详情（含期限及计算说明）',
    tags,
    params: paramsWithId,
    handler: async ({ ctx, params }) => getMatter(platform, ctx.scope, params.id),
  });

  route(api, {
    method: 'PUT',
    url: '/matters/:id',
    permission: 'matter.assign',
    summary: '修改交办事项的名称与内容（办结或撤销后不能修改）',
    tags,
    params: paramsWithId,
    body: updateMatterInput,
    handler: async ({ ctx, params, body }) => {
      await updateMatter(platform, ctx, ctx.scope, params.id, body);
      return getMatter(platform, ctx.scope, params.id);
    },
  });
}
