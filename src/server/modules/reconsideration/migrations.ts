import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { makeRefUniquePerUnit } from '../../kernel/db/ref-per-unit.ts';
import { createRecordTable, createIndexes } from '../../kernel/db/schema.ts';

export const reviewMigrations: MigrationSet = (dialect) => ({
  review_0001_cases: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'review_cases', `
        title text not null, applicant_name text not null, applicant_kind text not null, applicant_id_enc text,
        applicant_id_hash text, applicant_phone_enc text, respondent text not null,
        respondent_unit_id text references org_units(id), act text not null, received_date text not null,
        channel text not null, status text not null, procedure text, accepted_date text, copy_sent_date text,
        reply_date text, closed_date text, outcome text, committee_opinion text`, { ref: 'unique' });
      await createIndexes(db, 'review_cases', {
        received: 'received_date', closed: 'closed_date', unit_status: 'unit_id, status',
        applicant: 'applicant_id_hash',
      });
    },
  },
  // The year's figures by received and by decision date read only these columns: countable from
  // the indexes alone when a write makes them stale.
  review_0002_figures_indexes: {
    async up(db: Kysely<any>) {
      await createIndexes(db, 'review_cases', {
        received_figures: 'received_date, unit_id, accepted_date, outcome',
        closed_figures: 'closed_date, unit_id, outcome',
      });
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
  // 案号/文号 (kernel/numbering): assigned by a workflow step, unique.
  review_0005_case_number: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('review_cases').addColumn('case_number', 'text').execute();
      await db.schema.createIndex('review_cases_case_number').unique().on('review_cases').column('case_number').execute();
    },
  },
  // Table 4 of the 政府信息公开工作年度报告 counts the cases about disclosure, by respondent.
  review_0006_concerns_disclosure: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('review_cases').addColumn('concerns_disclosure', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
});
