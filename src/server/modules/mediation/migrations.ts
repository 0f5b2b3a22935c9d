import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { makeRefUniquePerUnit } from '../../kernel/db/ref-per-unit.ts';
import { createRecordTable, createTable, createIndexes } from '../../kernel/db/schema.ts';

export const mediationMigrations: MigrationSet = (dialect) => ({
  mediation_0001_orgs_disputes: {
    async up(db: Kysely<any>) {
      await createTable(db, 'mediation_orgs', `
        id text primary key, ref text unique, unit_id text not null references org_units(id), name text not null,
        type text not null, established_date text not null, active integer not null default 1,
        created_at text not null, created_by text, updated_at text not null, updated_by text`);
      await createIndexes(db, 'mediation_orgs', { unit: 'unit_id' });
      await createRecordTable(db, 'disputes', `
        org_id text references mediation_orgs(id), title text not null, type text not null, parties text not null,
        summary text not null, received_date text not null, channel text not null, linked_dispute_id text,
        mediators text not null, lawyer_involved integer not null default 0, status text not null, outcome text,
        agreement text, closed_date text, revisit_date text, revisit_result text`, { ref: 'unique' });
      await createIndexes(db, 'disputes', { received: 'received_date', unit_status: 'unit_id, status' });
    },
  },
  // The year's figures read only these columns: counting them from the index alone (no row
  // lookups) is what keeps a recount of a county's 80,000 disputes a year fast.
  mediation_0002_figures_index: {
    async up(db: Kysely<any>) {
      await createIndexes(db, 'disputes', { figures: 'received_date, unit_id, outcome, revisit_date, lawyer_involved' });
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
  // 案号/文号 (kernel/numbering): assigned by a workflow step, unique.
  mediation_0005_case_number: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('disputes').addColumn('case_number', 'text').execute();
      await db.schema.createIndex('disputes_case_number').unique().on('disputes').column('case_number').execute();
    },
  },
});
