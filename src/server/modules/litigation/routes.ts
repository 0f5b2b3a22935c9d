import type { FastifyInstance } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { createAndReadRoutes, ledgerRoutes } from '../../kernel/records/routes.ts';
import { LITIGATION_CASE, hearingInput, litigationCaseInput, litigationListQuery, lossAnalysisInput, type LitigationCaseView } from '../../../shared/schemas/litigation.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { addHearing, createLitigationCase, getLitigationCase, listLitigationCases, setLossAnalysis } from './litigation.ts';

export async function litigationRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['行政应诉'];

  ledgerRoutes(api, platform, {
    url: '/litigation-cases',
    tags,
    permission: 'litigation.read',
    summaries: { list: '行政应诉案件', export: '按当前筛选导出应诉案件台账（.xlsx）' },
    query: litigationListQuery,
    sheet: '行政应诉案件',
    targetType: 'litigation_case',
    columns: exportColumns<LitigationCaseView>(LITIGATION_CASE, [
      { header: '答辩期限', width: 12, value: (c) => c.defenceDue },
      { header: '开庭/负责人出庭', width: 14, value: (c) => `${c.hearings}/${c.headAppearances}` },
      { header: '状态', width: 12, value: (c) => c.statusLabel },
    ]),
    list: (ctx, query) => listLitigationCases(platform, ctx.scope, query),
  });

  createAndReadRoutes(api, platform, {
    url: '/litigation-cases',
    tags,
    permissions: { create: 'litigation.manage', read: 'litigation.read' },
    summaries: { create: '登记应诉案件（自收到起诉状副本之日起15日内答辩）', read: '应诉案件详情' },
    body: litigationCaseInput,
    create: (tx, ctx, body) => createLitigationCase(tx, platform, ctx, ctx.scope, body),
    read: (ctx, id) => getLitigationCase(platform, ctx.scope, id),
  });

  route(api, {
    method: 'POST',
    url: '/litigation-cases/:id/hearings',
    permission: 'litigation.manage',
    summary: '登记开庭（负责人是否出庭）',
    tags,
    params: paramsWithId,
    body: hearingInput,
    handler: async ({ ctx, params, body, reply }) => {
      await addHearing(platform, ctx, params.id, body);
      reply.code(201);
      return getLitigationCase(platform, ctx.scope, params.id);
    },
  });

  route(api, {
    method: 'PUT',
    url: '/litigation-cases/:id/analysis',
    permission: 'litigation.manage',
    summary: '填写败诉原因剖析',
    tags,
    params: paramsWithId,
    body: lossAnalysisInput,
    handler: async ({ ctx, params, body }) => {
      await setLossAnalysis(platform, ctx, params.id, body);
      return getLitigationCase(platform, ctx.scope, params.id);
    },
  });
}
