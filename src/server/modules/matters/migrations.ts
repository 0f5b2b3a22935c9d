import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';

export const matterMigrations: MigrationSet = () => ({
  matters_0001_matters: {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('matters')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ref', 'text', (c) => c.unique())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('rule_code', 'text', (c) => c.notNull().references('deadline_rules.code'))
        .addColumn('assigned_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reply', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
      await db.schema.createIndex('matters_unit_status').on('matters').columns(['unit_id', 'status']).execute();
      await db.schema.createIndex('matters_status').on('matters').columns(['status', 'assigned_date']).execute();
    },
  },
});
