// A store for @fastify/rate-limit that counts in the database: every server process of a platform
// (`fazhi start` runs one per core) sees the same counts, so a per-IP limit stays one limit.
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Fixed windows: the first hit of a key opens a window of `timeWindow` ms; later hits in it count. */
export async function countHit(db: Db, key: string, timeWindow: number, now = Date.now()): Promise<{ current: number; ttl: number }> {
  const expired = sql<boolean>`rate_limits.window_start <= ${now - timeWindow}`;
  // One statement: atomic against other processes without a transaction.
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`case when ${expired} then 1 else rate_limits.hits + 1 end`,
        window_start: sql`case when ${expired} then ${now} else rate_limits.window_start end`,
      }),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  return { current: Number(row.hits), ttl: Math.max(0, Number(row.window_start) + timeWindow - now) };
}

export async function readHits(db: Db, key: string, timeWindow: number, now = Date.now()): Promise<{ current: number; ttl: number }> {
  const row = await db.selectFrom('rate_limits').select(['hits', 'window_start']).where('key', '=', key).executeTakeFirst();
  if (!row || Number(row.window_start) + timeWindow <= now) return { current: 0, ttl: 0 };
  return { current: Number(row.hits), ttl: Number(row.window_start) + timeWindow - now };
}

/** Windows that ended a day ago or more (the daily job). */
export async function pruneRateLimits(db: Db, now = Date.now()): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', now - 86_400_000).execute();
}

/** The store class the plugin instantiates; a route's child store prefixes its keys with the route. */
export function databaseRateLimitStore(db: Db) {
  return class DatabaseRateLimitStore {
    /** The plugin passes its options first; the store needs none of them. */
    constructor(_options?: unknown, private readonly prefix = '') {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      countHit(db, this.prefix + key, timeWindow).then((r) => callback(null, r), callback);
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      readHits(db, this.prefix + key, timeWindow).then((r) => callback(null, r), callback);
    }

    /** Typed as the route's options; at run time the plugin passes its merged limit options, the route as `routeInfo`. */
    child(options: object) {
      const route = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new DatabaseRateLimitStore(undefined, `${this.prefix}${String(route.method ?? '')} ${route.url ?? ''}|`);
    }
  };
}
