// A record moved to another unit (a task given a new lead unit, a complaint assigned on, a decision
// whose catalog item changed hands): what is kept beside it under its unit follows it, so that its new
// unit reads and answers it and its old unit no longer does.
import type { Tx } from '../db/index.ts';

/** Evidence files, the online submission (with its applicant's files) and the clocks of the records follow them to `unitId`. */
export async function moveBelongings(tx: Tx, recordType: string, recordIds: readonly string[], unitId: string): Promise<void> {
  if (!recordIds.length) return;
  for (const table of ['attachments', 'public_submissions', 'clocks'] as const) {
    await tx.updateTable(table).set({ unit_id: unitId }).where('record_type', '=', recordType).where('record_id', 'in', recordIds).execute();
  }
}
