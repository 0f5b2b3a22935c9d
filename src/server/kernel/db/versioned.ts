// Optimistic concurrency: a write names the version it read; a stale version changes nothing (409).
import { staleVersion } from '../http/errors.ts';
import { nowIso } from '../ids.ts';
import type { Tx } from './index.ts';

/** The stamps of a new record (withStamps' columns): version 1, created and updated now by the actor. */
export function newStamps(actorId: string | null) {
  const now = nowIso();
  return { version: 1, created_at: now, created_by: actorId, updated_at: now, updated_by: actorId };
}

const versionedUpdate = (tx: Tx, table: string, id: string, version: number, values: Record<string, unknown>, actorId: string | null, keyColumn: string) =>
  (tx as any)
    .updateTable(table)
    .set({ ...values, version: version + 1, updated_at: nowIso(), updated_by: actorId })
    .where(keyColumn, '=', id)
    .where('version', '=', version);

export async function updateVersioned(
  tx: Tx,
  table: string,
  id: string,
  version: number,
  values: Record<string, unknown>,
  actorId: string | null,
  keyColumn = 'id',
): Promise<number> {
  const result = await versionedUpdate(tx, table, id, version, values, actorId, keyColumn).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw staleVersion();
  return version + 1;
}

/** As `updateVersioned`, returning the row as written (one statement where an update and a read were two). */
export async function updateVersionedRow<T>(tx: Tx, table: string, id: string, version: number, values: Record<string, unknown>, actorId: string | null): Promise<T> {
  const row = await versionedUpdate(tx, table, id, version, values, actorId, 'id').returningAll().executeTakeFirst();
  if (!row) throw staleVersion();
  return row as T;
}
