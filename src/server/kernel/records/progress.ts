// Where each reporting unit stands with a record it owes once a year (an annual report): the
// departments and towns in scope, each with its record's status, or 未起草 — the law office's 报送情况.
import type { Platform } from '../platform.ts';
import { scoped, type DataScope } from '../auth/scope.ts';
import type { WorkflowDef } from '../../../shared/workflow.ts';
import type { YearlyProgress } from '../../../shared/records.ts';

/** `table` holds one record per unit and year (unit_id, year, status, published_date). */
export async function yearlyProgress(platform: Platform, scope: DataScope, spec: { table: string; workflow: WorkflowDef; year: number; due: string }): Promise<YearlyProgress> {
  const db = platform.db as any;
  const [units, records] = await Promise.all([
    scoped(platform.db.selectFrom('org_units').select(['id', 'code', 'name', 'kind']).where('active', '=', 1).where('kind', 'in', ['department', 'town']), scope, 'id').orderBy('kind').orderBy('code').execute(),
    scoped(db.selectFrom(spec.table).select(['id', 'unit_id', 'status', 'published_date']).where('year', '=', spec.year), scope, 'unit_id').execute() as Promise<{ id: string; unit_id: string; status: string; published_date: string | null }[]>,
  ]);
  const byUnit = new Map(records.map((r) => [r.unit_id, r]));
  const counts: Record<string, number> = Object.fromEntries(['none', ...Object.keys(spec.workflow.states)].map((k) => [k, 0]));
  const rows = units.map((u) => {
    const r = byUnit.get(u.id);
    counts[r?.status ?? 'none'] = (counts[r?.status ?? 'none'] ?? 0) + 1;
    return { unitId: u.id, unitCode: u.code, unitName: u.name, kind: u.kind, reportId: r?.id ?? null, status: r?.status ?? null, statusLabel: r ? (spec.workflow.states[r.status]?.label ?? r.status) : '未起草', publishedDate: r?.published_date ?? null };
  });
  return { year: spec.year, due: spec.due, counts, units: rows };
}
