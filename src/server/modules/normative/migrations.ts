import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { addColumns, createIndexes, createRecordTable, createTable, withStamps } from '../../kernel/db/schema.ts';
import { nowIso } from '../../kernel/ids.ts';
import { DEFAULT_CHECK_RULES } from './checks.ts';

export const normativeMigrations: MigrationSet = () => ({
  normative_0001_docs: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'normative_docs', `
        title text not null, status text not null, body text, text_no integer not null default 0,
        open_flags integer not null default 0,
        subject_finding text, authority_finding text, content_finding text, procedure_finding text,
        review_conclusion text, review_opinion text, reviewed_date text,
        deliberated_date text, deliberation_meeting text,
        doc_number text, number_year integer, number_seq integer, register_number text,
        -- numbers the law office typed at publication, checked before they become the document's
        requested_doc_number text, requested_register_number text,
        issued_date text, valid_until text, validity_reason text, expiry_warned integer not null default 0,
        filed_date text, filing_body text, filing_feedback text, ended_date text`);
      // 三统一: a document number and a registration number belong to one document.
      await db.schema.createIndex('normative_docs_doc_number').unique().on('normative_docs').column('doc_number').execute();
      await db.schema.createIndex('normative_docs_register_number').unique().on('normative_docs').column('register_number').execute();
      await createIndexes(db, 'normative_docs', { issued: 'issued_date', reviewed: 'reviewed_date', status_valid: 'status, valid_until' });
      // Every text a draft had, in order: pasted, read from a .docx or imported.
      await createTable(db, 'normative_doc_texts', `
        id text primary key, doc_id text not null references normative_docs(id),
        unit_id text not null references org_units(id), no integer not null, body text not null,
        source text not null, filename text, created_by text, created_at text not null,
        constraint normative_doc_texts_doc_no unique (doc_id, no)`);
    },
  },
  // Pre-review checks: the rules (data the law office extends), the flags each submitted text got
  // with the reviewer's decision, and the draft's record of public comment they look at.
  normative_0002_checks: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('normative_docs').addColumn('consultation', 'text').execute();
      await withStamps(addColumns(db.schema.createTable('normdoc_check_rules'), `
        code text primary key, category text not null, name text not null, scope text not null,
        pattern text not null, basis text, citation text not null, active integer not null default 1,
        sort_order integer not null default 0`)).execute();
      const now = nowIso();
      await db
        .insertInto('normdoc_check_rules')
        .values(DEFAULT_CHECK_RULES.map((r, i) => ({ code: r.code, category: r.category, name: r.name, scope: r.scope, pattern: r.pattern, basis: r.basis, citation: r.citation, active: 1, sort_order: i, version: 1, created_at: now, created_by: null, updated_at: now, updated_by: null })))
        .execute();
      await createTable(db, 'normative_doc_flags', `
        id text primary key, doc_id text not null references normative_docs(id),
        unit_id text not null references org_units(id), text_no integer not null,
        rule_code text not null, rule_name text not null, category text not null, citation text not null,
        sentence text, position integer not null, status text not null, note text,
        decided_by text, decided_at text, created_at text not null`);
      await createIndexes(db, 'normative_doc_flags', { doc: 'doc_id, text_no' });
    },
  },
  normative_0003_legal_reviews: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'legal_reviews', `
        title text not null, kind text not null, received_date text not null, reviewer text,
        status text not null, completed_date text, opinion text, opinion_form text, written_opinion integer`);
      await createIndexes(db, 'legal_reviews', { completed: 'completed_date, kind', unit_status: 'unit_id, status' });
    },
  },
  // Filing with both bodies: the government above (filed_date…) and the People's Congress standing
  // committee (congress_…), each with its date, body and feedback; filing_done_date once both are filed.
  normative_0004_filing_bodies: {
    async up(db: Kysely<any>) {
      for (const column of ['congress_filed_date', 'congress_filing_body', 'congress_feedback', 'filing_done_date']) await db.schema.alterTable('normative_docs').addColumn(column, 'text').execute();
      // Until now one filing went to both bodies (its body named them together).
      await db.updateTable('normative_docs').set((eb: any) => ({ congress_filed_date: eb.ref('filed_date'), congress_filing_body: eb.ref('filing_body'), filing_done_date: eb.ref('filed_date') })).where('filed_date', 'is not', null).execute();
    },
  },
  // 清理: campaigns and the documents each selected, with the result; an item carries its document's
  // unit (data scope, the figure's unit) and the campaign's finish date (docs.cleanup_flagged).
  normative_0005_cleanups: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'normdoc_cleanups', `
        title text not null, kind text not null, subject text, issued_before text not null, deadline text not null,
        status text not null, finished_date text, item_count integer not null default 0, pending_items integer not null default 0`);
      await createIndexes(db, 'normdoc_cleanups', { finished: 'finished_date' });
      await createRecordTable(db, 'normdoc_cleanup_items', `
        cleanup_id text not null references normdoc_cleanups(id), doc_id text not null references normative_docs(id),
        result text, reason text, finished_date text,
        constraint normdoc_cleanup_items_cleanup_doc unique (cleanup_id, doc_id)`);
      await createIndexes(db, 'normdoc_cleanup_items', { finished: 'finished_date, result', doc: 'doc_id' });
    },
  },
  // 法律顾问、公职律师: the registry (phone sealed), the units each serves, and the engagements.
  normative_0006_advisors: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'legal_advisors', `
        name text not null, kind text not null, firm text, phone_enc text, contract_start text not null, contract_end text`);
      await createIndexes(db, 'legal_advisors', { contract: 'contract_start, contract_end' });
      await createTable(db, 'legal_advisor_units', `
        advisor_id text not null references legal_advisors(id) on delete cascade, unit_id text not null references org_units(id),
        constraint legal_advisor_units_pk primary key (advisor_id, unit_id)`);
      await createRecordTable(db, 'advisor_engagements', `
        advisor_id text not null references legal_advisors(id), date text not null, kind text not null,
        subject text not null, linked_type text, linked_id text`);
      await createIndexes(db, 'advisor_engagements', { date: 'date', advisor: 'advisor_id, date' });
    },
  },
});
