// Work deferred to the last moment of a transaction, right before its COMMIT.
//
// The audit log's hash chain serialises its appenders (a lock on PostgreSQL) from the append to the
// commit. Appending when the audit entry is recorded — often early in a request's transaction —
// held that lock for the rest of the transaction, and every audited write of a province waited for
// every other. Deferred here, an entry joins the chain as the transaction's last statements, so the
// lock is held for those and the COMMIT only; it still commits or rolls back with the business write.
//
// Every transaction of a Kysely instance made by `openDatabase` goes through the driver wrapped here
// (`db.transaction().execute`, `inTransaction`, controlled transactions): its hooks run inside
// `commitTransaction`, before the driver's COMMIT, on the transaction's own connection. When a hook
// fails, the COMMIT is not sent and Kysely rolls the transaction back (the caller gets the error).
// A transaction this layer did not begin (raw `begin` in SQL, another Kysely instance) has no
// deferred work: `deferToCommit` answers null and the caller does the work at once.
//
// A hook may instead hand back its last statement as SQL text without parameters: it is sent with the
// COMMIT in one message (PostgreSQL's simple query protocol), so that no turn of this process's event
// loop falls between that statement and the COMMIT — a lock taken earlier in the hook is released
// as soon as the database has run both, however busy the process is.
import { CompiledQuery, Kysely, type DatabaseConnection, type Dialect as KyselyDialect, type Driver, type QueryCompiler, type QueryExecutor, type TransactionSettings } from 'kysely';
import type { Db, Tx } from './index.ts';

/**
 * Deferred work: gets the database bound to the transaction's connection, in the transaction. On
 * PostgreSQL it may return its last statement as parameterless SQL, sent together with the COMMIT.
 */
export type CommitWork<T> = (tx: Db, items: T[]) => Promise<string | void>;

/** One owner's deferred items in one transaction, flushed by `flush` before the COMMIT. */
interface Deferred {
  /** The query executor of the transaction the first item came with (compiler, adapter, plugins). */
  executor: QueryExecutor;
  items: unknown[];
  flush: CommitWork<unknown>;
}

interface OpenTransaction {
  /** Per owner, in the order the owners first deferred work. */
  deferred: Map<object, Deferred>;
  /** Items per owner at each savepoint, for ROLLBACK TO SAVEPOINT. */
  savepoints: Map<string, Map<object, number>>;
}

const open = new WeakMap<DatabaseConnection, OpenTransaction>();

/** The connection a transaction runs on (waits for the transaction's statement in flight, if any). */
function connectionOf(tx: Tx): Promise<DatabaseConnection> {
  return tx.getExecutor().provideConnection(async (connection) => connection);
}

/**
 * Queues `item` for `owner`'s `flush`, which runs once with all of the owner's items, in order, as the
 * transaction's last work before its COMMIT. Returns false when the transaction was not begun through
 * this layer: nothing is queued and the caller must do the work now.
 */
export async function deferToCommit<T>(tx: Tx, owner: object, item: T, flush: CommitWork<T>): Promise<boolean> {
  const transaction = open.get(await connectionOf(tx));
  if (!transaction) return false;
  let deferred = transaction.deferred.get(owner);
  if (!deferred) transaction.deferred.set(owner, (deferred = { executor: tx.getExecutor(), items: [], flush: flush as CommitWork<unknown> }));
  deferred.items.push(item);
  return true;
}

class DeferringDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly dialect: KyselyDialect,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return this.inner.acquireConnection();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    open.delete(connection);
    await this.inner.beginTransaction(connection, settings);
    open.set(connection, { deferred: new Map(), savepoints: new Map() });
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const transaction = open.get(connection);
    const last: string[] = [];
    if (transaction) {
      // Owners flush in the order they first deferred; an owner's flush may not defer more work.
      for (const deferred of transaction.deferred.values()) {
        const items = deferred.items.splice(0);
        if (!items.length) continue;
        // A statement handed back runs after every later owner's work, right before the COMMIT.
        const statement = await deferred.flush(this.bound(connection, deferred.executor), items);
        if (statement) last.push(statement);
      }
      open.delete(connection);
    }
    // One message: if a statement fails, the rest of the message (the COMMIT) is skipped and the
    // caller rolls the transaction back, as when a hook throws.
    if (last.length) await connection.executeQuery(CompiledQuery.raw(`${last.join(';\n')};\ncommit`));
    else await this.inner.commitTransaction(connection);
  }

  /**
   * A database on the transaction's connection, used while Kysely commits: not through the
   * transaction object, whose connection a controlled transaction's `commit()` holds meanwhile.
   */
  private bound(connection: DatabaseConnection, executor: QueryExecutor): Db {
    return new Kysely({
      config: { dialect: this.dialect },
      dialect: this.dialect,
      driver: this,
      executor: executor.withConnectionProvider({ provideConnection: (consume) => consume(connection) }),
    });
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    open.delete(connection);
    await this.inner.rollbackTransaction(connection);
  }

  async savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    if (!this.inner.savepoint) throw new Error('The `savepoint` method is not supported by this driver');
    await this.inner.savepoint(connection, name, compileQuery);
    const transaction = open.get(connection);
    if (transaction) transaction.savepoints.set(name, new Map([...transaction.deferred].map(([owner, d]) => [owner, d.items.length])));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    if (!this.inner.rollbackToSavepoint) throw new Error('The `rollbackToSavepoint` method is not supported by this driver');
    await this.inner.rollbackToSavepoint(connection, name, compileQuery);
    // The work deferred since the savepoint is rolled back with the statements since it.
    const transaction = open.get(connection);
    const counts = transaction?.savepoints.get(name);
    if (transaction && counts) for (const [owner, d] of transaction.deferred) d.items.length = Math.min(d.items.length, counts.get(owner) ?? 0);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    if (!this.inner.releaseSavepoint) throw new Error('The `releaseSavepoint` method is not supported by this driver');
    await this.inner.releaseSavepoint(connection, name, compileQuery);
    open.get(connection)?.savepoints.delete(name);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    open.delete(connection);
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** `dialect` with its transactions' deferred work run before each COMMIT (see above). */
export function withDeferredCommitWork(dialect: KyselyDialect): KyselyDialect {
  const wrapped: KyselyDialect = {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new DeferringDriver(dialect.createDriver(), wrapped),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db: Kysely<any>) => dialect.createIntrospector(db),
  };
  return wrapped;
}
