import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../kernel/platform.ts';
import { changeRoute, inTransaction, recordRoutes, unmaskRoute } from '../../kernel/records/routes.ts';
import { DISCLOSURE_REQUEST, disclosureClassificationInput, disclosureListQuery, type DisclosureRequestView } from '../../../shared/schemas/disclosure.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { classifyRequest, createRequest, getRequest, listRequests, unmaskApplicant } from './disclosure.ts';
import { route } from '../../kernel/http/route.ts';
import { assertInScope, homeUnitCode } from '../../kernel/auth/scope.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { disclosureCellQuery, disclosureTablesQuery } from '../../../shared/schemas/disclosure-report.ts';
import { cellRecords, countDisclosureTables } from './annual-tables.ts';
import { foiReportRoutes } from './annual-report-routes.ts';
import { FEE_ITEM, feeInput, feeListQuery, feeUpdateInput } from '../../../shared/schemas/fees.ts';
import { createFee, getFee, listFees, updateFee } from './fees.ts';

export async function disclosureRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['政府信息公开'];
  const url = '/foi-requests';

  recordRoutes(api, platform, DISCLOSURE_REQUEST, {
    url, tags, permissions: { create: 'foi.manage', read: 'foi.read' }, sheet: '依申请公开',
    summaries: { list: '依申请公开（筛选、关键词、排序，附答复期限红黄牌）', export: '按当前筛选导出依申请公开台账（.xlsx，个人信息脱敏）', create: '登记政府信息公开申请（自收到之日起20个工作日内答复）', read: '公开申请详情（期限及计算说明）' },
    columns: exportColumns<DisclosureRequestView>(DISCLOSURE_REQUEST, [
      { header: '状态', width: 12, value: (r) => r.statusLabel },
      { header: '答复期限', width: 12, value: (r) => r.due },
      { header: '按期', width: 6, value: (r) => (r.onTime === null ? null : r.onTime ? '是' : '否') },
    ]),
    query: disclosureListQuery, body: DISCLOSURE_REQUEST.create, records: { list: listRequests, create: createRequest, get: getRequest },
  });

  changeRoute(
    api,
    { method: 'PUT', url: `${url}/:id/classification`, permission: 'foi.manage', summary: '更正年报分类：申请人类型，已办结申请的办理结果（须与答复类型相符；需提供版本号）', tags, body: disclosureClassificationInput, status: 200 },
    inTransaction(platform, classifyRequest),
    (ctx, id) => getRequest(platform, ctx.scope, id),
  );

  /** The unit a report is counted for: the one asked for, in scope; by default the user's home (homeUnitCode). */
  async function reportUnit(ctx: RequestContext, code: string | undefined): Promise<string | undefined> {
    if (!code) return homeUnitCode(ctx.scope, ctx.unitCode);
    const unit = await platform.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirst();
    if (unit) assertInScope(ctx.scope, unit.id, '单位');
    return code;
  }

  route(api, {
    method: 'GET',
    url: '/disclosure-report-tables',
    permission: 'foi.read',
    summary: '政府信息公开工作年度报告的表二、表三、表四（按记录统计）及校验结果',
    tags,
    query: disclosureTablesQuery,
    handler: async ({ ctx, query }) => (await countDisclosureTables(platform, query.year, await reportUnit(ctx, query.unit))).tables,
  });

  route(api, {
    method: 'GET',
    url: '/disclosure-report-tables/cell',
    permission: 'foi.read',
    summary: '表三、表四某一格统计的记录（溯源）',
    tags,
    query: disclosureCellQuery,
    handler: async ({ ctx, query }) => ({ items: await cellRecords(platform, query.year, await reportUnit(ctx, query.unit), { table: Number(query.table) as 3 | 4, row: query.row, column: query.column }) }),
  });

  foiReportRoutes(api, platform);

  recordRoutes(api, platform, FEE_ITEM, {
    url: '/fee-items', tags, permissions: { create: 'foi.manage', read: 'foi.read' }, sheet: '行政事业性收费',
    summaries: { list: '行政事业性收费（按单位、年度：收费项目、依据、标准、本年收费金额）', export: '按当前筛选导出行政事业性收费台账（.xlsx）', create: '登记行政事业性收费（同一单位同一年度的收费项目不重复）', read: '行政事业性收费详情' },
    query: feeListQuery, body: feeInput, records: { list: listFees, create: createFee, get: getFee },
  });
  changeRoute(
    api,
    { method: 'PUT', url: '/fee-items/:id', permission: 'foi.manage', summary: '修改行政事业性收费（需提供版本号）', tags, body: feeUpdateInput, status: 200 },
    (ctx, id, { version, ...body }) => platform.db.transaction().execute((tx) => updateFee(tx, platform, ctx, ctx.scope, id, version, body)),
    (ctx, id) => getFee(platform, ctx.scope, id),
  );

  unmaskRoute(api, { url, tags, summary: '查看申请人完整身份证号或手机号（记入审计日志）' }, (ctx, id, field) => unmaskApplicant(platform, ctx, id, field));
}
