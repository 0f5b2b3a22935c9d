import type { FastifyInstance } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { exportRoute } from '../../kernel/exports/xlsx.ts';
import { unmaskInput } from '../../../shared/schemas/org.ts';
import { REVIEW_CHANNELS, REVIEW_OUTCOMES, REVIEW_PROCEDURES, committeeInput, reviewCaseInput, reviewListQuery } from '../../../shared/schemas/reconsideration.ts';
import { allCases, createCase, getCase, listCases, setCommitteeOpinion, unmaskApplicant } from './reconsideration.ts';

export async function reviewRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['行政复议'];

  route(api, { method: 'GET', url: '/review-cases', permission: 'review.read', summary: '行政复议案件（筛选，附最近期限的红黄牌）', tags, query: reviewListQuery, handler: async ({ ctx, query }) => listCases(platform, ctx.scope, query) });

  exportRoute(api, platform, {
    url: '/review-cases/export',
    permission: 'review.read',
    summary: '按当前筛选导出复议案件台账（.xlsx，个人信息脱敏）',
    tags,
    query: reviewListQuery.omit({ page: true, pageSize: true }),
    sheet: '行政复议案件',
    targetType: 'review_case',
    rows: (ctx, query) => allCases(platform, ctx.scope, query),
    columns: [
        { header: '收到日期', width: 12, value: (c) => c.receivedDate },
        { header: '申请人', width: 14, value: (c) => c.applicantName },
        { header: '身份证号（脱敏）', width: 22, value: (c) => c.applicantIdNumber },
        { header: '被申请人', width: 20, value: (c) => c.respondent },
        { header: '行政行为', width: 40, value: (c) => c.act },
        { header: '申请方式', width: 8, value: (c) => REVIEW_CHANNELS[c.channel] },
        { header: '状态', width: 14, value: (c) => c.statusLabel },
        { header: '程序', width: 10, value: (c) => (c.procedure ? REVIEW_PROCEDURES[c.procedure] : null) },
        { header: '受理日期', width: 12, value: (c) => c.acceptedDate },
        { header: '结案日期', width: 12, value: (c) => c.closedDate },
        { header: '结果', width: 12, value: (c) => (c.outcome ? REVIEW_OUTCOMES[c.outcome] : null) },
        { header: '延期', width: 6, value: (c) => (c.extended ? '是' : '否') },
    ],
  });

  route(api, {
    method: 'POST',
    url: '/review-cases',
    permission: 'review.manage',
    summary: '登记复议申请（自收到之日起计算5个工作日受理审查期限）',
    tags,
    body: reviewCaseInput,
    handler: async ({ ctx, body, reply }) => {
      const id = await platform.db.transaction().execute((tx) => createCase(tx, platform, ctx, ctx.scope, body));
      reply.code(201);
      return getCase(platform, ctx.scope, id);
    },
  });

  route(api, { method: 'GET', url: '/review-cases/:id', permission: 'review.read', summary: '复议案件详情（期限及计算说明）', tags, params: paramsWithId, handler: async ({ ctx, params }) => getCase(platform, ctx.scope, params.id) });

  route(api, {
    method: 'PUT',
    url: '/review-cases/:id/committee',
    permission: 'review.manage',
    summary: '记录行政复议咨询委员会意见（疑难案件）',
    tags,
    params: paramsWithId,
    body: committeeInput,
    handler: async ({ ctx, params, body }) => {
      await setCommitteeOpinion(platform, ctx, params.id, body);
      return getCase(platform, ctx.scope, params.id);
    },
  });

  route(api, {
    method: 'POST',
    url: '/review-cases/:id/unmask',
    permission: 'pii.unmask',
    summary: '查看申请人完整身份证号或手机号（记入审计日志）',
    tags,
    params: paramsWithId,
    body: unmaskInput,
    handler: async ({ ctx, params, body }) => unmaskApplicant(platform, ctx, params.id, body.field),
  });
}
