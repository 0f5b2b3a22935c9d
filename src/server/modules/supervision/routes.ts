import type { FastifyInstance } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { createAndReadRoutes, ledgerRoutes } from '../../kernel/records/routes.ts';
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

  ledgerRoutes(api, platform, {
    url: '/inspections',
    tags,
    permission: 'supervision.read',
    summaries: { list: '督察列表（本单位组织或被督察的）', export: '按当前筛选导出督察台账（.xlsx）' },
    query: inspectionListQuery,
    response: pageOf(inspectionView),
    sheet: '督察台账',
    targetType: INSPECTION.type,
    columns: exportColumns<InspectionView>(INSPECTION, [
      { header: '督察对象', width: 40, value: (i) => i.targets.map((t) => t.name).join('、') },
      { header: '问题数', width: 8, value: (i) => i.findingCount },
      { header: '未销号', width: 8, value: (i) => i.openCount },
    ]),
    list: (ctx, query) => listInspections(platform, ctx.scope, query),
  });

  createAndReadRoutes(api, platform, {
    url: '/inspections',
    tags,
    permissions: { create: 'inspection.manage', read: 'supervision.read' },
    summaries: { create: '安排督察（方式、日期、对象单位、督察人员、检查清单）', read: '督察详情' },
    body: inspectionInput,
    response: inspectionView,
    create: (tx, ctx, body) => createInspection(tx, platform, ctx, { ...body, organiserId: ctx.unitId }),
    read: (ctx, id) => getInspection(platform, ctx.scope, id),
  });

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

  ledgerRoutes(api, platform, {
    url: '/findings',
    tags,
    permission: 'supervision.read',
    summaries: { list: '督察问题（本人数据范围内的责任单位）', export: '按当前筛选导出问题整改台账（.xlsx）' },
    query: findingListQuery,
    response: pageOf(findingView),
    sheet: '问题整改台账',
    targetType: FINDING.type,
    // The status says when the finding is overdue by its clock.
    columns: exportColumns<FindingView>(FINDING).map((c) => (c.header === FINDING.fields.status.label ? { ...c, width: 14, value: (f: FindingView) => (f.overdue ? `${f.statusLabel}（逾期）` : f.statusLabel) } : c)),
    list: (ctx, query) => listFindings(platform, ctx.scope, query),
  });

  createAndReadRoutes(api, platform, {
    url: '/findings',
    tags,
    permissions: { create: 'inspection.manage', read: 'supervision.read' },
    summaries: { create: '记录督察发现的问题（责任单位、严重程度、整改期限），开始整改计时并进入问题池', read: '问题详情（约谈、督办单、期限）' },
    body: findingInput,
    response: findingDetailView,
    create: (tx, ctx, body) => insertFinding(tx, platform, ctx, body),
    read: (ctx, id) => getFinding(platform, ctx.scope, id),
  });

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

  ledgerRoutes(api, platform, {
    url: '/notices',
    tags,
    permission: 'supervision.read',
    summaries: { list: '通报与督办单', export: '按当前筛选导出通报与督办单（.xlsx）' },
    query: noticeListQuery,
    response: pageOf(noticeView),
    sheet: '通报与督办单',
    targetType: NOTICE.type,
    columns: exportColumns<NoticeView>(NOTICE, [{ header: '相关问题', width: 40, value: (n) => n.findingTitle }]),
    list: (ctx, query) => listNotices(platform, ctx.scope, query),
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
