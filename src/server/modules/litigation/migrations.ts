import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { makeRefUniquePerUnit } from '../../kernel/db/ref-per-unit.ts';
import { createRecordTable, createTable, createIndexes } from '../../kernel/db/schema.ts';

export const litigationMigrations: MigrationSet = (dialect) => ({
  litigation_0001_cases: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'litigation_cases', `
        title text not null, court text not null, plaintiff text not null, cause text not null,
        filed_date text not null, complaint_received_date text not null, defence_date text, status text not null,
        judgment_date text, result text, loss_analysis text`, { ref: 'unique' });
      await createIndexes(db, 'litigation_cases', { filed: 'filed_date', unit: 'unit_id, status' });
      await createTable(db, 'litigation_hearings', `
        id text primary key, ref text unique, case_id text not null references litigation_cases(id),
        unit_id text not null references org_units(id), date text not null, head_appeared integer not null,
        head_name text, note text, created_by text, created_at text not null`);
      await createIndexes(db, 'litigation_hearings', { case: 'case_id, date', date: 'date' });
    },
  },
  // Refs are unique per unit: an import resolves them within the importer's scope (kernel/imports/by-ref.ts).
  litigation_0002_ref_per_unit: {
    async up(db: Kysely<any>) {
      await makeRefUniquePerUnit(db, dialect, 'litigation_cases');
      await makeRefUniquePerUnit(db, dialect, 'litigation_hearings');
    },
  },
  // Hearings are a record type of their own (imported by ref, corrected by re-import): their
  // changes are counted like every record's.
  litigation_0003_hearing_version: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('litigation_hearings').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    },
  },
  // Table 4 of the 政府信息公开工作年度报告: lawsuits about disclosure, brought directly or after reconsideration.
  litigation_0004_disclosure_flags: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('litigation_cases').addColumn('concerns_disclosure', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('litigation_cases').addColumn('after_reconsideration', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
});
