// The 红黄牌 totals' summary table: running clocks counted per (unit, rule, due date), kept exact by
// triggers on `clocks` in the writer's own transaction, so that the dashboard's totals read a few
// thousand stored counts instead of grouping every running clock (175,000 in a county) after each
// clock write.
//
// A clock overdue is red whatever its rule, so overdue clocks need no date: they are kept in one
// bucket per unit (rule '' and due date ''). The table is "as of" a day (clock_light_state.as_of):
// its dated rows are the clocks due on or after that day. As the day turns (the daily job, or the
// first start of the day), the rows that fell due move into the buckets. Reads collapse by today
// anyway, so a table not yet rolled is still read right.
// - SQLite: row triggers update clock_light_counts directly (one writer at a time); a clock already
//   overdue as of the table's day goes to its unit's bucket.
// - PostgreSQL: statement triggers append the written clocks' (unit, rule, due date, ±1) to
//   clock_light_deltas, so that concurrent writers never wait on a shared count row (everyone
//   registering today writes the same due date); reads add them in, and they are folded into the
//   counts when they pass a few thousand rows and when the day turns.
// The table is counted once, at the first start (or after a bulk load dropped the triggers, a restore
// or a change of the triggers), with writers of clocks held back meanwhile. The daily job compares
// it with a direct grouping and repairs and reports any drift (`checkLightCounts`).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { isDatabaseBusy, type Db, type Dialect, type Executor } from '../db/index.ts';
import { unitIdsBelow } from '../auth/scope.ts';
import { chinaToday } from '../calendar/days.ts';
import { nowIso } from '../ids.ts';

/** Derived tables (backups leave them out; a restored database counts them afresh). */
export const LIGHT_TABLES = ['clock_light_counts', 'clock_light_deltas', 'clock_light_state'] as const;

/** (unit, rule, due date) → running clocks; rule '' for a clock with a set date, rule and due date '' for the unit's overdue clocks. */
export interface LightCount {
  unit_id: string;
  rule_code: string;
  due: string;
  n: number;
}

const PREFIX = 'clock_lights_';
/** Delta rows on PostgreSQL past which a read folds them (in the background). */
const FOLD_AFTER = 5_000;
const isDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day);

const WATCHED = ['status', 'unit_id', 'rule_code', 'due_date'] as const;

function sqliteTriggers(): { name: string; create: string }[] {
  // The row as it enters the table as of its day: overdue then → the unit's bucket.
  const enter = (row: 'NEW' | 'OLD', sign: 1 | -1) =>
    `insert into clock_light_counts (unit_id, rule_code, due_date, n)
       select ${row}.unit_id, case when ${row}.due_date < s.as_of then '' else coalesce(${row}.rule_code, '') end, case when ${row}.due_date < s.as_of then '' else ${row}.due_date end, ${sign}
       from clock_light_state s where s.id = 1 and ${row}.status = 'running'
       on conflict (unit_id, rule_code, due_date) do update set n = n + excluded.n;`;
  const changed = WATCHED.map((c) => `OLD.${c} is not NEW.${c}`).join(' or ');
  const defs = [
    ['insert', `after insert on clocks when NEW.status = 'running'`, enter('NEW', 1)],
    ['delete', `after delete on clocks when OLD.status = 'running'`, enter('OLD', -1)],
    ['update', `after update of ${WATCHED.join(', ')} on clocks when (OLD.status = 'running' or NEW.status = 'running') and (${changed})`, `${enter('OLD', -1)} ${enter('NEW', 1)}`],
  ] as const;
  return defs.map(([op, head, body]) => {
    const text = `${head} begin ${body} end`;
    const name = `${PREFIX}${op}_${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
    return { name, create: `create trigger "${name}" ${text}` };
  });
}

function pgTriggers(): { name: string; create: string }[] {
  const out: { name: string; create: string }[] = [];
  for (const op of ['insert', 'update', 'delete'] as const) {
    const sets = op === 'insert' ? ['new_rows'] : op === 'delete' ? ['old_rows'] : ['old_rows', 'new_rows'];
    const parts = sets.map((s) => `select unit_id, coalesce(rule_code, '') as rule_code, due_date, ${s === 'new_rows' ? 1 : -1} as n from ${s} where status = 'running'`);
    const body = `begin
insert into clock_light_deltas (unit_id, rule_code, due_date, n)
  select unit_id, rule_code, due_date, sum(n) from (${parts.join(' union all ')}) d group by unit_id, rule_code, due_date having sum(n) <> 0;
return null;
end`;
    const referencing = sets.map((s) => (s === 'new_rows' ? 'new table as new_rows' : 'old table as old_rows')).join(' ');
    const name = `${PREFIX}${op}_${createHash('sha256').update(body + referencing).digest('hex').slice(0, 8)}`;
    out.push({
      name,
      create: `create or replace function "${name}"() returns trigger language plpgsql as $fazhi$\n${body}\n$fazhi$;
        create trigger "${name}" after ${op} on clocks referencing ${referencing} for each statement execute function "${name}"()`,
    });
  }
  // TRUNCATE has no rows: the table is counted afresh at the next start or daily check.
  const body = `begin\ndelete from clock_light_state;\nreturn null;\nend`;
  const name = `${PREFIX}truncate_${createHash('sha256').update(body).digest('hex').slice(0, 8)}`;
  out.push({
    name,
    create: `create or replace function "${name}"() returns trigger language plpgsql as $fazhi$\n${body}\n$fazhi$;
      create trigger "${name}" after truncate on clocks for each statement execute function "${name}"()`,
  });
  return out;
}

const triggersOf = (dialect: Dialect) => (dialect === 'sqlite' ? sqliteTriggers() : pgTriggers());
const stampOf = (dialect: Dialect) => createHash('sha256').update(triggersOf(dialect).map((t) => t.name).join(',')).digest('hex').slice(0, 16);

async function installed(tx: Executor, dialect: Dialect): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like ${`${PREFIX}%`}`.execute(tx)
      : await sql<{ name: string }>`select t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relname = 'clocks' and t.tgname like ${`${PREFIX}%`}`.execute(tx);
  return rows.rows.map((r) => r.name);
}

async function dropTriggers(tx: Executor, dialect: Dialect, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await sql.raw(dialect === 'sqlite' ? `drop trigger if exists "${name}"` : `drop trigger if exists "${name}" on clocks; drop function if exists "${name}"()`).execute(tx);
  }
}

/** PostgreSQL: one installer, builder or roller at a time per schema. */
const serialise = (tx: Executor, dialect: Dialect) =>
  dialect === 'postgres' ? sql`select pg_advisory_xact_lock(hashtextextended(current_schema() || ':fazhi-lights', 0))`.execute(tx) : Promise.resolve();

/**
 * Creates the tables and installs the triggers (dropping stale ones); counts the table afresh when it
 * was never counted, its triggers changed, or it is as of a later day than today. Safe to run from
 * several processes at once.
 */
export async function installLightCounts(db: Db, dialect: Dialect): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await serialise(tx, dialect);
    await sql`create table if not exists clock_light_counts (unit_id text not null, rule_code text not null, due_date text not null, n integer not null, primary key (unit_id, rule_code, due_date))`.execute(tx);
    await sql`create table if not exists clock_light_state (id integer primary key, as_of text not null, stamp text not null, counted_at text not null)`.execute(tx);
    if (dialect === 'postgres') await sql`create table if not exists clock_light_deltas (unit_id text not null, rule_code text not null, due_date text not null, n integer not null)`.execute(tx);
    const wanted = triggersOf(dialect);
    const names = new Set(wanted.map((t) => t.name));
    const present = await installed(tx, dialect);
    await dropTriggers(tx, dialect, present.filter((n) => !names.has(n)));
    for (const t of wanted.filter((w) => !present.includes(w.name))) await sql.raw(t.create).execute(tx);
    const state = await stateOf(tx);
    if (!state || state.stamp !== stampOf(dialect) || state.as_of > chinaToday()) await countAfresh(tx, dialect);
  });
  await rollLightCounts(db, dialect, true);
}

/** For a bulk load (bench/): drops the triggers and forgets the count; the next start counts afresh. */
export async function dropLightTriggers(db: Db, dialect: Dialect): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await dropTriggers(tx, dialect, await installed(tx, dialect));
    await sql`delete from clock_light_state`.execute(tx);
  });
}

async function stateOf(tx: Executor): Promise<{ as_of: string; stamp: string } | undefined> {
  return (await sql<{ as_of: string; stamp: string }>`select as_of, stamp from clock_light_state where id = 1`.execute(tx)).rows[0];
}

/** A row's rule and due date as of `day`: a clock due before it goes to its unit's overdue bucket. */
const asOf = (day: string, rule = sql.ref('rule_code')) => sql`case when due_date < ${day} then '' else ${rule} end as rule_code, case when due_date < ${day} then '' else due_date end as due`;

/** The running clocks grouped as of `day` (a SELECT of unit_id, rule_code, due, n). */
const grouped = (day: string) => sql`
  select unit_id, ${asOf(day, sql`coalesce(rule_code, '')`)}, count(*) as n from clocks where status = 'running' group by 1, 2, 3`;

/** The stored rows: the counts, and on PostgreSQL the deltas not folded into them yet. */
const storedRows = (dialect: Dialect) =>
  sql`select unit_id, rule_code, due_date, n from clock_light_counts ${dialect === 'postgres' ? sql`union all select unit_id, rule_code, due_date, n from clock_light_deltas` : sql``}`;

/** Counts the table from the clocks as of today, with writers of clocks held back (inside a transaction). */
async function countAfresh(tx: Executor, dialect: Dialect): Promise<void> {
  const today = chinaToday();
  if (dialect === 'postgres') {
    await sql`lock table clocks in share mode`.execute(tx);
    await sql`delete from clock_light_deltas`.execute(tx);
  }
  await sql`delete from clock_light_counts`.execute(tx);
  await sql`insert into clock_light_counts (unit_id, rule_code, due_date, n) select unit_id, rule_code, due, n from (${grouped(today)}) g`.execute(tx);
  await sql`delete from clock_light_state`.execute(tx);
  await sql`insert into clock_light_state (id, as_of, stamp, counted_at) values (1, ${today}, ${stampOf(dialect)}, ${nowIso()})`.execute(tx);
}

/**
 * Moves the rows that fell due before `today` into their units' buckets (and on PostgreSQL folds the
 * deltas in). Without `wait`, gives up at once when a writer is in the way (a read asked for it).
 */
export async function rollLightCounts(db: Db, dialect: Dialect, wait: boolean): Promise<void> {
  const today = chinaToday();
  try {
    await db.transaction().execute(async (tx) => {
      if (!wait && dialect === 'postgres') await sql`set local lock_timeout = '100ms'`.execute(tx);
      await serialise(tx, dialect);
      const state = await stateOf(tx);
      if (!state || state.as_of > today) return countAfresh(tx, dialect);
      if (dialect === 'postgres') {
        await sql`lock table clock_light_deltas in exclusive mode`.execute(tx);
        await sql`insert into clock_light_counts (unit_id, rule_code, due_date, n) select unit_id, rule_code, due_date, sum(n) from clock_light_deltas group by 1, 2, 3
          on conflict (unit_id, rule_code, due_date) do update set n = clock_light_counts.n + excluded.n`.execute(tx);
        await sql`delete from clock_light_deltas`.execute(tx);
      }
      if (state.as_of === today && dialect === 'sqlite') return;
      await sql`insert into clock_light_counts (unit_id, rule_code, due_date, n)
        select unit_id, '', '', sum(n) from clock_light_counts where due_date <> '' and due_date < ${today} group by unit_id
        on conflict (unit_id, rule_code, due_date) do update set n = clock_light_counts.n + excluded.n`.execute(tx);
      await sql`delete from clock_light_counts where (due_date <> '' and due_date < ${today}) or n = 0`.execute(tx);
      await sql`update clock_light_state set as_of = ${today} where id = 1`.execute(tx);
    });
  } catch (error) {
    if (wait || !((error as { code?: string }).code === '55P03' || isDatabaseBusy(error))) throw error;
  }
}

const rolling = new WeakMap<Db, Promise<void>>();

/** Starts a roll in the background unless one is running (a read found the table behind). */
function rollSoon(db: Db, dialect: Dialect): void {
  if (rolling.has(db)) return;
  const run = rollLightCounts(db, dialect, false)
    .catch(() => undefined)
    .finally(() => rolling.delete(db));
  rolling.set(db, run);
}

/**
 * The stored counts as of today, in one statement (one snapshot); under a path, those of the units
 * below it (a county's, in a province). Counted afresh first if the table was never counted or is as
 * of a later day than today (a clock set back, in tests).
 */
export async function storedLightCounts(db: Db, dialect: Dialect, path: string | null = null): Promise<LightCount[]> {
  const today = chinaToday();
  if (!isDay(today)) throw new Error(`日期不合法：${today}`);
  const state = await stateOf(db);
  if (!state || state.as_of > today) {
    await db.transaction().execute(async (tx) => {
      await serialise(tx, dialect);
      const again = await stateOf(tx);
      if (!again || again.as_of > today) await countAfresh(tx, dialect);
    });
  }
  const rows = (
    await sql<LightCount & { parts: number }>`
      select unit_id, ${asOf(today)}, sum(n) as n, count(*) as parts from (${storedRows(dialect)}) d
      ${path === null ? sql`` : sql`where unit_id in ${unitIdsBelow(path)}`}
      group by 1, 2, 3 having sum(n) <> 0`.execute(db)
  ).rows;
  // SQLite's table is rolled by the daily job only: a read never waits for the write lock.
  if (dialect === 'postgres' && rows.reduce((sum, r) => sum + Number(r.parts), 0) - rows.length > FOLD_AFTER) rollSoon(db, dialect);
  return rows.map((r) => ({ unit_id: r.unit_id, rule_code: r.rule_code, due: r.due, n: Number(r.n) }));
}

/** The running clocks grouped directly, as the stored counts should be (the exactness check). */
export async function directLightCounts(db: Executor): Promise<LightCount[]> {
  const rows = (await sql<LightCount>`${grouped(chinaToday())}`.execute(db)).rows;
  return rows.map((r) => ({ unit_id: r.unit_id, rule_code: r.rule_code, due: r.due, n: Number(r.n) }));
}

export interface LightDrift {
  unitId: string;
  ruleCode: string;
  due: string;
  /** Stored minus counted. */
  off: number;
}

/**
 * The daily check: rolls the table to today, compares it with a direct grouping in one statement,
 * and when they differ counts it afresh and reports the difference (stderr and job_runs 'lights').
 */
export async function checkLightCounts(db: Db, dialect: Dialect): Promise<LightDrift[]> {
  await rollLightCounts(db, dialect, true);
  const today = chinaToday();
  const rows = (
    await sql<{ unit_id: string; rule_code: string; due: string; off: number }>`
      select unit_id, rule_code, due, sum(n) as off from (
        select unit_id, ${asOf(today)}, n from (${storedRows(dialect)}) s
        union all select unit_id, rule_code, due, -n from (${grouped(today)}) g
      ) d group by 1, 2, 3 having sum(n) <> 0`.execute(db)
  ).rows;
  const drifts = rows.map((r) => ({ unitId: r.unit_id, ruleCode: r.rule_code, due: r.due, off: Number(r.off) }));
  if (drifts.length) {
    await db.transaction().execute(async (tx) => {
      await serialise(tx, dialect);
      await countAfresh(tx, dialect);
    });
    process.stderr.write(`红黄牌汇总与重新统计不一致（已修复）：${drifts.length} 组，${drifts.slice(0, 5).map((d) => `${d.unitId} ${d.due || '逾期'} ${d.off > 0 ? '多计' : '少计'} ${Math.abs(d.off)}`).join('；')}\n`);
  }
  const now = nowIso();
  const summary = JSON.stringify({ drifts: drifts.slice(0, 100), driftCount: drifts.length });
  await db
    .insertInto('job_runs')
    .values({ job: 'lights', run_date: today, started_at: now, finished_at: now, summary })
    .onConflict((oc) => oc.columns(['job', 'run_date']).doUpdateSet({ finished_at: now, summary }))
    .execute();
  return drifts;
}
