import type { Kysely } from 'kysely';
import { withStamps, type MigrationSet } from '../../kernel/db/migrations.ts';
import { makeRefUniquePerUnit } from '../../kernel/db/ref-per-unit.ts';

export const litigationMigrations: MigrationSet = (dialect) => ({
  litigation_0001_cases: {
    async up(db: Kysely<any>) {
      await withStamps(
        db.schema
          .createTable('litigation_cases')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text', (c) => c.unique())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('court', 'text', (c) => c.notNull())
          .addColumn('plaintiff', 'text', (c) => c.notNull())
          .addColumn('cause', 'text', (c) => c.notNull())
          .addColumn('filed_date', 'text', (c) => c.notNull())
          .addColumn('complaint_received_date', 'text', (c) => c.notNull())
          .addColumn('defence_date', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('judgment_date', 'text')
          .addColumn('result', 'text')
          .addColumn('loss_analysis', 'text'),
      ).execute();
      await db.schema.createIndex('litigation_cases_filed').on('litigation_cases').column('filed_date').execute();
      await db.schema.createIndex('litigation_cases_unit').on('litigation_cases').columns(['unit_id', 'status']).execute();
      await db.schema
        .createTable('litigation_hearings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ref', 'text', (c) => c.unique())
        .addColumn('case_id', 'text', (c) => c.notNull().references('litigation_cases.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('head_appeared', 'integer', (c) => c.notNull())
        .addColumn('head_name', 'text')
        .addColumn('note', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('litigation_hearings_case').on('litigation_hearings').columns(['case_id', 'date']).execute();
      await db.schema.createIndex('litigation_hearings_date').on('litigation_hearings').column('date').execute();
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
});
