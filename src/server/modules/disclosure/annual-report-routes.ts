import type { FastifyInstance, FastifyReply } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { sendDownload } from '../../kernel/attachments/store.ts';
import { changeRoute, createRoute, ledgerRoutes, type ReadRecord } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { DOCX_MIME } from '../../kernel/documents/index.ts';
import { pageOf, yearlyProgressQuery } from '../../../shared/records.ts';
import { z } from '../../../shared/zod.ts';
import { yearlyProgress } from '../../kernel/records/progress.ts';
import { publicReportQuery } from '../../../shared/schemas/reports.ts';
import {
  FOI_REPORT,
  FOI_REPORT_WORKFLOW,
  disclosureCellQuery,
  foiReportDue,
  foiReportCreateInput,
  foiReportDetailView,
  foiReportFileName,
  foiReportListQuery,
  foiReportUpdateInput,
  foiReportView,
  type FoiReportView,
  type PublicFoiReportFull,
} from '../../../shared/schemas/disclosure-report.ts';
import { createFoiReport, foiReportCell, foiReportForPrint, getFoiReport, listFoiReports, listPublishedFoiReports, updateFoiReport } from './annual-report.ts';
import { foiReportDocx } from './annual-report-docx.ts';

/** A report's cell: table 2's too (its figures' records, frozen with the report). */
const reportCellQuery = disclosureCellQuery.pick({ row: true, column: true }).extend({ table: z.enum(['2', '3', '4'], { error: '表（table）应为 2、3 或 4' }).meta({ title: '表' }) });

async function sendDocx(reply: FastifyReply, report: PublicFoiReportFull) {
  return sendDownload(reply, DOCX_MIME, foiReportFileName(report), await foiReportDocx(report));
}

/** 政府信息公开工作年度报告: the ledger, drafting, editing, the records behind a cell, the .docx; the published ones on the portal. */
export function foiReportRoutes(api: FastifyInstance, platform: Platform): void {
  const tags = ['政府信息公开'];
  const url = '/foi-annual-reports';
  ledgerRoutes(api, platform, {
    url, tags, permission: 'foi.read', sheet: '政府信息公开工作年度报告', targetType: FOI_REPORT.type,
    summaries: { list: '政府信息公开工作年度报告列表（附公开期限红黄牌）', export: '按当前筛选导出政府信息公开工作年度报告台账（.xlsx）' },
    query: foiReportListQuery, response: pageOf(foiReportView), columns: exportColumns<FoiReportView>(FOI_REPORT),
    list: (ctx, query) => listFoiReports(platform, ctx.scope, query),
  });
  // Before ':id'.
  route(api, { method: 'GET', url: `${url}/progress`, permission: 'foi.read', summary: '各部门、乡镇某年度政府信息公开工作年度报告的起草、审定、公开情况（含未起草的单位；1月31日前公开）', tags, query: yearlyProgressQuery, handler: async ({ ctx, query }) => yearlyProgress(platform, ctx.scope, { table: 'foi_annual_reports', workflow: FOI_REPORT_WORKFLOW, year: query.year, due: foiReportDue('unit', query.year) }) });
  const read: ReadRecord = (ctx, id) => getFoiReport(platform, ctx.scope, id);
  const write = { permission: 'foi.manage', tags, response: foiReportDetailView };
  createRoute(api, { url, summary: '起草政府信息公开工作年度报告（统计表按本单位及下级的台账生成）', body: foiReportCreateInput, status: 201, ...write }, (ctx, body) => createFoiReport(platform, ctx, ctx.scope, body), read);
  route(api, { method: 'GET', url: `${url}/:id`, permission: 'foi.read', summary: '年度报告详情：各部分正文、生成的统计表述、表二至表四（审定前按当前记录统计，审定后为定稿）、校验结果、期限和办理记录', tags, params: paramsWithId, status: 200, response: foiReportDetailView, handler: async ({ ctx, params }) => read(ctx, params.id) });
  changeRoute(api, { method: 'PUT', url: `${url}/:id`, summary: '修改年度报告（仅起草中；需提供版本号）', body: foiReportUpdateInput, status: 200, ...write }, (ctx, id, body) => updateFoiReport(platform, ctx, ctx.scope, id, body), read);
  route(api, {
    method: 'GET',
    url: `${url}/:id/cell`,
    permission: 'foi.read',
    summary: '报告表二、表三、表四某一格统计的记录（定稿后为审定时统计的记录）',
    tags,
    params: paramsWithId,
    query: reportCellQuery,
    handler: async ({ ctx, params, query }) => ({ items: await foiReportCell(platform, ctx.scope, params.id, { table: Number(query.table) as 2 | 3 | 4, row: query.row, column: query.column }) }),
  });
  route(api, {
    method: 'GET',
    url: `${url}/:id/docx`,
    permission: 'foi.read',
    summary: '导出政府信息公开工作年度报告 .docx（GB/T 9704 公文格式，统计表按规定样式）',
    tags,
    params: paramsWithId,
    handler: async ({ ctx, params, reply }) => {
      const report = await foiReportForPrint(platform, ctx.scope, params.id);
      await platform.audit.record(platform.db, ctx, { action: 'export.run', targetType: FOI_REPORT.type, targetId: report.id, detail: { format: 'docx' } });
      return sendDocx(reply, report);
    },
  });

  // The public portal: published reports, no login.
  route(api, { method: 'GET', url: '/public/foi-annual-reports', permission: 'public', summary: '已公开的政府信息公开工作年度报告（按年度、单位）', tags: ['公开'], query: publicReportQuery, handler: async ({ query }) => listPublishedFoiReports(platform, query) });
  route(api, { method: 'GET', url: '/public/foi-annual-reports/:id', permission: 'public', summary: '已公开的政府信息公开工作年度报告全文（含统计表）', tags: ['公开'], params: paramsWithId, handler: async ({ params }) => foiReportForPrint(platform, null, params.id) });
  route(api, { method: 'GET', url: '/public/foi-annual-reports/:id/docx', permission: 'public', summary: '下载已公开的政府信息公开工作年度报告 .docx', tags: ['公开'], params: paramsWithId, handler: async ({ params, reply }) => sendDocx(reply, await foiReportForPrint(platform, null, params.id)) });
}
