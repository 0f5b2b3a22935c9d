// Record refs (external numbers) unique per unit rather than platform-wide: an import resolves a ref
// within the importer's data scope, so a ref another unit uses must not collide (kernel/imports/by-ref.ts).
import { sql } from 'kysely';

/**
 * The record's ref, unique per unit, for a migration (refs were unique platform-wide before).
 * Idempotent: a run stopped halfway (SQLite migrations run outside a transaction) finishes on the next.
 */
export async function makeRefUniquePerUnit(db: any, dialect: 'sqlite' | 'postgres', table: string): Promise<void> {
  const index = `${table}_unit_ref`;
  if (dialect === 'postgres') {
    // The unique constraint on ref alone, whatever it was named.
    const { rows } = await sql<{ conname: string }>`
      select c.conname from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      join pg_attribute a on a.attrelid = t.oid and a.attnum = any (c.conkey)
      where t.relname = ${table} and n.nspname = current_schema() and c.contype = 'u' and array_length(c.conkey, 1) = 1 and a.attname = 'ref'`.execute(db);
    for (const { conname } of rows) await sql`alter table ${sql.table(table)} drop constraint ${sql.id(conname)}`.execute(db);
    await sql`create unique index if not exists ${sql.id(index)} on ${sql.table(table)} (unit_id, ref)`.execute(db);
    return;
  }
  const { rows } = await sql<{ type: string; name: string; sql: string }>`select type, name, sql from sqlite_master where tbl_name = ${table} and sql is not null`.execute(db);
  const create = rows.find((r) => r.type === 'table')?.sql ?? '';
  if (!create) throw new Error(`${table}: no such table`);
  const without = create.replace(/"ref" text unique/i, '"ref" text');
  // SQLite cannot drop a column constraint: the table is rebuilt without it, with its indexes and
  // triggers, keeping every row; foreign keys are off meanwhile and checked for this table and the
  // tables that refer to it before the transaction commits.
  const children = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and sql like ${`%references "${table}"%`}`.execute(db)).rows.map((r) => r.name);
  await sql.raw('pragma foreign_keys = off').execute(db);
  try {
    await db.transaction().execute(async (trx: any) => {
      if (without !== create) {
        await sql.raw(without.replace(`"${table}"`, `"${table}__rebuilt"`)).execute(trx);
        await sql.raw(`insert into "${table}__rebuilt" select * from "${table}"`).execute(trx);
        await sql.raw(`drop table "${table}"`).execute(trx);
        await sql.raw(`alter table "${table}__rebuilt" rename to "${table}"`).execute(trx);
        for (const other of rows.filter((r) => r.type !== 'table')) await sql.raw(other.sql).execute(trx);
      }
      await sql.raw(`create unique index if not exists "${index}" on "${table}" (unit_id, ref)`).execute(trx);
      for (const checked of [table, ...children]) {
        const broken = await sql.raw(`pragma foreign_key_check("${checked}")`).execute(trx);
        if (broken.rows.length) throw new Error(`${checked}: foreign keys broken by rebuilding ${table}`);
      }
    });
  } finally {
    await sql.raw('pragma foreign_keys = on').execute(db);
  }
}
