// Which figure shapes take deltas, and how: read from the compiled SQL of a figure's query, without
// a database (test/indicator-facts.api.test.ts holds the triggers to a direct count on both engines).
import { describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { analyseFigure, figureSql } from './deltas.ts';
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
