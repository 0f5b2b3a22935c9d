import type { Kysely } from 'kysely';
import { withStamps, type MigrationSet } from '../../kernel/db/migrations.ts';

export const proposalMigrations: MigrationSet = () => ({
  proposals_0001_proposals: {
    async up(db: Kysely<any>) {
      await withStamps(
        db.schema
          .createTable('proposals')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text', (c) => c.unique())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('number', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('proposer', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('assigned_date', 'text', (c) => c.notNull())
          .addColumn('complex', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('filed', 'integer')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('reply_date', 'text')
          .addColumn('satisfaction', 'text'),
      ).execute();
      await db.schema.createIndex('proposals_assigned').on('proposals').column('assigned_date').execute();
      await db.schema.createIndex('proposals_unit_status').on('proposals').columns(['unit_id', 'status']).execute();
    },
  },
});
