import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http/route.ts';
import { z } from '../../../shared/zod.ts';
import type { Platform } from '../../kernel/platform.ts';
import { changeRoute, inTransaction, ledgerRoutes, recordRoutes, type ReadRecord } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { pageOf } from '../../../shared/records.ts';
import {
  FINDING,
  INSPECTION,
  NOTICE,
  findingDetailView,
  findingListQuery,
  findingView,
  inspectionInput,
  inspectionListQuery,
  inspectionView,
  interviewInput,
  noticeListQuery,
  noticeView,
  updateInspectionInput,
  type FindingView,
  type InspectionView,
  type NoticeView,
} from '../../../shared/schemas/supervision.ts';
import { addInterview, createInspection, createNotice, getFinding, getNotice, getInspection, insertFinding, listFindings, listInspections, listNotices, updateInspection } from './supervision.ts';

export async function supervisionRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['法治督察'];
  const permissions = { create: 'inspection.manage', read: 'supervision.read' };
  const readInspection: ReadRecord = (ctx, id) => getInspection(platform, ctx.scope, id);
  const readFinding: ReadRecord = (ctx, id) => getFinding(platform, ctx.scope, id);

  recordRoutes(api, platform, INSPECTION, {
    url: '/inspections', tags, permissions, sheet: '督察台账',
    summaries: { list: '督察列表（本单位组织或被督察的）', export: '按当前筛选导出督察台账（.xlsx）', create: '安排督察（方式、日期、对象单位、督察人员、检查清单）', read: '督察详情' },
    query: inspectionListQuery, body: inspectionInput, responses: { list: pageOf(inspectionView), record: inspectionView },
    columns: exportColumns<InspectionView>(INSPECTION, [
      { header: '督察对象', width: 40, value: (i) => i.targets.map((t) => t.name).join('、') },
      { header: '问题数', width: 8, value: (i) => i.findingCount },
      { header: '未销号', width: 8, value: (i) => i.openCount },
    ]),
    list: (ctx, query) => listInspections(platform, ctx.scope, query),
    create: (tx, ctx, body) => createInspection(tx, platform, ctx, { ...body, organiserId: ctx.unitId }),
    read: readInspection,
  });
  changeRoute(
    api,
    { method: 'PUT', url: '/inspections/:id', permission: 'inspection.manage', summary: '修改督察', tags, body: updateInspectionInput, status: 200, response: inspectionView },
    inTransaction(platform, updateInspection),
    readInspection,
  );

  recordRoutes(api, platform, FINDING, {
    url: '/findings', tags, permissions, sheet: '问题整改台账',
    summaries: {
      list: '督察问题（本人数据范围内的责任单位）',
      export: '按当前筛选导出问题整改台账（.xlsx）',
      create: '记录督察发现的问题（责任单位、严重程度、整改期限），开始整改计时并进入问题池',
      read: '问题详情（约谈、督办单、期限）',
    },
    query: findingListQuery, body: FINDING.create, responses: { list: pageOf(findingView), record: findingDetailView },
    // The status says when the finding is overdue by its clock.
    columns: exportColumns<FindingView>(FINDING).map((c) => (c.header === FINDING.fields.status.label ? { ...c, width: 14, value: (f: FindingView) => (f.overdue ? `${f.statusLabel}（逾期）` : f.statusLabel) } : c)),
    list: (ctx, query) => listFindings(platform, ctx.scope, query),
    create: (tx, ctx, body) => insertFinding(tx, platform, ctx, body),
    read: readFinding,
  });
  changeRoute(
    api,
    { method: 'POST', url: '/findings/:id/interviews', permission: 'inspection.manage', summary: '记录约谈（重大问题销号前必须约谈单位负责人）', tags, body: interviewInput, status: 201, response: findingDetailView },
    (ctx, id, body) => addInterview(platform, ctx, id, body),
    readFinding,
  );

  ledgerRoutes(api, platform, {
    url: '/notices', tags, permission: 'supervision.read', sheet: '通报与督办单', targetType: NOTICE.type,
    summaries: { list: '通报与督办单', export: '按当前筛选导出通报与督办单（.xlsx）' },
    query: noticeListQuery, response: pageOf(noticeView),
    columns: exportColumns<NoticeView>(NOTICE, [{ header: '相关问题', width: 40, value: (n) => n.findingTitle }]),
    list: (ctx, query) => listNotices(platform, ctx.scope, query),
  });
  route(api, {
    method: 'GET',
    url: '/notices/:id',
    permission: 'supervision.read',
    summary: '通报或督办单详情（含文号）',
    tags,
    params: z.strictObject({ id: z.string().max(64) }),
    response: noticeView,
    handler: ({ ctx, params }) => getNotice(platform, ctx.scope, params.id),
  });
  route(api, {
    method: 'POST',
    url: '/notices',
    permission: 'notice.issue',
    summary: '印发通报或督办单',
    tags,
    body: NOTICE.create,
    status: 201,
    response: noticeView,
    handler: async ({ ctx, body, reply }) => {
      const notice = await createNotice(platform, ctx, body);
      reply.code(201);
      return notice;
    },
  });
}
