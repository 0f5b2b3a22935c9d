import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createRecordTable, createTable, createIndexes } from '../../kernel/db/schema.ts';

export const supervisionMigrations: MigrationSet = () => ({
  supervision_0001_inspections_findings: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'inspections', `
        title text not null, kind text not null, date text not null, inspectors text not null,
        checklist text not null default '[]', summary text`, { ref: 'unique' });
      await createIndexes(db, 'inspections', { date: 'date' });
      await createTable(db, 'inspection_targets', `
        inspection_id text not null references inspections(id) on delete cascade,
        unit_id text not null references org_units(id),
        constraint inspection_targets_pk primary key (inspection_id, unit_id)`);
      await createIndexes(db, 'inspection_targets', { unit: 'unit_id' });
      await createRecordTable(db, 'findings', `
        inspection_id text not null references inspections(id), unit_id text not null references org_units(id),
        description text not null, severity text not null, due_date text not null, status text not null,
        measures text, rectified_date text, verified_date text, followup_result text, interviewed_on text`, { ref: 'unique' });
      await createIndexes(db, 'findings', { unit_status: 'unit_id, status', inspection: 'inspection_id' });
      await createTable(db, 'interviews', `
        id text primary key, finding_id text not null references findings(id),
        unit_id text not null references org_units(id), held_on text not null, interviewee text not null,
        conducted_by text not null, notes text not null, created_by text, created_at text not null`);
      await createIndexes(db, 'interviews', { finding: 'finding_id', held: 'held_on' });
      await createTable(db, 'notices', `
        id text primary key, kind text not null, title text not null, content text not null,
        issued_date text not null, unit_id text not null references org_units(id), inspection_id text,
        finding_id text, level integer, created_by text, created_at text not null`);
      await createIndexes(db, 'notices', { finding: 'finding_id' });
    },
  },
  // Notices as records (NOTICE in shared/schemas/supervision.ts): a ref and a version like every record.
  supervision_0002_notices_ref_version: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('notices').addColumn('ref', 'text').execute();
      await db.schema.alterTable('notices').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    },
  },
  // Notices are workflow records (one state, 已印发) and take a 文号 when issued (kernel/numbering, at creation).
  supervision_0003_notice_numbers: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('notices').addColumn('status', 'text', (c) => c.notNull().defaultTo('issued')).execute();
      await db.schema.alterTable('notices').addColumn('case_number', 'text').execute();
      await db.schema.createIndex('notices_case_number').unique().on('notices').column('case_number').execute();
    },
  },
  // A finding's 整改通知书 takes its 文号 when the finding is recorded.
  supervision_0004_finding_notice_numbers: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('findings').addColumn('notice_number', 'text').execute();
      await db.schema.createIndex('findings_notice_number').unique().on('findings').column('notice_number').execute();
    },
  },
});
