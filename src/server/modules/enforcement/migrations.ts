import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createIndexes, createRecordTable, createTable } from '../../kernel/db/schema.ts';

export const enforcementMigrations: MigrationSet = () => ({
  enforcement_0001_registers: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'enforcement_bodies', `name text not null, kind text not null, basis text, entrusted_by text`);
      await createRecordTable(db, 'enforcement_powers', `
        body_id text not null references enforcement_bodies(id), unit_id text not null references org_units(id),
        title text not null, category text not null, basis text not null,
        delegated integer not null default 0, delegated_by text, delegated_date text`);
      await createIndexes(db, 'enforcement_powers', { body: 'body_id' });
      await createRecordTable(db, 'enforcement_officers', `
        body_id text not null references enforcement_bodies(id), name text not null,
        id_number_enc text not null, id_number_hash text not null, post text not null, supervisor integer not null default 0,
        certificate_number text, certificate_issued_date text, certificate_valid_until text, certificate_status text,
        status text not null, since_date text not null, left_date text, revoked_date text, expiry_warned_for text`);
      // A certificate number names one officer in the county (officers without one are many: NULLs differ).
      await db.schema.createIndex('enforcement_officers_certificate').on('enforcement_officers').column('certificate_number').unique().execute();
      await createIndexes(db, 'enforcement_officers', { body: 'body_id, status', id_hash: 'id_number_hash', valid_until: 'certificate_valid_until, status' });
      await createTable(db, 'enforcement_certificate_events', `
        id text primary key, officer_id text not null references enforcement_officers(id), unit_id text not null references org_units(id),
        kind text not null, date text not null, certificate_number text, valid_until text, note text,
        created_at text not null, created_by text`);
      await createIndexes(db, 'enforcement_certificate_events', { officer: 'officer_id, date', date: 'date, kind, unit_id' });
      await createTable(db, 'enforcement_trainings', `
        id text primary key, officer_id text not null references enforcement_officers(id), unit_id text not null references org_units(id),
        date text not null, title text not null, hours integer not null, created_at text not null, created_by text`);
      await createIndexes(db, 'enforcement_trainings', { officer: 'officer_id, date' });
      await createTable(db, 'enforcement_settings', `key text primary key, value text not null, updated_at text not null, updated_by text`);
    },
  },
  // 四张清单 and the inspection catalog: items per body, in force from publication until repealed.
  enforcement_0002_list_items: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'enforcement_list_items', `
        body_id text not null references enforcement_bodies(id), unit_id text not null references org_units(id),
        list text not null, title text not null, basis text not null, conditions text, published_date text not null, repealed_date text`);
      await createIndexes(db, 'enforcement_list_items', { body: 'body_id, list', figures: 'list, published_date, repealed_date, unit_id' });
    },
  },
  // 行政执法案件 with its officers and its full-process records (全过程记录) by stage.
  enforcement_0003_cases: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'enforcement_cases', `
        body_id text not null references enforcement_bodies(id), kind text not null, title text not null, cause text,
        party_kind text, party_name text not null, party_id_number_enc text, facts text, basis text,
        list_item_id text references enforcement_list_items(id), major integer not null default 0, opened_date text not null, status text not null,
        legal_review_date text, legal_review_opinion text, decided_date text, outcome text, decision text, penalty_amount_fen integer,
        list_reason text, disclosed_date text, changed_date text, withdrawn_date text`);
      await createIndexes(db, 'enforcement_cases', { body: 'body_id, status', decided: 'decided_date, unit_id', opened: 'opened_date' });
      await createTable(db, 'enforcement_case_officers', `
        case_id text not null references enforcement_cases(id), officer_id text not null references enforcement_officers(id),
        unit_id text not null references org_units(id), constraint enforcement_case_officers_pk primary key (case_id, officer_id)`);
      await createIndexes(db, 'enforcement_case_officers', { officer: 'officer_id' });
      await createTable(db, 'enforcement_case_records', `
        id text primary key, case_id text not null references enforcement_cases(id), unit_id text not null references org_units(id),
        stage text not null, medium text not null, title text not null, reference text, date text not null, created_at text not null, created_by text`);
      await createIndexes(db, 'enforcement_case_records', { case: 'case_id, date' });
    },
  },
  // 案卷评查: campaigns with their scoring sheet, and the files sampled into them.
  enforcement_0004_file_reviews: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'enforcement_review_campaigns', `
        title text not null, start_date text not null, pass_mark integer not null, reviewers text, finished_date text,
        status text not null, lines text not null, pending_files integer not null default 0`);
      await createRecordTable(db, 'enforcement_file_reviews', `
        campaign_id text not null references enforcement_review_campaigns(id), case_id text not null references enforcement_cases(id),
        reviewed_date text, score integer, passed integer, problems text,
        constraint enforcement_file_reviews_case unique (campaign_id, case_id)`);
      await createIndexes(db, 'enforcement_file_reviews', { figures: 'reviewed_date, unit_id' });
    },
  },
  // 行政执法监督: supervision actions with their opinion, correction report and decision.
  enforcement_0005_supervisions: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'enforcement_supervisions', `
        body_id text not null references enforcement_bodies(id), title text not null, kind text not null, start_date text not null,
        findings text, status text not null, opinion_date text, opinion text, corrected_date text, correction_report text,
        decision_date text, decision text, closed_date text`);
      await createIndexes(db, 'enforcement_supervisions', { body: 'body_id, status', start: 'start_date, unit_id', opinion: 'opinion_date, unit_id' });
    },
  },
  // 投诉举报 about enforcement: received (also on the portal), assigned to the body's unit, answered on its clock.
  enforcement_0006_complaints: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'enforcement_complaints', `
        body_id text references enforcement_bodies(id), title text not null, kind text not null, received_date text not null,
        complainant_name text not null, complainant_id_number_enc text, complainant_phone_enc text, content text not null,
        channel text not null, status text not null, reply_date text, result text, reply_content text, closed_date text`);
      await createIndexes(db, 'enforcement_complaints', { figures: 'received_date, unit_id, status, reply_date', unit_status: 'unit_id, status' });
    },
  },
  // 两法衔接: cases transferred to the public-security organs.
  enforcement_0007_transfers: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'enforcement_transfers', `
        case_id text not null references enforcement_cases(id), organ text not null, transfer_date text not null,
        suspected_crime text, result text not null, result_date text, result_note text`);
      await createIndexes(db, 'enforcement_transfers', { case: 'case_id', figures: 'transfer_date, unit_id' });
    },
  },
  // 执法评议: the bureau's rating of a supervised body's enforcement.
  enforcement_0008_evaluations: {
    async up(db: Kysely<any>) {
      for (const column of ['evaluation_date', 'evaluation_result', 'evaluation_note']) await db.schema.alterTable('enforcement_supervisions').addColumn(column, 'text').execute();
      await createIndexes(db, 'enforcement_supervisions', { evaluation: 'evaluation_date, unit_id' });
    },
  },
  // 案卷评查: the score of each line of the campaign's sheet (a JSON array, in the sheet's order).
  enforcement_0009_line_scores: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('enforcement_file_reviews').addColumn('line_scores', 'text').execute();
    },
  },
  // 文号: a case's 执法决定书 and a supervision's 监督意见书, numbered by the law office's patterns.
  enforcement_0010_document_numbers: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('enforcement_cases').addColumn('decision_number', 'text').execute();
      await db.schema.createIndex('enforcement_cases_decision_number').unique().on('enforcement_cases').column('decision_number').execute();
      await db.schema.alterTable('enforcement_supervisions').addColumn('opinion_number', 'text').execute();
      await db.schema.createIndex('enforcement_supervisions_opinion_number').unique().on('enforcement_supervisions').column('opinion_number').execute();
    },
  },
});
