// Optimistic concurrency: a write names the version it read; a stale version changes nothing (409).
import { staleVersion } from '../http/errors.ts';
import { nowIso } from '../ids.ts';
import type { Tx } from './index.ts';

/** The stamps of a new record (withStamps' columns): version 1, created and updated now by the actor. */
export function newStamps(actorId: string | null) {
  const now = nowIso();
  return { version: 1, created_at: now, created_by: actorId, updated_at: now, updated_by: actorId };
}

export async function updateVersioned(
  tx: Tx,
  table: string,
  id: string,
  version: number,
  values: Record<string, unknown>,
  actorId: string | null,
  keyColumn = 'id',
): Promise<number> {
  const result = await (tx as any)
    .updateTable(table)
    .set({ ...values, version: version + 1, updated_at: nowIso(), updated_by: actorId })
    .where(keyColumn, '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw staleVersion();
  return version + 1;
}
