import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { sql } from 'kysely';
import { createRecordTable, createIndexes } from '../../kernel/db/schema.ts';

export const auditMigrations: MigrationSet = (dialect) => ({
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
  // One finding can involve more than 2^31 fen (about 2,147万元, e.g. an investment audit): 64-bit on
  // PostgreSQL (SQLite's integer already is).
  audits_0002_amount_bigint: {
    async up(db: Kysely<any>) {
      if (dialect === 'postgres') await sql`alter table audit_findings alter column amount_fen type bigint`.execute(db);
    },
  },
});
