// Write generations of tables: a trigger on each table a cache depends on bumps its generation in the
// writer's transaction (installed by the indicator facts, kernel/indicators/facts.ts). Caches of
// subtrees, calendars, lights and figures compare generations to know whether they are stale.
import { AsyncLocalStorage } from 'node:async_hooks';
import { SqliteAdapter, sql } from 'kysely';
import type { Db, Dialect, Executor } from './index.ts';

/** The generations a read request has seen, per database: one statement a request, shared by every cache it asks. */
const requestGenerations = new AsyncLocalStorage<WeakMap<Executor, Promise<Map<string, number>>>>();

/**
 * Runs `fn` (and everything it starts) as one read request: the first `readGenerations` outside a
 * transaction reads every table's generation, and the later ones in the request reuse that read.
 * For requests that write nothing outside a transaction (safe methods): their own view stays the
 * one they started with, as a request that read its caches in order would see anyway.
 */
export function readingGenerationsOnce<T>(fn: () => T): T {
  return requestGenerations.run(new WeakMap(), fn);
}

/** Statements that read generations, for tests and benches that count them. */
export const generationReads = { statements: 0 };

/**
 * Tables' generations (all, or the given keys): each one's folded count plus the changes appended
 * since, in one statement (one snapshot). Inside a transaction, pass it: its own writes count.
 * Every read adds the appended rows up, so once they pass `FOLD_CHANGES_AFTER` a read outside a
 * transaction starts a fold in the background (PostgreSQL only appends). In a read request
 * (`readingGenerationsOnce`) every table's generation is read once and shared.
 */
export async function readGenerations(db: Executor, keys?: readonly string[]): Promise<Map<string, number>> {
  if (keys?.length === 0) return new Map();
  const request = db.isTransaction ? undefined : requestGenerations.getStore();
  if (!request) return readNow(db, keys);
  let read = request.get(db);
  if (!read) request.set(db, (read = readNow(db)));
  return read;
}

/**
 * The last read of every table's generation per database, outside transactions. While nothing has
 * changed the same Map is handed out again, so that caches may key on it. On SQLite `mark` is the
 * connection's data_version (moved by other connections' commits) and total_changes() (moved by its
 * own writes): while both stand, nothing was committed, and the read is a 10 µs statement instead of
 * 120–190 µs (a county's dashboard asks it once a request).
 */
const lastRead = new WeakMap<Executor, { mark: string | null; generations: Map<string, number> }>();

async function readNow(db: Executor, keys?: readonly string[]): Promise<Map<string, number>> {
  generationReads.statements++;
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const remembered = !db.isTransaction && (sqlite || !keys);
  const last = remembered ? lastRead.get(db) : undefined;
  let mark: string | null = null;
  if (remembered && sqlite) {
    const row = (await sql<{ v: number; c: number }>`select data_version as v, total_changes() as c from pragma_data_version`.execute(db)).rows[0]!;
    mark = `${row.v}|${row.c}`;
    if (last?.mark === mark) return keys ? only(last.generations, keys) : last.generations;
  }
  // A remembered read is of every table (a subset costs as much on SQLite, and serves every later ask).
  const rows = await sql<GenerationRow>`${generationsQuery(remembered ? undefined : keys)}`.execute(db);
  const generations = adopt(db, rows.rows, remembered ? { mark } : null);
  return keys ? only(generations, keys) : generations;
}

export type GenerationRow = { table_name: string; generation: number; appended: number };

/** Each table's folded generation plus the changes appended since (all tables, or the given keys). */
function generationsQuery(keys?: readonly string[]) {
  const where = (column: string) => (keys ? sql`where ${sql.ref(column)} in (${sql.join(keys)})` : sql``);
  return sql`select g.table_name, g.generation + coalesce(c.n, 0) as generation, coalesce(c.n, 0) as appended
    from indicator_generations g
    left join (select table_name, count(*) as n from indicator_changes ${where('table_name')} group by table_name) c on c.table_name = g.table_name
    ${where('g.table_name')}
    order by g.table_name`;
}

/** Generations read: starts a fold past the threshold, and for a remembered read keeps the last Map while nothing changed. */
function adopt(db: Executor, rows: readonly GenerationRow[], remember: { mark: string | null } | null): Map<string, number> {
  const appended = rows.reduce((sum, r) => sum + Number(r.appended), 0);
  if (appended > FOLD_CHANGES_AFTER && !db.isTransaction) foldSoon(db as Db);
  let generations = new Map(rows.map((r) => [r.table_name, Number(r.generation)]));
  if (remember) {
    const last = lastRead.get(db);
    if (last && sameGenerations(last.generations, generations)) generations = last.generations;
    lastRead.set(db, { mark: remember.mark, generations });
  }
  return generations;
}

/**
 * PostgreSQL, in a read request that has not read the generations yet: another statement of the
 * request (the session's) may bring them along as `GENERATIONS_JSON`, sparing a round trip.
 */
export function requestAwaitsGenerations(db: Executor): boolean {
  if (db.isTransaction || db.getExecutor().adapter instanceof SqliteAdapter) return false;
  const request = requestGenerations.getStore();
  return !!request && !request.has(db);
}

/** Every table's generation as one JSON value, for a statement that brings them along (`requestAwaitsGenerations`). */
export const GENERATIONS_JSON = sql<GenerationRow[]>`(select json_agg(json_build_object('table_name', g.table_name, 'generation', g.generation, 'appended', g.appended)) from (${generationsQuery()}) g)`;

/** Takes the generations another statement brought along as the read request's one read of them. */
export function adoptRequestGenerations(db: Executor, rows: readonly GenerationRow[] | null): void {
  const request = requestGenerations.getStore();
  if (!request || request.has(db)) return;
  generationReads.statements++;
  request.set(db, Promise.resolve(adopt(db, rows ?? [], { mark: null })));
}

const only = (all: Map<string, number>, keys: readonly string[]) => new Map(keys.filter((k) => all.has(k)).map((k) => [k, all.get(k)!]));

function sameGenerations(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

/**
 * Change rows a read adds up before it folds them: each costs every read of the generations (with
 * 5,000 a warm county figures request took three times as long: docs/benchmarks.md).
 */
export const FOLD_CHANGES_AFTER = 1_000;
const folding = new WeakMap<Db, Promise<void>>();

/** Folds the appended changes in the background, once at a time per database; a fold that fails is tried by a later read. */
function foldSoon(db: Db): void {
  if (folding.has(db)) return;
  const run = foldChanges(db, 'postgres', false)
    .catch(() => undefined)
    .finally(() => folding.delete(db));
  folding.set(db, run);
}

/** The background fold a read started, if one runs (tests wait for it). */
export function foldInFlight(db: Db): Promise<void> | undefined {
  return folding.get(db);
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
 * Folds PostgreSQL's appended changes into the generation rows, in one statement: it deletes the
 * change rows committed so far and adds exactly the rows it deleted to their generations, so every
 * generation keeps its value and no writer waits (a writer's rows not yet committed are left for the
 * next fold). Folds take turns on an advisory lock of the schema (two deleting the same rows could
 * deadlock); without `wait`, a fold finding another under way leaves the work to it.
 */
export async function foldChanges(db: Db, dialect: Dialect, wait: boolean): Promise<void> {
  if (dialect !== 'postgres') return;
  await db.transaction().execute(async (tx) => {
    const lock = sql`hashtextextended(current_schema() || ':fazhi-generations-fold', 0)`;
    if (wait) await sql`select pg_advisory_xact_lock(${lock})`.execute(tx);
    else if (!(await sql<{ got: boolean }>`select pg_try_advisory_xact_lock(${lock}) as got`.execute(tx)).rows[0]!.got) return;
    await sql`with folded as (delete from indicator_changes returning table_name),
        counted as (select table_name, count(*) as n from folded group by table_name)
      update indicator_generations g set generation = g.generation + c.n from counted c where c.table_name = g.table_name`.execute(tx);
  });
}
