// One query layer over two engines: better-sqlite3 (embedded default) and PostgreSQL.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, SqliteAdapter, SqliteDialect, type Compilable, type DialectAdapter, type Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from './tables.ts';
import { GRAMS_FUNCTION, grams } from '../search/grams.ts';
import { SchemaPostgresDialect } from './introspector.ts';
import { withDeferredCommitWork } from './before-commit.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type Executor = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** The SQLite file, when on SQLite. */
  file: string | null;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*), sums) as strings; these values stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(config: Config): DatabaseHandle {
  if (config.databaseUrl && /^postgres(ql)?:/.test(config.databaseUrl)) {
    const schema = config.pgSchema;
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`无效的 PostgreSQL 模式名：${schema}`);
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      options: `-c search_path=${schema}`,
    });
    pool.on('connect', (client) => preparingNamedStatements(client));
    const db = new Kysely<Database>({ dialect: withDeferredCommitWork(new SchemaPostgresDialect({ pool }, schema)) });
    return { db, dialect: 'postgres', file: null, close: () => db.destroy() };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'fazhi.db');
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(config.sqliteBusyTimeoutMs))}`);
  sqlite.pragma('synchronous = FULL');
  // Global search's short-word index is filled by triggers that call this (kernel/search).
  sqlite.function(GRAMS_FUNCTION, { deterministic: true }, (text: unknown) => grams(text));
  const db = new Kysely<Database>({ dialect: withDeferredCommitWork(new SqliteDialect({ database: withStatementCache(sqlite) })) });
  return { db, dialect: 'sqlite', file, close: () => db.destroy() };
}

/**
 * Kysely prepares every query afresh; preparing costs as much as running a small indexed query, so
 * prepared statements are kept per SQL text (a bounded set: queries are built from code, values are
 * parameters). better-sqlite3 runs one statement at a time, and SQLite re-prepares after schema changes.
 *
 * Transactions begin IMMEDIATE: several processes (server workers, the CLI) write to one file, and a
 * deferred transaction that read first could not take the write lock once another process had
 * written (SQLITE_BUSY at once, no busy wait). Taking the lock at the start makes writers queue.
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(text: string) {
      const sql = text === 'begin' ? 'begin immediate' : text;
      let stmt = cache.get(sql);
      if (!stmt) {
        if (cache.size >= 2000) cache.clear();
        stmt = sqlite.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    close: () => sqlite.close(),
  } as unknown as SqliteDatabase.Database;
}

/** PostgreSQL: the texts of `preparedQuery`'s statements, with the name each is prepared under. */
const namedStatements = new Map<string, string>();

/**
 * PostgreSQL plans every statement it is sent afresh: the session lookup, run on every request, took
 * 0.2–0.7 ms to plan and 0.05 ms to run. A `preparedQuery` statement is prepared once per connection
 * under a name (node-postgres keeps it), so PostgreSQL may keep its plan. Its text is fixed, and its
 * columns are named (no `*`), so a migration adding a column does not change what it returns.
 */
function preparingNamedStatements(client: pg.PoolClient): void {
  // The class's method, looked up at each call (benches and tests wrap it to count statements).
  const query = (...args: unknown[]) => (Object.getPrototypeOf(client).query as (...a: unknown[]) => unknown).apply(client, args);
  client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof text === 'string' ? namedStatements.get(text) : undefined;
    return name ? query({ name, text, values }, callback) : query(text, values, callback);
  }) as typeof client.query;
}

/** Stands for a run-time value in a query compiled once (see `preparedQuery`). */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query built and compiled once per dialect and form, then run with new values: Kysely's builder
 * and compiler cost about as much as a small indexed read (~30 µs), and some queries run on every
 * request (the session lookup, the first page of a list). `build` gets one slot per value and may
 * use slots only where a value goes (`where(col, '=', slot)`, an IN list of slots), never in an
 * expression computed in JS. A query whose form varies (which filters apply, how long an IN list
 * is) names its form: `formKey(form)` must tell apart every form that builds different SQL.
 */
export function preparedQuery<R, F = undefined>(build: (db: Executor, slots: any[], form: F) => Compilable<R>, formKey: (form: F) => string = () => '') {
  const compiled = new WeakMap<DialectAdapter, Map<string, CompiledQuery<R>>>();
  return async (db: Executor, values: readonly unknown[], form?: F): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    let forms = compiled.get(adapter);
    if (!forms) compiled.set(adapter, (forms = new Map()));
    const key = `${values.length}|${formKey(form as F)}`;
    let query = forms.get(key);
    if (!query) {
      query = build(db, values.map((_, i) => new Slot(i)), form as F).compile();
      if (forms.size >= 500) forms.clear();
      forms.set(key, query);
      if (!(adapter instanceof SqliteAdapter) && namedStatements.size < 500) namedStatements.set(query.sql, `fazhi_${createHash('sha256').update(query.sql).digest('hex').slice(0, 24)}`);
    }
    const parameters = query.parameters.map((p) => (p instanceof Slot ? values[p.index] : p));
    return (await db.executeQuery<R>(CompiledQuery.raw(query.sql, parameters) as CompiledQuery<R>)).rows;
  };
}

/** SQLite's write lock stayed with another process past the busy timeout (the transaction was rolled back). */
export const isDatabaseBusy = (error: unknown): boolean => String((error as { code?: unknown } | null)?.code).startsWith('SQLITE_BUSY');

/** Runs `fn` in a transaction, or inside the caller's transaction when given one. */
export function inTransaction<T>(executor: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (executor.isTransaction) return fn(executor as Tx);
  return (executor as Db).transaction().execute(fn);
}

/** Escapes a value for use in a LIKE pattern (with ESCAPE '\'). */
export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}
