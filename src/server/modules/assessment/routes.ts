import type { FastifyInstance } from 'fastify';
import { paramsWithId, route } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import type { z } from '../../../shared/zod.ts';
import { changeRoute, deriveRoute, recordRoutes, type ReadRecord } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { sendXlsx } from '../../kernel/exports/xlsx.ts';
import { sendDownload } from '../../kernel/attachments/store.ts';
import { DOCX_MIME } from '../../kernel/documents/index.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import {
  REPORT,
  SCHEME,
  answerInput,
  cardQuery,
  evidenceInput,
  copyInput,
  lineInput,
  lineUpdate,
  objectionInput,
  reportListQuery,
  reportUpdate,
  schemeInput,
  schemeListQuery,
  schemeUpdate,
  scoreInput,
  yearQuery,
  type SchemeView,
} from '../../../shared/schemas/assessment.ts';
import { addLine, copyScheme, createScheme, deleteLine, getScheme, listSchemes, updateLine, updateScheme } from './schemes.ts';
import { linkEvidence, scoreCard, scoreMatrix, schemeResults, setScore } from './scores.ts';
import { answerObjection, createObjection, listObjections } from './objections.ts';
import { createReport, getReport, listReports, missingReports, updateReport } from './reports.ts';
import { resultsNotice, scoreSheet } from './sheets.ts';

export async function assessmentRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['法治政府建设考评'];
  const inTx = <T>(work: (tx: Tx) => Promise<T>) => platform.db.transaction().execute(work);
  const readScheme: ReadRecord = (ctx, id) => getScheme(platform, ctx, id);

  recordRoutes(api, platform, SCHEME, {
    url: '/assessment-schemes', tags, permissions: { create: 'assessment.manage', read: 'assessment.read' }, sheet: '考评方案',
    summaries: { list: '考评方案', export: '导出考评方案列表（.xlsx）', create: '编制考评方案', read: '考评方案（指标树、各类别分值合计、异议期）' },
    columns: exportColumns<SchemeView>(SCHEME, [{ header: '状态', width: 16, value: (s) => s.statusLabel }]),
    list: (ctx, query) => listSchemes(platform, ctx, query),
    create: (tx, ctx, body) => createScheme(tx, platform, ctx, body),
    read: readScheme,
    query: schemeListQuery, body: schemeInput,
  });
  changeRoute(api, { method: 'PUT', url: '/assessment-schemes/:id', summary: '修改考评方案（编制中）', body: schemeUpdate, permission: 'assessment.manage', tags }, (ctx, id, { version, ...fields }) => inTx((tx) => updateScheme(tx, platform, ctx, id, version, fields)), readScheme);
  deriveRoute(api, { url: '/assessment-schemes/:id/copy', permission: 'assessment.manage', summary: '复制方案到另一年度（新方案为编制中）', tags, body: copyInput }, (ctx, id, body) => inTx((tx) => copyScheme(tx, platform, ctx, id, body)), readScheme);
  changeRoute(api, { method: 'POST', url: '/assessment-schemes/:id/lines', summary: '添加考评指标', body: lineInput, permission: 'assessment.manage', tags }, (ctx, id, body) => inTx((tx) => addLine(tx, platform, ctx, id, body)), readScheme);
  route(api, {
    method: 'PUT',
    url: '/assessment-lines/:id',
    permission: 'assessment.manage',
    summary: '修改考评指标',
    tags,
    params: paramsWithId,
    body: lineUpdate,
    handler: async ({ ctx, params, body }) => {
      const { version, ...input } = body;
      const schemeId = await inTx((tx) => updateLine(tx, platform, ctx, params.id, version, input));
      return getScheme(platform, ctx, schemeId);
    },
  });
  route(api, {
    method: 'DELETE',
    url: '/assessment-lines/:id',
    permission: 'assessment.manage',
    summary: '删除考评指标',
    tags,
    params: paramsWithId,
    handler: async ({ ctx, params }) => getScheme(platform, ctx, await inTx((tx) => deleteLine(tx, platform, ctx, params.id))),
  });

  // Scores: the matrix, the assessors' scores, self-assessment.
  route(api, { method: 'GET', url: '/assessment-schemes/:id/matrix', permission: 'assessment.read', summary: '评分矩阵（单位 × 指标；单位只看到本单位）', tags, params: paramsWithId, handler: async ({ ctx, params }) => scoreMatrix(platform, ctx, params.id) });
  /** A write to one unit's scores of the scheme, answered with that unit's score card. */
  const cardRoute = <B extends { unitId: string }>(method: 'PUT' | 'POST', url: string, permission: string, summary: string, body: z.ZodType<B>, write: (tx: Tx, ctx: RequestContext, id: string, body: B) => Promise<unknown>) =>
    route(api, {
      method, url, permission, summary, tags, params: paramsWithId, body,
      handler: async ({ ctx, params, body }) => {
        await inTx((tx) => write(tx, ctx, params.id, body));
        return scoreCard(platform, ctx, params.id, body.unitId);
      },
    });
  cardRoute('PUT', '/assessment-schemes/:id/scores', 'assessment.score', '考评打分（人工评分、加分、扣分、一票否决项）', scoreInput, (tx, ctx, id, body) => setScore(tx, platform, ctx, id, body, 'assessor'));
  cardRoute('PUT', '/assessment-schemes/:id/self-scores', 'assessment.self', '单位自评（与考评组评分分开保存）', scoreInput, (tx, ctx, id, body) => setScore(tx, platform, ctx, id, body, 'self'));
  cardRoute('POST', '/assessment-schemes/:id/evidence', 'assessment.read', '将刚上传的台账材料（POST /attachments，所属单位为被考评单位）作为某项得分的佐证材料：单位的自评佐证或考评人员的考评佐证', evidenceInput, (tx, ctx, id, body) => linkEvidence(tx, platform, ctx, id, body));
  route(api, { method: 'GET', url: '/assessment-schemes/:id/card', permission: 'assessment.read', summary: '单位成绩单', tags, params: paramsWithId, query: cardQuery, handler: async ({ ctx, params, query }) => scoreCard(platform, ctx, params.id, query.unitId) });
  route(api, {
    method: 'GET',
    url: '/assessment-schemes/:id/results',
    permission: 'assessment.read',
    summary: '考评结果（总分、等次、类别内排名、计入绩效分；未定稿时按当前数据计算）',
    tags,
    params: paramsWithId,
    handler: async ({ ctx, params }) => {
      const { results, frozen } = await schemeResults(platform, ctx, params.id);
      return { frozen, items: results };
    },
  });
  route(api, {
    method: 'GET',
    url: '/assessment-schemes/:id/results/export',
    permission: 'assessment.read',
    summary: '导出考评得分表（.xlsx，单位 × 指标）',
    tags,
    params: paramsWithId,
    handler: async ({ ctx, params, reply }) => {
      const { scheme, results } = await schemeResults(platform, ctx, params.id);
      const buffer = await scoreSheet(platform, scheme, results);
      await platform.audit.record(platform.db, ctx, { action: 'export.run', targetType: 'assessment_scheme', targetId: scheme.id, detail: { rows: results.length } });
      return sendXlsx(reply, `${scheme.year}年度考评得分表-${chinaToday()}.xlsx`, buffer);
    },
  });
  route(api, {
    method: 'GET',
    url: '/assessment-schemes/:id/results/notice',
    permission: 'assessment.manage',
    summary: '考评结果通报（.docx）',
    tags,
    params: paramsWithId,
    handler: async ({ ctx, params, reply }) => {
      const { scheme, results, frozen } = await schemeResults(platform, ctx, params.id);
      const buffer = await resultsNotice(platform, scheme, results, frozen);
      await platform.audit.record(platform.db, ctx, { action: 'document.generate', targetType: 'assessment_scheme', targetId: scheme.id, detail: { document: 'results_notice' } });
      return sendDownload(reply, DOCX_MIME, `${scheme.year}年度法治政府建设考评结果通报.docx`, buffer);
    },
  });

  // Objections.
  route(api, { method: 'GET', url: '/assessment-schemes/:id/objections', permission: 'assessment.read', summary: '异议（单位只看到本单位的）', tags, params: paramsWithId, handler: async ({ ctx, params }) => ({ items: await listObjections(platform, ctx, params.id) }) });
  route(api, {
    method: 'POST',
    url: '/assessment-schemes/:id/objections',
    permission: 'assessment.self',
    summary: '对初评结果提出异议（异议期内，每项指标一次）',
    tags,
    params: paramsWithId,
    body: objectionInput,
    status: 201,
    handler: async ({ ctx, params, body, reply }) => {
      const id = await inTx((tx) => createObjection(tx, platform, ctx, params.id, body));
      reply.code(201);
      return (await listObjections(platform, ctx, params.id)).find((o) => o.id === id);
    },
  });
  route(api, {
    method: 'POST',
    url: '/assessment-objections/:id/answer',
    permission: 'assessment.manage',
    summary: '答复异议（采纳的调整得分）',
    tags,
    params: paramsWithId,
    body: answerInput,
    handler: async ({ ctx, params, body }) => {
      const schemeId = await inTx((tx) => answerObjection(tx, platform, ctx, params.id, body));
      return (await listObjections(platform, ctx, schemeId)).find((o) => o.id === params.id);
    },
  });

  // 述法.
  const readReport: ReadRecord = (ctx, id) => getReport(platform, ctx.scope, id);
  recordRoutes(api, platform, REPORT, {
    url: '/assessment-reports', tags, permissions: { create: 'assessment.report', read: 'assessment.read' }, sheet: '述法报告',
    summaries: { list: '述法报告', export: '导出述法报告列表（.xlsx）', create: '起草述法报告', read: '述法报告' },
    list: (ctx, query) => listReports(platform, ctx.scope, query),
    create: (tx, ctx, body) => createReport(tx, platform, ctx, body),
    read: readReport,
    query: reportListQuery, body: REPORT.create,
  });
  changeRoute(api, { method: 'PUT', url: '/assessment-reports/:id', summary: '修改述法报告（草稿）', body: reportUpdate, permission: 'assessment.report', tags }, (ctx, id, { version, ...fields }) => inTx((tx) => updateReport(tx, platform, ctx, id, version, fields)), readReport);
  route(api, { method: 'GET', url: '/assessment-reports-missing', permission: 'assessment.read', summary: '某年度尚未提交述法报告的单位', tags, query: yearQuery, handler: async ({ ctx, query }) => missingReports(platform, ctx.scope, query.year) });
}
