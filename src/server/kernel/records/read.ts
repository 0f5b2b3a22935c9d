// Reading records for their reader: the row only when it is in the reader's data scope, its clocks as
// the record's page shows them, a workflow record's status with its label and its clock's deadline
// and light as its view shows them, and its sealed personal data masked.
import type { Platform } from '../platform.ts';
import { assertInScope, type DataScope } from '../auth/scope.ts';
import { notFound } from '../http/errors.ts';
import { chinaToday } from '../calendar/days.ts';
import { clocksOf, clocksWithLights, clockView, type ClockRow } from '../workflow/clocks.ts';
import { decryptText } from '../crypto/keys.ts';
import type { Light } from '../calendar/deadline.ts';
import { entries, type RecordDef } from '../../../shared/records.ts';
import type { WorkflowDef } from '../../../shared/workflow.ts';
import { maskIdNumber, maskPhone } from '../../../shared/validators.ts';

/** The row, or one 404 whether it is not there or outside the reader's scope (no existence oracle). */
export function rowInScope<R extends { unit_id: string }>(row: R | undefined, scope: DataScope, what: string): R {
  if (!row) throw notFound(what);
  assertInScope(scope, row.unit_id, what);
  return row;
}

/** The row to print: the public (no scope) sees a published one only, staff any in their scope; else one 404. */
export function printableRow<R extends { unit_id: string; status: string }>(row: R | undefined, scope: DataScope | null, what: string): R {
  if (!row || (scope === null && row.status !== 'published')) throw notFound(what);
  if (scope) assertInScope(scope, row.unit_id, what);
  return row;
}

/** The record's clocks with their deadlines, lights and how they were counted, as of today. */
export async function clockViews(platform: Platform, recordType: string, id: string) {
  const deadlines = await platform.deadlines.load();
  return (await clocksOf(platform.db, recordType, id)).map((c) => clockView(c, deadlines, chinaToday()));
}

/** A workflow record's status and its label. */
export const statusOf = (workflow: WorkflowDef, status: string) => ({ status, statusLabel: workflow.states[status]?.label ?? status });

/** A record's clock as its view shows it: the clock row, its deadline and its light (nulls without one). */
export interface RowClock {
  clock: ClockRow | undefined;
  due: string | null;
  light: Light | null;
}

/**
 * The views of workflow records, with one query for their clocks: each row's status and status label,
 * then `view(row, clock)` — the module's fields, given the row's clock of `clockKey` (without a key,
 * the soonest running one; see clocksWithLights).
 */
export async function workflowViews<R extends { id: string; status: string }, V>(platform: Platform, workflow: WorkflowDef, rows: R[], clockKey: string | undefined, view: (row: R, clock: RowClock) => V) {
  if (rows.length === 0) return [];
  const clocks = await clocksWithLights(platform, workflow.recordType, rows.map((r) => r.id), clockKey);
  return rows.map((r) => {
    const { clock, light = null } = clocks.get(r.id) ?? {};
    return { ...statusOf(workflow, r.status), ...view(r, { clock, due: clock?.due_date ?? null, light }) };
  });
}

/** The record's sealed personal data (ID numbers, phones) masked (110***********1234); in full only through the audited unmask route. */
export function maskedSealed(platform: Platform, def: RecordDef<any>, row: object): Record<string, string | null> {
  const columns = row as Record<string, string | null | undefined>;
  const masked: Record<string, string | null> = {};
  for (const [name, spec] of entries(def)) {
    if (!spec.sealed) continue;
    const sealed = columns[spec.column];
    masked[name] = sealed ? (spec.kind === 'idNumber' ? maskIdNumber : maskPhone)(decryptText(platform.keys, sealed)) : null;
  }
  return masked;
}
