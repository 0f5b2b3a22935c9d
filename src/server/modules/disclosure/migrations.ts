import type { Kysely } from 'kysely';
import { withStamps, type MigrationSet } from '../../kernel/db/migrations.ts';
import { makeRefUniquePerUnit } from '../../kernel/db/ref-per-unit.ts';

export const disclosureMigrations: MigrationSet = (dialect) => ({
  foi_0001_requests: {
    async up(db: Kysely<any>) {
      await withStamps(
        db.schema
          .createTable('foi_requests')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text', (c) => c.unique())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('applicant_name', 'text', (c) => c.notNull())
          .addColumn('applicant_id_enc', 'text')
          .addColumn('applicant_id_hash', 'text')
          .addColumn('applicant_phone_enc', 'text')
          .addColumn('content', 'text', (c) => c.notNull())
          .addColumn('received_date', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('reply_date', 'text')
          .addColumn('reply_type', 'text'),
      ).execute();
      await db.schema.createIndex('foi_requests_received').on('foi_requests').column('received_date').execute();
      await db.schema.createIndex('foi_requests_unit_status').on('foi_requests').columns(['unit_id', 'status']).execute();
    },
  },
  // The year's figures read only these columns (and the reply clock): countable from the index alone.
  foi_0002_figures_index: {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('foi_requests_figures').on('foi_requests').columns(['received_date', 'unit_id', 'status', 'reply_date']).execute();
    },
  },
  // Refs are unique per unit: an import resolves them within the importer's scope (kernel/imports/by-ref.ts).
  foi_0003_ref_per_unit: {
    async up(db: Kysely<any>) {
      await makeRefUniquePerUnit(db, dialect, 'foi_requests');
    },
  },
  // What a request form asks besides the content (条例 art. 29): who applies and how the answer is delivered.
  foi_0004_request_form: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('foi_requests').addColumn('applicant_type', 'text').execute();
      await db.schema.alterTable('foi_requests').addColumn('delivery', 'text').execute();
      await db.schema.alterTable('foi_requests').addColumn('contact_address', 'text').execute();
    },
  },
});
