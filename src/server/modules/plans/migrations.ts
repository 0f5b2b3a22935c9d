import { sql, type Kysely } from 'kysely';
import { withStamps, type MigrationSet } from '../../kernel/db/migrations.ts';

export const planMigrations: MigrationSet = () => ({
  plans_0001_plans_tasks: {
    async up(db: Kysely<any>) {
      const stamps = withStamps;
      await stamps(
        db.schema
          .createTable('plans')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text', (c) => c.unique())
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('source', 'text')
          .addColumn('issued_date', 'text', (c) => c.notNull()),
      ).execute();
      await db.schema.createIndex('plans_year').on('plans').column('year').execute();
      await stamps(
        db.schema
          .createTable('tasks')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text', (c) => c.unique())
          .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('content', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('due_date', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('percent', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('completion_note', 'text')
          .addColumn('completed_date', 'text')
          .addColumn('milestones', 'text', (c) => c.notNull().defaultTo('[]'))
          .addUniqueConstraint('tasks_plan_code', ['plan_id', 'code']),
      ).execute();
      await db.schema.createIndex('tasks_unit_status').on('tasks').columns(['unit_id', 'status']).execute();
      await db.schema.createIndex('tasks_plan').on('tasks').columns(['plan_id', 'code']).execute();
      await db.schema
        .createTable('task_co_units')
        .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addPrimaryKeyConstraint('task_co_units_pk', ['task_id', 'unit_id'])
        .execute();
      await db.schema.createIndex('task_co_units_unit').on('task_co_units').column('unit_id').execute();
      await db.schema
        .createTable('task_progress')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('reported_on', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('percent', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('task_progress_task').on('task_progress').columns(['task_id', 'reported_on']).execute();
    },
  },
  // A plan's owner unit, like every record's: the unit of the office that issues it (印发单位),
  // set from the author's unit (earlier plans: their creator's).
  plans_0002_issuing_unit: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('plans').addColumn('unit_id', 'text', (c) => c.references('org_units.id')).execute();
      await sql`update plans set unit_id = (select u.unit_id from users u where u.id = plans.created_by)`.execute(db);
    },
  },
});
