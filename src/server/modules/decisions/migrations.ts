import { sql, type Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createRecordTable, createIndexes, createTable } from '../../kernel/db/schema.ts';
import { PROCEDURES } from '../../../shared/schemas/decisions.ts';

export const decisionMigrations: MigrationSet = () => ({
  decision_0001_tables: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'decision_catalog_items', `
        year integer not null, title text not null, planned_date text, consent_date text, added_reason text,
        status text not null, withdrawn_date text, withdrawn_reason text`);
      await createIndexes(db, 'decision_catalog_items', { year: 'year, unit_id' });
      await createRecordTable(db, 'decisions', `
        year integer not null, title text not null, catalog_item_id text references decision_catalog_items(id),
        unlisted_reason text, summary text, status text not null,
        pp_na_reason text, draft_text text, comment_start text, comment_end text, comment_short_reason text,
        comments_received integer not null default 0, open_comments integer not null default 0, comment_summary_date text,
        expert_na_reason text, expert_date text, experts text, expert_opinion text,
        risk_na_reason text, risk_date text, risk_level text, risk_assessor text, risk_report text, risk_measures text,
        legality_submitted_date text, legality_due_date text, legality_reviewer_kind text, legality_reviewer text,
        legality_date text, legality_conclusion text, legality_opinion text,
        meeting text, meeting_name text, deliberation_date text, minutes text, dissent text,
        decided_date text, published_date text, publication text,
        post_eval_date text, post_eval_trigger text, post_evaluator text, post_eval_conclusion text, post_eval_report text`);
      await createIndexes(db, 'decisions', { year: 'year, unit_id', decided: 'decided_date', comment: 'comment_end, comment_start', catalog: 'catalog_item_id' });
      await createRecordTable(db, 'decision_comments', `
        decision_id text not null references decisions(id), title text not null, received_date text not null,
        commenter_name text, commenter_phone_enc text, content text not null, channel text not null, status text not null,
        answer text, answer_reason text, answered_date text`);
      await createIndexes(db, 'decision_comments', { decision: 'decision_id, status', received: 'received_date' });
      await createRecordTable(db, 'decision_events', `
        decision_id text not null references decisions(id), kind text not null, date text not null, notice_date text,
        participants integer not null, participant_list text, record text`);
      await createIndexes(db, 'decision_events', { decision: 'decision_id', date: 'date' });
      await createTable(db, 'decision_reports', `
        id text primary key, decision_id text not null references decisions(id), unit_id text not null references org_units(id),
        date text not null, content text not null, created_at text not null, created_by text`);
      await createIndexes(db, 'decision_reports', { decision: 'decision_id' });
    },
  },
  // Comments received known only as a count (imported history) were stored as placeholder comment
  // rows; they become a count on the decision, and the figure numbers them from a fixed table.
  decision_0002_imported_comment_counts: {
    async up(db: Kysely<any>) {
      await sql`alter table decisions add column imported_comments integer not null default 0`.execute(db);
      await sql`update decisions set imported_comments = (select count(*) from decision_comments c where c.decision_id = decisions.id and c.channel = 'import')`.execute(db);
      await sql`delete from decision_comments where channel = 'import'`.execute(db);
      await createTable(db, 'decision_comment_numbers', `n integer primary key`);
      for (let from = 1; from <= 10000; from += 500) {
        await db.insertInto('decision_comment_numbers').values(Array.from({ length: 500 }, (_, i) => ({ n: from + i }))).execute();
      }
    },
  },
  // Procedures an import recorded from history without the details a live entry asks for. Rows the
  // earlier import wrote directly (a date without its details) are marked as such.
  decision_0003_imported_procedures: {
    async up(db: Kysely<any>) {
      await sql`alter table decisions add column imported_procedures text`.execute(db);
      await sql`update decisions set imported_procedures =
        case when comment_start is not null and draft_text is null then 'public_participation;' else '' end ||
        case when expert_date is not null and expert_opinion is null then 'expert;' else '' end ||
        case when risk_date is not null and risk_report is null then 'risk;' else '' end ||
        case when legality_date is not null and legality_conclusion is null then 'legality;' else '' end ||
        case when deliberation_date is not null and minutes is null then 'deliberation;' else '' end`.execute(db);
      await sql`update decisions set imported_procedures = null where imported_procedures = ''`.execute(db);
    },
  },
  // Each procedure of a decision as a record of its own, for its evidence files (证明材料): one row
  // per decision and procedure, in the decision's unit; the decisions already kept get theirs.
  decision_0004_procedure_records: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'decision_procedures', `
        decision_id text not null references decisions(id), procedure text not null, title text not null, status text not null,
        constraint decision_procedures_one unique (decision_id, procedure)`);
      for (const [code, label] of Object.entries(PROCEDURES)) {
        await sql`insert into decision_procedures (id, ref, unit_id, decision_id, procedure, title, status, version, created_at, created_by, updated_at, updated_by)
          select id || ${`.${code}`}, null, unit_id, id, ${code}, ${label}, 'kept', 1, created_at, created_by, created_at, created_by from decisions`.execute(db);
      }
    },
  },
});
