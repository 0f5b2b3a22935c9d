import { sql, type Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { makeRefUniquePerUnit } from '../../kernel/db/ref-per-unit.ts';
import { createRecordTable, createIndexes } from '../../kernel/db/schema.ts';

export const disclosureMigrations: MigrationSet = (dialect) => ({
  foi_0001_requests: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'foi_requests', `
        title text not null, applicant_name text not null, applicant_id_enc text, applicant_id_hash text,
        applicant_phone_enc text, content text not null, received_date text not null, channel text not null,
        status text not null, reply_date text, reply_type text`, { ref: 'unique' });
      await createIndexes(db, 'foi_requests', { received: 'received_date', unit_status: 'unit_id, status' });
    },
  },
  // The year's figures read only these columns (and the reply clock): countable from the index alone.
  foi_0002_figures_index: {
    async up(db: Kysely<any>) {
      await createIndexes(db, 'foi_requests', { figures: 'received_date, unit_id, status, reply_date' });
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
  // 案号/文号 (kernel/numbering): assigned by a workflow step, unique.
  foi_0005_case_number: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('foi_requests').addColumn('case_number', 'text').execute();
      await db.schema.createIndex('foi_requests_case_number').unique().on('foi_requests').column('case_number').execute();
    },
  },
  // 办理结果 by the row of table 3 of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号).
  foi_0006_outcome_reason: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('foi_requests').addColumn('outcome_reason', 'text').execute();
    },
  },
  // 政府信息公开工作年度报告 (条例 art. 49–50): the tables are frozen into `tables` on approval.
  foi_0007_annual_reports: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'foi_annual_reports', `
        year integer not null, kind text not null, title text not null, issuer text not null, issued_date text,
        sections text not null, tables text, status text not null, approved_date text, published_date text,
        publish_due text not null, constraint foi_annual_reports_unit_year unique (unit_id, year)`, { ref: false });
      await createIndexes(db, 'foi_annual_reports', { year_status: 'year, status' });
    },
  },
  // 行政事业性收费 (条例 art. 20(8)), by unit, year and item: table 2's 本年收费金额.
  foi_0008_fee_items: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'fee_items', `
        year integer not null, item text not null, basis text not null, standard text, amount_fen integer not null,
        constraint fee_items_unit_year_item unique (unit_id, year, item)`);
      await createIndexes(db, 'fee_items', { year: 'year, unit_id' });
    },
  },
  // 信息处理费: the charge notified, when, and when it was paid (年报 section 六).
  foi_0009_processing_fee: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('foi_requests').addColumn('processing_fee_fen', 'integer').execute();
      await db.schema.alterTable('foi_requests').addColumn('fee_notice_date', 'text').execute();
      await db.schema.alterTable('foi_requests').addColumn('fee_paid_date', 'text').execute();
    },
  },
  // A county department collects more than PostgreSQL's integer holds in fen (21 million yuan).
  foi_0010_fee_amount_bigint: {
    async up(db: Kysely<any>) {
      if (dialect === 'postgres') await sql`alter table fee_items alter column amount_fen type bigint`.execute(db);
    },
  },
});
