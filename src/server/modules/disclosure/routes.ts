import type { FastifyInstance } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { createAndReadRoutes, ledgerRoutes } from '../../kernel/records/routes.ts';
import { unmaskInput } from '../../../shared/schemas/org.ts';
import { DISCLOSURE_REQUEST, disclosureListQuery, disclosureRequestInput, type DisclosureRequestView } from '../../../shared/schemas/disclosure.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { createRequest, getRequest, listRequests, unmaskApplicant } from './disclosure.ts';

export async function disclosureRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['政府信息公开'];

  ledgerRoutes(api, platform, {
    url: '/foi-requests',
    tags,
    permission: 'foi.read',
    summaries: { list: '依申请公开（筛选、关键词、排序，附答复期限红黄牌）', export: '按当前筛选导出依申请公开台账（.xlsx，个人信息脱敏）' },
    query: disclosureListQuery,
    sheet: '依申请公开',
    targetType: 'foi_request',
    columns: exportColumns<DisclosureRequestView>(DISCLOSURE_REQUEST, [
      { header: '状态', width: 12, value: (r) => r.statusLabel },
      { header: '答复期限', width: 12, value: (r) => r.due },
      { header: '按期', width: 6, value: (r) => (r.onTime === null ? null : r.onTime ? '是' : '否') },
    ]),
    list: (ctx, query) => listRequests(platform, ctx.scope, query),
  });

  createAndReadRoutes(api, platform, {
    url: '/foi-requests',
    tags,
    permissions: { create: 'foi.manage', read: 'foi.read' },
    summaries: { create: '登记政府信息公开申请（自收到之日起20个工作日内答复）', read: '公开申请详情（期限及计算说明）' },
    body: disclosureRequestInput,
    create: (tx, ctx, body) => createRequest(tx, platform, ctx, ctx.scope, body),
    read: (ctx, id) => getRequest(platform, ctx.scope, id),
  });

  route(api, {
    method: 'POST',
    url: '/foi-requests/:id/unmask',
    permission: 'pii.unmask',
    summary: '查看申请人完整身份证号或手机号（记入审计日志）',
    tags,
    params: paramsWithId,
    body: unmaskInput,
    handler: async ({ ctx, params, body }) => unmaskApplicant(platform, ctx, params.id, body.field),
  });
}
