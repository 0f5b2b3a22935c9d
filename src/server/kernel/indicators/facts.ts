// Summary tables of the indicator figures. For each count indicator and year they hold the number
// of its records per unit (the unit's own records); a subtree's or the county's figure is a sum.
//
// They stay exact without any module telling them about its writes, by two kinds of trigger on
// every table a figure reads:
// - deltas (deltas.ts): derived from each figure's compiled query, they move the stored counts of
//   every stored year by what the written rows add and take away, in the writer's transaction — on
//   SQLite straight into indicator_facts (one writer at a time), on PostgreSQL appended to
//   indicator_deltas and folded into indicator_facts later, so that concurrent writers never wait
//   on a shared summary row. A year is counted once, on first use (materialised), then only moved.
// - generations: a write bumps the table's generation (for clocks, also that of the clock's record
//   type): on SQLite by updating the generation row, on PostgreSQL by appending a change row. A
//   process keeps the sets it read in memory under the generations of their tables, and rereads
//   the stored counts (a few hundred rows, never a recount) when one moved.
// A stored set is stamped with its figure's definition (the hash of the compiled query), and for a
// figure that reads today's date (overdue tasks) the day: such a set is counted afresh the next day
// (by the daily job, or by the first request of the day if it came first). A figure whose query
// cannot take deltas (deltas.ts says which shapes) keeps the older way: its set is stamped with the
// generations of its tables and recounted on first use after a write.
// `rebuild` recounts every stored set (`fazhi indicators rebuild`); the daily job compares every
// stored set with a fresh count and repairs and reports any drift (`nightly`).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { isDatabaseBusy, preparedQuery, type Db, type Dialect, type Executor } from '../db/index.ts';
import { chinaToday } from '../calendar/days.ts';
import { foldChanges, onDailyFold, readGenerations } from '../db/generations.ts';
import type { IndicatorDef } from './registry.ts';
import { LIGHT_TABLES } from '../workflow/light-counts.ts';
import { analyseFigure, lockName, pgLocks, pgTriggers, sqliteTriggers, type FigurePlan, type PgLock } from './deltas.ts';

/** Derived tables: rebuilt on use, so backups leave them out. */
export const DERIVED_TABLES = ['indicator_generations', 'indicator_changes', 'indicator_fact_sets', 'indicator_facts', 'indicator_deltas', ...LIGHT_TABLES] as const;

/** A figure held per unit: a count, or a sum of its records' amounts (kept unscaled). */
type CountDef = Extract<IndicatorDef, { kind: 'count' | 'sum' }>;
export type UnitCounts = ReadonlyMap<string, number>;

async function tableNames(db: Db, dialect: Dialect): Promise<Set<string>> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db);
  return new Set(rows.rows.map((r) => r.name).filter((n) => !(DERIVED_TABLES as readonly string[]).includes(n)));
}

/**
 * Tables whose generation is also kept per value of a column: a clock write bumps "clocks" and
 * "clocks:<its record type>", so a figure that reads only one module's clocks (declared with
 * `clockTypes`) is not recounted by every other module's workflow steps.
 */
const PARTITIONS: Readonly<Record<string, string>> = { clocks: 'record_type' };

const ensureGeneration = (db: Db, key: string) =>
  db.insertInto('indicator_generations').values({ table_name: key, generation: 0 }).onConflict((oc) => oc.column('table_name').doNothing()).execute();

async function installTrigger(db: Db, dialect: Dialect, table: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`表名不合法：${table}`);
  await ensureGeneration(db, table);
  const column = PARTITIONS[table];
  if (dialect === 'sqlite') {
    for (const op of ['insert', 'update', 'delete']) {
      if (!column) {
        await sql
          .raw(`create trigger if not exists indicator_gen_${table}_${op} after ${op} on ${table} begin update indicator_generations set generation = generation + 1 where table_name = '${table}'; end`)
          .execute(db);
        continue;
      }
      const rows = op === 'insert' ? ['new'] : op === 'delete' ? ['old'] : ['old', 'new'];
      const keys = [`'${table}'`, ...rows.map((r) => `'${table}:' || ${r}.${column}`)].join(', ');
      await sql.raw(`drop trigger if exists indicator_gen_${table}_${op}`).execute(db);
      await sql.raw(`create trigger if not exists indicator_part_${table}_${op} after ${op} on ${table} begin update indicator_generations set generation = generation + 1 where table_name in (${keys}); end`).execute(db);
    }
    return;
  }
  const installed = async (name: string) => Number((await sql<{ n: number }>`select count(*) as n from pg_trigger where tgname = ${name} and tgrelid = to_regclass(${table})`.execute(db)).rows[0]!.n) > 0;
  if (!column) {
    if (!(await installed('indicator_change'))) await sql.raw(`create trigger indicator_change after insert or update or delete or truncate on ${table} for each statement execute function indicator_note_change()`).execute(db);
    return;
  }
  // Transition tables name the rows a statement touched; PostgreSQL allows them on one event per
  // trigger. TRUNCATE has no rows: it marks the table and every partition changed.
  await sql.raw(`drop trigger if exists indicator_change on ${table}`).execute(db);
  if (!(await installed('indicator_part_truncate'))) {
    await sql.raw(`create trigger indicator_part_truncate after truncate on ${table} for each statement execute function indicator_note_truncate()`).execute(db);
  }
  for (const [op, referencing] of [['insert', 'new table as new_rows'], ['update', 'old table as old_rows new table as new_rows'], ['delete', 'old table as old_rows']] as const) {
    if (!(await installed(`indicator_part_${op}`))) {
      await sql.raw(`create trigger indicator_part_${op} after ${op} on ${table} referencing ${referencing} for each statement execute function indicator_note_part_change('${column}')`).execute(db);
    }
  }
}

async function installPgFunctions(db: Db): Promise<void> {
  const found = async (name: string) => !!(await sql<{ f: string | null }>`select to_regproc(${name})::text as f`.execute(db)).rows[0]?.f;
  if (!(await found('indicator_note_change'))) {
    await sql`create or replace function indicator_note_change() returns trigger language plpgsql as $$
      begin
        execute format('insert into %I.indicator_changes (table_name) values (%L)', TG_TABLE_SCHEMA, TG_TABLE_NAME);
        return null;
      end $$`.execute(db);
  }
  if (!(await found('indicator_note_truncate'))) {
    await sql`create or replace function indicator_note_truncate() returns trigger language plpgsql as $$
      begin
        execute format('insert into %I.indicator_changes (table_name) select table_name from %I.indicator_generations where table_name = %L or table_name like %L',
          TG_TABLE_SCHEMA, TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_TABLE_NAME || ':%');
        return null;
      end $$`.execute(db);
  }
  if (!(await found('indicator_note_part_change'))) {
    await sql`create or replace function indicator_note_part_change() returns trigger language plpgsql as $$
      begin
        execute format('insert into %I.indicator_changes (table_name) values (%L)', TG_TABLE_SCHEMA, TG_TABLE_NAME);
        if TG_OP in ('INSERT', 'UPDATE') then
          execute format('insert into %I.indicator_changes (table_name) select distinct %L || %I from new_rows', TG_TABLE_SCHEMA, TG_TABLE_NAME || ':', TG_ARGV[0]);
        end if;
        if TG_OP in ('UPDATE', 'DELETE') then
          execute format('insert into %I.indicator_changes (table_name) select distinct %L || %I from old_rows', TG_TABLE_SCHEMA, TG_TABLE_NAME || ':', TG_ARGV[0]);
        end if;
        return null;
      end $$`.execute(db);
  }
}

/** What `rebuild` and `nightly` found: a stored count that differed from a fresh count. */
export interface Drift {
  code: string;
  year: number;
  /** Per unit: the stored count minus the fresh count. */
  units: { unitId: string; off: number }[];
}

export interface FactsCheck {
  /** Stored sets compared with a fresh count. */
  checked: number;
  /** Sets counted afresh because their definition or day had changed. */
  refreshed: number;
  drifts: Drift[];
}

/** The sets' stamps at some write generations and day, by "code|year". */
interface Stamps {
  today: string;
  generations: Map<string, number>;
  byKey: Map<string, { set: string; memo: string }>;
}

/**
 * A part of the platform whose figures are read on their own: a county's units, in a province on
 * one database. A county's readers then reread only their county's counts after a write, not every
 * county's (ten times the rows on ten counties).
 */
export interface FactsPart {
  /** The part's top unit's path: its units are those whose path starts with it. */
  path: string;
  /** Those units (from the unit directory: a new directory makes a held part stale). */
  unitIds: readonly string[];
}

interface Wanted {
  def: CountDef;
  year: number;
  key: string;
  /** The stamp a stored set must carry to be used. */
  set: string;
  /** The stamp of the copy in memory: the set's, plus the generations of the tables it reads. */
  memo: string;
}

/**
 * Delta rows on PostgreSQL past which a read folds them into the summary (in the background): every
 * read of the stored counts adds up the deltas of its figures (4,800 of them made a county's reread
 * 11 ms), and a fold holds no writer back.
 */
const FOLD_AFTER = 1_000;
const isDeadlock = (error: unknown) => (error as { code?: string } | null)?.code === '40P01';

type StoredSet = { code: string; year: number; stamp: string; units: string | null; extra: number };

/**
 * PostgreSQL: the stored sets (see `storedSets`), the codes, years and a part's units as arrays, so
 * that the text is fixed and the statement is prepared once per connection. On ten counties a
 * county's reread of its mediation sets took 7.5–7.8 ms with the units as a subquery on their path,
 * planned every time; prepared with `unit_id = any($3)`, just as long (6.8–7.7 ms: a parameter array
 * is searched element by element for each of the province's 7,800 rows, where a constant one is
 * hashed); with `in (select unnest($3))`, 2.0–2.7 ms.
 */
const pgStoredSets = preparedQuery((db, [codes, years, unitIds], part: boolean) => {
  const mine = (alias: string) => (part ? sql`and ${sql.ref(`${alias}.unit_id`)} in (select unnest(${unitIds}::text[]))` : sql``);
  const statement = sql<StoredSet>`select s.code, s.year, s.stamp, c.units, coalesce(c.extra, 0) as extra from indicator_fact_sets s
    left join lateral (
      select string_agg(unit_id || ':' || n, ',') filter (where n <> 0) as units, sum(parts) - count(*) as extra from (
        select unit_id, sum(n) as n, count(*) as parts from (
          select unit_id, n from indicator_facts f where f.code = s.code and f.year = s.year ${mine('f')}
          union all select unit_id, n from indicator_deltas d where d.code = s.code and d.year = s.year ${mine('d')}
        ) d group by unit_id
      ) u
    ) c on true
    where s.code = any(${codes}) and s.year = any(${years})`;
  return { compile: () => statement.compile(db) };
}, (part) => (part ? 'part' : 'all'));

export class IndicatorFacts {
  /** By "code|year", or "code|year@path" for a part's counts (then with the part's units). */
  private readonly memory = new Map<string, { stamp: string; byUnit: Map<string, number>; units?: readonly string[] }>();
  /** Moves when the engine forgets what it held (a rebuild): figures worked out from it are stale. */
  epoch = 0;
  private readonly inflight = new Map<string, Promise<void>>();
  /** Rereads of stored sets under way, shared by the requests that find the same sets stale at once. */
  private readonly rereads = new Map<string, Promise<Set<string>>>();
  /** code → the generation keys of the tables its query reads. */
  private readonly reads = new Map<string, string[]>();
  /** Figures kept by deltas. */
  private readonly plans = new Map<string, FigurePlan>();
  /** Figures without deltas, and why: recounted when a table they read was written. */
  readonly recounted = new Map<string, string>();
  private readonly hashes = new Map<string, string>();
  private hashDay = '';
  private stampsByGenerations = new WeakMap<Map<string, number>, Stamps>();
  private lastStamps: Stamps | null = null;
  /** Until when recounted sets stay in memory only (see `recount`). */
  private storeAfter = 0;
  private folding: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    private readonly defs: ReadonlyMap<string, IndicatorDef>,
  ) {}

  /**
   * Finds the tables each count indicator reads (from its compiled SQL), puts a generation trigger
   * on each and on `alsoTrack` (tables whose other caches, such as the 红黄牌 totals, use the same
   * generations), works out each figure's deltas and installs their triggers.
   */
  async install(alsoTrack: readonly string[] = []): Promise<void> {
    const known = await tableNames(this.db, this.dialect);
    const columns = await tableColumns(this.db, this.dialect);
    for (const def of this.counts()) {
      const text = def.records(this.db, 2000).compile().sql;
      const read = [...new Set([...text.matchAll(/"([a-z_][a-z0-9_]*)"/g)].map((m) => m[1]!).filter((t) => known.has(t)))];
      // A declared set of clock types narrows "clocks" to those types' generations.
      const keys = read.flatMap((t) => (t === 'clocks' && def.clockTypes?.length ? def.clockTypes.map((type) => `clocks:${type}`) : [t]));
      this.reads.set(def.code, keys.sort());
      const analysis = def.kind === 'sum' ? { reason: '合计指标按金额求和，不按增量维护' } : analyseFigure(def, this.db, this.dialect, known, (t) => columns.get(t) ?? []);
      if (analysis.plan) this.plans.set(def.code, analysis.plan);
      else this.recounted.set(def.code, analysis.reason);
    }
    if (this.dialect === 'postgres') await installPgFunctions(this.db);
    const keys = new Set([...[...this.reads.values()].flat(), ...alsoTrack]);
    for (const table of new Set([...keys].map((k) => k.split(':')[0]!))) await installTrigger(this.db, this.dialect, table);
    for (const key of keys) if (key.includes(':')) await ensureGeneration(this.db, key);
    await this.installDeltas(columns);
    onDailyFold(this.db, () => this.nightly());
  }

  /**
   * Removes the delta triggers, for a bulk load that then empties the summary tables (bench/): the
   * next `install` (the next start) puts them back, and every year is counted afresh on first use.
   */
  async dropDeltaTriggers(): Promise<void> {
    for (const t of await deltaTriggers(this.db, this.dialect)) {
      await sql.raw(this.dialect === 'sqlite' ? `drop trigger if exists "${t.name}"` : `drop trigger if exists "${t.name}" on "${t.table}"`).execute(this.db);
    }
  }

  /** The tables the figures read (each carries a generation trigger). */
  tablesRead(): string[] {
    return [...new Set([...this.reads.values()].flat().map((k) => k.split(':')[0]!))].sort();
  }

  /** The generation keys a figure's stamp is made of (tables, or "clocks:<record type>"). */
  generationKeys(code: string): readonly string[] {
    return this.reads.get(code) ?? [];
  }

  private counts(): CountDef[] {
    return [...this.defs.values()].filter((d): d is CountDef => d.kind === 'count' || d.kind === 'sum');
  }

  /** The delta triggers every figure's plan needs, table by table; stale ones are dropped. */
  private async installDeltas(columns: ReadonlyMap<string, readonly string[]>): Promise<void> {
    const byTable = new Map<string, FigurePlan[]>();
    for (const plan of this.plans.values()) for (const table of plan.tables.keys()) byTable.set(table, [...(byTable.get(table) ?? []), plan]);
    const wanted = [...byTable].flatMap(([table, plans]) =>
      this.dialect === 'sqlite' ? sqliteTriggers(table, plans, columns.get(table)!, this.partitionFilter(table, plans)) : pgTriggers(table, plans, this.locksFor(table)),
    );
    await this.db.transaction().execute(async (tx) => {
      if (this.dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(hashtextextended(current_schema() || ':fazhi-indicators:install', 0))`.execute(tx);
        await sql`create table if not exists indicator_deltas (code text not null, year integer not null, unit_id text not null, n integer not null)`.execute(tx);
        await sql`create index if not exists indicator_deltas_set on indicator_deltas (code, year)`.execute(tx);
      }
      const names = new Set(wanted.map((w) => w.name));
      const existing = await deltaTriggers(tx, this.dialect);
      for (const t of existing.filter((e) => !names.has(e.name))) {
        if (this.dialect === 'sqlite') await sql.raw(`drop trigger if exists "${t.name}"`).execute(tx);
        else await sql.raw(`drop trigger if exists "${t.name}" on "${t.table}"; drop function if exists "${t.name}"()`).execute(tx);
      }
      const present = new Set(existing.map((e) => e.name));
      for (const t of wanted.filter((w) => !present.has(w.name))) for (const statement of t.create) await sql.raw(statement).execute(tx);
    });
  }

  /** SQLite: a clock trigger runs only for the record types its figures read. */
  private partitionFilter(table: string, plans: readonly FigurePlan[]) {
    const column = PARTITIONS[table];
    const types = plans.map((p) => (this.defs.get(p.code) as CountDef).clockTypes);
    if (!column || types.some((t) => !t?.length)) return null;
    const list = [...new Set(types.flat())].map((t) => `'${t}'`).join(', ');
    return (row: 'NEW' | 'OLD') => `${row}."${column}" in (${list})`;
  }

  /**
   * PostgreSQL: a long transaction that writes records one statement at a time (an import, the daily
   * job's escalations, a calendar change) takes every per-record lock class exclusively, in order, before
   * it writes. Otherwise it gathers the classes' buckets in whatever order its records come: it would
   * hold back writers of unrelated records that share a bucket, and deadlock with another such
   * transaction gathering the same buckets in another order. Writes of a few records meanwhile wait
   * for it, as they would for one bulk statement.
   */
  async lockForBulkWrite(tx: Executor): Promise<void> {
    if (this.dialect !== 'postgres') return; // SQLite: one writer at a time anyway
    const tables = new Set([...this.plans.values()].flatMap((p) => [...p.tables.keys()]));
    const classes = [...new Set([...tables].flatMap((t) => this.locksFor(t)).filter((l) => l.column).map((l) => l.key))].sort();
    for (const key of classes) await sql`select pg_advisory_xact_lock(${sql.raw(lockName('current_schema()', key))})`.execute(tx);
  }

  /** PostgreSQL: the advisory locks a writer of `table` takes (deltas.ts, pgLocks); clocks only for the record types the figure reads. */
  private locksFor(table: string): PgLock[] {
    const plans = [...this.plans.values()].filter((p) => p.tables.has(table));
    return pgLocks(table, plans, (plan, t) => {
      const column = PARTITIONS[t];
      const types = (this.defs.get(plan.code) as CountDef).clockTypes;
      return column && types?.length ? { column, values: [...types].sort() } : null;
    });
  }

  /** The stamp a stored set must carry: its definition (and day), or for a recounted figure its query and generations. */
  private setStamp(def: CountDef, year: number, generations: Map<string, number>, today = chinaToday()): string {
    const plan = this.plans.get(def.code);
    if (plan) return `Δ${plan.hash}${plan.dayDependent ? `|${today}` : ''}`;
    return `${this.queryHash(def, year, today)}|${this.generationsOf(def, generations)}`;
  }

  private generationsOf(def: CountDef, generations: Map<string, number>): string {
    return (this.reads.get(def.code) ?? []).map((t) => `${t}:${generations.get(t) ?? 0}`).join(',');
  }

  /**
   * The hash of a figure's query with its parameters. A query can only change with the day (figures
   * "as of today"), so hashes are kept for the day: compiling 45 queries × 3 years per request cost
   * more than the request's reads.
   */
  private queryHash(def: CountDef, year: number, today: string): string {
    if (this.hashDay !== today) {
      this.hashes.clear();
      this.hashDay = today;
    }
    const key = `${def.code}|${year}`;
    let hash = this.hashes.get(key);
    if (!hash) {
      const query = def.records(this.db, year).compile();
      hash = createHash('sha256').update(query.sql).update(JSON.stringify(query.parameters)).digest('hex').slice(0, 24);
      this.hashes.set(key, hash);
    }
    return hash;
  }

  /**
   * The stamps of the sets at these generations (the same Map while nothing is written) and today,
   * worked out once, not on every request. After a write, a set whose tables were not written keeps
   * the stamp it had at the generations before (354 stamps built afresh cost 1–1.5 ms a write).
   */
  private stampsAt(generations: Map<string, number>): Stamps {
    const today = chinaToday();
    let stamps = this.stampsByGenerations.get(generations);
    if (stamps?.today === today) return stamps;
    const before = this.lastStamps?.today === today ? this.lastStamps : null;
    stamps = { today, generations, byKey: new Map() };
    if (before) {
      const written = new Set([...generations].filter(([table, n]) => before.generations.get(table) !== n).map(([table]) => table));
      for (const t of before.generations.keys()) if (!generations.has(t)) written.add(t);
      for (const [key, stamp] of before.byKey) {
        if (!(this.reads.get(key.slice(0, key.lastIndexOf('|'))) ?? []).some((t) => written.has(t))) stamps.byKey.set(key, stamp);
      }
    }
    this.stampsByGenerations.set(generations, stamps);
    this.lastStamps = stamps;
    return stamps;
  }

  /**
   * Per-unit counts of the given count indicators in the given years. What is in memory is used
   * while the tables it reads are unwritten; otherwise the stored counts are read, and a year not
   * stored yet is counted once. Returns a lookup; a (code, year) not asked for throws. With a part,
   * the counts hold only that part's units.
   */
  async load(codes: readonly string[], years: readonly number[], part: FactsPart | null = null): Promise<(code: string, year: number) => UnitCounts> {
    const generations = await readGenerations(this.db);
    const stamps = this.stampsAt(generations);
    const wanted: Wanted[] = codes.flatMap((code) => {
      const def = this.defs.get(code);
      if (!def || (def.kind !== 'count' && def.kind !== 'sum')) throw new Error(`指标 ${code} 不是计数指标`);
      return years.map((year) => {
        const key = `${code}|${year}`;
        let stamp = stamps.byKey.get(key);
        if (!stamp) {
          const set = this.setStamp(def, year, generations, stamps.today);
          stamps.byKey.set(key, (stamp = { set, memo: this.plans.has(code) ? `${set}#${this.generationsOf(def, generations)}` : set }));
        }
        return { def, year, key, ...stamp };
      });
    });
    const result = new Map<string, Map<string, number>>();
    const stale = wanted.filter((w) => {
      const held = this.memory.get(memoryKey(w, part));
      if (held?.stamp === w.memo && held.units === part?.unitIds) result.set(w.key, held.byUnit);
      else if (part && this.memory.get(w.key)?.stamp === w.memo) result.set(w.key, this.holdPart(w, part, this.memory.get(w.key)!.byUnit));
      return !result.has(w.key);
    });
    if (stale.length) {
      const fresh = await this.loadStoredOnce(stale, part);
      for (const w of stale) {
        const held = fresh.has(w.key) ? this.memory.get(memoryKey(w, part)) : undefined;
        if (held) result.set(w.key, held.byUnit);
      }
      const missing = stale.filter((w) => !result.has(w.key));
      // A set not stored yet (or stored under another definition) is counted for every unit first.
      const whole = missing.length && part ? await this.load([...new Set(missing.map((w) => w.def.code))], [...new Set(missing.map((w) => w.year))]) : null;
      for (const w of missing) {
        if (whole) result.set(w.key, this.holdPart(w, part!, whole(w.def.code, w.year)));
        else {
          await (this.plans.has(w.def.code) ? this.materialise(w) : this.recount(w));
          result.set(w.key, this.memory.get(w.key)!.byUnit);
        }
      }
    }
    return (code, year) => {
      const counts = result.get(`${code}|${year}`);
      if (!counts) throw new Error(`未加载指标 ${code} ${year} 年的汇总`);
      return counts;
    };
  }

  /** Keeps in memory a part's counts taken from a set's counts for every unit (the same Map while they stand). */
  private holdPart(w: Wanted, part: FactsPart, counts: UnitCounts): Map<string, number> {
    const key = memoryKey(w, part);
    const held = this.memory.get(key)?.byUnit;
    const byUnit = partOf(counts, part);
    this.memory.set(key, { stamp: w.memo, byUnit: held && sameCounts(held, byUnit) ? held : byUnit, units: part.unitIds });
    return this.memory.get(key)!.byUnit;
  }

  /**
   * After a write, the requests a worker is serving all find the same sets stale: one reread serves
   * them (20 readers each rereading made three statements a write on ten counties). Returns the keys
   * of the sets that were fresh in storage.
   */
  private loadStoredOnce(stale: Wanted[], part: FactsPart | null): Promise<Set<string>> {
    const id = `${part?.path ?? ''}#${stale.map((w) => `${w.key}=${w.memo}`).join(';')}`;
    let run = this.rereads.get(id);
    if (!run) {
      run = this.loadStored(stale, part)
        .then((fresh) => new Set(fresh.map((w) => w.key)))
        .finally(() => this.rereads.delete(id));
      this.rereads.set(id, run);
    }
    return run;
  }

  /** Loads into memory the stored sets (a part's counts of them) whose stamp still matches; returns those. */
  private async loadStored(stale: Wanted[], part: FactsPart | null): Promise<Wanted[]> {
    const stored = new Map((await this.storedSets([...new Set(stale.map((w) => w.def.code))], [...new Set(stale.map((w) => w.year))], part)).map((s) => [`${s.code}|${s.year}`, s]));
    const fresh = stale.filter((w) => stored.get(w.key)?.stamp === w.set);
    for (const w of fresh) {
      const byUnit = new Map<string, number>();
      for (const part of stored.get(w.key)!.units?.split(',') ?? []) {
        const colon = part.lastIndexOf(':');
        byUnit.set(part.slice(0, colon), Number(part.slice(colon + 1)));
      }
      // A set that reads a written table but whose counts did not move (last year's disputes after
      // one registered today) stays the same Map, so the figures and answers made from it stand.
      const key = memoryKey(w, part);
      const held = this.memory.get(key)?.byUnit;
      this.memory.set(key, { stamp: w.memo, byUnit: held && sameCounts(held, byUnit) ? held : byUnit, units: part?.unitIds });
    }
    return fresh;
  }

  /**
   * The stored sets of these codes and years with their stamps and counts (on PostgreSQL with the
   * deltas not folded yet), in one statement: each set's non-zero counts packed as "unit:n,…". A row
   * per unit cost three times as much to read (a county's dispute figures: 636 rows, 1.9 ms). With a
   * part, only the counts of the part's units.
   */
  private async storedSets(codes: readonly string[], years: readonly number[], part?: FactsPart | null) {
    if (this.dialect === 'sqlite') {
      const within = sql`s.code in (${sql.join(codes)}) and s.year in (${sql.join(years)})`;
      const mine = part ? sql`and f.unit_id in (select value from json_each(${JSON.stringify(part.unitIds)}))` : sql``;
      return (
        await sql<StoredSet>`select s.code, s.year, s.stamp, 0 as extra,
          (select group_concat(f.unit_id || ':' || f.n, ',') from indicator_facts f where f.code = s.code and f.year = s.year and f.n <> 0 ${mine}) as units
          from indicator_fact_sets s where ${within}`.execute(this.db)
      ).rows;
    }
    const rows = await pgStoredSets(this.db, [codes, years, part?.unitIds ?? null], Boolean(part));
    // Folding is housekeeping: one that fails (a writer in the way, a deadlock) is tried by a later read.
    if (rows.reduce((sum, r) => sum + Number(r.extra), 0) > FOLD_AFTER) this.fold(false).catch(() => undefined);
    return rows;
  }

  /** The figure's records in a year, counted per unit with one GROUP BY. */
  private async countByUnit(executor: Executor, def: CountDef, year: number): Promise<Map<string, number>> {
    // Grouping by an expression keeps SQLite from scanning the whole table along a (unit_id, …)
    // index to avoid a sort: the year's date range is the selective part.
    const unit = sql<string>`coalesce(x.unit_id, '') || ''`;
    const rows = await executor
      .selectFrom(def.records(executor as Db, year).as('x'))
      .select([unit.as('unit_id'), (def.kind === 'sum' ? sql<number>`coalesce(sum(x.amount), 0)` : sql<number>`count(*)`).as('n')])
      .groupBy(unit)
      .execute();
    return new Map(rows.map((r: any) => [r.unit_id as string, Number(r.n)]));
  }

  /** Shares one run per set among concurrent requests. */
  private once(w: Wanted, work: () => Promise<void>): Promise<void> {
    const id = `${w.key}|${w.set}`;
    const running = this.inflight.get(id);
    if (running) return running;
    const run = work().finally(() => this.inflight.delete(id));
    this.inflight.set(id, run);
    return run;
  }

  /**
   * Counts a delta figure's year and stores it, so that the triggers keep it from then on. Writers of
   * its tables wait meanwhile (SQLite's write lock; on PostgreSQL a SHARE lock on them), so no write
   * falls between the count and the first delta. When SQLite's write lock stays with another process
   * past the busy timeout, the count is served from memory and stored another time (and, as for
   * `recount`, no set of the next 30 s tries: each try would wait out the timeout).
   */
  private materialise(w: Wanted): Promise<void> {
    return this.once(w, async () => {
      let byUnit: Map<string, number> | null = null;
      if (Date.now() >= this.storeAfter) {
        byUnit = await this.storeCounted(w.def, w.year, w.set).catch((error) => {
          if (!isDatabaseBusy(error)) throw error;
          this.storeAfter = Date.now() + 30_000;
          return null;
        });
      }
      this.memory.set(w.key, { stamp: w.memo, byUnit: byUnit ?? (await this.countByUnit(this.db, w.def, w.year)) });
    });
  }

  private async storeCounted(def: CountDef, year: number, stamp: string, attempt = 1): Promise<Map<string, number>> {
    const plan = this.plans.get(def.code)!;
    try {
      return await this.db.transaction().execute(async (tx) => {
        if (this.dialect === 'postgres') {
          await sql`select pg_advisory_xact_lock(hashtextextended(current_schema() || ':fazhi-indicators:set:' || ${def.code} || ':' || ${year}, 0))`.execute(tx);
          await sql.raw(`lock table ${[...plan.tables.keys()].map((t) => `"${t}"`).join(', ')} in share mode`).execute(tx);
          await tx.deleteFrom('indicator_deltas' as any).where('code', '=', def.code).where('year', '=', year).execute();
        }
        const byUnit = await this.countByUnit(tx, def, year);
        await writeSet(tx, def.code, year, stamp, byUnit);
        return byUnit;
      });
    } catch (error) {
      // Two tables locked in the opposite order by a writer: PostgreSQL cancels one side.
      if (isDeadlock(error) && attempt < 3) return this.storeCounted(def, year, stamp, attempt + 1);
      throw error;
    }
  }

  /**
   * A figure without deltas: one GROUP BY, stored under the generations read before it (a write
   * landing meanwhile leaves the set stale rather than wrong). Storing is for the next process
   * start and the other workers; when another process holds SQLite's write lock past the busy
   * timeout (a large import), the figure is still right from memory, and the sets of the next 30 s
   * are not stored: each try would wait 5 s.
   */
  private recount(w: Wanted): Promise<void> {
    return this.once(w, async () => {
      const byUnit = await this.countByUnit(this.db, w.def, w.year);
      if (Date.now() >= this.storeAfter) {
        await this.db
          .transaction()
          .execute((tx) => writeSet(tx, w.def.code, w.year, w.set, byUnit))
          .catch((error) => {
            if (!isDatabaseBusy(error)) throw error;
            this.storeAfter = Date.now() + 30_000;
          });
      }
      this.memory.set(w.key, { stamp: w.memo, byUnit });
    });
  }

  /**
   * Per unit, the stored count minus a fresh count of a set, in one statement (one snapshot on
   * either engine, so a write committing meanwhile cannot show as drift).
   */
  private async drift(def: CountDef, year: number): Promise<Drift['units']> {
    const unit = sql<string>`coalesce(x.unit_id, '') || ''`;
    const counted = this.db.selectFrom(def.records(this.db, year).as('x')).select([unit.as('unit_id'), sql<number>`count(*)`.as('n')]).groupBy(unit);
    const deltas = this.dialect === 'postgres' ? sql`union all select unit_id, n from indicator_deltas where code = ${def.code} and year = ${year}` : sql``;
    const rows = await sql<{ unit_id: string; off: number }>`
      select unit_id, sum(n) as off from (
        select unit_id, -n as n from ${counted} as c
        union all select unit_id, n from indicator_facts where code = ${def.code} and year = ${year}
        ${deltas}
      ) d group by unit_id having sum(n) <> 0`.execute(this.db);
    return rows.rows.map((r) => ({ unitId: r.unit_id, off: Number(r.off) }));
  }

  /**
   * Every stored set of a delta figure compared with a fresh count; a set whose definition or day
   * changed is counted afresh, and so (with `repair`) is one that drifted, or (with `all`) every set.
   */
  async rebuild(options: { repair: boolean; all?: boolean } = { repair: true }): Promise<FactsCheck> {
    await this.fold(true);
    const generations = await readGenerations(this.db);
    const stored = await this.db.selectFrom('indicator_fact_sets').select(['code', 'year', 'stamp']).orderBy('code').orderBy('year').execute();
    const check: FactsCheck = { checked: 0, refreshed: 0, drifts: [] };
    for (const s of stored) {
      const def = this.defs.get(s.code);
      if (!def || def.kind !== 'count' || !this.plans.has(s.code)) continue;
      const stamp = this.setStamp(def, s.year, generations);
      // Each set is one query: between sets a server process running this answers its requests.
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (s.stamp === stamp) {
        const units = await this.drift(def, s.year);
        check.checked++;
        if (units.length) check.drifts.push({ code: s.code, year: s.year, units });
        if (!options.all && !(units.length && options.repair)) continue;
      } else if (!options.repair) continue;
      else check.refreshed++;
      await this.storeCounted(def, s.year, stamp);
    }
    this.memory.clear();
    this.epoch++;
    return check;
  }

  /**
   * The daily check (run by the daily job): fold PostgreSQL's deltas, count afresh the sets of
   * yesterday (figures as of today), compare every other stored set with a fresh count, repair any
   * drift, and report it — on stderr and as a job_runs row ('indicators', the date).
   */
  async nightly(): Promise<FactsCheck> {
    const check = await this.rebuild({ repair: true });
    if (check.drifts.length) {
      process.stderr.write(`指标汇总与重新统计不一致（已修复）：${check.drifts.map((d) => `${d.code} ${d.year} 年 ${d.units.length} 个单位`).join('；')}\n`);
    }
    const summary = JSON.stringify({ checked: check.checked, refreshed: check.refreshed, drifts: check.drifts });
    const now = new Date().toISOString();
    await this.db
      .insertInto('job_runs')
      .values({ job: 'indicators', run_date: chinaToday(), started_at: now, finished_at: now, summary })
      .onConflict((oc) => oc.columns(['job', 'run_date']).doUpdateSet({ finished_at: now, summary }))
      .execute();
    return check;
  }

  /**
   * PostgreSQL: adds the appended deltas into indicator_facts and the change rows into the
   * generations (`foldChanges`), each in one statement that deletes the rows committed so far and
   * adds exactly those, so no writer waits (a writer's rows not yet committed are left for the next
   * fold). Folds take turns on an advisory lock; without `wait` (a read asked for it), a fold that
   * finds another under way, or meets a deadlock with a set being stored, leaves it to a later one.
   */
  fold(wait: boolean): Promise<void> {
    if (this.dialect !== 'postgres') return Promise.resolve();
    if (this.folding) return this.folding;
    const run = async () => {
      try {
        await this.db.transaction().execute(async (tx) => {
          const lock = sql`hashtextextended(current_schema() || ':fazhi-indicators-fold', 0)`;
          if (wait) await sql`select pg_advisory_xact_lock(${lock})`.execute(tx);
          else if (!(await sql<{ got: boolean }>`select pg_try_advisory_xact_lock(${lock}) as got`.execute(tx)).rows[0]!.got) return;
          await sql`with folded as (delete from indicator_deltas returning code, year, unit_id, n)
            insert into indicator_facts (code, year, unit_id, n)
            select code, year, unit_id, sum(n) from folded group by code, year, unit_id
            on conflict (code, year, unit_id) do update set n = indicator_facts.n + excluded.n`.execute(tx);
        });
        await foldChanges(this.db, this.dialect, wait);
      } catch (error) {
        if (wait || !isDeadlock(error)) throw error;
      }
    };
    this.folding = run().finally(() => (this.folding = null));
    return this.folding;
  }
}

/** Replaces the stored counts of a set and stamps it. */
async function writeSet(tx: Executor, code: string, year: number, stamp: string, byUnit: Map<string, number>): Promise<void> {
  await tx.deleteFrom('indicator_facts').where('code', '=', code).where('year', '=', year).execute();
  const values = [...byUnit].map(([unit_id, n]) => ({ code, year, unit_id, n }));
  for (let i = 0; i < values.length; i += 500) {
    await tx
      .insertInto('indicator_facts')
      .values(values.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['code', 'year', 'unit_id']).doUpdateSet({ n: (eb) => eb.ref('excluded.n') }))
      .execute();
  }
  const computedAt = new Date().toISOString();
  await tx
    .insertInto('indicator_fact_sets')
    .values({ code, year, stamp, computed_at: computedAt })
    .onConflict((oc) => oc.columns(['code', 'year']).doUpdateSet({ stamp, computed_at: computedAt }))
    .execute();
}

async function tableColumns(db: Db, dialect: Dialect): Promise<Map<string, string[]>> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ t: string; c: string }>`select m.name as t, p.name as c from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' order by m.name, p.cid`.execute(db)
      : await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const out = new Map<string, string[]>();
  for (const r of rows.rows) out.set(r.t, [...(out.get(r.t) ?? []), r.c]);
  return out;
}

/** The delta triggers installed now (named indicator_delta_…). */
async function deltaTriggers(tx: Executor, dialect: Dialect): Promise<{ name: string; table: string }[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string; table: string }>`select name, tbl_name as "table" from sqlite_master where type = 'trigger' and name like 'indicator_delta_%'`.execute(tx)
      : await sql<{ name: string; table: string }>`select t.tgname as name, c.relname as "table" from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and t.tgname like 'indicator_delta_%'`.execute(tx);
  return rows.rows;
}

const memoryKey = (w: Wanted, part: FactsPart | null) => (part ? `${w.key}@${part.path}` : w.key);

/** A set's counts of a part's units. */
function partOf(counts: UnitCounts, part: FactsPart): Map<string, number> {
  return new Map(part.unitIds.filter((id) => counts.has(id)).map((id) => [id, counts.get(id)!]));
}

function sameCounts(a: UnitCounts, b: UnitCounts): boolean {
  if (a.size !== b.size) return false;
  for (const [unit, n] of a) if (b.get(unit) !== n) return false;
  return true;
}

/** A scope's figure from per-unit counts: the sum over its units (null: every unit). */
export function sumOver(counts: UnitCounts, unitIds: readonly string[] | null): number {
  let total = 0;
  if (unitIds === null) for (const n of counts.values()) total += n;
  else for (const id of unitIds) total += counts.get(id) ?? 0;
  return total;
}
