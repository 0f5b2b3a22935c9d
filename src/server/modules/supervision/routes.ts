import type { FastifyInstance } from 'fastify';
import { z } from '../../../shared/zod.ts';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { exportRoute } from '../../kernel/exports/xlsx.ts';
import {
  SEVERITIES,
  findingInput,
  findingListQuery,
  inspectionInput,
  inspectionListQuery,
  interviewInput,
  noticeInput,
  updateInspectionInput,
} from '../../../shared/schemas/supervision.ts';
import { addInterview, createInspection, createNotice, getFinding, getInspection, insertFinding, listFindings, listInspections, listNotices, updateInspection } from './supervision.ts';

export async function supervisionRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['法治督察'];

  route(api, { method: 'GET', url: '/inspections', permission: 'supervision.read', summary: '督察列表（本单位组织或被督察的）', tags, query: inspectionListQuery, handler: async ({ ctx, query }) => listInspections(platform, ctx.scope, query) });

  route(api, {
    method: 'POST',
    url: '/inspections',
    permission: 'inspection.manage',
    summary: '安排督察（方式、日期、对象单位、督察人员、检查清单）',
    tags,
    body: inspectionInput,
    handler: async ({ ctx, body, reply }) => {
      const id = await platform.db.transaction().execute((tx) => createInspection(tx, platform, ctx, { ...body, organiserId: ctx.unitId }));
      reply.code(201);
      return getInspection(platform, ctx.scope, id);
    },
  });

  route(api, { method: 'GET', url: '/inspections/:id', permission: 'supervision.read', summary: '督察详情', tags, params: paramsWithId, handler: async ({ ctx, params }) => getInspection(platform, ctx.scope, params.id) });

  route(api, {
    method: 'PUT',
    url: '/inspections/:id',
    permission: 'inspection.manage',
    summary: '修改督察',
    tags,
    params: paramsWithId,
    body: updateInspectionInput,
    handler: async ({ ctx, params, body }) => {
      await updateInspection(platform, ctx, params.id, body);
      return getInspection(platform, ctx.scope, params.id);
    },
  });

  route(api, { method: 'GET', url: '/findings', permission: 'supervision.read', summary: '督察问题（本人数据范围内的责任单位）', tags, query: findingListQuery, handler: async ({ ctx, query }) => listFindings(platform, ctx.scope, query) });

  exportRoute(api, platform, {
    url: '/findings/export',
    permission: 'supervision.read',
    summary: '按当前筛选导出问题整改台账（.xlsx）',
    tags,
    query: findingListQuery.omit({ page: true, pageSize: true }),
    sheet: '问题整改台账',
    targetType: 'finding',
    rows: async (ctx, query) => (await listFindings(platform, ctx.scope, { ...query, page: 1, pageSize: 20_000 })).items,
    columns: [
        { header: '督察', width: 30, value: (f) => f.inspectionTitle },
        { header: '责任单位', width: 20, value: (f) => f.unitName },
        { header: '问题描述', width: 50, value: (f) => f.description },
        { header: '严重程度', width: 8, value: (f) => SEVERITIES[f.severity] },
        { header: '整改期限', width: 12, value: (f) => f.dueDate },
        { header: '状态', width: 14, value: (f) => (f.overdue ? `${f.statusLabel}（逾期）` : f.statusLabel) },
        { header: '整改措施', width: 40, value: (f) => f.measures },
        { header: '整改完成日期', width: 12, value: (f) => f.rectifiedDate },
        { header: '核查日期', width: 12, value: (f) => f.verifiedDate },
        { header: '约谈日期', width: 12, value: (f) => f.interviewedOn },
    ],
  });

  route(api, {
    method: 'POST',
    url: '/findings',
    permission: 'inspection.manage',
    summary: '记录督察发现的问题（责任单位、严重程度、整改期限），开始整改计时并进入问题池',
    tags,
    body: findingInput,
    handler: async ({ ctx, body, reply }) => {
      const id = await platform.db.transaction().execute((tx) => insertFinding(tx, platform, ctx, body));
      reply.code(201);
      return getFinding(platform, ctx.scope, id);
    },
  });

  route(api, { method: 'GET', url: '/findings/:id', permission: 'supervision.read', summary: '问题详情（约谈、督办单、期限）', tags, params: paramsWithId, handler: async ({ ctx, params }) => getFinding(platform, ctx.scope, params.id) });

  route(api, {
    method: 'POST',
    url: '/findings/:id/interviews',
    permission: 'inspection.manage',
    summary: '记录约谈（重大问题销号前必须约谈单位负责人）',
    tags,
    params: paramsWithId,
    body: interviewInput,
    handler: async ({ ctx, params, body, reply }) => {
      await addInterview(platform, ctx, params.id, body);
      reply.code(201);
      return getFinding(platform, ctx.scope, params.id);
    },
  });

  route(api, {
    method: 'GET',
    url: '/notices',
    permission: 'supervision.read',
    summary: '通报与督办单',
    tags,
    query: z.strictObject({ kind: z.enum(['circular', 'supervision']).optional().meta({ title: '类型' }) }),
    handler: async ({ ctx, query }) => ({ items: await listNotices(platform, ctx.scope, query.kind) }),
  });

  route(api, {
    method: 'POST',
    url: '/notices',
    permission: 'notice.issue',
    summary: '印发通报或督办单',
    tags,
    body: noticeInput,
    handler: async ({ ctx, body, reply }) => {
      const notice = await createNotice(platform, ctx, body);
      reply.code(201);
      return notice;
    },
  });
}
