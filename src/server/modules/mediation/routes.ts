import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { createRoute, recordRoutes, updateRoute } from '../../kernel/records/routes.ts';
import { DISPUTE, MEDIATION_ORG, disputeListQuery, disputeUpdate, disputeView, mediationOrgView, type DisputeView } from '../../../shared/schemas/mediation.ts';
import { pageOf } from '../../../shared/records.ts';
import { z } from '../../../shared/zod.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { createDispute, createOrg, getDispute, listDisputes, listOrgs, updateDispute } from './mediation.ts';

export async function mediationRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['矛盾纠纷调解'];
  route(api, { method: 'GET', url: '/mediation-orgs', permission: 'mediation.read', summary: '调解组织', tags, status: 200, response: z.object({ items: z.array(mediationOrgView) }), handler: async ({ ctx }) => ({ items: await listOrgs(platform, ctx.scope) }) });
  createRoute(
    api,
    { url: '/mediation-orgs', permission: 'mediation.manage', summary: '登记调解组织', tags, body: MEDIATION_ORG.create, status: 201, response: mediationOrgView },
    (ctx, body) => platform.db.transaction().execute((tx) => createOrg(tx, platform, ctx, ctx.scope, body)),
    async (ctx, id) => (await listOrgs(platform, ctx.scope)).find((o) => o.id === id),
  );
  const readDispute = recordRoutes(api, platform, DISPUTE, {
    url: '/disputes', tags, permissions: { create: 'mediation.manage', read: 'mediation.read' }, sheet: '矛盾纠纷',
    summaries: { list: '矛盾纠纷', export: '按当前筛选导出矛盾纠纷台账（.xlsx）', create: '受理矛盾纠纷（人民调解/行政调解/司法调解，可关联其他途径的同一纠纷）', read: '纠纷详情' },
    columns: exportColumns<DisputeView>(DISPUTE, [{ header: '状态', width: 12, value: (d) => d.statusLabel }]),
    query: disputeListQuery, body: DISPUTE.create, responses: { list: pageOf(disputeView), record: disputeView }, records: { list: listDisputes, create: createDispute, get: getDispute },
  });
  updateRoute(api, platform, { url: '/disputes', permission: 'mediation.manage', summary: '更正纠纷受理信息（受理日期、调解组织、纠纷类型、当事人、简况、调解途径、调解员、律师参与）', tags, body: disputeUpdate, response: disputeView }, updateDispute, readDispute);
}
