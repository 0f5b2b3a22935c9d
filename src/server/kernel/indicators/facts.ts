// Summary tables of the indicator figures. For each count indicator and year they hold the number
// of its records per unit (the unit's own records); a subtree's or the county's figure is a sum.
//
// They stay exact without any module telling them about its writes: a trigger on every table an
// indicator reads bumps that table's generation (for clocks, also that of the clock's record type)
// on each write, in the writer's transaction — on SQLite by updating the generation row, on
// PostgreSQL by appending a change row, so that concurrent writers never wait on each other's
// generation rows. A fact set is stamped with the generations it was computed at plus a hash of its query with its
// parameters (so a figure that depends on today, such as overdue tasks, is stale the next day, and
// so is one whose definition changed). A set whose stamp no longer matches is recomputed on first
// use with one GROUP BY. Generations are read before the recount, so a write that lands during it
// leaves the set stale rather than wrong.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { isDatabaseBusy, type Db, type Dialect, type Executor } from '../db/index.ts';
import { chinaToday } from '../calendar/days.ts';
import { readGenerations } from '../db/generations.ts';
import type { IndicatorDef } from './registry.ts';

/** Derived tables: rebuilt on use, so backups leave them out. */
export const DERIVED_TABLES = ['indicator_generations', 'indicator_changes', 'indicator_fact_sets', 'indicator_facts'] as const;

type CountDef = Extract<IndicatorDef, { kind: 'count' }>;
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

export class IndicatorFacts {
  private readonly memory = new Map<string, { stamp: string; byUnit: Map<string, number> }>();
  private readonly inflight = new Map<string, Promise<void>>();
  /** code → the tables its query reads. */
  private readonly reads = new Map<string, string[]>();
  private readonly hashes = new Map<string, string>();
  private hashDay = '';
  /** Until when recounted sets stay in memory only (see `recount`). */
  private storeAfter = 0;

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    private readonly defs: ReadonlyMap<string, IndicatorDef>,
  ) {}

  /**
   * Finds the tables each count indicator reads (from its compiled SQL) and puts a generation
   * trigger on each, and on `alsoTrack` (tables whose other summaries, such as the 红黄牌 totals,
   * use the same generations).
   */
  async install(alsoTrack: readonly string[] = []): Promise<void> {
    const known = await tableNames(this.db, this.dialect);
    for (const def of this.counts()) {
      const text = def.records(this.db, 2000).compile().sql;
      const read = [...new Set([...text.matchAll(/"([a-z_][a-z0-9_]*)"/g)].map((m) => m[1]!).filter((t) => known.has(t)))];
      // A declared set of clock types narrows "clocks" to those types' generations.
      const keys = read.flatMap((t) => (t === 'clocks' && def.clockTypes?.length ? def.clockTypes.map((type) => `clocks:${type}`) : [t]));
      this.reads.set(def.code, keys.sort());
    }
    if (this.dialect === 'postgres') await installPgFunctions(this.db);
    const keys = new Set([...[...this.reads.values()].flat(), ...alsoTrack]);
    for (const table of new Set([...keys].map((k) => k.split(':')[0]!))) await installTrigger(this.db, this.dialect, table);
    for (const key of keys) if (key.includes(':')) await ensureGeneration(this.db, key);
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
    return [...this.defs.values()].filter((d): d is CountDef => d.kind === 'count');
  }

  private stampOf(def: CountDef, year: number, generations: Map<string, number>): string {
    return `${this.queryHash(def, year)}|${(this.reads.get(def.code) ?? []).map((t) => `${t}:${generations.get(t) ?? 0}`).join(',')}`;
  }

  /**
   * The hash of a figure's query with its parameters. A query can only change with the day (figures
   * "as of today"), so hashes are kept for the day: compiling 45 queries × 3 years per request cost
   * more than the request's reads.
   */
  private queryHash(def: CountDef, year: number): string {
    const today = chinaToday();
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
   * Per-unit counts of the given count indicators in the given years, recomputing the sets that
   * went stale. Returns a lookup; a (code, year) not asked for throws.
   */
  async load(codes: readonly string[], years: readonly number[]): Promise<(code: string, year: number) => UnitCounts> {
    const generations = await readGenerations(this.db);
    const wanted = codes.flatMap((code) => {
      const def = this.defs.get(code);
      if (!def || def.kind !== 'count') throw new Error(`指标 ${code} 不是计数指标`);
      return years.map((year) => ({ def, year, key: `${code}|${year}`, stamp: this.stampOf(def, year, generations) }));
    });
    const result = new Map<string, Map<string, number>>();
    const stale = wanted.filter((w) => {
      const held = this.memory.get(w.key);
      if (held?.stamp === w.stamp) result.set(w.key, held.byUnit);
      return held?.stamp !== w.stamp;
    });
    if (stale.length) {
      for (const w of await this.loadStored(stale)) result.set(w.key, this.memory.get(w.key)!.byUnit);
      for (const w of stale) {
        if (result.has(w.key)) continue;
        await this.recount(w.def, w.year, w.key, w.stamp);
        result.set(w.key, this.memory.get(w.key)!.byUnit);
      }
    }
    return (code, year) => {
      const counts = result.get(`${code}|${year}`);
      if (!counts) throw new Error(`未加载指标 ${code} ${year} 年的汇总`);
      return counts;
    };
  }

  /** Loads into memory the stored sets whose stamp still matches (a cold start); returns those. */
  private async loadStored(stale: { def: CountDef; year: number; key: string; stamp: string }[]) {
    const codes = [...new Set(stale.map((w) => w.def.code))];
    const years = [...new Set(stale.map((w) => w.year))];
    const sets = await this.db.selectFrom('indicator_fact_sets').select(['code', 'year', 'stamp']).where('code', 'in', codes).where('year', 'in', years).execute();
    const stored = new Map(sets.map((s) => [`${s.code}|${s.year}`, s.stamp]));
    const fresh = stale.filter((w) => stored.get(w.key) === w.stamp);
    if (!fresh.length) return [];
    const facts = await this.db
      .selectFrom('indicator_facts')
      .select(['code', 'year', 'unit_id', 'n'])
      .where('code', 'in', [...new Set(fresh.map((w) => w.def.code))])
      .where('year', 'in', [...new Set(fresh.map((w) => w.year))])
      .execute();
    const byKey = new Map(fresh.map((w) => [w.key, new Map<string, number>()]));
    for (const f of facts) byKey.get(`${f.code}|${f.year}`)?.set(f.unit_id, Number(f.n));
    for (const w of fresh) this.memory.set(w.key, { stamp: w.stamp, byUnit: byKey.get(w.key)! });
    return fresh;
  }

  /** One GROUP BY over the indicator's records; concurrent requests for the same set share it. */
  private recount(def: CountDef, year: number, key: string, stamp: string): Promise<void> {
    const running = this.inflight.get(`${key}|${stamp}`);
    if (running) return running;
    const work = (async () => {
      // Grouping by an expression keeps SQLite from scanning the whole table along a (unit_id, …)
      // index to avoid a sort: the year's date range is the selective part.
      const unit = sql<string>`x.unit_id || ''`;
      const rows = await this.db
        .selectFrom(def.records(this.db, year).as('x'))
        .select([unit.as('unit_id'), sql<number>`count(*)`.as('n')])
        .groupBy(unit)
        .execute();
      const byUnit = new Map(rows.map((r: any) => [r.unit_id as string, Number(r.n)]));
      // Storing the set is for the next process start and the other workers. When another process
      // holds SQLite's write lock past the busy timeout (a large import), the figure is still right
      // from memory, and the sets of the next 30 s are not stored: each try would wait 5 s.
      if (Date.now() >= this.storeAfter) {
        await this.store(def, year, stamp, byUnit).catch((error) => {
          if (!isDatabaseBusy(error)) throw error;
          this.storeAfter = Date.now() + 30_000;
        });
      }
      this.memory.set(key, { stamp, byUnit });
    })().finally(() => this.inflight.delete(`${key}|${stamp}`));
    this.inflight.set(`${key}|${stamp}`, work);
    return work;
  }

  private store(def: CountDef, year: number, stamp: string, byUnit: Map<string, number>): Promise<void> {
    return this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('indicator_facts').where('code', '=', def.code).where('year', '=', year).execute();
      const values = [...byUnit].map(([unit_id, n]) => ({ code: def.code, year, unit_id, n }));
      for (let i = 0; i < values.length; i += 500) {
        await tx
          .insertInto('indicator_facts')
          .values(values.slice(i, i + 500))
          .onConflict((oc) => oc.columns(['code', 'year', 'unit_id']).doUpdateSet({ n: (eb) => eb.ref('excluded.n') }))
          .execute();
      }
      await tx
        .insertInto('indicator_fact_sets')
        .values({ code: def.code, year, stamp, computed_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['code', 'year']).doUpdateSet({ stamp, computed_at: new Date().toISOString() }))
        .execute();
    });
  }
}

/** A scope's figure from per-unit counts: the sum over its units (null: every unit). */
export function sumOver(counts: UnitCounts, unitIds: readonly string[] | null): number {
  let total = 0;
  if (unitIds === null) for (const n of counts.values()) total += n;
  else for (const id of unitIds) total += counts.get(id) ?? 0;
  return total;
}
