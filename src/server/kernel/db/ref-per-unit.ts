// Record refs (external numbers) unique per unit rather than platform-wide: an import resolves a ref
// within the importer's data scope, so a ref another unit uses must not collide (kernel/imports/by-ref.ts).
import { sql } from 'kysely';

/** The record's ref, unique per unit, for a migration (refs were unique platform-wide before). */
export async function makeRefUniquePerUnit(db: any, dialect: 'sqlite' | 'postgres', table: string): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_ref_key`)}`.execute(db);
  } else {
    // SQLite cannot drop a column constraint: the table is rebuilt without it, with its indexes and
    // triggers, keeping every row (foreign keys are off meanwhile; the migrator runs outside a transaction).
    const { rows } = await sql<{ type: string; name: string; sql: string }>`select type, name, sql from sqlite_master where tbl_name = ${table} and sql is not null`.execute(db);
    const create = rows.find((r) => r.type === 'table')?.sql ?? '';
    const without = create.replace(/"ref" text unique/i, '"ref" text');
    if (without === create) throw new Error(`${table}: no unique ref column to relax`);
    await sql.raw('pragma foreign_keys = off').execute(db);
    try {
      await db.transaction().execute(async (trx: any) => {
        await sql.raw(without.replace(`"${table}"`, `"${table}__rebuilt"`)).execute(trx);
        await sql.raw(`insert into "${table}__rebuilt" select * from "${table}"`).execute(trx);
        await sql.raw(`drop table "${table}"`).execute(trx);
        await sql.raw(`alter table "${table}__rebuilt" rename to "${table}"`).execute(trx);
        for (const other of rows.filter((r) => r.type !== 'table')) await sql.raw(other.sql).execute(trx);
        const broken = await sql.raw('pragma foreign_key_check').execute(trx);
        if (broken.rows.length) throw new Error(`${table}: foreign keys broken by the rebuild`);
      });
    } finally {
      await sql.raw('pragma foreign_keys = on').execute(db);
    }
  }
  await sql`create unique index ${sql.id(`${table}_unit_ref`)} on ${sql.table(table)} (unit_id, ref)`.execute(db);
}
