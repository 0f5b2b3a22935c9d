// In-app notifications: 督办 escalations, daily digests and anything a module wants a person to see.
import type { Executor } from '../db/index.ts';
import { newId, nowIso } from '../ids.ts';

export interface NotificationWrite {
  kind: 'escalation' | 'digest' | (string & {});
  title: string;
  body?: string | null;
  link?: string | null;
  recordType?: string | null;
  recordId?: string | null;
}

/** People a statement: a province's digest or escalation can reach hundreds, and one insert's parameters must stay within what either engine takes. */
const PER_INSERT = 500;

export async function notify(db: Executor, userIds: readonly string[], n: NotificationWrite): Promise<void> {
  const now = nowIso();
  for (let i = 0; i < userIds.length; i += PER_INSERT) {
    await db
      .insertInto('notifications')
      .values(
        userIds.slice(i, i + PER_INSERT).map((userId) => ({
          id: newId(),
          user_id: userId,
          kind: n.kind,
          title: n.title,
          body: n.body ?? null,
          link: n.link ?? null,
          record_type: n.recordType ?? null,
          record_id: n.recordId ?? null,
          created_at: now,
          read_at: null,
        })),
      )
      .execute();
  }
}

/** Active users holding a role, optionally in one unit. */
export async function usersWithRole(db: Executor, role: string, unitId?: string): Promise<string[]> {
  let q = db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select('u.id')
    .where('r.role', '=', role)
    .where('u.disabled', '=', 0);
  if (unitId) q = q.where('u.unit_id', '=', unitId);
  return (await q.execute()).map((r) => r.id);
}
