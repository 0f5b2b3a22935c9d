import type { Kysely } from 'kysely';
import { withStamps, type MigrationSet } from '../../kernel/db/migrations.ts';

export const supervisionMigrations: MigrationSet = () => ({
  supervision_0001_inspections_findings: {
    async up(db: Kysely<any>) {
      const stamps = withStamps;
      await stamps(
        db.schema
          .createTable('inspections')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text', (c) => c.unique())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('inspectors', 'text', (c) => c.notNull())
          .addColumn('checklist', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('summary', 'text'),
      ).execute();
      await db.schema.createIndex('inspections_date').on('inspections').column('date').execute();
      await db.schema
        .createTable('inspection_targets')
        .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id').onDelete('cascade'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addPrimaryKeyConstraint('inspection_targets_pk', ['inspection_id', 'unit_id'])
        .execute();
      await db.schema.createIndex('inspection_targets_unit').on('inspection_targets').column('unit_id').execute();
      await stamps(
        db.schema
          .createTable('findings')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text', (c) => c.unique())
          .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('severity', 'text', (c) => c.notNull())
          .addColumn('due_date', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('measures', 'text')
          .addColumn('rectified_date', 'text')
          .addColumn('verified_date', 'text')
          .addColumn('followup_result', 'text')
          .addColumn('interviewed_on', 'text'),
      ).execute();
      await db.schema.createIndex('findings_unit_status').on('findings').columns(['unit_id', 'status']).execute();
      await db.schema.createIndex('findings_inspection').on('findings').column('inspection_id').execute();
      await db.schema
        .createTable('interviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('finding_id', 'text', (c) => c.notNull().references('findings.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('interviewee', 'text', (c) => c.notNull())
        .addColumn('conducted_by', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('interviews_finding').on('interviews').column('finding_id').execute();
      await db.schema.createIndex('interviews_held').on('interviews').column('held_on').execute();
      await db.schema
        .createTable('notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('issued_date', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('inspection_id', 'text')
        .addColumn('finding_id', 'text')
        .addColumn('level', 'integer')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notices_finding').on('notices').column('finding_id').execute();
    },
  },
  // Notices as records (NOTICE in shared/schemas/supervision.ts): a ref and a version like every record.
  supervision_0002_notices_ref_version: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('notices').addColumn('ref', 'text').execute();
      await db.schema.alterTable('notices').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    },
  },
});
