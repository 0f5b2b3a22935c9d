import { sql, type Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createRecordTable, createTable, createIndexes } from '../../kernel/db/schema.ts';

export const planMigrations: MigrationSet = () => ({
  plans_0001_plans_tasks: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'plans', `
        year integer not null, title text not null, source text, issued_date text not null`, { ref: 'unique', unit: false });
      await createIndexes(db, 'plans', { year: 'year' });
      await createRecordTable(db, 'tasks', `
        plan_id text not null references plans(id), code text not null, title text not null, content text not null,
        unit_id text not null references org_units(id), due_date text not null, status text not null,
        percent integer not null default 0, completion_note text, completed_date text,
        milestones text not null default '[]', constraint tasks_plan_code unique (plan_id, code)`, { ref: 'unique' });
      await createIndexes(db, 'tasks', { unit_status: 'unit_id, status', plan: 'plan_id, code' });
      await createTable(db, 'task_co_units', `
        task_id text not null references tasks(id) on delete cascade, unit_id text not null references org_units(id),
        constraint task_co_units_pk primary key (task_id, unit_id)`);
      await createIndexes(db, 'task_co_units', { unit: 'unit_id' });
      await createTable(db, 'task_progress', `
        id text primary key, task_id text not null references tasks(id) on delete cascade,
        unit_id text not null references org_units(id), reported_on text not null, text text not null,
        percent integer not null, created_by text, created_at text not null`);
      await createIndexes(db, 'task_progress', { task: 'task_id, reported_on' });
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
