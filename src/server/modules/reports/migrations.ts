import type { Kysely } from 'kysely';
import { withStamps, type MigrationSet } from '../../kernel/db/migrations.ts';

export const reportMigrations: MigrationSet = () => ({
  reports_0001_annual_reports: {
    async up(db: Kysely<any>) {
      await withStamps(
        db.schema
          .createTable('annual_reports')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('issuer', 'text', (c) => c.notNull())
          .addColumn('issued_date', 'text')
          .addColumn('sections', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('approved_date', 'text')
          .addColumn('published_date', 'text')
          .addColumn('publish_due', 'text', (c) => c.notNull())
          .addUniqueConstraint('annual_reports_unit_year', ['unit_id', 'year']),
      ).execute();
      await db.schema.createIndex('annual_reports_year_status').on('annual_reports').columns(['year', 'status']).execute();
    },
  },
});
