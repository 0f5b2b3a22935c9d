// Append-only, tamper-evident audit log: each row carries HMAC-SM3(key, previous hash | row).
import { timingSafeEqual } from 'node:crypto';
import { hmacSm3, type Keys } from '../crypto/keys.ts';
import { inTransaction, lockForAppend, type Db, type Dialect, type Executor } from '../db/index.ts';
import { nowIso } from '../ids.ts';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/tables.ts';

export interface Actor {
  id: string | null;
  name: string | null;
  roles: readonly string[];
  unitId: string | null;
  ip: string | null;
}

export type Outcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: Outcome;
  detail?: Record<string, unknown> | null;
}

const GENESIS = '0'.repeat(64);
const AUDIT_LOCK_KEY = 7_001;

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', roles: [], unitId: null, ip: null };

/** The columns of an audit row that its hash covers. */
type ChainedFields = Omit<Selectable<AuditLogTable>, 'prev_hash' | 'hash'>;

function chainHash(key: Buffer, prevHash: string, row: ChainedFields): string {
  const body = JSON.stringify([
    row.seq, row.at, row.actor_id, row.actor_name, row.actor_roles, row.unit_id, row.ip,
    row.action, row.target_type, row.target_id, row.outcome, row.detail,
  ]);
  return hmacSm3(key, `${prevHash}|${body}`).toString('hex');
}

export class AuditLog {
  constructor(
    private readonly keys: Keys,
    private readonly dialect: Dialect,
  ) {}

  /** Appends one entry. Inside a caller's transaction it commits or rolls back with the business write. */
  async record(executor: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
    await inTransaction(executor, async (tx) => {
      await lockForAppend(tx, this.dialect, AUDIT_LOCK_KEY);
      const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const row: ChainedFields = {
        seq: (last?.seq ?? 0) + 1,
        at: nowIso(),
        actor_id: actor.id,
        actor_name: actor.name,
        actor_roles: actor.roles.join(','),
        unit_id: actor.unitId,
        ip: actor.ip,
        action: entry.action,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        outcome: entry.outcome ?? 'success',
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      };
      const prevHash = last?.hash ?? GENESIS;
      await tx.insertInto('audit_log').values({ ...row, prev_hash: prevHash, hash: chainHash(this.keys.audit, prevHash, row) }).execute();
    });
  }

  /** Walks the chain from the start. Returns the first broken row, or the head when intact. */
  async verify(db: Db): Promise<{ ok: boolean; rows: number; brokenSeq?: number; reason?: string; headSeq?: number; headHash?: string }> {
    let prevHash = GENESIS;
    let prevSeq = 0;
    let rows = 0;
    for (;;) {
      const batch = await db.selectFrom('audit_log').selectAll().where('seq', '>', prevSeq).orderBy('seq').limit(2000).execute();
      if (batch.length === 0) break;
      for (const row of batch) {
        if (row.prev_hash !== prevHash) {
          return { ok: false, rows, brokenSeq: row.seq, reason: `第 ${row.seq} 条记录的前序哈希与上一条不符（其前面的记录被删除或修改）` };
        }
        const expected = Buffer.from(chainHash(this.keys.audit, prevHash, row), 'hex');
        const actual = Buffer.from(row.hash, 'hex');
        if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
          return { ok: false, rows, brokenSeq: row.seq, reason: `第 ${row.seq} 条记录的内容与其哈希不符（记录被修改）` };
        }
        prevHash = row.hash;
        prevSeq = row.seq;
        rows++;
      }
    }
    return { ok: true, rows, headSeq: prevSeq, headHash: prevHash };
  }
}
