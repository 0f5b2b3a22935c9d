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
/** Entries linked per round of the chainer (PostgreSQL). */
const CHAIN_BATCH = 1_000;

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', roles: [], unitId: null, ip: null };

/** The columns of an audit row that its hash covers. */
type ChainedFields = Omit<Selectable<AuditLogTable>, 'prev_hash' | 'hash'>;
/** An entry recorded, not yet in the chain: its place (`seq`) comes at its append, its time (`at`) at its transaction's end. */
type Pending = Omit<ChainedFields, 'seq' | 'at'>;
type Timed = Pending & { at: string };
type Chained = Selectable<AuditLogTable>;

const COLUMNS = ['seq', 'at', 'actor_id', 'actor_name', 'actor_roles', 'unit_id', 'ip', 'action', 'target_type', 'target_id', 'outcome', 'detail', 'prev_hash', 'hash'] as const satisfies readonly (keyof Chained)[];

const PENDING_COLUMNS = COLUMNS.filter((column) => column !== 'seq' && column !== 'prev_hash' && column !== 'hash');

/** An INSERT as SQL text with literal values, to travel with the COMMIT (PostgreSQL). */
function insertStatement<Row extends Record<string, string | number | null>>(table: string, columns: readonly (keyof Row & string)[], rows: Row[]): string {
  const literal = (value: string | number | null) => (value === null ? 'null' : typeof value === 'number' ? String(Math.trunc(value)) : escapeLiteral(value));
  const values = rows.map((row) => `(${columns.map((column) => literal(row[column]!)).join(', ')})`);
  return `insert into ${table} (${columns.join(', ')}) values ${values.join(',\n')}`;
}

function chainHash(key: Buffer, prevHash: string, row: ChainedFields): string {
  const body = JSON.stringify([
    row.seq, row.at, row.actor_id, row.actor_name, row.actor_roles, row.unit_id, row.ip,
    row.action, row.target_type, row.target_id, row.outcome, row.detail,
  ]);
  return hmacSm3(key, `${prevHash}|${body}`).toString('hex');
}

/** An entry with its time: the moment its transaction ends. */
const timed = (entry: Pending): Timed => ({ ...entry, at: nowIso() });

export class AuditLog {
  constructor(
    private readonly keys: Keys,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Records one entry; it commits or rolls back with the caller's transaction (or its own, given the
   * database). It is written as its transaction's last work, right before the COMMIT
   * (`deferToCommit`), with `at` the time of the transaction's end.
   *
   * SQLite appends it to the chain there (one writer at a time anyway). On PostgreSQL the entry goes
   * into `audit_pending` with the COMMIT, in one message, taking no lock; right after the COMMIT, on
   * the same connection, the chainer links every committed waiting entry into the chain under the
   * chain's lock (`chainPending`). So no business transaction ever waits for the chain's lock or
   * holds its own locks while another waits for it, and an entry is in the chain before the request
   * that wrote it answers. `seq` is the order in which entries joined the chain. An entry whose
   * process stopped between its COMMIT and its chaining joins at the next chaining: any audited
   * write's, a read of the log, or the platform's start.
   *
   * In a transaction this layer did not begin (no deferred work), the entry is appended at once.
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
      const deferred = this.dialect === 'postgres' ? await deferToCommit(tx, this, pending, this.pendAtCommit, this.chainAfterCommit) : await deferToCommit(tx, this, pending, this.appendAtCommit);
      if (!deferred) await this.insert(tx, await this.chain(tx, [timed(pending)]));
    });
  }

  /** SQLite: the deferred append, in the transaction. */
  private readonly appendAtCommit = async (tx: Executor, entries: Pending[]): Promise<void> => {
    await this.insert(tx, await this.chain(tx, entries.map(timed)));
  };

  /** PostgreSQL: the entries' INSERT into `audit_pending`, sent with the COMMIT (`before-commit.ts`). */
  private readonly pendAtCommit = async (_tx: Executor, entries: Pending[]): Promise<string> =>
    insertStatement<Timed>('audit_pending', PENDING_COLUMNS, entries.map(timed));

  /** PostgreSQL, right after the COMMIT: a failed chaining leaves the entries waiting for the next one. */
  private readonly chainAfterCommit = async (db: Db): Promise<void> => {
    await this.chainPending(db).catch(() => undefined);
  };

  /**
   * Links the committed entries waiting in `audit_pending` into the chain, in the order they were
   * written, and returns how many. On PostgreSQL the chain's lock, the head and the waiting entries
   * come in one statement (`audit_chain_pending`, migration kernel_0020), and the chain's INSERT and
   * the entries' removal go with the COMMIT: the lock is held for one turn of this process. A lock
   * held elsewhere for more than a few seconds makes it give up (the entries wait for the next one).
   * Everything that reads the log calls it first.
   */
  async chainPending(db: Db): Promise<number> {
    let linked = 0;
    for (;;) {
      const batch = await (this.dialect === 'postgres' ? this.chainBatchPostgres(db) : this.chainBatchSqlite(db));
      linked += batch;
      if (batch < CHAIN_BATCH) return linked;
    }
  }

  private async chainBatchPostgres(db: Db): Promise<number> {
    // One connection for the whole transaction: the caller's (after its COMMIT) or one from the pool.
    return db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      try {
        await sql`set local lock_timeout = '5s'`.execute(conn);
        const { rows } = await sql<{ head_seq: number | null; head_hash: string | null; entry: Timed & { id: number } }>`select * from audit_chain_pending(${AUDIT_LOCK_KEY}, ${CHAIN_BATCH})`.execute(conn);
        if (!rows.length) {
          await sql`commit`.execute(conn);
          return 0;
        }
        const entries = rows.map((r) => r.entry);
        const chained = this.link({ seq: rows[0]!.head_seq, hash: rows[0]!.head_hash }, entries);
        const done = `delete from audit_pending where id in (${entries.map((e) => Math.trunc(e.id)).join(', ')})`;
        await sql.raw(`${insertStatement('audit_log', COLUMNS, chained)};\n${done};\ncommit`).execute(conn);
        return rows.length;
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
  }

  private async chainBatchSqlite(db: Db): Promise<number> {
    return db.transaction().execute(async (tx) => {
      const waiting = await tx.selectFrom('audit_pending').selectAll().orderBy('id').limit(CHAIN_BATCH).execute();
      if (!waiting.length) return 0;
      await this.insert(tx, await this.chain(tx, waiting.map(({ id: _id, ...entry }) => entry)));
      await tx.deleteFrom('audit_pending').where('id', 'in', waiting.map((e) => e.id)).execute();
      return waiting.length;
    });
  }

  /**
   * The entries chained after the head, in order. On PostgreSQL the chain's lock (held until the
   * commit) and the head's read are one statement (`audit_chain_head`, migration kernel_0019): the
   * read, after the lock's grant, sees the last append committed before it. SQLite has a single
   * writer anyway.
   */
  private async chain(tx: Executor, entries: Timed[]): Promise<Chained[]> {
    const last =
      this.dialect === 'postgres'
        ? (await sql<{ seq: number; hash: string }>`select seq, hash from audit_chain_head(${AUDIT_LOCK_KEY})`.execute(tx)).rows[0]
        : await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return this.link({ seq: last?.seq ?? null, hash: last?.hash ?? null }, entries);
  }

  /** Hashes `entries` into the chain after `head` (none: the chain is empty). */
  private link(head: { seq: number | null; hash: string | null }, entries: Timed[]): Chained[] {
    let seq = Number(head.seq ?? 0);
    let prevHash = head.hash ?? GENESIS;
    return entries.map((entry) => {
      const row: ChainedFields = {
        seq: ++seq, at: entry.at, actor_id: entry.actor_id, actor_name: entry.actor_name, actor_roles: entry.actor_roles, unit_id: entry.unit_id,
        ip: entry.ip, action: entry.action, target_type: entry.target_type, target_id: entry.target_id, outcome: entry.outcome, detail: entry.detail,
      };
      const chained = { ...row, prev_hash: prevHash, hash: chainHash(this.keys.audit, prevHash, row) };
      prevHash = chained.hash;
      return chained;
    });
  }

  private async insert(tx: Executor, rows: Chained[]): Promise<void> {
    // 14 values a row: well inside either engine's limit of bound parameters.
    for (let i = 0; i < rows.length; i += 500) await tx.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
  }

  /** Walks the chain from the start. Returns the first broken row, or the head when intact. */
  async verify(db: Db): Promise<{ ok: boolean; rows: number; brokenSeq?: number; reason?: string; headSeq?: number; headHash?: string }> {
    await this.chainPending(db);
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
