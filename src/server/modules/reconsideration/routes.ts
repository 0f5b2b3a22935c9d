import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { changeRoute, createAndReadRoutes, unmaskRoute, type ReadRecord } from '../../kernel/records/routes.ts';
import { exportRoute } from '../../kernel/exports/xlsx.ts';
import { REVIEW_CASE, committeeInput, reviewListQuery, type ReviewCaseView } from '../../../shared/schemas/reconsideration.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import type { ExportColumn } from '../../kernel/exports/xlsx.ts';
import { allCases, createCase, getCase, listCases, setCommitteeOpinion, unmaskApplicant } from './reconsideration.ts';

export async function reviewRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['行政复议'];
  const url = '/review-cases';
  const read: ReadRecord = (ctx, id) => getCase(platform, ctx.scope, id);

  route(api, { method: 'GET', url, permission: 'review.read', summary: '行政复议案件（筛选，附最近期限的红黄牌）', tags, query: reviewListQuery, handler: async ({ ctx, query }) => listCases(platform, ctx.scope, query) });
  exportRoute(api, platform, {
    url: `${url}/export`, permission: 'review.read', summary: '按当前筛选导出复议案件台账（.xlsx，个人信息脱敏）', tags, query: reviewListQuery,
    sheet: '行政复议案件', targetType: REVIEW_CASE.type, columns: exportedColumns(),
    rows: (ctx, query) => allCases(platform, ctx.scope, query),
  });
  createAndReadRoutes(api, platform, {
    url, tags, permissions: { create: 'review.manage', read: 'review.read' }, body: REVIEW_CASE.create,
    summaries: { create: '登记复议申请（自收到之日起计算5个工作日受理审查期限）', read: '复议案件详情（期限及计算说明）' },
    create: (tx, ctx, body) => createCase(tx, platform, ctx, ctx.scope, body),
    read,
  });
  changeRoute(api, { method: 'PUT', url: `${url}/:id/committee`, permission: 'review.manage', summary: '记录行政复议咨询委员会意见（疑难案件）', tags, body: committeeInput }, (ctx, id, body) => setCommitteeOpinion(platform, ctx, id, body), read);
  unmaskRoute(api, { url, tags, summary: '查看申请人完整身份证号或手机号（记入审计日志）' }, (ctx, id, field) => unmaskApplicant(platform, ctx, id, field));
}

/**
 * The definition's columns, led by the receipt date as the ledger is, with the applicant's ID
 * number beside the name (masked: the view holds it masked), then the status and the extension.
 */
function exportedColumns(): ExportColumn<ReviewCaseView>[] {
  const derived = exportColumns<ReviewCaseView>(REVIEW_CASE, [
    { header: '状态', width: 14, value: (c) => c.statusLabel },
    { header: '延期', width: 6, value: (c) => (c.extended ? '是' : '否') },
  ]);
  const received = REVIEW_CASE.fields.receivedDate.label;
  const maskedId: ExportColumn<ReviewCaseView> = { header: `${REVIEW_CASE.fields.applicantIdNumber.label}（脱敏）`, width: 22, value: (c) => c.applicantIdNumber };
  return [
    ...derived.filter((c) => c.header === received),
    ...derived.flatMap((c) => (c.header === received ? [] : c.header === REVIEW_CASE.fields.applicantName.label ? [c, maskedId] : [c])),
  ];
}
