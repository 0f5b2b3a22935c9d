import type { FastifyInstance } from 'fastify';
import { z } from '../../../shared/zod.ts';
import { paramsWithId, parseWith, route } from '../../kernel/http/route.ts';
import { readUpload } from '../../kernel/http/upload.ts';
import type { Platform } from '../../kernel/platform.ts';
import { recordRoutes } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { version } from '../../../shared/zod.ts';
import { NORMATIVE_DOC, checkRuleInput, checkRuleUpdateInput, flagDecisionInput, publicNormativeQuery, normativeListQuery, normativeTextInput, type NormativeDocView } from '../../../shared/schemas/normative.ts';
import { createRule, decideFlag, listRules, updateRule } from './prereview.ts';
import { publicLibrary, publicText } from './library.ts';
import { createLegalReview, getLegalReview, listLegalReviews } from './legal-reviews.ts';
import { LEGAL_REVIEW, legalReviewListQuery, type LegalReviewView } from '../../../shared/schemas/normative.ts';
import { createNormativeDoc, docxText, getNormativeDoc, getText, listNormativeDocs, saveText } from './normative.ts';
import { sendDownload } from '../../kernel/attachments/store.ts';
import { changeRoute, unmaskRoute, updateRoute } from '../../kernel/records/routes.ts';
import { createInput } from '../../../shared/records.ts';
import { ADVISOR, CLEANUP, ENGAGEMENT, advisorInput, advisorUpdateInput, advisorListQuery, cleanupDecisionInput, cleanupListQuery, cleanupSelectInput, type AdvisorView, type CleanupView } from '../../../shared/schemas/normative.ts';
import { createCleanup, decideItem, getCleanup, listCleanups, publicCleanups, selectableDocs, selectDocs } from './cleanups.ts';
import { createAdvisor, createEngagement, getAdvisor, listAdvisors, unmaskAdvisorPhone, updateAdvisor } from './advisors.ts';
import { legalReviewOpinion, normdocOpinion } from './opinion.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const engagementBody = createInput(ENGAGEMENT, {}, ['date', 'kind', 'subject', 'linkedType', 'linkedId']);

const docxFields = z.object({ version: z.coerce.number({ error: '版本号（version）必须是整数' }).pipe(version) });

export async function normativeRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['规范性文件'];
  recordRoutes(api, platform, NORMATIVE_DOC, {
    url: '/normative-docs', tags, permissions: { create: 'normdoc.draft', read: 'normdoc.read' }, sheet: '规范性文件',
    summaries: { list: '行政规范性文件（本单位及下级；法治办、审核员全部）', export: '按当前筛选导出规范性文件台账（.xlsx）', create: '起草规范性文件（正文可粘贴，或随后上传 .docx）', read: '规范性文件详情：正文、各稿、预审提示、审查意见、期限' },
    columns: exportColumns<NormativeDocView>(NORMATIVE_DOC, [
      { header: '备案期限', width: 12, value: (d) => d.filingDue },
      { header: '状态', width: 12, value: (d) => d.statusLabel },
    ]),
    query: normativeListQuery, body: NORMATIVE_DOC.create, records: { list: listNormativeDocs, create: createNormativeDoc, get: getNormativeDoc },
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
    platformSetting: true,
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
    platformSetting: true,
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
    url: '/legal-reviews', tags: ['合法性审查'], permissions: { create: 'legal_review.submit', read: 'legal_review.read' }, sheet: '合法性审查',
    summaries: { list: '合法性审查事项（政府合同、常务会议题、会议纪要、执法决定等）', export: '按当前筛选导出合法性审查台账（.xlsx）', create: '送审合法性审查事项（审查期限按类别计算）', read: '合法性审查事项详情' },
    columns: exportColumns<LegalReviewView>(LEGAL_REVIEW, [
      { header: '审查期限', width: 12, value: (r) => r.due },
      { header: '状态', width: 10, value: (r) => r.statusLabel },
    ]),
    query: legalReviewListQuery, body: LEGAL_REVIEW.create, records: { list: listLegalReviews, create: createLegalReview, get: getLegalReview },
  });
  const sendDocx = (reply: import('fastify').FastifyReply, file: { filename: string; buffer: Buffer }) =>
    sendDownload(reply, DOCX, file.filename, file.buffer);
  route(api, { method: 'GET', url: '/legal-reviews/:id/opinion.docx', permission: 'legal_review.read', summary: '合法性审查意见书（.docx，公文格式）', tags: ['合法性审查'], params: paramsWithId, handler: async ({ ctx, params, reply }) => sendDocx(reply, await legalReviewOpinion(platform, ctx.scope, params.id)) });
  route(api, { method: 'GET', url: '/normative-docs/:id/opinion.docx', permission: 'normdoc.read', summary: '规范性文件合法性审查意见书（.docx，公文格式）', tags, params: paramsWithId, handler: async ({ ctx, params, reply }) => sendDocx(reply, await normdocOpinion(platform, ctx.scope, params.id)) });

  // 清理: campaigns, the documents selected and each one's result; finished through the workflow.
  const cleanupTags = ['规范性文件清理'];
  const readCleanup = recordRoutes(api, platform, CLEANUP, {
    url: '/normdoc-cleanups', tags: cleanupTags, permissions: { create: 'normdoc.cleanup', read: 'normdoc.read' }, sheet: '规范性文件清理',
    summaries: { list: '规范性文件清理活动', export: '按当前筛选导出清理活动（.xlsx）', create: '启动清理（全面清理自动选入范围内全部现行有效文件）', read: '清理活动详情：选入的文件及清理结果' },
    columns: exportColumns<CleanupView>(CLEANUP, [
      { header: '选入文件', width: 10, value: (c) => c.itemCount },
      { header: '修改、废止或失效', width: 14, value: (c) => c.flaggedItems },
      { header: '状态', width: 12, value: (c) => c.statusLabel },
    ]),
    query: cleanupListQuery, body: CLEANUP.create, records: { list: listCleanups, create: createCleanup, get: getCleanup },
  });
  route(api, { method: 'GET', url: '/normdoc-cleanups/:id/selectable', permission: 'normdoc.cleanup', summary: '清理范围内尚未选入的现行有效文件', tags: cleanupTags, params: paramsWithId, handler: async ({ ctx, params }) => selectableDocs(platform, ctx.scope, params.id) });
  changeRoute(api, { method: 'POST', url: '/normdoc-cleanups/:id/items', permission: 'normdoc.cleanup', summary: '选入文件（须在清理范围内）', tags: cleanupTags, body: cleanupSelectInput }, (ctx, id, body) => platform.db.transaction().execute((tx) => selectDocs(tx, platform, ctx, ctx.scope, id, body.version, body.docIds)), readCleanup);
  route(api, {
    method: 'PUT',
    url: '/normdoc-cleanups/:id/items/:itemId',
    permission: 'normdoc.cleanup',
    summary: '提出一件文件的清理结果（保留、修改、废止、宣布失效）及理由',
    tags: cleanupTags,
    params: paramsWithId.extend({ itemId: z.string().min(1).max(64).meta({ title: '清理文件编号' }) }),
    body: cleanupDecisionInput,
    handler: async ({ ctx, params, body }) => {
      await platform.db.transaction().execute((tx) => decideItem(tx, platform, ctx, ctx.scope, params.id, body.version, params.itemId, body.result, body.reason ?? null));
      return readCleanup(ctx, params.id);
    },
  });
  route(api, { method: 'GET', url: '/public/normdoc-cleanups', permission: 'public', summary: '规范性文件清理结果（已完成的清理及每件文件的清理结果）', tags: ['公开'], handler: async () => publicCleanups(platform) });

  // 法律顾问、公职律师 and their engagements.
  const advisorTags = ['法律顾问'];
  const readAdvisor = recordRoutes(api, platform, ADVISOR, {
    url: '/legal-advisors', tags: advisorTags, permissions: { create: 'advisor.manage', read: 'advisor.read' }, sheet: '法律顾问',
    summaries: { list: '法律顾问、公职律师名录', export: '按当前筛选导出法律顾问名录（.xlsx）', create: '登记法律顾问或公职律师', read: '法律顾问详情：服务单位、聘期、服务记录' },
    columns: exportColumns<AdvisorView>(ADVISOR, [
      { header: '服务单位', width: 30, value: (a) => a.servedUnits.map((u) => u.name).join('、') },
      { header: '服务次数', width: 10, value: (a) => a.engagements },
    ]),
    query: advisorListQuery, body: advisorInput, records: { list: listAdvisors, create: createAdvisor, get: getAdvisor },
  });
  updateRoute(api, platform, { url: '/legal-advisors', permission: 'advisor.manage', summary: '修改法律顾问登记（续聘、服务单位；联系电话不填不改）', tags: advisorTags, body: advisorUpdateInput }, updateAdvisor, readAdvisor);
  unmaskRoute(api, { url: '/legal-advisors', tags: advisorTags, summary: '查看法律顾问的完整联系电话（留痕）' }, (ctx, id, field) => unmaskAdvisorPhone(platform, ctx, id, field));
  changeRoute(api, { method: 'POST', url: '/legal-advisors/:id/engagements', permission: 'advisor.manage', summary: '登记服务记录（可关联合法性审查事项、规范性文件、复议诉讼案件等）', tags: advisorTags, body: engagementBody }, (ctx, id, body) => platform.db.transaction().execute((tx) => createEngagement(tx, platform, ctx, ctx.scope, { ...body, advisorId: id })), readAdvisor);
}
