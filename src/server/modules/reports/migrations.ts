import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createRecordTable, createIndexes } from '../../kernel/db/schema.ts';

export const reportMigrations: MigrationSet = () => ({
  reports_0001_annual_reports: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'annual_reports', `
        year integer not null, kind text not null, title text not null, issuer text not null, issued_date text,
        sections text not null, status text not null, approved_date text, published_date text,
        publish_due text not null, constraint annual_reports_unit_year unique (unit_id, year)`, { ref: false });
      await createIndexes(db, 'annual_reports', { year_status: 'year, status' });
    },
  },
});
