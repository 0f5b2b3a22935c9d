import type { Kysely } from 'kysely';
import { withStamps, type MigrationSet } from '../../kernel/db/migrations.ts';
import { makeRefUniquePerUnit } from '../../kernel/db/ref-per-unit.ts';

export const reviewMigrations: MigrationSet = (dialect) => ({
  review_0001_cases: {
    async up(db: Kysely<any>) {
      await withStamps(
        db.schema
          .createTable('review_cases')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text', (c) => c.unique())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('applicant_name', 'text', (c) => c.notNull())
          .addColumn('applicant_kind', 'text', (c) => c.notNull())
          .addColumn('applicant_id_enc', 'text')
          .addColumn('applicant_id_hash', 'text')
          .addColumn('applicant_phone_enc', 'text')
          .addColumn('respondent', 'text', (c) => c.notNull())
          .addColumn('respondent_unit_id', 'text', (c) => c.references('org_units.id'))
          .addColumn('act', 'text', (c) => c.notNull())
          .addColumn('received_date', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('procedure', 'text')
          .addColumn('accepted_date', 'text')
          .addColumn('copy_sent_date', 'text')
          .addColumn('reply_date', 'text')
          .addColumn('closed_date', 'text')
          .addColumn('outcome', 'text')
          .addColumn('committee_opinion', 'text'),
      ).execute();
      await db.schema.createIndex('review_cases_received').on('review_cases').columns(['received_date']).execute();
      await db.schema.createIndex('review_cases_closed').on('review_cases').columns(['closed_date']).execute();
      await db.schema.createIndex('review_cases_unit_status').on('review_cases').columns(['unit_id', 'status']).execute();
      await db.schema.createIndex('review_cases_applicant').on('review_cases').column('applicant_id_hash').execute();
    },
  },
  // The year's figures by received and by decision date read only these columns: countable from
  // the indexes alone when a write makes them stale.
  review_0002_figures_indexes: {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('review_cases_received_figures').on('review_cases').columns(['received_date', 'unit_id', 'accepted_date', 'outcome']).execute();
      await db.schema.createIndex('review_cases_closed_figures').on('review_cases').columns(['closed_date', 'unit_id', 'outcome']).execute();
    },
  },
  // Refs are unique per unit: an import resolves them within the importer's scope (kernel/imports/by-ref.ts).
  review_0003_ref_per_unit: {
    async up(db: Kysely<any>) {
      await makeRefUniquePerUnit(db, dialect, 'review_cases');
    },
  },
  // The application's own words (复议请求, 事实和理由): an online application carries them.
  review_0004_application_text: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('review_cases').addColumn('review_request', 'text').execute();
      await db.schema.alterTable('review_cases').addColumn('facts_and_reasons', 'text').execute();
    },
  },
});
