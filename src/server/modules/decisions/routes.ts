import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../kernel/platform.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { z } from '../../../shared/zod.ts';
import { route } from '../../kernel/http/route.ts';
import { changeRoute, inTransaction, recordRoutes, unmaskRoute, updateRoute } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { unmaskSealed } from '../../kernel/pii/unmask.ts';
import {
  CATALOG_ITEM,
  COMMENT,
  COMMENT_RECORD_TYPE,
  DECISION,
  PROCEDURES,
  catalogItemUpdate,
  catalogListQuery,
  commentListQuery,
  commentSummaryInput,
  decisionInput,
  decisionListQuery,
  eventInput,
  eventUpdate,
  implementationReportInput,
  type CatalogItemView,
  type CommentView,
  type DecisionView,
  type Procedure,
} from '../../../shared/schemas/decisions.ts';
import { addEvent, updateEvent, addImplementationReport, createCatalogItem, createComment, createDecision, getCatalogItem, getComment, getDecision, listCatalog, listComments, listDecisions, publishCommentSummary, recordProcedure, updateCatalogItem } from './decisions.ts';
import { publicCatalog, publicConsultation, publicConsultations } from './public.ts';
import { decisionArchive } from './archive.ts';
import { sendDownload } from '../../kernel/attachments/store.ts';

const procedureParams = z.object({ id: z.string().min(1).max(64), procedure: z.enum(Object.keys(PROCEDURES) as [Procedure, ...Procedure[]], { error: '决策程序无效' }) });
const yearQuery = z.strictObject({ year: z.coerce.number({ error: '年度（year）应为整数' }).int().min(2000).max(2100).optional().meta({ title: '年度' }) });
const idParams = z.object({ id: z.string().min(1).max(64) });

export async function decisionRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['重大行政决策'];
  const inTx = <T>(work: (tx: Tx) => Promise<T>) => platform.db.transaction().execute(work);

  // 决策事项目录.
  const readItem = recordRoutes(api, platform, CATALOG_ITEM, {
    url: '/decision-catalog', tags, permissions: { create: 'decision.catalog', read: 'decision.read' }, sheet: '决策事项目录',
    summaries: { list: '重大行政决策事项目录（按年度）', export: '按当前筛选导出决策事项目录（.xlsx）', create: '列入决策事项目录（目录公布后增补的须说明理由）', read: '目录事项详情' },
    columns: exportColumns<CatalogItemView>(CATALOG_ITEM, [{ header: '状态', width: 10, value: (r) => r.statusLabel }]),
    query: catalogListQuery, body: CATALOG_ITEM.create, records: { list: listCatalog, create: createCatalogItem, get: getCatalogItem },
  });
  updateRoute(api, platform, { url: '/decision-catalog', permission: 'decision.catalog', summary: '修改目录事项', tags, body: catalogItemUpdate }, updateCatalogItem, readItem);

  // 重大行政决策.
  const readDecision = recordRoutes(api, platform, DECISION, {
    url: '/decisions', tags, permissions: { create: 'decision.manage', read: 'decision.read' }, sheet: '重大行政决策',
    summaries: { list: '重大行政决策台账（当前程序、缺少的程序）', export: '按当前筛选导出重大行政决策台账（.xlsx）', create: '登记拟决策事项（目录事项或说明未列入目录的理由）', read: '决策详情：五项法定程序清单、公众参与活动、执行情况' },
    columns: exportColumns<DecisionView>(DECISION, [
      { header: '状态', width: 10, value: (r) => r.statusLabel },
      { header: '当前程序', width: 14, value: (r) => r.stage },
    ]),
    query: decisionListQuery, body: decisionInput, records: { list: listDecisions, create: createDecision, get: getDecision },
  });
  route(api, {
    method: 'PUT',
    url: '/decisions/:id/procedures/:procedure',
    permission: 'decision.manage',
    summary: '记录一项决策程序（公众参与、专家论证、风险评估可标注不适用并说明理由；合法性审查、集体讨论决定不得省略）',
    tags,
    params: procedureParams,
    body: z.record(z.string(), z.unknown()),
    handler: async ({ ctx, params, body }) => {
      await inTx((tx) => recordProcedure(tx, platform, ctx, ctx.scope, params.id, params.procedure, body));
      return getDecision(platform, ctx.scope, params.id);
    },
  });
  changeRoute(api, { method: 'POST', url: '/decisions/:id/comment-summary', permission: 'decision.manage', summary: '公布意见采纳情况（征求意见期结束、意见全部处理后）', tags, body: commentSummaryInput }, (ctx, id, body) => inTx((tx) => publishCommentSummary(tx, platform, ctx, ctx.scope, id, body.version, body.date)), readDecision);
  changeRoute(api, { method: 'POST', url: '/decisions/:id/events', permission: 'decision.manage', summary: '记录听证会、专家论证会、座谈会或征求意见会（听证会须提前7日公告）', tags, body: eventInput }, inTransaction(platform, addEvent), readDecision);
  route(api, {
    method: 'PUT',
    url: '/decisions/:id/events/:eventId',
    permission: 'decision.manage',
    summary: '更正听证会、专家论证会或座谈会的记录（如听证会举行后补记参加人员和会议记录）',
    tags,
    params: z.object({ id: z.string().min(1).max(64), eventId: z.string().min(1).max(64) }),
    body: eventUpdate,
    handler: async ({ ctx, params, body }) => {
      const { version, ...input } = body;
      await inTx((tx) => updateEvent(tx, platform, ctx, ctx.scope, params.eventId, version, input, { decisionId: params.id }));
      return getDecision(platform, ctx.scope, params.id);
    },
  });
  changeRoute(api, { method: 'POST', url: '/decisions/:id/reports', permission: 'decision.manage', summary: '报告决策执行情况', tags, body: implementationReportInput }, inTransaction(platform, addImplementationReport), readDecision);

  route(api, {
    method: 'GET',
    url: '/decisions/:id/archive',
    permission: 'decision.read',
    summary: '下载决策档案（.zip，含目录：决策概况与五项程序、草案、意见及采纳情况、听证会等、办理过程、全部台账材料）',
    tags,
    params: idParams,
    handler: async ({ ctx, params, reply }) => {
      const archive = await decisionArchive(platform, ctx.scope, params.id);
      await platform.audit.record(platform.db, ctx, { action: 'decision.archive', targetType: 'decision', targetId: params.id, detail: { files: archive.files } });
      return sendDownload(reply, 'application/zip', archive.filename, archive.buffer);
    },
  });

  // 公众意见.
  recordRoutes(api, platform, COMMENT, {
    url: '/decision-comments', tags, permissions: { create: 'decision.manage', read: 'decision.read' }, sheet: '意见采纳情况',
    summaries: { list: '决策草案收到的意见（可按决策筛选）', export: '按当前筛选导出意见及采纳情况（.xlsx）', create: '登记以信函、电子邮件、座谈会等方式收到的意见', read: '意见详情' },
    columns: exportColumns<CommentView>(COMMENT, [{ header: '状态', width: 10, value: (r) => r.statusLabel }]),
    query: commentListQuery, body: COMMENT.create, records: { list: listComments, create: createComment, get: getComment },
  });
  unmaskRoute(api, { url: '/decision-comments', tags, summary: '查看意见提出人的完整联系电话（记入审计日志）' }, (ctx, id, field) =>
    unmaskSealed(platform, ctx, { table: 'decision_comments', recordType: COMMENT_RECORD_TYPE, what: '意见', idNumber: 'commenter_phone_enc', phone: 'commenter_phone_enc' }, id, field),
  );

  // The portal.
  route(api, { method: 'GET', url: '/public/decision-catalog', permission: 'public', summary: '重大行政决策事项目录（经党委同意后公布的，含年度调整）', tags: ['公开'], query: yearQuery, handler: async ({ query }) => publicCatalog(platform, query.year) });
  route(api, { method: 'GET', url: '/public/decision-consultations', permission: 'public', summary: '重大行政决策公开征求意见（正在征求意见和已公布意见采纳情况的）', tags: ['公开'], handler: async () => publicConsultations(platform) });
  route(api, { method: 'GET', url: '/public/decision-consultations/:id', permission: 'public', summary: '决策草案及说明、征求意见期限与倒计时、意见采纳情况', tags: ['公开'], params: idParams, handler: async ({ params }) => publicConsultation(platform, params.id) });
}
