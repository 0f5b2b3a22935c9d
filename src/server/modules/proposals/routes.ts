import type { FastifyInstance } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { sendXlsx, xlsxBuffer } from '../../kernel/exports/xlsx.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { PROPOSAL_KINDS, SATISFACTION, proposalInput, proposalListQuery, type ProposalView } from '../../../shared/schemas/proposals.ts';
import { createProposal, getProposal, listProposals } from './proposals.ts';

export async function proposalRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['建议提案'];
  route(api, { method: 'GET', url: '/proposals', permission: 'proposal.read', summary: '人大代表建议、政协委员提案', tags, query: proposalListQuery, handler: async ({ ctx, query }) => listProposals(platform, ctx.scope, query) });
  route(api, {
    method: 'GET',
    url: '/proposals/export',
    permission: 'proposal.read',
    summary: '按当前筛选导出建议提案办理台账（.xlsx）',
    tags,
    query: proposalListQuery.omit({ page: true, pageSize: true }),
    handler: async ({ ctx, query, reply }) => {
      const { items } = await listProposals(platform, ctx.scope, { ...query, page: 1, pageSize: 20_000 });
      const buffer = await xlsxBuffer<ProposalView>('建议提案', [
        { header: '类别', width: 12, value: (p) => PROPOSAL_KINDS[p.kind] },
        { header: '编号', width: 8, value: (p) => p.number },
        { header: '标题', width: 40, value: (p) => p.title },
        { header: '代表委员', width: 12, value: (p) => p.proposer },
        { header: '主办单位', width: 20, value: (p) => p.unitName },
        { header: '交办日期', width: 12, value: (p) => p.assignedDate },
        { header: '答复期限', width: 12, value: (p) => p.due },
        { header: '答复日期', width: 12, value: (p) => p.replyDate },
        { header: '满意度', width: 10, value: (p) => (p.satisfaction ? SATISFACTION[p.satisfaction] : null) },
      ], items);
      await platform.audit.record(platform.db, ctx, { action: 'export.run', targetType: 'proposal', detail: { rows: items.length, filters: query } });
      return sendXlsx(reply, `建议提案-${chinaToday()}.xlsx`, buffer);
    },
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
