import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createRecordTable, createIndexes } from '../../kernel/db/schema.ts';

export const auditMigrations: MigrationSet = () => ({
  audits_0001_projects_findings: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'audit_projects', `
        title text not null, kind text not null, date text not null, period text, auditor text, status text not null`);
      await createIndexes(db, 'audit_projects', { date: 'date, unit_id' });
      await createRecordTable(db, 'audit_findings', `
        project_id text not null references audit_projects(id), description text not null, category text,
        amount_fen integer, found_date text not null, status text not null, measures text, rectified_date text,
        verified_date text, verify_note text`);
      await createIndexes(db, 'audit_findings', { project: 'project_id', found: 'found_date, unit_id, status' });
    },
  },
});
