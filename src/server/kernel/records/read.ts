// Reading one record for its reader: the row only when it is in the reader's data scope, and its
// clocks as the record's page shows them.
import type { Platform } from '../platform.ts';
import { assertInScope, type DataScope } from '../auth/scope.ts';
import { notFound } from '../http/errors.ts';
import { chinaToday } from '../calendar/days.ts';
import { clocksOf, clockView } from '../workflow/clocks.ts';

/** The row, or one 404 whether it is not there or outside the reader's scope (no existence oracle). */
export function rowInScope<R extends { unit_id: string }>(row: R | undefined, scope: DataScope, what: string): R {
  if (!row) throw notFound(what);
  assertInScope(scope, row.unit_id, what);
  return row;
}

/** The record's clocks with their deadlines, lights and how they were counted, as of today. */
export async function clockViews(platform: Platform, recordType: string, id: string) {
  const deadlines = await platform.deadlines.load();
  return (await clocksOf(platform.db, recordType, id)).map((c) => clockView(c, deadlines, chinaToday()));
}
