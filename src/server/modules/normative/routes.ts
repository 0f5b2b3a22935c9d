import type { FastifyInstance } from 'fastify';
import { z } from '../../../shared/zod.ts';
import { paramsWithId, parseWith, route } from '../../kernel/http/route.ts';
import { readUpload } from '../../kernel/http/upload.ts';
import type { Platform } from '../../kernel/platform.ts';
import { recordRoutes } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { version } from '../../../shared/zod.ts';
import { NORMATIVE_DOC, checkRuleInput, checkRuleUpdateInput, flagDecisionInput, publicNormativeQuery, normativeDocInput, normativeListQuery, normativeTextInput, type NormativeDocView } from '../../../shared/schemas/normative.ts';
import { createRule, decideFlag, listRules, updateRule } from './prereview.ts';
import { publicLibrary, publicText } from './library.ts';
import { createLegalReview, getLegalReview, listLegalReviews } from './legal-reviews.ts';
import { LEGAL_REVIEW, legalReviewInput, legalReviewListQuery, type LegalReviewView } from '../../../shared/schemas/normative.ts';
import { createNormativeDoc, docxText, getNormativeDoc, getText, listNormativeDocs, saveText } from './normative.ts';

const docxFields = z.object({ version: z.coerce.number({ error: '版本号（version）必须是整数' }).pipe(version) });

export async function normativeRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['规范性文件'];
  recordRoutes(api, platform, NORMATIVE_DOC, {
    url: '/normative-docs',
    tags,
    permissions: { create: 'normdoc.draft', read: 'normdoc.read' },
    summaries: {
      list: '行政规范性文件（本单位及下级；法治办、审核员全部）',
      export: '按当前筛选导出规范性文件台账（.xlsx）',
      create: '起草规范性文件（正文可粘贴，或随后上传 .docx）',
      read: '规范性文件详情：正文、各稿、预审提示、审查意见、期限',
    },
    query: normativeListQuery,
    body: normativeDocInput,
    sheet: '规范性文件',
    columns: exportColumns<NormativeDocView>(NORMATIVE_DOC, [
      { header: '备案期限', width: 12, value: (d) => d.filingDue },
      { header: '状态', width: 12, value: (d) => d.statusLabel },
    ]),
    list: (ctx, query) => listNormativeDocs(platform, ctx.scope, query),
    create: (tx, ctx, body) => createNormativeDoc(tx, platform, ctx, ctx.scope, body),
    read: (ctx, id) => getNormativeDoc(platform, ctx.scope, id),
  });
  route(api, {
    method: 'PUT',
    url: '/normative-docs/:id/text',
    permission: 'normdoc.draft',
    summary: '保存起草中文件的正文（新的一稿，以前各稿保留）',
    tags,
    params: paramsWithId,
    body: normativeTextInput,
    handler: async ({ ctx, params, body }) => {
      await platform.db.transaction().execute((tx) => saveText(tx, platform, ctx, ctx.scope, params.id, body.version, body.body, 'paste', null, body.consultation));
      return getNormativeDoc(platform, ctx.scope, params.id);
    },
  });
  route(api, {
    method: 'POST',
    url: '/normative-docs/:id/docx',
    permission: 'normdoc.draft',
    summary: '上传 Word 文档（.docx），读取文字作为新的一稿（字段 file、version）',
    tags,
    params: paramsWithId,
    consumes: ['multipart/form-data'],
    handler: async ({ ctx, params, req }) => {
      const upload = await readUpload(req);
      const fields = parseWith(docxFields, upload.fields, 'body');
      const text = await docxText(upload.filename, upload.buffer);
      await platform.db.transaction().execute((tx) => saveText(tx, platform, ctx, ctx.scope, params.id, fields.version, text, 'docx', upload.filename));
      return getNormativeDoc(platform, ctx.scope, params.id);
    },
  });
  route(api, {
    method: 'GET',
    url: '/normative-docs/:id/texts/:no',
    permission: 'normdoc.read',
    summary: '正文的某一稿',
    tags,
    params: paramsWithId.extend({ no: z.coerce.number({ error: '稿次（no）应为整数' }).int().min(1).meta({ title: '稿次' }) }),
    handler: async ({ ctx, params }) => getText(platform, ctx.scope, params.id, params.no),
  });
  route(api, {
    method: 'POST',
    url: '/normative-docs/:id/flags/:flagId',
    permission: 'normdoc.review',
    summary: '确认或排除一条预审提示（须写明理由）；全部处理后方可出具审查意见',
    tags,
    params: paramsWithId.extend({ flagId: z.string().min(1).max(64).meta({ title: '提示编号' }) }),
    body: flagDecisionInput,
    handler: async ({ ctx, params, body }) => {
      await platform.db.transaction().execute((tx) => decideFlag(tx, platform, ctx, ctx.scope, params.id, params.flagId, body));
      return getNormativeDoc(platform, ctx.scope, params.id);
    },
  });
  route(api, { method: 'GET', url: '/normdoc-check-rules', permission: 'normdoc.read', summary: '规范性文件预审规则（含依据）', tags, handler: async () => ({ items: await listRules(platform.db) }) });
  route(api, {
    method: 'POST',
    url: '/normdoc-check-rules',
    permission: 'normdoc.rules',
    summary: '新增预审规则',
    tags,
    body: checkRuleInput,
    status: 201,
    handler: async ({ ctx, body, reply }) => {
      await platform.db.transaction().execute((tx) => createRule(tx, platform, ctx, body));
      reply.code(201);
      return { items: await listRules(platform.db) };
    },
  });
  route(api, {
    method: 'PUT',
    url: '/normdoc-check-rules/:code',
    permission: 'normdoc.rules',
    summary: '修改、停用预审规则',
    tags,
    params: z.strictObject({ code: z.string().min(1).max(40).meta({ title: '规则编码' }) }),
    body: checkRuleUpdateInput,
    handler: async ({ ctx, params, body }) => {
      await platform.db.transaction().execute((tx) => updateRule(tx, platform, ctx, params.code, body));
      return { items: await listRules(platform.db) };
    },
  });
  // The portal's library (no login): published documents only.
  route(api, { method: 'GET', url: '/public/normative-docs', permission: 'public', summary: '规范性文件库：已公布的规范性文件（默认现行有效），可按标题、文号、正文检索', tags: ['公开'], query: publicNormativeQuery, handler: async ({ query }) => publicLibrary(platform, query) });
  route(api, { method: 'GET', url: '/public/normative-docs/:id', permission: 'public', summary: '已公布的规范性文件全文', tags: ['公开'], params: paramsWithId, handler: async ({ params }) => publicText(platform, params.id) });

  recordRoutes(api, platform, LEGAL_REVIEW, {
    url: '/legal-reviews',
    tags: ['合法性审查'],
    permissions: { create: 'legal_review.submit', read: 'legal_review.read' },
    summaries: {
      list: '合法性审查事项（政府合同、常务会议题、会议纪要、执法决定等）',
      export: '按当前筛选导出合法性审查台账（.xlsx）',
      create: '送审合法性审查事项（审查期限按类别计算）',
      read: '合法性审查事项详情',
    },
    query: legalReviewListQuery,
    body: legalReviewInput,
    sheet: '合法性审查',
    columns: exportColumns<LegalReviewView>(LEGAL_REVIEW, [
      { header: '审查期限', width: 12, value: (r) => r.due },
      { header: '状态', width: 10, value: (r) => r.statusLabel },
    ]),
    list: (ctx, query) => listLegalReviews(platform, ctx.scope, query),
    create: (tx, ctx, body) => createLegalReview(tx, platform, ctx, ctx.scope, body),
    read: (ctx, id) => getLegalReview(platform, ctx.scope, id),
  });
}
