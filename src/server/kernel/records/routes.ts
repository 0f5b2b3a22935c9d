// The two routes every record type has: POST (the module's create command in one transaction; 201
// with the record as its reader sees it) and GET …/:id.
import type { FastifyInstance } from 'fastify';
import type { z } from '../../../shared/zod.ts';
import type { Tx } from '../db/index.ts';
import type { RequestContext } from '../auth/context.ts';
import type { Platform } from '../platform.ts';
import { paramsWithId, route } from '../http/route.ts';

export function createAndReadRoutes<B, V>(
  api: FastifyInstance,
  platform: Platform,
  spec: {
    url: string;
    tags: string[];
    permissions: { create: string; read: string };
    summaries: { create: string; read: string };
    body: z.ZodType<B>;
    response?: z.ZodType;
    create(tx: Tx, ctx: RequestContext, body: B): Promise<string>;
    read(ctx: RequestContext, id: string): Promise<V>;
  },
): void {
  route(api, {
    method: 'POST',
    url: spec.url,
    permission: spec.permissions.create,
    summary: spec.summaries.create,
    tags: spec.tags,
    body: spec.body,
    status: 201,
    response: spec.response,
    handler: async ({ ctx, body, reply }) => {
      const id = await platform.db.transaction().execute((tx) => spec.create(tx, ctx, body));
      reply.code(201);
      return spec.read(ctx, id);
    },
  });
  route(api, { method: 'GET', url: `${spec.url}/:id`, permission: spec.permissions.read, summary: spec.summaries.read, tags: spec.tags, params: paramsWithId, status: 200, response: spec.response, handler: async ({ ctx, params }) => spec.read(ctx, params.id) });
}
