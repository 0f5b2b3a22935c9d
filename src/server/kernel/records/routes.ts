// The routes every record type has: its ledger (a page, and the export of exactly the filtered list),
// create (the module's command in one transaction; 201 with the record as its reader sees it) and read.
import type { FastifyInstance } from 'fastify';
import type { z } from '../../../shared/zod.ts';
import type { Tx } from '../db/index.ts';
import type { RequestContext } from '../auth/context.ts';
import type { Platform } from '../platform.ts';
import { paramsWithId, route } from '../http/route.ts';
import { HttpError } from '../http/errors.ts';
import { exportRoute, type ExportColumn } from '../exports/xlsx.ts';

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

/** The most rows one export holds; a larger filtered list is refused with its count, never cut silently. */
export const EXPORT_MAX_ROWS = 20_000;

/** Every row of a filtered list for an export, or a Chinese 422 with the count when there are more than one export holds. */
export async function exportRows<V>(list: (page: { page: number; pageSize: number }) => Promise<{ items: V[]; total: number }>): Promise<V[]> {
  const { items, total } = await list({ page: 1, pageSize: EXPORT_MAX_ROWS });
  if (total > EXPORT_MAX_ROWS) throw new HttpError(422, `筛选结果共 ${total} 条，超过单次导出上限 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围（如按年度或单位）后分批导出`);
  return items;
}

/** A ledger's two routes: GET `url` (one page) and GET `url/export` (exactly the filtered list as .xlsx, audited). */
export function ledgerRoutes<Q extends object, V extends object>(
  api: FastifyInstance,
  platform: Platform,
  spec: {
    url: string;
    tags: string[];
    permission: string;
    summaries: { list: string; export: string };
    query: z.ZodType<Q>;
    response?: z.ZodType;
    sheet: string;
    targetType: string;
    columns: readonly ExportColumn<V>[];
    list(ctx: RequestContext, query: Q & { page: number; pageSize: number }): Promise<{ items: V[]; total: number }>;
  },
): void {
  route(api, { method: 'GET', url: spec.url, permission: spec.permission, summary: spec.summaries.list, tags: spec.tags, query: spec.query, status: 200, response: spec.response, handler: async ({ ctx, query }) => spec.list(ctx, query as Q & { page: number; pageSize: number }) });
  exportRoute(api, platform, {
    url: `${spec.url}/export`,
    permission: spec.permission,
    summary: spec.summaries.export,
    tags: spec.tags,
    query: spec.query,
    sheet: spec.sheet,
    targetType: spec.targetType,
    columns: spec.columns,
    rows: (ctx, query) => exportRows((page) => spec.list(ctx, { ...query, ...page })),

  });
}
