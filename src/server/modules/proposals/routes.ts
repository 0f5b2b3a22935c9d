import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../kernel/platform.ts';
import { recordRoutes } from '../../kernel/records/routes.ts';
import { PROPOSAL, proposalInput, proposalListQuery, type ProposalView } from '../../../shared/schemas/proposals.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { createProposal, getProposal, listProposals } from './proposals.ts';

export async function proposalRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  recordRoutes(api, platform, PROPOSAL, {
    url: '/proposals', tags: ['建议提案'], permissions: { create: 'proposal.manage', read: 'proposal.read' }, sheet: '建议提案',
    summaries: { list: '人大代表建议、政协委员提案', export: '按当前筛选导出建议提案办理台账（.xlsx）', create: '交办建议提案（3个月内答复，涉及面广、难度大的6个月）', read: '建议提案详情' },
    query: proposalListQuery, body: proposalInput,
    columns: exportColumns<ProposalView>(PROPOSAL, [
      { header: '答复期限', width: 12, value: (p) => p.due },
      { header: '状态', width: 10, value: (p) => p.statusLabel },
    ]),
    list: (ctx, query) => listProposals(platform, ctx.scope, query),
    create: (tx, ctx, body) => createProposal(tx, platform, ctx, body),
    read: (ctx, id) => getProposal(platform, ctx.scope, id),
  });
}
