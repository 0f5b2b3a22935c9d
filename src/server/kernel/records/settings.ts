// A module's settings: whole numbers the law office may change (a yearly minimum, a target), kept in
// the module's own key/value table (key, value, updated_at, updated_by), each at its default until
// written. A write is audited; the API reads them and writes them through one pair of routes.
import type { FastifyInstance } from 'fastify';
import type { z } from '../../../shared/zod.ts';
import type { Executor } from '../db/index.ts';
import type { Platform } from '../platform.ts';
import type { RequestContext } from '../auth/context.ts';
import { nowIso } from '../ids.ts';
import { route } from '../http/route.ts';

export interface SettingsSpec<S extends Record<string, number>> {
  /** The module's key/value table. */
  table: string;
  /** Each setting (by its API name): its key in the table and its value until one is written. */
  keys: { [K in keyof S]: { key: string; fallback: number } };
  /** The audit action of a write. */
  action: string;
}

export function moduleSettings<S extends Record<string, number>>(spec: SettingsSpec<S>) {
  const names = Object.keys(spec.keys) as (keyof S & string)[];

  async function read(db: Executor): Promise<S> {
    const rows: { key: string; value: string }[] = await (db as any).selectFrom(spec.table).select(['key', 'value']).execute();
    const stored = new Map(rows.map((r) => [r.key, r.value]));
    return Object.fromEntries(names.map((name) => {
      const { key, fallback } = spec.keys[name];
      return [name, stored.has(key) ? Number(stored.get(key)) : fallback];
    })) as S;
  }

  async function write(platform: Platform, ctx: RequestContext, input: S): Promise<S> {
    await platform.db.transaction().execute(async (tx) => {
      for (const name of names) {
        const values = { key: spec.keys[name].key, value: String(input[name]), updated_at: nowIso(), updated_by: ctx.id };
        await (tx as any).insertInto(spec.table).values(values).onConflict((oc: any) => oc.column('key').doUpdateSet({ value: values.value, updated_at: values.updated_at, updated_by: values.updated_by })).execute();
      }
      await platform.audit.record(tx, ctx, { action: spec.action, detail: { ...input } });
    });
    return read(platform.db);
  }

  /** GET and PUT `url`: anyone with `permissions.read` sees the settings, `permissions.update` changes them. */
  function routes(api: FastifyInstance, platform: Platform, r: { url: string; tags: string[]; permissions: { read: string; update: string }; summaries: { read: string; update: string }; body: z.ZodType<S> }) {
    route(api, { method: 'GET', url: r.url, permission: r.permissions.read, summary: r.summaries.read, tags: r.tags, handler: async () => read(platform.db) });
    route(api, { method: 'PUT', url: r.url, permission: r.permissions.update, platformSetting: true, summary: r.summaries.update, tags: r.tags, body: r.body, handler: async ({ ctx, body }) => write(platform, ctx, body) });
  }

  return { read, write, routes };
}
