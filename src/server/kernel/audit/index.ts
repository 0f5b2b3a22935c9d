// Append-only, tamper-evident audit log: each row carries HMAC-SM3(key, previous hash | row).
import { timingSafeEqual } from 'node:crypto';
import { hmacSm3, type Keys } from '../crypto/keys.ts';
import { inTransaction, type Db, type Dialect, type Executor } from '../db/index.ts';
import { deferToCommit } from '../db/before-commit.ts';
import { nowIso } from '../ids.ts';
import { sql, type Selectable } from 'kysely';
import { escapeLiteral } from 'pg';
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
/** An entry recorded, not yet in the chain: its place (`seq`) and time (`at`) come at its append. */
type Pending = Omit<ChainedFields, 'seq' | 'at'>;
type Chained = Selectable<AuditLogTable>;

const COLUMNS = ['seq', 'at', 'actor_id', 'actor_name', 'actor_roles', 'unit_id', 'ip', 'action', 'target_type', 'target_id', 'outcome', 'detail', 'prev_hash', 'hash'] as const satisfies readonly (keyof Chained)[];

/** The INSERT of chained rows as SQL text with literal values, to travel with the COMMIT (PostgreSQL). */
function insertStatement(rows: Chained[]): string {
  const literal = (value: string | number | null) => (value === null ? 'null' : typeof value === 'number' ? String(Math.trunc(value)) : escapeLiteral(value));
  const values = rows.map((row) => `(${COLUMNS.map((column) => literal(row[column])).join(', ')})`);
  return `insert into audit_log (${COLUMNS.join(', ')}) values ${values.join(',\n')}`;
}

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

  /**
   * Records one entry; it commits or rolls back with the caller's transaction (or its own, given the
   * database). The entry joins the chain as its transaction's last work, right before the COMMIT
   * (`deferToCommit`): the chain's lock, which orders the appenders, is held for that append and the
   * commit only, not for the rest of the business transaction. So `seq` is the order in which the
   * entries' transactions committed, and `at` the time the entry joined the chain — at its
   * transaction's end, after the write it records, and in the chain's order. In a transaction this
   * layer did not begin (no deferred work), the entry is appended at once, as before.
   */
  async record(executor: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
    const pending: Pending = {
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
    await inTransaction(executor, async (tx) => {
      if (!(await deferToCommit(tx, this, pending, this.appendAtCommit))) await this.insert(tx, await this.chain(tx, [pending]));
    });
  }

  /**
   * The deferred append. On PostgreSQL its INSERT goes to the database with the COMMIT, in one message
   * (`before-commit.ts`): the chain's lock, taken with the head's read, is then held for one turn of
   * this process (hashing the entries) and the database's own time, not for three round trips that
   * each wait for a busy worker.
   */
  private readonly appendAtCommit = async (tx: Executor, entries: Pending[]): Promise<string | void> => {
    const rows = await this.chain(tx, entries);
    if (this.dialect === 'postgres') return insertStatement(rows);
    await this.insert(tx, rows);
  };

  /**
   * The entries chained after the head, in order. On PostgreSQL the chain's lock (held until the
   * commit) and the head's read are one statement (`audit_chain_head`, migration
   * kernel_0019): the read, after the lock's grant, sees the last append committed before it.
   * SQLite has a single writer anyway.
   */
  private async chain(tx: Executor, entries: Pending[]): Promise<Chained[]> {
    const last =
      this.dialect === 'postgres'
        ? (await sql<{ seq: number; hash: string }>`select seq, hash from audit_chain_head(${AUDIT_LOCK_KEY})`.execute(tx)).rows[0]
        : await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let seq = Number(last?.seq ?? 0);
    let prevHash = last?.hash ?? GENESIS;
    return entries.map((entry) => {
      const row: ChainedFields = { seq: ++seq, at: nowIso(), ...entry };
      const hash = chainHash(this.keys.audit, prevHash, row);
      const chained = { ...row, prev_hash: prevHash, hash };
      prevHash = hash;
      return chained;
    });
  }

  private async insert(tx: Executor, rows: Chained[]): Promise<void> {
    // 14 values a row: well inside either engine's limit of bound parameters.
    for (let i = 0; i < rows.length; i += 500) await tx.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
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
