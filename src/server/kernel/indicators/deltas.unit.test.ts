// Which figure shapes take deltas, and how: read from the compiled SQL of a figure's query, without
// a database (test/indicator-facts.api.test.ts holds the triggers to a direct count on both engines).
import { describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { analyseFigure, figureSql, LOCK_BUCKETS, pgLocks, pgTriggers, type FigurePlan } from './deltas.ts';
import type { IndicatorDef, RecordSource } from './registry.ts';
import type { Db, Dialect } from '../db/index.ts';
import { chinaToday } from '../calendar/days.ts';

// Compiling needs a dialect, not a connection.
const dbs: Record<Dialect, Db> = {
  sqlite: new Kysely<any>({ dialect: new SqliteDialect({ database: {} as any }) }),
  postgres: new Kysely<any>({ dialect: new PostgresDialect({ pool: {} as any }) }),
};
const COLUMNS: Record<string, string[]> = {
  cases: ['id', 'unit_id', 'title', 'received_date', 'status', 'reply_date'],
  clocks: ['id', 'record_type', 'record_id', 'status', 'due_date'],
  plans: ['id', 'year'],
  tasks: ['id', 'plan_id', 'unit_id', 'title'],
  notes: ['id', 'case_id', 'kind'],
};
const figure = (records: RecordSource): Extract<IndicatorDef, { kind: 'count' }> => ({ code: 'x.test', name: '测试', measure: '件', kind: 'count', definition: '测试', recordType: 'case', linkPrefix: null, records });
const analyse = (records: RecordSource, dialect: Dialect = 'sqlite') => analyseFigure(figure(records), dbs[dialect], dialect, new Set(Object.keys(COLUMNS)), (t) => COLUMNS[t] ?? []);
const receivedIn: RecordSource = (db, y) => db.selectFrom('cases' as any).select(['id', 'title', 'unit_id', 'received_date as date']).where('received_date', '>=', `${y}-01-01`).where('received_date', '<=', `${y}-12-31`);

describe('figure shapes', () => {
  it('a record table read by date range: linear, the year taken from the stored years, other values written in', () => {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const { plan } = analyse((db, y) => receivedIn(db, y).where('status', '=', 'replied'), dialect);
      expect(plan?.tables.get('cases')?.kind).toBe('linear');
      expect(plan!.sql).toContain(`"received_date" >= ('' || cast("__y"."__fy" as text) || '-01-01')`);
      expect(plan!.sql).toContain(`"status" = 'replied'`);
      expect(plan!.sql).not.toMatch(/\?|\$\d/);
      expect(plan!.dayDependent).toBe(false);
      // The title is only shown: a write to it cannot move the figure.
      expect(plan!.columns.get('cases')).toEqual(['id', 'unit_id', 'received_date', 'status']);
      expect(figureSql(plan!, dialect, 'cases', 'new_rows')).toContain('from new_rows as "cases"');
    }
  });

  it('a parent joined by its key: both tables linear; the year as a number', () => {
    const { plan } = analyse((db, y) => db.selectFrom('tasks as t' as any).innerJoin('plans as p' as any, 'p.id', 't.plan_id').select(['t.id', 't.title', 't.unit_id', sql<string>`null`.as('date')]).where('p.year', '=', y));
    expect([...plan!.tables].map(([t, use]) => `${t}:${use.kind}`)).toEqual(['tasks:linear', 'plans:linear']);
    expect(plan!.sql).toContain('"p"."year" = "__y"."__fy"');
  });

  it("a record's clocks in an EXISTS that names the record: correlated by that column; a day that follows today is the stored set's day", () => {
    const { plan } = analyse((db, y) =>
      receivedIn(db, y).where((eb: any) => eb.exists(eb.selectFrom('clocks as c').select('c.id').whereRef('c.record_id', '=', 'cases.id').where('c.status', '=', 'running').where('c.due_date', '<', chinaToday()))),
    );
    expect(plan?.tables.get('clocks')).toMatchObject({ kind: 'correlated', column: 'record_id' });
    expect(plan!.dayDependent).toBe(true);
    expect(plan!.sql).toContain('"c"."due_date" < "__y"."__day"');
  });

  it('shapes no delta can follow are named with the reason', () => {
    const notExists = analyse((db, y) => receivedIn(db, y).where((eb: any) => eb.not(eb.exists(eb.selectFrom('clocks as c').select('c.id').whereRef('c.record_id', '=', 'cases.id')))));
    expect(notExists.reason).toContain('NOT EXISTS');
    const uncorrelated = analyse((db, y) => receivedIn(db, y).where((eb: any) => eb.exists(eb.selectFrom('clocks as c').select('c.id').where('c.status', '=', 'running'))));
    expect(uncorrelated.reason).toContain('不以一列对应外层记录');
    const bare = analyse((db, y) => receivedIn(db, y).where(sql<boolean>`exists (select 1 from clocks where clocks.record_id = cases.id)`));
    expect(bare.reason).toContain('未加引号');
  });
});

describe('the locks of PostgreSQL writers', () => {
  const plan = (records: RecordSource) => analyse(records, 'postgres').plan!;
  const clockOf = (db: Db, y: number) =>
    receivedIn(db, y).where((eb: any) => eb.exists(eb.selectFrom('clocks as c').select('c.id').where('c.record_type', '=', 'case').whereRef('c.record_id', '=', 'cases.id').where('c.status', '=', 'running')));
  const clocksOfCases = (p: FigurePlan, t: string) => (t === 'clocks' ? { column: 'record_type', values: ['case'] } : null);

  it('a record and its clocks: one lock per record, taken by the record\'s writers and by its clocks\' writers (each other)', () => {
    const p = plan(clockOf);
    expect(p.links).toEqual([{ table: 'clocks', column: 'record_id', other: 'cases', otherColumn: 'id' }]);
    expect(pgLocks('cases', [p], clocksOfCases)).toEqual([{ key: 'cases.id=clocks.record_id', column: 'id', filter: null }]);
    expect(pgLocks('clocks', [p], clocksOfCases)).toEqual([{ key: 'cases.id=clocks.record_id', column: 'record_id', filter: { column: 'record_type', values: ['case'] } }]);
    // The trigger takes the class's lock shared and each record's bucket (LOCK_BUCKETS), in order; a bulk statement the class's alone.
    const body = pgTriggers('clocks', [p], pgLocks('clocks', [p], clocksOfCases)).find((t) => t.name.includes('_update_'))!.create[0]!;
    expect(body).toContain(`select "record_id"::text as k from old_rows where "record_type" in ('case') union select "record_id"::text as k from new_rows where "record_type" in ('case')`);
    expect(body).toContain(`pg_advisory_xact_lock_shared(hashtextextended(TG_TABLE_SCHEMA || ':fazhi-indicators:cases.id=clocks.record_id', 0))`);
    expect(body).toContain(`pg_advisory_xact_lock(hashtextextended(TG_TABLE_SCHEMA || ':fazhi-indicators:cases.id=clocks.record_id' || ':' || b, 0)) from unnest(array(select distinct (hashtext(k) & ${LOCK_BUCKETS - 1}) from unnest(keys) as k order by 1)) as b`);
    expect(body).toMatch(/if cardinality\(keys\) > \d+ then perform pg_advisory_xact_lock\(hashtextextended\(TG_TABLE_SCHEMA \|\| ':fazhi-indicators:cases\.id=clocks\.record_id', 0\)\)/);
  });

  it('a joined parent: per parent; a figure of one table: none; tables no equality joins directly: one lock for the pair', () => {
    const tasks = plan((db, y) =>
      db.selectFrom('tasks as t' as any).innerJoin('plans as p' as any, 'p.id', 't.plan_id').select(['t.id', 't.title', 't.unit_id', sql<string>`null`.as('date')]).where('p.year', '=', y)
        .where((eb: any) => eb.exists(eb.selectFrom('clocks as c').select('c.id').whereRef('c.record_id', '=', 't.id'))),
    );
    expect(pgLocks('plans', [tasks], () => null)).toEqual([
      { key: 'clocks~plans', column: null, filter: null },
      { key: 'plans.id=tasks.plan_id', column: 'id', filter: null },
    ]);
    expect(pgLocks('tasks', [tasks], () => null)).toEqual([
      { key: 'clocks.record_id=tasks.id', column: 'id', filter: null },
      { key: 'plans.id=tasks.plan_id', column: 'plan_id', filter: null },
    ]);
    expect(pgLocks('clocks', [tasks], () => null).map((l) => `${l.key}:${l.column}`)).toEqual(['clocks.record_id=tasks.id:record_id', 'clocks~plans:null']);
    expect(pgLocks('cases', [plan(receivedIn)], () => null)).toEqual([]);
    // An ON with an OR joins no pair for certain: one lock for the pair.
    const either = plan((db, y) =>
      db.selectFrom('cases as k' as any).innerJoin('notes as n' as any, (j: any) => j.on((eb: any) => eb.or([eb('n.case_id', '=', eb.ref('k.id')), eb('n.kind', '=', 'x')])))
        .select(['k.id', 'k.title', 'k.unit_id', 'k.received_date as date']).where('k.received_date', '>=', `${y}-01-01`));
    expect(either.links).toEqual([]);
    expect(pgLocks('notes', [either], () => null)).toEqual([{ key: 'cases~notes', column: null, filter: null }]);
    const joined = plan((db, y) => db.selectFrom('cases as k' as any).innerJoin('notes as n' as any, 'n.case_id', 'k.id').select(['k.id', 'k.title', 'k.unit_id', 'k.received_date as date']).where('k.received_date', '>=', `${y}-01-01`));
    expect(pgLocks('notes', [joined], () => null)).toEqual([{ key: 'cases.id=notes.case_id', column: 'case_id', filter: null }]);
  });
});
