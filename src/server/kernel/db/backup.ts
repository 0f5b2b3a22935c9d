// Logical backup: every table's rows and every stored file in one gzip'd JSON-lines file. Portable
// between SQLite and PostgreSQL (a county can move to PostgreSQL by backup on one, restore on the other).
import { createGzip, gunzipSync } from 'node:zlib';
import { createWriteStream, readFileSync, existsSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import { sql } from 'kysely';
import type { Platform } from '../platform.ts';
import type { Config } from '../../config.ts';
import { BlobStore } from '../attachments/store.ts';
import { DERIVED_TABLES } from '../indicators/facts.ts';
import { SEARCH_PREFIX } from '../search/index.ts';

const FORMAT = 'fazhi-backup';

async function userTables(platform: Platform): Promise<string[]> {
  // On PostgreSQL, introspection sees our schema only (kernel/db/introspector.ts).
  const tables = await platform.db.introspection.getTables();
  const derived = new Set<string>(DERIVED_TABLES);
  return tables.filter((t) => !t.isView && !t.name.startsWith('kysely_') && !derived.has(t.name) && !t.name.startsWith(SEARCH_PREFIX)).map((t) => t.name);
}

/** Tables ordered so that every table comes after the tables its foreign keys reference. */
async function dependencyOrder(platform: Platform, tables: string[]): Promise<string[]> {
  const deps = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  if (platform.dialect === 'sqlite') {
    for (const t of tables) {
      const rows = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t})`.execute(platform.db);
      for (const r of rows.rows) if (r.table !== t) deps.get(t)!.add(r.table);
    }
  } else {
    const rows = await sql<{ child: string; parent: string }>`
      select tc.table_name as child, ccu.table_name as parent
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(platform.db);
    for (const r of rows.rows) if (r.child !== r.parent && deps.has(r.child)) deps.get(r.child)!.add(r.parent);
  }
  const ordered: string[] = [];
  const visit = (t: string, trail: Set<string>) => {
    if (ordered.includes(t) || trail.has(t)) return;
    trail.add(t);
    for (const d of deps.get(t) ?? []) visit(d, trail);
    ordered.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return ordered;
}

async function appliedMigrations(platform: Platform): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(platform.db);
  return rows.rows.map((r) => r.name);
}

function* walkFiles(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) yield* walkFiles(full);
    else if (!entry.endsWith('.tmp')) yield entry;
  }
}

export async function backup(platform: Platform, file: string): Promise<{ tables: number; rows: number; files: number }> {
  const out = createGzip();
  const sink = createWriteStream(file, { mode: 0o600 });
  out.pipe(sink);
  const write = async (obj: unknown) => {
    if (!out.write(JSON.stringify(obj) + '\n')) await once(out, 'drain');
  };
  const tables = await dependencyOrder(platform, await userTables(platform));
  await write({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), dialect: platform.dialect, migrations: await appliedMigrations(platform) });
  let rows = 0;
  // One read transaction so that the copy is consistent.
  await platform.db.transaction().execute(async (tx) => {
    for (const table of tables) {
      await write({ table });
      const all = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(tx);
      for (const row of all.rows) {
        await write({ row });
        rows++;
      }
    }
  });
  const store = new BlobStore(platform.config.attachmentsDir);
  let files = 0;
  for (const hash of walkFiles(platform.config.attachmentsDir)) {
    await write({ blob: hash, data: readFileSync(store.filePath(hash)).toString('base64') });
    files++;
  }
  out.end();
  await once(sink, 'finish');
  return { tables: tables.length, rows, files };
}

/** Empties the database (drops the SQLite file or the PostgreSQL schema) before a restore. */
export async function wipeDatabase(config: Config): Promise<void> {
  if (config.databaseUrl && /^postgres/.test(config.databaseUrl)) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      const schema = client.escapeIdentifier(config.pgSchema);
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.query(`create schema ${schema}`);
    } finally {
      await client.end();
    }
    return;
  }
  for (const suffix of ['', '-wal', '-shm']) {
    const f = join(config.dataDir, `fazhi.db${suffix}`);
    if (existsSync(f)) unlinkSync(f);
  }
}

export function readBackup(file: string): { header: any; lines: any[] } {
  let text: string;
  try {
    text = gunzipSync(readFileSync(file)).toString('utf8');
  } catch {
    throw new Error(`备份文件无法读取或已损坏：${file}`);
  }
  const lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const header = lines.shift();
  if (header?.format !== FORMAT) throw new Error(`不是 Fazhi 备份文件：${file}`);
  return { header, lines };
}

/** Loads a backup into a freshly migrated, empty database. */
export async function restoreInto(platform: Platform, parsed: { header: any; lines: any[] }): Promise<{ rows: number; files: number }> {
  const known = new Set(await appliedMigrations(platform));
  const unknown = (parsed.header.migrations as string[]).filter((m) => !known.has(m));
  if (unknown.length) throw new Error(`备份来自更新的版本（含未知迁移 ${unknown.join(', ')}），请先升级 Fazhi`);
  let rows = 0;
  await platform.db.transaction().execute(async (tx) => {
    // A fresh database already holds seeded data (the shipped deadline rules): the backup's rows replace it.
    const tables = parsed.lines.filter((l) => l.table).map((l) => l.table as string);
    for (const t of [...tables].reverse()) if (t !== 'audit_log') await tx.deleteFrom(t as any).execute();
    let table = '';
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (batch.length) await tx.insertInto(table as any).values(batch as any).execute();
      rows += batch.length;
      batch = [];
    };
    for (const line of parsed.lines) {
      if (line.table) {
        await flush();
        table = line.table;
      } else if (line.row) {
        batch.push(line.row);
        if (batch.length >= 200) await flush();
      }
    }
    await flush();
  });
  const store = new BlobStore(platform.config.attachmentsDir);
  let files = 0;
  for (const line of parsed.lines) {
    if (line.blob) {
      const hash = store.put(Buffer.from(line.data, 'base64'));
      if (hash !== line.blob) throw new Error(`备份中的文件 ${line.blob} 内容校验失败`);
      files++;
    }
  }
  return { rows, files };
}
