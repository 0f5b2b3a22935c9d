import type { FastifyInstance } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { exportRows } from '../../kernel/records/routes.ts';
import { exportRoute } from '../../kernel/exports/xlsx.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { pageOf } from '../../../shared/records.ts';
import {
  FINDING,
  INSPECTION,
  NOTICE,
  findingDetailView,
  findingInput,
  findingListQuery,
  findingView,
  inspectionInput,
  inspectionListQuery,
  inspectionView,
  interviewInput,
  noticeInput,
  noticeListQuery,
  noticeView,
  updateInspectionInput,
  type FindingView,
  type InspectionView,
  type NoticeView,
} from '../../../shared/schemas/supervision.ts';
import { addInterview, createInspection, createNotice, getFinding, getInspection, insertFinding, listFindings, listInspections, listNotices, updateInspection } from './supervision.ts';

export async function supervisionRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['法治督察'];

  route(api, { method: 'GET', url: '/inspections', permission: 'supervision.read', summary: '督察列表（本单位组织或被督察的）', tags, query: inspectionListQuery, status: 200, response: pageOf(inspectionView), handler: async ({ ctx, query }) => listInspections(platform, ctx.scope, query) });

  exportRoute(api, platform, {
    url: '/inspections/export',
    permission: 'supervision.read',
    summary: '按当前筛选导出督察台账（.xlsx）',
    tags,
    query: inspectionListQuery,
    sheet: '督察台账',
    targetType: INSPECTION.type,
    rows: (ctx, query) => exportRows((page) => listInspections(platform, ctx.scope, { ...query, ...page })),
    columns: exportColumns<InspectionView>(INSPECTION, [
      { header: '督察对象', width: 40, value: (i) => i.targets.map((t) => t.name).join('、') },
      { header: '问题数', width: 8, value: (i) => i.findingCount },
      { header: '未销号', width: 8, value: (i) => i.openCount },
    ]),
  });

  route(api, {
    method: 'POST',
    url: '/inspections',
    permission: 'inspection.manage',
    summary: '安排督察（方式、日期、对象单位、督察人员、检查清单）',
    tags,
    body: inspectionInput,
    status: 201,
    response: inspectionView,
    handler: async ({ ctx, body, reply }) => {
      const id = await platform.db.transaction().execute((tx) => createInspection(tx, platform, ctx, { ...body, organiserId: ctx.unitId }));
      reply.code(201);
      return getInspection(platform, ctx.scope, id);
    },
  });

  route(api, { method: 'GET', url: '/inspections/:id', permission: 'supervision.read', summary: '督察详情', tags, params: paramsWithId, status: 200, response: inspectionView, handler: async ({ ctx, params }) => getInspection(platform, ctx.scope, params.id) });

  route(api, {
    method: 'PUT',
    url: '/inspections/:id',
    permission: 'inspection.manage',
    summary: '修改督察',
    tags,
    params: paramsWithId,
    body: updateInspectionInput,
    status: 200,
    response: inspectionView,
    handler: async ({ ctx, params, body }) => {
      await platform.db.transaction().execute((tx) => updateInspection(tx, platform, ctx, ctx.scope, params.id, body));
      return getInspection(platform, ctx.scope, params.id);
    },
  });

  route(api, { method: 'GET', url: '/findings', permission: 'supervision.read', summary: '督察问题（本人数据范围内的责任单位）', tags, query: findingListQuery, status: 200, response: pageOf(findingView), handler: async ({ ctx, query }) => listFindings(platform, ctx.scope, query) });

  exportRoute(api, platform, {
    url: '/findings/export',
    permission: 'supervision.read',
    summary: '按当前筛选导出问题整改台账（.xlsx）',
    tags,
    query: findingListQuery,
    sheet: '问题整改台账',
    targetType: FINDING.type,
    rows: (ctx, query) => exportRows((page) => listFindings(platform, ctx.scope, { ...query, ...page })),
    // The status says when the finding is overdue by its clock.
    columns: exportColumns<FindingView>(FINDING).map((c) => (c.header === FINDING.fields.status.label ? { ...c, width: 14, value: (f: FindingView) => (f.overdue ? `${f.statusLabel}（逾期）` : f.statusLabel) } : c)),
  });

  route(api, {
    method: 'POST',
    url: '/findings',
    permission: 'inspection.manage',
    summary: '记录督察发现的问题（责任单位、严重程度、整改期限），开始整改计时并进入问题池',
    tags,
    body: findingInput,
    status: 201,
    response: findingDetailView,
    handler: async ({ ctx, body, reply }) => {
      const id = await platform.db.transaction().execute((tx) => insertFinding(tx, platform, ctx, body));
      reply.code(201);
      return getFinding(platform, ctx.scope, id);
    },
  });

  route(api, { method: 'GET', url: '/findings/:id', permission: 'supervision.read', summary: '问题详情（约谈、督办单、期限）', tags, params: paramsWithId, status: 200, response: findingDetailView, handler: async ({ ctx, params }) => getFinding(platform, ctx.scope, params.id) });

  route(api, {
    method: 'POST',
    url: '/findings/:id/interviews',
    permission: 'inspection.manage',
    summary: '记录约谈（重大问题销号前必须约谈单位负责人）',
    tags,
    params: paramsWithId,
    body: interviewInput,
    status: 201,
    response: findingDetailView,
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
    query: noticeListQuery,
    status: 200,
    response: pageOf(noticeView),
    handler: async ({ ctx, query }) => listNotices(platform, ctx.scope, query),
  });

  exportRoute(api, platform, {
    url: '/notices/export',
    permission: 'supervision.read',
    summary: '按当前筛选导出通报与督办单（.xlsx）',
    tags,
    query: noticeListQuery,
    sheet: '通报与督办单',
    targetType: NOTICE.type,
    rows: (ctx, query) => exportRows((page) => listNotices(platform, ctx.scope, { ...query, ...page })),
    columns: exportColumns<NoticeView>(NOTICE, [{ header: '相关问题', width: 40, value: (n) => n.findingTitle }]),
  });

  route(api, {
    method: 'POST',
    url: '/notices',
    permission: 'notice.issue',
    summary: '印发通报或督办单',
    tags,
    body: noticeInput,
    status: 201,
    response: noticeView,
    handler: async ({ ctx, body, reply }) => {
      const notice = await createNotice(platform, ctx, body);
      reply.code(201);
      return notice;
    },
  });
}
