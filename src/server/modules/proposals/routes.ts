import type { FastifyInstance } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { exportRoute } from '../../kernel/exports/xlsx.ts';
import { PROPOSAL_KINDS, SATISFACTION, proposalInput, proposalListQuery } from '../../../shared/schemas/proposals.ts';
import { createProposal, getProposal, listProposals } from './proposals.ts';

export async function proposalRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['建议提案'];
  route(api, { method: 'GET', url: '/proposals', permission: 'proposal.read', summary: '人大代表建议、政协委员提案', tags, query: proposalListQuery, handler: async ({ ctx, query }) => listProposals(platform, ctx.scope, query) });
  exportRoute(api, platform, {
    url: '/proposals/export',
    permission: 'proposal.read',
    summary: '按当前筛选导出建议提案办理台账（.xlsx）',
    tags,
    query: proposalListQuery.omit({ page: true, pageSize: true }),
    sheet: '建议提案',
    targetType: 'proposal',
    rows: async (ctx, query) => (await listProposals(platform, ctx.scope, { ...query, page: 1, pageSize: 20_000 })).items,
    columns: [
        { header: '类别', width: 12, value: (p) => PROPOSAL_KINDS[p.kind] },
        { header: '编号', width: 8, value: (p) => p.number },
        { header: '标题', width: 40, value: (p) => p.title },
        { header: '代表委员', width: 12, value: (p) => p.proposer },
        { header: '主办单位', width: 20, value: (p) => p.unitName },
        { header: '交办日期', width: 12, value: (p) => p.assignedDate },
        { header: '答复期限', width: 12, value: (p) => p.due },
        { header: '答复日期', width: 12, value: (p) => p.replyDate },
        { header: '满意度', width: 10, value: (p) => (p.satisfaction ? SATISFACTION[p.satisfaction] : null) },
    ],
  });
  route(api, {
    method: 'POST',
    url: '/proposals',
    permission: 'proposal.manage',
    summary: '交办建议提案（3个月内答复，涉及面广、难度大的6个月）',
    tags,
    body: proposalInput,
    handler: async ({ ctx, body, reply }) => {
      const id = await platform.db.transaction().execute((tx) => createProposal(tx, platform, ctx, body));
      reply.code(201);
      return getProposal(platform, ctx.scope, id);
    },
  });
  route(api, { method: 'GET', url: '/proposals/:id', permission: 'proposal.read', summary: '建议提案详情', tags, params: paramsWithId, handler: async ({ ctx, params }) => getProposal(platform, ctx.scope, params.id) });
}
