import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { createIndexes, createRecordTable, createTable } from './schema.ts';

async function fresh() {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  await createTable(db, 'org_units', 'id text primary key');
  await db.insertInto('org_units').values([{ id: 'u1' }, { id: 'u2' }]).execute();
  return db;
}

const stamps = { version: 1, created_at: '2026-01-01', updated_at: '2026-01-01' };

describe('migration table kit', () => {
  it('a record table has id, ref, unit, the columns, then version and stamps; refs are unique per unit', async () => {
    const db = await fresh();
    await createRecordTable(db, 'things', `
      title text not null, -- what it is, in words
      count integer not null default 0, note text not null default '[a, b]'`);
    await createIndexes(db, 'things', { unit_title: 'unit_id, title' });
    const { rows } = await sql<{ name: string; notnull: number; dflt_value: string | null }>`pragma table_info(things)`.execute(db);
    expect(rows.map((r) => r.name)).toEqual(['id', 'ref', 'unit_id', 'title', 'count', 'note', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by']);
    expect(rows.find((r) => r.name === 'count')).toMatchObject({ notnull: 1, dflt_value: '0' });
    expect(rows.find((r) => r.name === 'note')?.dflt_value).toBe("'[a, b]'");
    const indexes = (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'things' and name not like 'sqlite_%' order by name`.execute(db)).rows.map((r) => r.name);
    expect(indexes).toEqual(['things_unit_ref', 'things_unit_title']);

    await db.insertInto('things').values({ id: 'a', ref: 'R-1', unit_id: 'u1', title: 'x', ...stamps }).execute();
    await db.insertInto('things').values({ id: 'b', ref: 'R-1', unit_id: 'u2', title: 'x', ...stamps }).execute();
    await expect(db.insertInto('things').values({ id: 'c', ref: 'R-1', unit_id: 'u1', title: 'x', ...stamps }).execute()).rejects.toThrow(/UNIQUE/);
    await expect(db.insertInto('things').values({ id: 'd', ref: 'R-2', unit_id: 'nowhere', title: 'x', ...stamps }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });

  it('keeps a named unit column where it stands, and writes constraints', async () => {
    const db = await fresh();
    await createRecordTable(db, 'items', 'kind text not null, unit_id text not null references org_units(id), code text not null, constraint items_kind_code unique (kind, code)', { ref: 'unique' });
    const create = (await sql<{ sql: string }>`select sql from sqlite_master where name = 'items'`.execute(db)).rows[0]!.sql;
    expect(create).toContain('"id" text primary key, "ref" text unique, "kind" text not null, "unit_id" text not null references "org_units" ("id")');
    expect(create).toContain('constraint "items_kind_code" unique ("kind", "code")');
    await db.destroy();
  });

  it('refuses a column it cannot read rather than guessing', async () => {
    const db = await fresh();
    await expect(createTable(db, 'bad', 'id text primary key, due date not null')).rejects.toThrow('cannot read column "due date not null"');
    await expect(createTable(db, 'bad', 'id text primary key, unit_id text references org_units.id')).rejects.toThrow('cannot read column');
    await db.destroy();
  });
});
