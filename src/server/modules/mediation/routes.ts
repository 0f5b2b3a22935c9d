import type { FastifyInstance } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { exportRoute } from '../../kernel/exports/xlsx.ts';
import { MEDIATION_CHANNELS, OUTCOMES, disputeInput, disputeListQuery, orgInput } from '../../../shared/schemas/mediation.ts';
import { createDispute, createOrg, getDispute, listDisputes, listOrgs } from './mediation.ts';

export async function mediationRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['矛盾纠纷调解'];
  route(api, { method: 'GET', url: '/mediation-orgs', permission: 'mediation.read', summary: '调解组织', tags, handler: async ({ ctx }) => ({ items: await listOrgs(platform, ctx.scope) }) });
  route(api, {
    method: 'POST',
    url: '/mediation-orgs',
    permission: 'mediation.manage',
    summary: '登记调解组织',
    tags,
    body: orgInput,
    handler: async ({ ctx, body, reply }) => {
      const id = await platform.db.transaction().execute((tx) => createOrg(tx, platform, ctx, ctx.scope, body));
      reply.code(201);
      return (await listOrgs(platform, ctx.scope)).find((o) => o.id === id);
    },
  });
  route(api, { method: 'GET', url: '/disputes', permission: 'mediation.read', summary: '矛盾纠纷', tags, query: disputeListQuery, handler: async ({ ctx, query }) => listDisputes(platform, ctx.scope, query) });
  exportRoute(api, platform, {
    url: '/disputes/export',
    permission: 'mediation.read',
    summary: '按当前筛选导出矛盾纠纷台账（.xlsx）',
    tags,
    query: disputeListQuery.omit({ page: true, pageSize: true }),
    sheet: '矛盾纠纷',
    targetType: 'dispute',
    rows: async (ctx, query) => (await listDisputes(platform, ctx.scope, { ...query, page: 1, pageSize: 20_000 })).items,
    columns: [
        { header: '受理日期', width: 12, value: (d) => d.receivedDate },
        { header: '受理单位', width: 18, value: (d) => d.unitName },
        { header: '调解组织', width: 24, value: (d) => d.orgName },
        { header: '纠纷类型', width: 10, value: (d) => d.type },
        { header: '当事人', width: 20, value: (d) => d.parties },
        { header: '调解途径', width: 10, value: (d) => MEDIATION_CHANNELS[d.channel] },
        { header: '律师参与', width: 8, value: (d) => (d.lawyerInvolved ? '是' : '否') },
        { header: '状态', width: 12, value: (d) => d.statusLabel },
        { header: '调解结果', width: 12, value: (d) => (d.outcome ? OUTCOMES[d.outcome] : null) },
        { header: '结案日期', width: 12, value: (d) => d.closedDate },
        { header: '回访日期', width: 12, value: (d) => d.revisitDate },
    ],
  });
  route(api, {
    method: 'POST',
    url: '/disputes',
    permission: 'mediation.manage',
    summary: '受理矛盾纠纷（人民调解/行政调解/司法调解，可关联其他途径的同一纠纷）',
    tags,
    body: disputeInput,
    handler: async ({ ctx, body, reply }) => {
      const id = await platform.db.transaction().execute((tx) => createDispute(tx, platform, ctx, ctx.scope, body));
      reply.code(201);
      return getDispute(platform, ctx.scope, id);
    },
  });
  route(api, { method: 'GET', url: '/disputes/:id', permission: 'mediation.read', summary: '纠纷详情', tags, params: paramsWithId, handler: async ({ ctx, params }) => getDispute(platform, ctx.scope, params.id) });
}
