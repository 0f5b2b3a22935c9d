// The routes every record type has: its ledger (a page, and the export of exactly the filtered list),
// create (the module's command in one transaction; 201 with the record as its reader sees it) and read;
// and the shapes several record types repeat: a change answered with the record, an audited unmask.
import type { FastifyInstance } from 'fastify';
import type { z } from '../../../shared/zod.ts';
import type { Tx } from '../db/index.ts';
import type { RequestContext } from '../auth/context.ts';
import type { Platform } from '../platform.ts';
import type { Actor } from '../audit/index.ts';
import type { DataScope } from '../auth/scope.ts';
import { paramsWithId, route, type RouteSpec } from '../http/route.ts';
import { unmaskInput } from '../../../shared/schemas/org.ts';
import { HttpError } from '../http/errors.ts';
import { exportRoute, type ExportColumn } from '../exports/xlsx.ts';
import { exportColumns } from '../exports/from-record.ts';
import type { RecordDef } from '../../../shared/records.ts';

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
  const { url, permissions, summaries, tags, body, response } = spec;
  createRoute(api, { url, permission: permissions.create, summary: summaries.create, tags, body, status: 201, response }, (ctx, input) => platform.db.transaction().execute((tx) => spec.create(tx, ctx, input)), spec.read);
  route(api, { method: 'GET', url: `${url}/:id`, permission: permissions.read, summary: summaries.read, tags, params: paramsWithId, status: 200, response, handler: async ({ ctx, params }) => spec.read(ctx, params.id) });
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

/** How a record's reader sees it: the answer of every route that changes it. */
export type ReadRecord = (ctx: RequestContext, id: string) => Promise<unknown>;

/** A record type's reads and create as modules write them: for the request's user, within their data scope. */
export interface ScopedRecords {
  list(platform: Platform, scope: DataScope, query: any): Promise<{ items: any[]; total: number }>;
  create?(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, body: any): Promise<string>;
  get(platform: Platform, scope: DataScope, id: string): Promise<unknown>;
}

/**
 * A record type's ledger, create and read routes in one: they share the URL, the tags and the read
 * permission; the export is audited under the definition's type and has its columns unless given.
 * `records` gives the module's scoped list, create and get; `list`, `create` and `read` where a
 * module's differ. Answers how the record's reader sees it, for the routes that change it.
 */
export function recordRoutes<Q extends object, V extends object, B>(
  api: FastifyInstance,
  platform: Platform,
  def: RecordDef<any>,
  spec: {
    url: string;
    tags: string[];
    permissions: { create: string; read: string };
    summaries: { list: string; export: string; create: string; read: string };
    query: z.ZodType<Q>;
    body: z.ZodType<B>;
    /** The schemas of a ledger page and of the record's view, for the OpenAPI document. */
    responses?: { list?: z.ZodType; record?: z.ZodType };
    sheet: string;
    columns?: readonly ExportColumn<V>[];
    records?: ScopedRecords;
    list?(ctx: RequestContext, query: Q & { page: number; pageSize: number }): Promise<{ items: V[]; total: number }>;
    create?(tx: Tx, ctx: RequestContext, body: B): Promise<string>;
    read?: ReadRecord;
  },
): ReadRecord {
  const { url, tags, summaries, permissions, records } = spec;
  const columns = spec.columns ?? exportColumns<V>(def);
  const list = spec.list ?? ((ctx, query) => records!.list(platform, ctx.scope, query));
  const create = spec.create ?? ((tx, ctx, body) => records!.create!(tx, platform, ctx, ctx.scope, body));
  const read: ReadRecord = spec.read ?? ((ctx, id) => records!.get(platform, ctx.scope, id));
  ledgerRoutes(api, platform, { ...spec, permission: permissions.read, response: spec.responses?.list, targetType: def.type, columns, list });
  createAndReadRoutes(api, platform, { url, tags, permissions, summaries, body: spec.body, response: spec.responses?.record, create, read });
  return read;
}

/** A module's command on one record, for the request's user within their data scope. */
export type RecordCommand<B> = (tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, body: B) => Promise<unknown>;

/** The command as a route runs it: in its own transaction, for the request's user (changeRoute's `change`). */
export const inTransaction =
  <B>(platform: Platform, command: RecordCommand<B>) =>
  (ctx: RequestContext, id: string, body: B) =>
    platform.db.transaction().execute((tx) => command(tx, platform, ctx, ctx.scope, id, body));

/**
 * PUT `url/:id`: corrects the record's fields through the module's update command (the body's
 * `version` apart, 409 when stale), in one transaction; answered with the record.
 */
export function updateRoute<U extends { version: number }>(
  api: FastifyInstance,
  platform: Platform,
  spec: Pick<RouteSpec<U, unknown, { id: string }>, 'permission' | 'summary' | 'tags' | 'response'> & { url: string; body: z.ZodType<U> },
  update: (tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, fields: Omit<U, 'version'>) => Promise<unknown>,
  read: ReadRecord,
): void {
  changeRoute(api, { ...spec, method: 'PUT', url: `${spec.url}/:id` }, (ctx, id, { version, ...fields }) => platform.db.transaction().execute((tx) => update(tx, platform, ctx, ctx.scope, id, version, fields)), read);
}

/** POST `url`: the module's command makes the record and says its id; 201 with the record as its reader sees it. */
export function createRoute<B>(
  api: FastifyInstance,
  spec: Pick<RouteSpec<B, unknown, unknown>, 'url' | 'permission' | 'summary' | 'tags' | 'body' | 'status' | 'response'>,
  create: (ctx: RequestContext, body: B) => Promise<string>,
  read: ReadRecord,
): void {
  route(api, {
    ...spec,
    method: 'POST',
    handler: async ({ ctx, body, reply }) => {
      const id = await create(ctx, body);
      reply.code(201);
      return read(ctx, id);
    },
  });
}

/** POST `url` (with `:id`): the module's command makes a new record from the one named (a copy, a new version) and says its id; 201 with the new record. */
export function deriveRoute<B>(
  api: FastifyInstance,
  spec: Pick<RouteSpec<B, unknown, { id: string }>, 'url' | 'permission' | 'summary' | 'tags' | 'body' | 'response'>,
  derive: (ctx: RequestContext, id: string, body: B) => Promise<string>,
  read: ReadRecord,
): void {
  route(api, {
    ...spec,
    method: 'POST',
    params: paramsWithId,
    status: 201,
    handler: async ({ ctx, params, body, reply }) => {
      const id = await derive(ctx, params.id, body);
      reply.code(201);
      return read(ctx, id);
    },
  });
}

/**
 * A change to one record answered with the record as its reader then sees it: PUT the record's
 * fields or a section of it, or POST a sub-record (a hearing, an interview, a progress report), 201.
 * `change` runs the module's command (in its own transaction, or the caller's `inTx`).
 */
export function changeRoute<B>(
  api: FastifyInstance,
  spec: Pick<RouteSpec<B, unknown, { id: string }>, 'url' | 'permission' | 'summary' | 'tags' | 'body' | 'status' | 'response'> & { method: 'POST' | 'PUT' },
  change: (ctx: RequestContext, id: string, body: B) => Promise<unknown>,
  read: ReadRecord,
): void {
  route(api, {
    ...spec,
    params: paramsWithId,
    handler: async ({ ctx, params, body, reply }) => {
      await change(ctx, params.id, body);
      if (spec.method === 'POST') reply.code(201);
      return read(ctx, params.id);
    },
  });
}

/** POST `url/:id/unmask`: one sealed personal datum of the record (ID number or phone) in full; `unmask` audits it. */
export function unmaskRoute(
  api: FastifyInstance,
  spec: { url: string; tags: string[]; summary: string },
  unmask: (ctx: RequestContext, id: string, field: 'idNumber' | 'phone') => Promise<unknown>,
): void {
  route(api, { method: 'POST', url: `${spec.url}/:id/unmask`, permission: 'pii.unmask', summary: spec.summary, tags: spec.tags, params: paramsWithId, body: unmaskInput, handler: async ({ ctx, params, body }) => unmask(ctx, params.id, body.field) });
}
