// A record's timeline: who did what, when, from which status to which, with the note.
import type { Executor } from '../db/index.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../audit/index.ts';
import type { TimelineEntryView } from '../../../shared/workflow.ts';

export interface TimelineWrite {
  recordType: string;
  recordId: string;
  action: string;
  label: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
}

let lastAt = 0;
/** Strictly increasing timestamps, so that entries written in one transaction keep their order. */
function timelineNow(): string {
  lastAt = Math.max(Date.now(), lastAt + 1);
  return new Date(lastAt).toISOString();
}

/** The name shown on timelines: the person's name when known, else the account or job name. */
export const actorDisplayName = (actor: Actor & { displayName?: string }) => actor.displayName ?? actor.name;

export async function addTimeline(tx: Executor, actor: Actor & { displayName?: string }, entry: TimelineWrite): Promise<void> {
  await tx
    .insertInto('timeline_entries')
    .values({
      id: newId(),
      record_type: entry.recordType,
      record_id: entry.recordId,
      at: timelineNow(),
      actor_id: actor.id,
      actor_name: actorDisplayName(actor),
      action: entry.action,
      label: entry.label,
      from_status: entry.fromStatus ?? null,
      to_status: entry.toStatus ?? null,
      note: entry.note ?? null,
    })
    .execute();
}

export async function readTimeline(db: Executor, recordType: string, recordId: string): Promise<TimelineEntryView[]> {
  const rows = await db
    .selectFrom('timeline_entries')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorName: r.actor_name,
    action: r.action,
    label: r.label,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    note: r.note,
  }));
}
