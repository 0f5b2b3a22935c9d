// A unit's record for a year (one per unit and year, e.g. a yearly report): its draft's creation, its
// reader (the ledger and one record, with the unit's name and code and the publication clock), and
// the published ones as the portal lists them.
import type { Platform } from '../platform.ts';
import type { Executor } from '../db/index.ts';
import type { Actor } from '../audit/index.ts';
import { chinaToday } from '../calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../workflow/engine.ts';
import { addTimeline } from '../workflow/timeline.ts';
import { workflowViews } from './read.ts';
import { recordReader, type RecordReader } from './reader.ts';
import { recordView } from './view.ts';
import type { ClockEffect, WorkflowDef } from '../../../shared/workflow.ts';
import type { RecordDef } from '../../../shared/records.ts';

export interface YearlyDraft {
  /** The record's table, with a unique key on (unit_id, year). */
  table: string;
  row: { id: string; status: string };
  year: number;
  workflow: WorkflowDef;
  /** The clock the draft starts. */
  clock: ClockEffect;
  /** The timeline's label for the draft. */
  label: string;
  /** The error when the unit has its record for the year already. */
  duplicate: () => Error;
  audit: { action: string; detail: Record<string, unknown> };
}

/**
 * Inserts the draft in a transaction of its own: of two clerks drafting at once, the (unit, year) key
 * lets one through; on the timeline, its clock started from the start of the next year (from today,
 * for a draft made early), audited.
 */
export async function insertYearlyDraft(platform: Platform, actor: Actor, draft: YearlyDraft): Promise<void> {
  const { row, workflow } = draft;
  await platform.db.transaction().execute(async (tx) => {
    const inserted = await (tx as any).insertInto(draft.table).values(row).onConflict((oc: any) => oc.columns(['unit_id', 'year']).doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw draft.duplicate();
    await addTimeline(tx, actor, { recordType: workflow.recordType, recordId: row.id, action: 'create', label: draft.label, toStatus: row.status, note: null });
    const start = [chinaToday(), `${draft.year + 1}-01-01`].sort()[0]!;
    await applyEffects(tx, platform, actor, workflow, row as unknown as WorkflowRecord, [draft.clock], start);
    await platform.audit.record(tx, actor, { action: draft.audit.action, targetType: workflow.recordType, targetId: row.id, detail: draft.audit.detail });
  });
}

/** A yearly record's row with its unit's name and code (`unit_name`, `unit_code`). */
export interface YearlyRow {
  id: string;
  unit_name: string;
  unit_code: string;
  year: number;
  title: string;
  issuer: string;
  issued_date: string | null;
  published_date: string | null;
}

/** The order unless the user sorts: newest year first, the county's before its units' (by code). */
const yearlyOrder = (q: any) => q.orderBy('r.year', 'desc').orderBy('r.kind').orderBy('u.code');

export type YearlyReader<Row, V> = RecordReader<Row, V, { year?: number }> & { views(platform: Platform, rows: Row[]): Promise<V[]> };

/**
 * The reader of a yearly record read through `query` (its rows as `r`, with their unit's name and
 * code, their unit as `u`): the definition's view, the unit's name and code, the publication clock's
 * deadline (the row's `publish_due` before it runs) and light; the ledger filtered by year.
 */
export function yearlyReader<Row extends YearlyRow & { status: string; unit_id: string; publish_due: string; updated_at: string }, V>(spec: { def: RecordDef<any>; workflow: WorkflowDef; what: string; query: (db: Executor) => any }): YearlyReader<Row, V> {
  const views = (platform: Platform, rows: Row[]) =>
    workflowViews(platform, spec.workflow, rows, undefined, (r, { due, light }) => ({
      ...recordView(spec.def, r),
      unitName: r.unit_name,
      unitCode: r.unit_code,
      due: due ?? r.publish_due,
      light,
      updatedAt: r.updated_at,
    })) as Promise<V[]>;
  const reader = recordReader<Row, V, { year?: number }>({
    def: spec.def, what: spec.what, alias: 'r', query: spec.query, views,
    defaultSort: { field: 'year', order: 'desc' }, defaultOrder: yearlyOrder,
    filter: (q, query) => (query.year ? q.where('r.year', '=', query.year) : q),
  });
  return { ...reader, views };
}

/** What the portal shows of a published one. */
export const publishedView = (r: YearlyRow) => ({ id: r.id, unitName: r.unit_name, unitCode: r.unit_code, year: r.year, title: r.title, issuer: r.issuer, issuedDate: r.issued_date, publishedDate: r.published_date });

/**
 * The published ones of `table`, read through `query` (its rows as `r`, their unit as `u`), of a year
 * and a unit when asked: newest year first, the county's before its units' (by code); with the years
 * that have any.
 */
export async function listPublishedYearly(db: Executor, table: string, query: any, filter: { year?: number; unit?: string }) {
  let q = query.where('r.status', '=', 'published');
  if (filter.year) q = q.where('r.year', '=', filter.year);
  if (filter.unit) q = q.where('u.code', '=', filter.unit);
  const [rows, years] = await Promise.all([
    yearlyOrder(q).limit(1000).execute() as Promise<YearlyRow[]>,
    (db as any).selectFrom(table).select('year').distinct().where('status', '=', 'published').orderBy('year', 'desc').execute() as Promise<{ year: number }[]>,
  ]);
  return { items: rows.map(publishedView), years: years.map((y) => y.year) };
}
