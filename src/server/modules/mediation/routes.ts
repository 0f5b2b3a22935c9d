import type { FastifyInstance } from 'fastify';
import { route, paramsWithId } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import { disputeInput, disputeListQuery, orgInput } from '../../../shared/schemas/mediation.ts';
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
