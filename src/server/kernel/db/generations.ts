// Write generations of tables: a trigger on each table a cache depends on bumps its generation in the
// writer's transaction (installed by the indicator facts, kernel/indicators/facts.ts). Caches of
// subtrees, calendars, lights and figures compare generations to know whether they are stale.
import { sql } from 'kysely';
import type { Db, Dialect, Executor } from './index.ts';

/**
 * Tables' generations (all, or the given keys): each one's folded count plus the changes appended
 * since, in one statement (one snapshot). Inside a transaction, pass it: its own writes count.
 */
export async function readGenerations(db: Executor, keys?: readonly string[]): Promise<Map<string, number>> {
  if (keys?.length === 0) return new Map();
  const only = (column: string) => (keys ? sql`where ${sql.ref(column)} in (${sql.join(keys)})` : sql``);
  const rows = await sql<{ table_name: string; generation: number }>`
    select g.table_name, g.generation + coalesce(c.n, 0) as generation
    from indicator_generations g
    left join (select table_name, count(*) as n from indicator_changes ${only('table_name')} group by table_name) c on c.table_name = g.table_name
    ${only('g.table_name')}`.execute(db);
  return new Map(rows.rows.map((r) => [r.table_name, Number(r.generation)]));
}

/** The indicator engine's daily check, per database (see `foldIndicatorChanges`). */
const dailyChecks = new WeakMap<Db, () => Promise<unknown>>();

/** Registers what the daily job runs for the summary tables of this database (kernel/indicators/facts.ts). */
export function onDailyFold(db: Db, check: () => Promise<unknown>): void {
  dailyChecks.set(db, check);
}

/**
 * The daily job's upkeep of the write bookkeeping: the indicator engine's daily check (folding its
 * deltas, recounting yesterday's "as of today" figures, comparing every stored set with a fresh
 * count), then PostgreSQL's appended changes folded into the generation rows.
 */
export async function foldIndicatorChanges(db: Db, dialect: Dialect): Promise<void> {
  await dailyChecks.get(db)?.();
  await foldChanges(db, dialect, true);
}

/**
 * Folds PostgreSQL's appended changes into the generation rows. The exclusive lock waits for
 * writers in flight and holds new ones back for the moment it takes; every generation keeps its
 * value, so no figure goes stale because of it. Without `wait` it gives up at once (error 55P03)
 * when a writer is in the way.
 */
export async function foldChanges(db: Db, dialect: Dialect, wait: boolean): Promise<void> {
  if (dialect !== 'postgres') return;
  await db.transaction().execute(async (tx) => {
    if (!wait) await sql`set local lock_timeout = '100ms'`.execute(tx);
    await sql`lock table indicator_changes in exclusive mode`.execute(tx);
    await sql`update indicator_generations g set generation = g.generation + c.n
      from (select table_name, count(*) as n from indicator_changes group by table_name) c where c.table_name = g.table_name`.execute(tx);
    await sql`delete from indicator_changes`.execute(tx);
  });
}
