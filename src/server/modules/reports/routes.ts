import type { FastifyInstance, FastifyReply } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { sendDownload } from '../../kernel/attachments/store.ts';
import { changeRoute, createRoute, ledgerRoutes, type ReadRecord } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { pageOf, yearlyProgressQuery } from '../../../shared/records.ts';
import { z } from '../../../shared/zod.ts';
import { REPORT, REPORT_WORKFLOW, publicReportQuery, reportDetailView, reportFileName, reportCreateInput, reportListQuery, reportRefreshInput, reportUpdateInput, reportView, type ReportView } from '../../../shared/schemas/reports.ts';
import { createReport, getReport, listPublished, listReports, refreshReport, reportForPrint, updateReport } from './reports.ts';
import { yearlyProgress } from '../../kernel/records/progress.ts';
import { reportDocx } from './docx.ts';
import { reportPdf } from './pdf.ts';

type PrintableReport = Awaited<ReturnType<typeof reportForPrint>>;

const FORMATS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: '.docx（GB/T 9704 公文格式）' },
  pdf: { type: 'application/pdf', label: 'PDF（GB/T 9704 公文格式）' },
} as const;
type Format = keyof typeof FORMATS;

function render(platform: Platform, report: PrintableReport, format: Format): Promise<Buffer> {
  return format === 'docx' ? reportDocx(report) : reportPdf(report, platform.config.chromiumPath);
}

/** The report as a download. */
function sendReport(reply: FastifyReply, report: PrintableReport, format: Format, buffer: Buffer) {
  return sendDownload(reply, FORMATS[format].type, reportFileName(report, format), buffer);
}

export async function reportRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['年度报告'];
  ledgerRoutes(api, platform, {
    url: '/annual-reports', tags, permission: 'report.read', sheet: '法治政府建设年度报告', targetType: REPORT.type,
    summaries: { list: '法治政府建设年度报告列表', export: '按当前筛选导出年度报告台账（.xlsx）' },
    query: reportListQuery, response: pageOf(reportView), columns: exportColumns<ReportView>(REPORT),
    list: (ctx, query) => listReports(platform, ctx.scope, query),
  });
  route(api, { method: 'GET', url: '/annual-reports/progress', permission: 'report.read', summary: '各部门、乡镇某年度报告的报送情况（含未起草的单位）', tags, query: yearlyProgressQuery, handler: async ({ ctx, query }) => yearlyProgress(platform, ctx.scope, { table: 'annual_reports', workflow: REPORT_WORKFLOW, year: query.year, due: `${query.year + 1}-03-31` }) });
  // Not createAndReadRoutes: drafting counts the figures before its transaction (counting may write the summary tables).
  const read: ReadRecord = (ctx, id) => getReport(platform, ctx.scope, id);
  const write = { permission: 'report.write', tags, response: reportDetailView };
  createRoute(api, { url: '/annual-reports', summary: '起草年度报告（按本单位及下级的指标生成各部分的数字）', body: reportCreateInput, status: 201, ...write }, (ctx, body) => createReport(platform, ctx, ctx.scope, body), read);
  route(api, { method: 'GET', url: '/annual-reports/:id', permission: 'report.read', summary: '年度报告详情：各部分正文、文中数字与当前指标值的比对（过期标记）、期限和办理记录', tags, params: paramsWithId, status: 200, response: reportDetailView, handler: async ({ ctx, params }) => read(ctx, params.id) });
  changeRoute(api, { method: 'PUT', url: '/annual-reports/:id', summary: '修改年度报告（仅起草中；正文在服务器端清洗；需提供版本号）', body: reportUpdateInput, status: 200, ...write }, (ctx, id, body) => updateReport(platform, ctx, ctx.scope, id, body), read);
  route(api, {
    method: 'POST',
    url: '/annual-reports/:id/refresh',
    permission: 'report.write',
    summary: '用当前指标值刷新报告中过期的数字（全部或指定指标）',
    tags,
    params: paramsWithId,
    body: reportRefreshInput,
    status: 200,
    response: z.object({ refreshed: z.number().int().meta({ title: '已刷新的数字' }), report: reportDetailView }),
    handler: async ({ ctx, params, body }) => {
      const refreshed = await refreshReport(platform, ctx, ctx.scope, params.id, body.version, body.codes);
      return { refreshed, report: await getReport(platform, ctx.scope, params.id) };
    },
  });
  for (const format of Object.keys(FORMATS) as Format[]) {
    route(api, {
      method: 'GET',
      url: `/annual-reports/:id/${format}`,
      permission: 'report.read',
      summary: `导出年度报告 ${FORMATS[format].label}`,
      tags,
      params: paramsWithId,
      handler: async ({ ctx, params, reply }) => {
        const report = await reportForPrint(platform, ctx.scope, params.id);
        const buffer = await render(platform, report, format);
        await platform.audit.record(platform.db, ctx, { action: 'export.run', targetType: 'annual_report', targetId: report.id, detail: { format } });
        return sendReport(reply, report, format, buffer);
      },
    });
  }

  // The public portal: published reports, no login.
  route(api, { method: 'GET', url: '/public/annual-reports', permission: 'public', summary: '已公开的法治政府建设年度报告（按年度、单位）', tags: ['公开'], query: publicReportQuery, handler: async ({ query }) => listPublished(platform, query) });
  route(api, { method: 'GET', url: '/public/annual-reports/:id', permission: 'public', summary: '已公开的年度报告全文', tags: ['公开'], params: paramsWithId, handler: async ({ params }) => reportForPrint(platform, null, params.id) });
  for (const format of Object.keys(FORMATS) as Format[]) {
    route(api, {
      method: 'GET',
      url: `/public/annual-reports/:id/${format}`,
      permission: 'public',
      summary: `下载已公开的年度报告 ${FORMATS[format].label}`,
      tags: ['公开'],
      params: paramsWithId,
      handler: async ({ params, reply }) => {
        const report = await reportForPrint(platform, null, params.id);
        return sendReport(reply, report, format, await render(platform, report, format));
      },
    });
  }
}
