// One query layer over two engines: better-sqlite3 (embedded default) and PostgreSQL.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from './tables.ts';

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
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', file: null, close: () => db.destroy() };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'fazhi.db');
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
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

/** Runs `fn` in a transaction, or inside the caller's transaction when given one. */
export function inTransaction<T>(executor: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (executor.isTransaction) return fn(executor as Tx);
  return (executor as Db).transaction().execute(fn);
}

/** Serialises writers of one chain (the audit log) on PostgreSQL; SQLite has a single writer anyway. */
export async function lockForAppend(tx: Tx, dialect: Dialect, key: number): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(tx);
}

/** Escapes a value for use in a LIKE pattern (with ESCAPE '\'). */
export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}
