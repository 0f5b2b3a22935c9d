import type { FastifyInstance } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { exportRows } from '../../kernel/records/routes.ts';
import { exportRoute } from '../../kernel/exports/xlsx.ts';
import { PROPOSAL, proposalInput, proposalListQuery, type ProposalView } from '../../../shared/schemas/proposals.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { createProposal, getProposal, listProposals } from './proposals.ts';

export async function proposalRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['建议提案'];
  route(api, { method: 'GET', url: '/proposals', permission: 'proposal.read', summary: '人大代表建议、政协委员提案', tags, query: proposalListQuery, handler: async ({ ctx, query }) => listProposals(platform, ctx.scope, query) });
  exportRoute(api, platform, {
    url: '/proposals/export',
    permission: 'proposal.read',
    summary: '按当前筛选导出建议提案办理台账（.xlsx）',
    tags,
    query: proposalListQuery,
    sheet: '建议提案',
    targetType: 'proposal',
    rows: (ctx, query) => exportRows((page) => listProposals(platform, ctx.scope, { ...query, ...page })),
    columns: exportColumns<ProposalView>(PROPOSAL, [
      { header: '答复期限', width: 12, value: (p) => p.due },
      { header: '状态', width: 10, value: (p) => p.statusLabel },
    ]),
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
