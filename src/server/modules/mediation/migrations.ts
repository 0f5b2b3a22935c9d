import type { Kysely } from 'kysely';
import { withStamps, type MigrationSet } from '../../kernel/db/migrations.ts';
import { makeRefUniquePerUnit } from '../../kernel/db/ref-per-unit.ts';

export const mediationMigrations: MigrationSet = (dialect) => ({
  mediation_0001_orgs_disputes: {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('mediation_orgs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ref', 'text', (c) => c.unique())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('established_date', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
      await db.schema.createIndex('mediation_orgs_unit').on('mediation_orgs').column('unit_id').execute();
      await withStamps(
        db.schema
          .createTable('disputes')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text', (c) => c.unique())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('org_id', 'text', (c) => c.references('mediation_orgs.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('parties', 'text', (c) => c.notNull())
          .addColumn('summary', 'text', (c) => c.notNull())
          .addColumn('received_date', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('linked_dispute_id', 'text')
          .addColumn('mediators', 'text', (c) => c.notNull())
          .addColumn('lawyer_involved', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text')
          .addColumn('agreement', 'text')
          .addColumn('closed_date', 'text')
          .addColumn('revisit_date', 'text')
          .addColumn('revisit_result', 'text'),
      ).execute();
      await db.schema.createIndex('disputes_received').on('disputes').column('received_date').execute();
      await db.schema.createIndex('disputes_unit_status').on('disputes').columns(['unit_id', 'status']).execute();
    },
  },
  // The year's figures read only these columns: counting them from the index alone (no row
  // lookups) is what keeps a recount of a county's 80,000 disputes a year fast.
  mediation_0002_figures_index: {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('disputes_figures').on('disputes').columns(['received_date', 'unit_id', 'outcome', 'revisit_date', 'lawyer_involved']).execute();
    },
  },
  // Refs are unique per unit: an import resolves them within the importer's scope (kernel/imports/by-ref.ts).
  mediation_0003_ref_per_unit: {
    async up(db: Kysely<any>) {
      await makeRefUniquePerUnit(db, dialect, 'mediation_orgs');
      await makeRefUniquePerUnit(db, dialect, 'disputes');
    },
  },
  // Organisations are edited too (imports, the ledger): their writes are version-checked like every record's.
  mediation_0004_org_version: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('mediation_orgs').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    },
  },
});
